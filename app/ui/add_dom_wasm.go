//go:build wasm

package ui

import (
	"strings"
	"sync"
	"syscall/js"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/htmlblocks"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The DOM glue of adding an article (add_article.go, add_address.go,
// share_page.go): the host's /api/fetch, the browser's idea of being
// online, and the clipboard's HTML read through the browser's own parser.

// fetchAPI GETs path from the host, never from a cache: a fetched page is
// the reader's to keep in the app's storage, and a cached answer would be
// another moment's page (fetchHost).
func fetchAPI(path string) (status int, body []byte, err error) {
	return fetchHost(path, "no-store")
}

// browserOnline is navigator.onLine: false when the browser knows it has
// no network (true is only a hope).
func browserOnline() bool {
	return app.Window().Get("navigator").Get("onLine").Bool()
}

var onlineOnce sync.Once

// watchOnline posts actionFetchWaiting whenever the browser comes back
// online, for the rest of the tab's life: the addresses added offline are
// then fetched, whichever page is open. The action is handled app-wide
// (Register), so ctx may be a component's that has left the page since.
func watchOnline(ctx app.Context) {
	onlineOnce.Do(func() {
		app.Window().Call("addEventListener", "online", app.FuncOf(func(this app.Value, args []app.Value) any {
			ctx.NewAction(actionFetchWaiting)
			return nil
		}))
	})
}

// currentPath is the page's path now.
func currentPath() string {
	return app.Window().Get("location").Get("pathname").String()
}

// queryParam is a parameter of the page's address (the browser's
// URLSearchParams: Go's query parser is not otherwise in app.wasm).
func queryParam(name string) string {
	v := js.Global().Get("URLSearchParams").New(js.Global().Get("location").Get("search")).Call("get", name)
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}

// replaceAddress puts path in place of the page's address in the history,
// without a navigation: the share target's page drops what was shared from
// its address once read, so that Back does not add it again.
func replaceAddress(path string) {
	app.Window().Get("history").Call("replaceState", nil, "", path)
}

// listenPaste reads a paste into the empty text box with id: when the
// clipboard holds HTML (a selection copied from a web page), it is read
// through the browser's DOMParser into an article (htmlblocks.Pasted):
// the paste is taken over, the text box shows the article as plain text,
// and pasted gets the article. The HTML is never put into the page, and a
// document made by DOMParser runs no script and loads no image. A paste
// into text already there, or without HTML, or with HTML that holds no
// article, is left to the browser. It returns a func that stops listening.
func listenPaste(ctx app.Context, id string, pasted func(ctx app.Context, a *article.Article, text string)) func() {
	// The listener is on the document, not on the box: go-app may put a
	// new element in the box's place when it renders the library again,
	// and a listener on the old one would never hear a paste.
	doc := js.Global().Get("document")
	onPaste := js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		box := e.Get("target")
		if !box.Truthy() || box.Get("id").String() != id {
			return nil
		}
		if strings.TrimSpace(box.Get("value").String()) != "" {
			return nil
		}
		data := e.Get("clipboardData")
		if !data.Truthy() {
			return nil
		}
		// getData answers a JS string, which has no properties to Get
		// from Go (that panics): its length is measured in Go.
		v := data.Call("getData", "text/html")
		if v.Type() != js.TypeString {
			return nil
		}
		html := v.String()
		if html == "" || len(html) > htmlblocks.MaxPageSize {
			return nil
		}
		a, ok := readPastedHTML(html)
		if !ok {
			return nil
		}
		e.Call("preventDefault")
		text := htmlblocks.PlainText(a)
		box.Set("value", text)
		ctx.Dispatch(func(ctx app.Context) { pasted(ctx, a, text) })
		return nil
	})
	doc.Call("addEventListener", "paste", onPaste)
	return func() {
		doc.Call("removeEventListener", "paste", onPaste)
		onPaste.Release()
	}
}

// readPastedHTML parses HTML with the browser's DOMParser and reads its
// body as an article. A panic of a JS call (a browser without DOMParser)
// is a failure, and the paste is left to the browser.
func readPastedHTML(html string) (a *article.Article, ok bool) {
	defer func() {
		if recover() != nil {
			a, ok = nil, false
		}
	}()
	parser := js.Global().Get("DOMParser")
	if !parser.Truthy() {
		return nil, false
	}
	doc := parser.New().Call("parseFromString", html, "text/html")
	root := doc.Get("body")
	if !root.Truthy() {
		root = doc.Get("documentElement")
	}
	a, err := htmlblocks.Pasted(pastedID, htmlblocks.Blocks(newDOMNode(root)), "")
	return a, err == nil
}

// domNode is a node of a DOM tree as htmlblocks reads it. Its kind and tag
// are read once, when the walk reaches it: every other question costs a
// call into JS.
type domNode struct {
	v    js.Value
	kind htmlblocks.Kind
	tag  string
}

func newDOMNode(v js.Value) domNode {
	n := domNode{v: v}
	switch v.Get("nodeType").Int() {
	case 1: // ELEMENT_NODE
		n.kind = htmlblocks.Element
		// localName is lower case for HTML elements; foreign ones (svg,
		// math) are skipped by their own name.
		n.tag = strings.ToLower(v.Get("localName").String())
	case 3, 4: // TEXT_NODE, CDATA_SECTION_NODE
		n.kind = htmlblocks.Text
	case 9, 11: // DOCUMENT_NODE, DOCUMENT_FRAGMENT_NODE
		n.kind = htmlblocks.Document
	default:
		n.kind = htmlblocks.Other
	}
	return n
}

func (n domNode) Kind() htmlblocks.Kind { return n.kind }
func (n domNode) Tag() string           { return n.tag }
func (n domNode) Data() string          { return n.v.Get("nodeValue").String() }

func (n domNode) Attr(name string) (string, bool) {
	v := n.v.Call("getAttribute", name)
	if v.Type() != js.TypeString {
		return "", false
	}
	return v.String(), true
}

func (n domNode) related(name string) (domNode, bool) {
	v := n.v.Get(name)
	if !v.Truthy() {
		return domNode{}, false
	}
	return newDOMNode(v), true
}

func (n domNode) FirstChild() (domNode, bool)  { return n.related("firstChild") }
func (n domNode) NextSibling() (domNode, bool) { return n.related("nextSibling") }
func (n domNode) Parent() (domNode, bool)      { return n.related("parentNode") }

// listenAddDrop takes what is dropped on the element whose addDropZone
// attribute is zone: the first file (read up to limit bytes), a link
// dragged from a page or the address bar (text/uri-list, or plain text
// that is a web address), or a selection dragged from a page (its HTML,
// read as listenPaste reads a paste, when the text box with id boxID is
// empty). Other plain text is left to the browser, which puts it in the
// text box when dropped there. While something is dragged over the zone,
// <html> has the class "add-dropping". The listeners are on the document
// (go-app may replace the elements); the returned func stops them.
func listenAddDrop(ctx app.Context, zone, boxID string, limit int, dropped func(app.Context, droppedOnAdd)) func() {
	doc := js.Global().Get("document")
	root := doc.Get("documentElement")
	inZone := func(e js.Value) bool {
		t := e.Get("target")
		if !t.Truthy() || t.Get("closest").Type() != js.TypeFunction {
			return false
		}
		return t.Call("closest", "["+addDropZone+"="+zone+"]").Truthy()
	}
	hasType := func(dt js.Value, want string) bool {
		types := dt.Get("types")
		for i := 0; i < types.Get("length").Int(); i++ {
			if types.Index(i).String() == want {
				return true
			}
		}
		return false
	}
	getData := func(dt js.Value, format string) string {
		v := dt.Call("getData", format)
		if v.Type() != js.TypeString {
			return ""
		}
		return v.String()
	}
	over := js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		dt := e.Get("dataTransfer")
		if !dt.Truthy() || !inZone(e) {
			return nil
		}
		if !hasType(dt, "Files") && !hasType(dt, "text/uri-list") && !hasType(dt, "text/html") && !hasType(dt, "text/plain") {
			return nil
		}
		e.Call("preventDefault")
		dt.Set("dropEffect", "copy")
		root.Get("classList").Call("add", "add-dropping")
		return nil
	})
	leave := js.FuncOf(func(this js.Value, args []js.Value) any {
		rel := args[0].Get("relatedTarget")
		if !rel.Truthy() || !rel.Call("closest", "["+addDropZone+"="+zone+"]").Truthy() {
			root.Get("classList").Call("remove", "add-dropping")
		}
		return nil
	})
	drop := js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		dt := e.Get("dataTransfer")
		if !dt.Truthy() || !inZone(e) {
			return nil
		}
		root.Get("classList").Call("remove", "add-dropping")
		if files := dt.Get("files"); files.Truthy() && files.Get("length").Int() > 0 {
			e.Call("preventDefault")
			readFile(ctx, app.ValueOf(files.Index(0)), limit, func(ctx app.Context, name string, data []byte, err error) {
				dropped(ctx, droppedOnAdd{Name: name, Data: data, Err: err})
			})
			return nil
		}
		if addr, ok := droppedAddress(getData(dt, "text/uri-list"), getData(dt, "text/plain")); ok {
			e.Call("preventDefault")
			ctx.Dispatch(func(ctx app.Context) { dropped(ctx, droppedOnAdd{Address: addr}) })
			return nil
		}
		box := doc.Call("getElementById", boxID)
		if html := getData(dt, "text/html"); html != "" && len(html) <= htmlblocks.MaxPageSize && box.Truthy() && strings.TrimSpace(box.Get("value").String()) == "" {
			if a, ok := readPastedHTML(html); ok {
				e.Call("preventDefault")
				text := htmlblocks.PlainText(a)
				box.Set("value", text)
				ctx.Dispatch(func(ctx app.Context) { dropped(ctx, droppedOnAdd{Pasted: a, Text: text}) })
				return nil
			}
		}
		if text := getData(dt, "text/plain"); text != "" && box.Truthy() && !e.Get("target").Equal(box) {
			// Dropped beside the box: into it, as the browser does on it.
			e.Call("preventDefault")
			box.Set("value", text)
			ctx.Dispatch(func(ctx app.Context) { dropped(ctx, droppedOnAdd{Text: text}) })
		}
		return nil
	})
	doc.Call("addEventListener", "dragover", over)
	doc.Call("addEventListener", "dragleave", leave)
	doc.Call("addEventListener", "drop", drop)
	return func() {
		doc.Call("removeEventListener", "dragover", over)
		doc.Call("removeEventListener", "dragleave", leave)
		doc.Call("removeEventListener", "drop", drop)
		root.Get("classList").Call("remove", "add-dropping")
		over.Release()
		leave.Release()
		drop.Release()
	}
}
