//go:build wasm

package ui

import (
	"strconv"
	"strings"
	"syscall/js"
	"time"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// drawResults shows views in the results list and summary in the two
// status lines (the live region and the count the eye sees), and opens or
// closes the popup that holds them, inside the
// input event, so they are on the screen at the next paint (go-app would
// draw them only at its next frame). go-app renders the list and the status
// lines empty and leaves their children alone.
//
// The list's items are made once and then updated in place: each keystroke
// changes only the texts that changed (mostly the marked letters and the
// text around them) through text nodes, and attaches or detaches items,
// lines and marks as their numbers change. Every text is set as a text
// node's value, never parsed as HTML, so what a note or tag holds is only
// ever text. The texts and attributes that changed are written by one call
// into JS (writeBatch): each call from WebAssembly into JS costs a few
// microseconds, and a keystroke changes a hundred texts or so.
//
// Only the results the popup may show at once are updated inside the event
// (popupGeometry.visible, from the sizes measured after the last paint);
// a new query scrolls the popup to its top, so they are what the next frame
// shows. The others are updated right after that frame is painted, or at
// once when the keyboard moves into the list (flushResults). While the
// popup is scrolled down, all are updated inside the event.
func drawResults(query, summary string, views viewSource, open bool) {
	l := resultsList()
	if l == nil {
		return
	}
	n := views.Len()
	first := n
	switch {
	case l.query != query && l.scrolled:
		// A new query shows the best results, from the top.
		l.popup.Set("scrollTop", 0)
		l.scrolled = false
		first = l.geom.visible(views)
	case !l.scrolled:
		first = l.geom.visible(views)
	}
	l.show(0, first, views)
	if l.shown > n {
		for _, it := range l.items[n:l.shown] {
			it.li.Call("remove")
		}
		l.shown = n
	}
	l.rest, l.restFrom = views, first
	l.count.set(&l.w, summary)
	l.status.set(&l.w, summary)
	if l.query != query {
		l.query = query
		l.w.set(l.ulNode, "data-query", query)
	}
	l.w.flush()
	if l.popup.Get("hidden").Bool() == open {
		l.popup.Set("hidden", !open)
	}
	scheduleAfterPaint()
}

// show updates the items from the from-th to the to-th to show views,
// attaching those not in the list yet.
func (l *resultsListState) show(from, to int, views viewSource) {
	for i := from; i < to; i++ {
		if i == len(l.items) {
			l.items = append(l.items, l.newItem(i))
		}
		l.items[i].show(&l.w, views.View(i))
	}
	if to > l.shown {
		args := make([]any, 0, to-l.shown)
		for _, it := range l.items[l.shown:to] {
			args = append(args, it.li)
		}
		l.ul.Call("append", args...)
		l.shown = to
	}
}

// flushResults draws the results drawResults left for after the paint.
func flushResults() {
	if drawn == nil || drawn.rest == nil {
		return
	}
	l := drawn
	rest, from := l.rest, l.restFrom
	l.rest = nil
	if n := rest.Len(); from < n && l.ul.Get("isConnected").Bool() {
		l.show(from, n, rest)
		l.w.flush()
	}
}

// scheduleAfterPaint measures the popup and draws the rest of the results
// in a task after the next frame: requestAnimationFrame runs just before
// the frame is painted, and a timeout set there runs after it, when the
// layout is still clean and reading it costs nothing.
func scheduleAfterPaint() {
	if restScheduled {
		return
	}
	restScheduled = true
	if restAfterPaint.IsUndefined() {
		later := js.FuncOf(func(this js.Value, args []js.Value) any {
			restScheduled = false
			if drawn != nil {
				drawn.measure()
			}
			flushResults()
			return nil
		})
		restAfterPaint = js.FuncOf(func(this js.Value, args []js.Value) any {
			js.Global().Call("setTimeout", later, 0)
			return nil
		}).Value
	}
	js.Global().Call("requestAnimationFrame", restAfterPaint)
}

// measure reads the popup's geometry off the first result (popupGeometry).
func (l *resultsListState) measure() {
	if l.shown == 0 || l.popup.Get("hidden").Bool() || !l.ul.Get("isConnected").Bool() {
		return
	}
	style := js.Global().Get("getComputedStyle")
	it := l.items[0]
	g := l.geom
	g.avail = cssPx(style.Invoke(l.popup).Get("maxHeight"))
	if g.avail <= 0 {
		g.avail = js.Global().Get("innerHeight").Float()
	}
	lines := 0.0
	for k, ok := range it.attached {
		if !ok {
			continue
		}
		span := it.lines[k].span
		h := span.Get("offsetHeight").Float()
		lines += h
		st := style.Invoke(span)
		g.fontPx[k] = cssPx(st.Get("fontSize"))
		// "normal" is more than the font size.
		g.lineH[k] = max(cssPx(st.Get("lineHeight")), g.fontPx[k])
		if k == 0 {
			g.width = span.Get("clientWidth").Float()
		}
	}
	g.pad = max(0, it.li.Get("offsetHeight").Float()-lines)
	l.geom = g
}

// cssPx is a computed CSS length in pixels, or 0.
func cssPx(v js.Value) float64 {
	f, err := strconv.ParseFloat(strings.TrimSuffix(v.String(), "px"), 64)
	if err != nil {
		return 0
	}
	return f
}

// The search results are drawn outside go-app (see searchBox), into DOM
// nodes that outlive the search box component of one page: what was drawn,
// and the work waiting for the next paint, are kept with the DOM, here, not
// in a component.
var (
	restScheduled  bool
	restAfterPaint js.Value
)

// writeBatch collects the text and attribute writes of one draw and makes
// them with one call to annotatorWrite, a function app.js carries for this
// (app/host/appjs.go). The nodes it writes to are registered once, when
// they are made, by their index in a JS array. Where app.js lacks the
// function (go-app's script changed shape and was served unpatched), each
// write is made at once, as a call of its own.
type writeBatch struct {
	nodes js.Value   // the registered nodes, a JS array
	vals  []js.Value // the same nodes
	ops   []byte     // "node,attribute,length," per write
	texts []byte     // the values, one after another
	fn    js.Value   // annotatorWrite, or undefined
}

func newWriteBatch() writeBatch {
	return writeBatch{nodes: js.Global().Get("Array").New(), fn: js.Global().Get("annotatorWrite")}
}

// node registers a node and returns its index.
func (w *writeBatch) node(v js.Value) int {
	w.nodes.Call("push", v)
	w.vals = append(w.vals, v)
	return len(w.vals) - 1
}

// set writes s as the node's attribute, or as its value when attr is "".
func (w *writeBatch) set(node int, attr, s string) {
	n, ok := utf16Len(s)
	if !ok || w.fn.Type() != js.TypeFunction {
		// Invalid UTF-8 may become a different number of code units in
		// JS: such a text is written on its own.
		if attr == "" {
			w.vals[node].Set("nodeValue", s)
		} else {
			w.vals[node].Call("setAttribute", attr, s)
		}
		return
	}
	w.ops = strconv.AppendInt(w.ops, int64(node), 10)
	w.ops = append(w.ops, ',')
	w.ops = append(w.ops, attr...)
	w.ops = append(w.ops, ',')
	w.ops = strconv.AppendInt(w.ops, int64(n), 10)
	w.ops = append(w.ops, ',')
	w.texts = append(w.texts, s...)
}

// flush makes the writes collected so far.
func (w *writeBatch) flush() {
	if len(w.ops) == 0 {
		return
	}
	w.fn.Invoke(w.nodes, string(w.ops), string(w.texts))
	w.ops, w.texts = w.ops[:0], w.texts[:0]
}

// utf16Len is the length of s in UTF-16 code units, as JS counts it; ok is
// false when s is not valid UTF-8.
func utf16Len(s string) (n int, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			if !utf8.ValidString(s) {
				return 0, false
			}
			for _, r := range s {
				if n++; r >= 0x10000 {
					n++
				}
			}
			return n, true
		}
	}
	return len(s), true
}

// resultsListState is what is drawn in the results list and the status
// lines; there is one list per page (the search box's), made again when the
// page is.
type resultsListState struct {
	ul     js.Value
	ulNode int
	popup  js.Value
	count  textSlot // the count above the results
	status textSlot // the live region
	w      writeBatch
	items  []*resultItem // made so far; the first shown are in the list
	shown  int
	query  string // its data-query, which says what it shows
	// rest is drawn after the paint, from the restFrom-th result on.
	rest     viewSource
	restFrom int
	geom     popupGeometry
	// scrolled is set while the popup is scrolled down from its top.
	scrolled bool
	onScroll js.Func
}

// drawn is the results list drawn last (see restScheduled).
var drawn *resultsListState

// Scratch for lineRuns.
var runsPlain, runsMarked []string

// resultsList returns the state of the search box's list, new when the
// list is not the one drawn last.
func resultsList() *resultsListState {
	if drawn != nil && drawn.ul.Get("isConnected").Bool() {
		return drawn
	}
	doc := js.Global().Get("document")
	ul, popup := doc.Call("getElementById", searchListID), doc.Call("getElementById", searchPopupID)
	count, status := doc.Call("getElementById", searchCountID), doc.Call("getElementById", searchStatusID)
	if !ul.Truthy() || !popup.Truthy() || !count.Truthy() || !status.Truthy() {
		return nil
	}
	ul.Call("replaceChildren")
	if drawn != nil {
		drawn.popup.Call("removeEventListener", "scroll", drawn.onScroll)
		drawn.onScroll.Release()
	}
	l := &resultsListState{ul: ul, popup: popup, w: newWriteBatch()}
	l.onScroll = js.FuncOf(func(this js.Value, args []js.Value) any {
		l.scrolled = l.popup.Get("scrollTop").Float() > 0
		return nil
	})
	popup.Call("addEventListener", "scroll", l.onScroll, map[string]any{"passive": true})
	l.ulNode = l.w.node(ul)
	l.count = newTextSlot(&l.w, count)
	l.status = newTextSlot(&l.w, status)
	drawn = l
	return l
}

// textSlot is an element's only text node, and what it holds.
type textSlot struct {
	node int
	text string
}

func newTextSlot(w *writeBatch, el js.Value) textSlot {
	t := createText()
	el.Call("replaceChildren", t)
	return textSlot{node: w.node(t)}
}

func (s *textSlot) set(w *writeBatch, text string) {
	if s.text != text {
		s.text = text
		w.set(s.node, "", text)
	}
}

// resultItem is one <li> of the list and what its nodes hold.
type resultItem struct {
	li, a     js.Value
	liN, aN   int // registered
	id, href  string
	lines     [numResultLines]*resultLine
	attached  [numResultLines]bool
	lineOrder []any // scratch for replaceChildren
}

// resultLine is one line of a result (a <span> in the link): its prefix,
// then plain text and marks by turns: plain[0], mark[0], plain[1], …
type resultLine struct {
	span          js.Value
	prefix        textSlot
	texts         []int    // registered text nodes of the plain runs
	markTexts     []int    // of the marks
	plain, marked []string // what texts and markTexts hold
}

func createElement(tag, class string) js.Value {
	el := js.Global().Get("document").Call("createElement", tag)
	if class != "" {
		el.Set("className", class)
	}
	return el
}

func createText() js.Value {
	return js.Global().Get("document").Call("createTextNode", "")
}

func (l *resultsListState) newItem(i int) *resultItem {
	domID := resultDOMID(i)
	it := &resultItem{li: createElement("li", "search-result"), a: createElement("a", "result-link")}
	it.li.Set("id", domID)
	it.li.Call("setAttribute", "data-index", i)
	it.a.Set("id", domID+"-link")
	it.a.Call("setAttribute", "tabindex", "-1")
	it.li.Call("append", it.a)
	it.liN, it.aN = l.w.node(it.li), l.w.node(it.a)
	return it
}

// show makes the item show v.
func (it *resultItem) show(w *writeBatch, v resultView) {
	if it.id != v.ID {
		it.id = v.ID
		w.set(it.liN, "data-annotation-id", v.ID)
	}
	if it.href != v.Href {
		it.href = v.Href
		w.set(it.aN, "href", v.Href)
	}
	var want [numResultLines]bool
	for _, p := range v.Parts {
		k := resultLineOf(p.Class)
		want[k] = true
		if it.lines[k] == nil {
			it.lines[k] = newResultLine(w, p.Class)
		}
		it.lines[k].show(w, p)
	}
	if want != it.attached {
		it.attached = want
		it.lineOrder = it.lineOrder[:0]
		for k, ok := range want {
			if ok {
				it.lineOrder = append(it.lineOrder, it.lines[k].span)
			}
		}
		it.a.Call("replaceChildren", it.lineOrder...)
	}
}

func newResultLine(w *writeBatch, class string) *resultLine {
	l := &resultLine{span: createElement("span", class)}
	prefix := createElement("span", "result-prefix")
	l.prefix = newTextSlot(w, prefix)
	t := createText()
	l.texts, l.plain = []int{w.node(t)}, []string{""}
	l.span.Call("append", prefix, t)
	return l
}

// show makes the line show p.
func (l *resultLine) show(w *writeBatch, p resultPart) {
	l.prefix.set(w, p.Prefix)
	plain, marked := lineRuns(p.Segs, runsPlain, runsMarked)
	runsPlain, runsMarked = plain, marked
	// Marks beyond those needed stay, empty: taking nodes out of the
	// document and putting them back costs more than emptying them.
	for len(l.markTexts) < len(marked) {
		m, mt, t := createElement("mark", ""), createText(), createText()
		m.Call("append", mt)
		l.span.Call("append", m, t)
		l.markTexts, l.marked = append(l.markTexts, w.node(mt)), append(l.marked, "")
		l.texts, l.plain = append(l.texts, w.node(t)), append(l.plain, "")
	}
	for len(plain) < len(l.texts) {
		plain = append(plain, "")
	}
	for len(marked) < len(l.markTexts) {
		marked = append(marked, "")
	}
	for i, s := range plain {
		if l.plain[i] != s {
			l.plain[i] = s
			w.set(l.texts[i], "", s)
		}
	}
	for i, s := range marked {
		if l.marked[i] != s {
			l.marked[i] = s
			w.set(l.markTexts[i], "", s)
		}
	}
}

// setHiddenOf shows or hides an element.
func setHiddenOf(id string, hidden bool) {
	if el := js.Global().Get("document").Call("getElementById", id); el.Truthy() && el.Get("hidden").Bool() != hidden {
		el.Set("hidden", hidden)
	}
}

// resultIndexAt is the index of the result holding an event's target, or -1.
func resultIndexAt(e app.Event) int {
	t := e.Get("target")
	if !t.Truthy() || t.Get("nodeType").Int() != 1 {
		return -1
	}
	li := t.Call("closest", "li.search-result")
	if !li.Truthy() {
		return -1
	}
	i, err := strconv.Atoi(li.Get("dataset").Get("index").String())
	if err != nil {
		return -1
	}
	return i
}

// focusWithin says whether the element that is getting the focus (a
// focusout event's relatedTarget) is inside the element with this id.
func focusWithin(e app.Event, id string) bool {
	rt := e.Get("relatedTarget")
	box := document().Call("getElementById", id)
	return rt.Truthy() && box.Truthy() && box.Call("contains", rt).Bool()
}

// currentLocation is the page's path and fragment.
func currentLocation() string {
	loc := app.Window().Get("location")
	return loc.Get("pathname").String() + loc.Get("hash").String()
}

// listenSlash focuses the search box when "/" is pressed outside a text
// field; the returned func stops it.
func listenSlash(inputID string) func() {
	doc := document()
	keys := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("key").String() != "/" || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		t := e.Get("target")
		if t.Truthy() && t.Get("nodeType").Int() == 1 {
			switch t.Get("tagName").String() {
			case "INPUT", "TEXTAREA", "SELECT":
				return nil
			}
			if t.Get("isContentEditable").Bool() {
				return nil
			}
		}
		if el := doc.Call("getElementById", inputID); el.Truthy() {
			e.Call("preventDefault")
			el.Call("focus")
			el.Call("select")
		}
		return nil
	})
	doc.Call("addEventListener", "keydown", keys)
	return func() {
		doc.Call("removeEventListener", "keydown", keys)
		keys.Release()
	}
}

// perfRecord records a duration in the browser's performance timeline,
// ending now, so benchmarks and the browser's tools can read it. Now is
// the browser's clock read once, plus Go's clock since.
func perfRecord(name string, ms float64) {
	if !perf.Truthy() {
		perf = js.Global().Get("performance")
		if !perf.Truthy() {
			return
		}
		perfOpts = js.Global().Get("Object").New()
		perfBase, perfGoBase = perf.Call("now").Float(), time.Now()
	}
	now := perfBase + float64(time.Since(perfGoBase).Microseconds())/1000
	perfOpts.Set("start", now-ms)
	perfOpts.Set("duration", ms)
	perf.Call("measure", name, perfOpts)
}

var (
	perfBase   float64
	perfGoBase time.Time
)

var perf, perfOpts js.Value

// popupHidden says whether the search results are hidden.
func popupHidden() bool {
	el := document().Call("getElementById", searchPopupID)
	return !el.Truthy() || el.Get("hidden").Bool()
}

// focusOrphan brings an orphan's entry in the reader's panel into view and
// focuses it.
func focusOrphan(id string) {
	el := document().Call("querySelector", `.orphans li[data-annotation-id="`+cssEscape(id)+`"]`)
	if !el.Truthy() {
		return
	}
	el.Call("setAttribute", "tabindex", "-1")
	el.Call("scrollIntoView", map[string]any{"block": "center"})
	el.Call("focus", map[string]any{"preventScroll": true})
}

// listenInput calls f with the search input's value inside each of its
// input events: a listener of its own on the search box (root), not
// go-app's OnInput, which would hand the event to the UI goroutine through
// a channel and mark the component for a render. The callback runs while
// every goroutine is parked (WebAssembly has one thread, and JS calls into
// Go only when Go waits), so f may use what the UI goroutine uses; it must
// not block. The returned func stops it.
func listenInput(root app.Value, inputID string, f func(value string)) func() {
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		t := args[0].Get("target")
		if t.Get("id").String() == inputID {
			f(t.Get("value").String())
		}
		return nil
	})
	root.Call("addEventListener", "input", fn)
	return func() {
		root.Call("removeEventListener", "input", fn)
		fn.Release()
	}
}
