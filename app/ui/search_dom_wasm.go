//go:build wasm

package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// drawResults replaces the items of the results list with views. go-app
// renders the list empty and leaves its children alone; drawing them here,
// inside the input event, puts them in the DOM at once instead of at
// go-app's next frame (8 ms later at its 120 frames a second). The markup
// is resultsHTML's, where every text is escaped.
//
// Only the first firstDrawn results (more than the popup shows at once) are
// drawn inside the event: creating DOM nodes is most of a keystroke's cost.
// The rest are appended right after the next frame is painted, or at once
// when the keyboard moves into the list (flushResults).
func drawResults(listID, query string, views []resultView) {
	ul := document().Call("getElementById", listID)
	if !ul.Truthy() {
		return
	}
	first, rest := views, []resultView(nil)
	if len(views) > firstDrawn {
		first, rest = views[:firstDrawn], views[firstDrawn:]
	}
	h, r := resultsHTML(first), resultsHTMLFrom(rest, len(first))
	if h != drawnHTML || r != drawnRest || !ul.Get("firstChild").Truthy() && h != "" {
		ul.Set("innerHTML", h)
		drawnHTML, drawnRest = h, r
		pendingRest, pendingList, pendingAfter = r, listID, len(first)
		if r != "" {
			scheduleRest()
		}
	}
	ul.Get("dataset").Set("query", query)
}

// drawnHTML and drawnRest are what drawResults last drew: the same results
// are not drawn again. pendingRest is the markup of the results still to be
// appended to list pendingList after its first pendingAfter items.
var (
	drawnHTML, drawnRest string
	pendingRest          string
	pendingList          string
	pendingAfter         int
	restAfterPaint       app.Func
)

// scheduleRest appends the pending results in a task after the next frame:
// requestAnimationFrame runs just before the frame is painted, and a
// timeout set there runs after it.
func scheduleRest() {
	if restAfterPaint == nil {
		later := app.FuncOf(func(this app.Value, args []app.Value) any {
			flushResults()
			return nil
		})
		restAfterPaint = app.FuncOf(func(this app.Value, args []app.Value) any {
			app.Window().Call("setTimeout", later, 0)
			return nil
		})
	}
	app.Window().Call("requestAnimationFrame", restAfterPaint)
}

// flushResults appends the results drawResults left for later, if any.
func flushResults() {
	if pendingRest == "" {
		return
	}
	rest := pendingRest
	pendingRest = ""
	ul := document().Call("getElementById", pendingList)
	// Only onto the list the first results were drawn into.
	if ul.Truthy() && ul.Get("children").Get("length").Int() == pendingAfter {
		ul.Call("insertAdjacentHTML", "beforeend", rest)
	}
}

// setTextOf sets an element's text.
func setTextOf(id, text string) {
	if el := document().Call("getElementById", id); el.Truthy() {
		if el.Get("textContent").String() != text {
			el.Set("textContent", text)
		}
	}
}

// setHiddenOf shows or hides an element.
func setHiddenOf(id string, hidden bool) {
	if el := document().Call("getElementById", id); el.Truthy() {
		el.Set("hidden", hidden)
	}
}

// setAttrOf sets an attribute of an element.
func setAttrOf(id, name, value string) {
	if el := document().Call("getElementById", id); el.Truthy() {
		el.Call("setAttribute", name, value)
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
// ending now, so benchmarks and the browser's tools can read it.
func perfRecord(name string, ms float64) {
	perf := app.Window().Get("performance")
	if !perf.Truthy() {
		return
	}
	now := perf.Call("now").Float()
	perf.Call("measure", name, map[string]any{"start": now - ms, "duration": ms})
}

// benchRequested says whether the page was opened with ?searchbench=1, the
// only way the benchmark hook is registered.
func benchRequested() bool {
	q := app.Window().Get("location").Get("search").String()
	return strings.Contains(q, "searchbench=1")
}

// registerBench makes window.annotatorSearchBench callable from the
// benchmark: seed(n) writes n generated annotations to the store (then the
// page is reloaded), index(n) replaces the search index with n generated
// in-memory annotations and returns the build time in milliseconds, size()
// is the number of annotations in the index.
func registerBench(seed func(n int) string, index func(n int) float64, size func() int) {
	if app.Window().Get("annotatorSearchBench").Truthy() {
		return
	}
	obj := app.Window().Get("Object").New()
	obj.Set("seed", app.FuncOf(func(this app.Value, args []app.Value) any {
		return seed(args[0].Int())
	}))
	obj.Set("index", app.FuncOf(func(this app.Value, args []app.Value) any {
		return index(args[0].Int())
	}))
	obj.Set("size", app.FuncOf(func(this app.Value, args []app.Value) any {
		return size()
	}))
	app.Window().Set("annotatorSearchBench", obj)
}

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
