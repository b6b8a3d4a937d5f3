package app

import (
	"reflect"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)

// Annotator patch (0007-hydrate-prerendered): the first page the app loads
// in the browser is mounted onto the prerendered DOM the server sent,
// adopting its elements and text nodes where they match, instead of
// building a new tree and replacing the prerendered one with it. Replaced
// nodes are painted again as new content, which the browser counts as the
// page's Largest Contentful Paint: on a slow phone the LCP moved from the
// prerendered text (about a second) to the moment the app had started
// (several seconds). Kept nodes keep their first paint. It also creates far
// fewer DOM nodes at start.
//
// Matching is positional, like Update: an element is adopted when its tag
// matches, a text node when the DOM has a text node there (its value is
// corrected if it differs); whitespace-only text nodes the server's
// indentation added between elements are dropped; a node that does not
// match is mounted anew and inserted or swapped in; DOM nodes left over are
// removed. Attributes are set as Mount sets them, and the ones the
// prerendered element has but the new one does not are removed.

// hydrate mounts v onto the DOM node target. It reports whether target was
// adopted; when it was not, v is mounted anew and the caller puts its node
// in the document.
func (m nodeManager) hydrate(ctx Context, depth uint, v UI, target Value) (UI, bool, error) {
	ctx = m.context(ctx, v)

	switch v := v.(type) {
	case *text:
		if v.Mounted() {
			return nil, false, errors.New("text is already mounted")
		}
		if domNodeType(target) != domTextNode {
			mounted, err := m.mountText(v)
			return mounted, false, err
		}
		v.jsvalue = target
		if target.Get("nodeValue").String() != v.value {
			target.setNodeValue(v.value)
		}
		return v, true, nil

	case HTML:
		if !canHydrateHTML(v, target) {
			mounted, err := m.mountHTML(ctx, depth, v)
			return mounted, false, err
		}
		mounted, err := m.hydrateHTML(ctx, depth, v, target)
		return mounted, true, err

	case Composer:
		return m.hydrateComponent(ctx, depth, v, target)

	default:
		mounted, err := m.Mount(ctx, depth, v)
		return mounted, false, err
	}
}

func (m nodeManager) hydrateHTML(ctx Context, depth uint, v HTML, el Value) (UI, error) {
	if v.Mounted() {
		return nil, errors.New("html element is already mounted").
			WithTag("type", reflect.TypeOf(v)).
			WithTag("tag", v.Tag())
	}

	v = v.setJSElement(el)
	m.mountHTMLAttributes(ctx, v)
	removeExtraAttributes(el, v.attrs())
	m.mountHTMLEventHandlers(ctx, v)
	v = v.setDepth(depth).(HTML)

	children := v.body()
	d := el.Get("firstChild")
	for i, child := range children {
		_, childIsText := child.(*text)
		for !childIsText && isDOMNode(d) && isWhitespaceText(d) {
			next := d.Get("nextSibling")
			el.Call("removeChild", d)
			d = next
		}

		var mounted UI
		var adopted bool
		var err error
		if isDOMNode(d) && mayHydrate(child, d) {
			mounted, adopted, err = m.hydrate(ctx, depth+1, child, d)
		} else {
			mounted, err = m.Mount(ctx, depth+1, child)
		}
		if err != nil {
			return nil, errors.New("hydrating child failed").
				WithTag("type", reflect.TypeOf(v)).
				WithTag("tag", v.Tag()).
				WithTag("index", i).
				Wrap(err)
		}

		switch {
		case adopted:
			d = d.Get("nextSibling")
		case !isDOMNode(d):
			el.Call("appendChild", mounted.JSValue())
		case i+1 < len(children) && mayHydrate(children[i+1], d) && !isWhitespaceText(d):
			// An insertion: d is for the next child.
			el.Call("insertBefore", mounted.JSValue(), d)
		default:
			next := d.Get("nextSibling")
			el.Call("replaceChild", mounted.JSValue(), d)
			d = next
		}
		children[i] = mounted.setParent(v)
	}
	for isDOMNode(d) {
		next := d.Get("nextSibling")
		el.Call("removeChild", d)
		d = next
	}
	return v, nil
}

func (m nodeManager) hydrateComponent(ctx Context, depth uint, v Composer, target Value) (UI, bool, error) {
	if v.Mounted() {
		return nil, false, errors.New("component is already mounted").
			WithTag("type", reflect.TypeOf(v))
	}

	v = v.setRef(v)
	v = v.setDepth(depth)

	if initializer, ok := v.(Initializer); ok {
		initializer.OnInit()
	}
	if mounter, ok := v.(Mounter); ok && IsClient {
		ctx.Dispatch(mounter.OnMount)
	}

	root, err := m.renderComponent(v)
	if err != nil {
		return nil, false, errors.New("rendering component failed").
			WithTag("type", reflect.TypeOf(v)).
			Wrap(err)
	}
	root, adopted, err := m.hydrate(ctx, depth+1, root, target)
	if err != nil {
		return nil, false, errors.New("hydrating component root failed").
			WithTag("type", reflect.TypeOf(v)).
			Wrap(err)
	}
	root = root.setParent(v)
	v = v.setRoot(root)
	return v, adopted, nil
}

// The DOM's node types.
const (
	domElementNode = 1
	domTextNode    = 3
)

func isDOMNode(v Value) bool { return v != nil && v.Truthy() }

func domNodeType(v Value) int {
	if !isDOMNode(v) {
		return 0
	}
	return v.Get("nodeType").Int()
}

func isWhitespaceText(v Value) bool {
	return domNodeType(v) == domTextNode && strings.TrimSpace(v.Get("nodeValue").String()) == ""
}

func canHydrateHTML(v HTML, el Value) bool {
	return domNodeType(el) == domElementNode && el.Get("localName").String() == v.Tag()
}

// mayHydrate reports whether v could adopt the DOM node d. A component is
// always tried: its root decides.
func mayHydrate(v UI, d Value) bool {
	switch v := v.(type) {
	case *text:
		return domNodeType(d) == domTextNode
	case HTML:
		return canHydrateHTML(v, d)
	case Composer:
		return true
	}
	return false
}

// removeExtraAttributes removes the attributes el has that attrs does not
// set. Most elements have exactly the attributes set, which one call
// checks, unless some are set as properties (setJSAttribute), which may
// or may not show as attributes.
func removeExtraAttributes(el Value, attrs attributes) {
	list := el.Get("attributes")
	n := list.Get("length").Int()
	if n == len(attrs) && !hasPropertyAttribute(attrs) {
		return
	}
	var extra []string
	for i := 0; i < n; i++ {
		name := list.Index(i).Get("name").String()
		if _, ok := attrs[name]; !ok {
			extra = append(extra, name)
		}
	}
	for _, name := range extra {
		el.Call("removeAttribute", name)
	}
}

func hasPropertyAttribute(attrs attributes) bool {
	for name := range attrs {
		switch name {
		case "value", "contenteditable", "ismap", "readonly", "async", "autofocus",
			"autoplay", "checked", "default", "defer", "disabled", "hidden", "loop",
			"multiple", "muted", "open", "required", "reversed", "selected":
			return true
		}
	}
	return false
}
