//go:build wasm

package ui

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/share"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// selection is the reader's selection in the article, in code points of the
// canonical text, and where on the page to put the toolbar.
func document() app.Value { return app.Window().Get("document") }

// listenReader follows the selection, the keyboard shortcuts and other tabs'
// storage changes; the returned func stops it.
//
// The selection is read when the browser says it changed (selectionchange),
// at the next frame: a selection made by dragging a phone's touch handles,
// or by the sentence cursor, raises no mouseup, keyup or touchend. While a
// mouse button is down it waits for the mouseup, so that the toolbar does
// not chase a drag.
func listenReader(ctx app.Context, ev readerEvents) func() {
	doc := document()
	win := app.Window()
	var last selection
	mouseDown := false
	queued := false
	stopped := false
	check := app.FuncOf(func(this app.Value, args []app.Value) any {
		queued = false
		if stopped {
			return nil
		}
		s := currentSelection()
		if s == last {
			return nil
		}
		last = s
		ctx.Dispatch(func(ctx app.Context) {
			ev.selection(ctx, s)
			if s.OK {
				ctx.Defer(func(app.Context) { placeToolbar(s) })
			}
		})
		return nil
	})
	changed := app.FuncOf(func(this app.Value, args []app.Value) any {
		sel := win.Call("getSelection")
		if last.OK && (!sel.Truthy() || sel.Get("isCollapsed").Bool()) {
			last = selection{}
			ctx.Dispatch(func(ctx app.Context) { ev.selection(ctx, selection{}) })
			return nil
		}
		if !mouseDown && !queued {
			queued = true
			win.Call("requestAnimationFrame", check)
		}
		return nil
	})
	down := app.FuncOf(func(this app.Value, args []app.Value) any {
		mouseDown = args[0].Get("button").Int() == 0
		return nil
	})
	up := app.FuncOf(func(this app.Value, args []app.Value) any {
		mouseDown = false
		check.Invoke()
		return nil
	})
	keys := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		t := e.Get("target")
		if tag := t.Get("tagName").String(); tag == "INPUT" || tag == "TEXTAREA" || tag == "SELECT" || t.Get("isContentEditable").Bool() {
			return nil
		}
		key := e.Get("key").String()
		switch key {
		case "j", "k", "J", "K":
			// The sentence cursor: in the article, or with nothing focused.
			if tag := t.Get("tagName").String(); tag != "BODY" && !t.Call("closest", "article.article-body").Truthy() {
				return nil
			}
			e.Call("preventDefault")
			ctx.Dispatch(func(ctx app.Context) { ev.cursor(ctx, key) })
			return nil
		case "Escape":
			if last.OK && t.Call("closest", "article.article-body").Truthy() {
				clearSelection()
			}
			return nil
		case "h", "n", "c":
		default:
			return nil
		}
		if !last.OK {
			return nil
		}
		e.Call("preventDefault")
		ctx.Dispatch(func(ctx app.Context) { ev.shortcut(ctx, key) })
		return nil
	})
	doc.Call("addEventListener", "mousedown", down)
	doc.Call("addEventListener", "mouseup", up)
	for _, name := range []string{"keyup", "touchend"} {
		doc.Call("addEventListener", name, check)
	}
	doc.Call("addEventListener", "selectionchange", changed)
	doc.Call("addEventListener", "keydown", keys)
	stopStorage := listenStorage(ctx, ev.storage)
	return func() {
		doc.Call("removeEventListener", "mousedown", down)
		doc.Call("removeEventListener", "mouseup", up)
		for _, name := range []string{"keyup", "touchend"} {
			doc.Call("removeEventListener", name, check)
		}
		doc.Call("removeEventListener", "selectionchange", changed)
		doc.Call("removeEventListener", "keydown", keys)
		stopStorage()
		stopped = true
		if queued {
			// A frame still holds check: release it after that frame.
			var later app.Func
			later = app.FuncOf(func(this app.Value, args []app.Value) any {
				check.Release()
				later.Release()
				return nil
			})
			win.Call("requestAnimationFrame", later)
		} else {
			check.Release()
		}
		changed.Release()
		down.Release()
		up.Release()
		keys.Release()
	}
}

// listenStorage follows other tabs' changes to this browser's storage
// (key, new value or "" when removed); the returned func stops it.
func listenStorage(ctx app.Context, fn func(app.Context, string, string)) func() {
	win := app.Window()
	storage := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		key := e.Get("key")
		if !key.Truthy() {
			return nil
		}
		k := key.String()
		v := ""
		if nv := e.Get("newValue"); nv.Truthy() {
			v = nv.String()
		}
		ctx.Dispatch(func(ctx app.Context) { fn(ctx, k, v) })
		return nil
	})
	win.Call("addEventListener", "storage", storage)
	return func() {
		win.Call("removeEventListener", "storage", storage)
		storage.Release()
	}
}

// currentSelection converts the DOM selection to code points of the
// canonical text. The DOM counts UTF-16 units; the text before each boundary
// in its block is read as a string and its code points counted, so the
// conversion happens here and nowhere else.
func currentSelection() selection {
	sel := app.Window().Call("getSelection")
	if !sel.Truthy() || sel.Get("rangeCount").Int() == 0 || sel.Get("isCollapsed").Bool() {
		return selection{}
	}
	r := sel.Call("getRangeAt", 0)
	start, ok1 := boundaryOffset(r.Get("startContainer"), r.Get("startOffset").Int())
	end, ok2 := boundaryOffset(r.Get("endContainer"), r.Get("endOffset").Int())
	if !ok1 || !ok2 || end <= start {
		return selection{}
	}
	rect := r.Call("getBoundingClientRect")
	x := rect.Get("left").Int() + app.Window().Get("scrollX").Int()
	sy := app.Window().Get("scrollY").Int()
	return selection{Start: start, End: end, OK: true, X: x, Y: rect.Get("bottom").Int() + sy, Top: rect.Get("top").Int() + sy}
}

// boundaryOffset is the canonical-text offset of a DOM boundary point inside
// a block of the article, or false when it is outside the article's text.
func boundaryOffset(node app.Value, offset int) (int, bool) {
	el := node
	if node.Get("nodeType").Int() != 1 {
		el = node.Get("parentElement")
	}
	if !el.Truthy() {
		return 0, false
	}
	block := el.Call("closest", "[data-start]")
	if !block.Truthy() || !block.Call("closest", "article.article-body").Truthy() {
		return 0, false
	}
	start, err := strconv.Atoi(block.Get("dataset").Get("start").String())
	if err != nil {
		return 0, false
	}
	r := document().Call("createRange")
	r.Call("setStart", block, 0)
	r.Call("setEnd", node, offset)
	before := r.Call("toString").String()
	return start + utf8.RuneCountInString(before), true
}

// placeToolbar puts the selection toolbar by the selection: under it, as
// Hypothesis's adder does on touch screens (the browser's own copy menu
// sits above a touch selection), a little lower on a touch screen to leave
// the selection handles free; above it when there is no room below; and
// always within the window, where a thumb reaches it.
func placeToolbar(s selection) {
	el := document().Call("getElementById", "selection-toolbar")
	if !el.Truthy() {
		return
	}
	win := app.Window()
	x := s.X
	maxX := win.Get("innerWidth").Int() - el.Get("offsetWidth").Int() - 8
	x = max(8, min(x, maxX))
	gap := 8
	if win.Call("matchMedia", "(pointer: coarse)").Get("matches").Bool() {
		gap = 18
	}
	h := el.Get("offsetHeight").Int()
	top, bottom := win.Get("scrollY").Int(), win.Get("scrollY").Int()+win.Get("innerHeight").Int()-int(dockHeight())
	y := s.Y + gap
	if y+h > bottom-8 {
		y = s.Top - gap - h
	}
	y = max(top+8, min(y, bottom-h-8))
	st := el.Get("style")
	st.Call("setProperty", "left", fmt.Sprintf("%dpx", x))
	st.Call("setProperty", "top", fmt.Sprintf("%dpx", y))
}

// hasSelection says whether the page has a non-empty text selection now.
func hasSelection() bool {
	sel := app.Window().Call("getSelection")
	return sel.Truthy() && !sel.Get("isCollapsed").Bool()
}

func clearSelection() {
	if sel := app.Window().Call("getSelection"); sel.Truthy() {
		sel.Call("removeAllRanges")
	}
}

// whenDrawn calls f with the first element matching selector, waiting up to
// half a second of frames for it to be drawn. Focus moves are made this way
// because go-app drops a ctx.Defer whose source element was unmounted, as a
// toolbar button is once it has been pressed.
func whenDrawn(selector string, f func(el app.Value)) {
	tries := 0
	var try app.Func
	try = app.FuncOf(func(this app.Value, args []app.Value) any {
		if el := document().Call("querySelector", selector); el.Truthy() {
			try.Release()
			f(el)
			return nil
		}
		if tries++; tries > 30 {
			try.Release()
			return nil
		}
		app.Window().Call("requestAnimationFrame", try)
		return nil
	})
	app.Window().Call("requestAnimationFrame", try)
}

// The reader's presses (mouse, touch or pen), for the focus moves and
// scrolls made a frame or more after what asked for them: a card opened
// by a click, the focus handed back to the text when a card closes. A
// focus moved while a mouse button is held down ends the drag's selection
// in Chromium, and a scroll moves the text under the pointer; on a busy
// machine, or in an article of a thousand highlights, the frame comes late
// enough for the reader to have started a new selection (issue 15, daily
// use).
var pointer struct {
	watched bool
	presses int  // pointerdowns so far
	down    bool // a button or a finger is down now
}

// pressMark returns a func that says whether the reader has pressed since
// pressMark was called, or is pressing now: then a move made for them
// would take what they are doing from under them.
func pressMark() (pressedSince func() bool) {
	watchPointer()
	at := pointer.presses
	return func() bool { return pointer.down || pointer.presses != at }
}

func watchPointer() {
	if pointer.watched {
		return
	}
	pointer.watched = true
	opts := map[string]any{"capture": true, "passive": true}
	doc := document()
	doc.Call("addEventListener", "pointerdown", app.FuncOf(func(this app.Value, args []app.Value) any {
		pointer.presses++
		pointer.down = true
		return nil
	}), opts)
	up := app.FuncOf(func(this app.Value, args []app.Value) any {
		pointer.down = false
		return nil
	})
	// A long press that becomes a touch selection or a scroll ends in
	// pointercancel.
	for _, ev := range []string{"pointerup", "pointercancel"} {
		doc.Call("addEventListener", ev, up, opts)
	}
}

// focusWhenDrawn focuses the first element matching selector once drawn,
// unless the reader has pressed since (see pressMark); then, if then is
// not nil, calls it with the element.
func focusWhenDrawn(selector string, opts map[string]any, then func(el app.Value)) {
	pressed := pressMark()
	whenDrawn(selector, func(el app.Value) {
		if pressed() {
			return
		}
		if opts != nil {
			el.Call("focus", opts)
		} else {
			el.Call("focus")
		}
		if then != nil {
			then(el)
		}
	})
}

// focusElement focuses the element with this id once it is drawn.
func focusElement(id string) {
	focusWhenDrawn("#"+cssEscape(id), nil, nil)
}

// focusMark scrolls an annotation's first mark into view and focuses it.
func focusMark(id string) {
	focusWhenDrawn(`mark[data-annotation-id="`+cssEscape(id)+`"]`, map[string]any{"preventScroll": true}, func(el app.Value) {
		el.Call("scrollIntoView", map[string]any{"block": "center"})
	})
}

func cssEscape(s string) string {
	return app.Window().Get("CSS").Call("escape", s).String()
}

// markIDAt is the id of the innermost mark under a click.
func markIDAt(e app.Event) string {
	t := e.Get("target")
	if !t.Truthy() || t.Get("nodeType").Int() != 1 {
		return ""
	}
	m := t.Call("closest", "mark[data-annotation-id]")
	if !m.Truthy() {
		return ""
	}
	return m.Get("dataset").Get("annotationId").String()
}

func confirmDialog(msg string) bool {
	return app.Window().Call("confirm", msg).Bool()
}

// prerenderedArticle rebuilds the article the host prerendered into this
// page, so the live app shows it at once without fetching it again. The
// rebuilt text must hash to what the host said, or it is not used.
func prerenderedArticle() *article.Article {
	el := document().Call("querySelector", "article.article-body")
	if !el.Truthy() {
		return nil
	}
	id := el.Get("dataset").Get("articleId").String()
	hash := el.Get("dataset").Get("hash").String()
	title := document().Call("getElementById", "article-title")
	if !title.Truthy() {
		return nil
	}
	meta := article.Meta{}
	if m := document().Call("querySelector", `[data-meta="source"]`); m.Truthy() {
		meta.Source = m.Get("textContent").String()
	}
	if m := document().Call("querySelector", `[data-meta="author"]`); m.Truthy() {
		meta.Author = m.Get("textContent").String()
	}
	if m := document().Call("querySelector", `[data-meta="published"]`); m.Truthy() {
		meta.Published = m.Get("textContent").String()
	}
	nodes := el.Call("querySelectorAll", "[data-start]")
	blocks := make([]article.Block, 0, nodes.Get("length").Int())
	for i := 0; i < nodes.Get("length").Int(); i++ {
		n := nodes.Call("item", i)
		blocks = append(blocks, article.Block{Kind: n.Get("dataset").Get("kind").String(), Text: n.Get("textContent").String()})
	}
	a, err := article.New(id, title.Get("textContent").String(), blocks, meta)
	if err != nil || a.Hash != hash {
		return nil
	}
	a.Origin = "bundled"
	return a
}

// prerenderedLibrary reads the library index the host wrote into the page.
func prerenderedLibrary() []article.Summary {
	el := document().Call("querySelector", "ul.article-list[data-index]")
	if !el.Truthy() {
		return nil
	}
	return decodeIndex(el.Get("dataset").Get("index").String())
}

// absoluteURL makes a path absolute: Go's HTTP client in the browser needs
// a scheme and a host.
func absoluteURL(path string) string {
	return app.Window().Get("location").Get("origin").String() + path
}

// afterFirstFrame runs fn on the UI goroutine once the browser has drawn
// the next frame (requestAnimationFrame, then a task of its own): for work
// that a reader does not need in the page's first frame, so that the start
// does not wait for it.
func afterFirstFrame(ctx app.Context, fn func(app.Context)) {
	var frame, task app.Func
	task = app.FuncOf(func(this app.Value, args []app.Value) any {
		task.Release()
		ctx.Dispatch(fn)
		return nil
	})
	frame = app.FuncOf(func(this app.Value, args []app.Value) any {
		frame.Release()
		app.Window().Call("setTimeout", task, 0)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}

// perfNow and perfMeasure put the app's own timings on the page's
// performance timeline, where benchmarks and DevTools read them.
func perfNow() float64 { return app.Window().Get("performance").Call("now").Float() }

func perfMeasure(name string, start float64) {
	perf := app.Window().Get("performance")
	perf.Call("clearMeasures", name)
	perf.Call("measure", name, map[string]any{"start": start, "end": perfNow()})
}

// readFirstFile reads the file chosen in a file input, refusing one over limit.
func readFirstFile(ctx app.Context, input app.Value, limit int, done func(app.Context, string, []byte, error)) {
	files := input.Get("files")
	if !files.Truthy() || files.Get("length").Int() == 0 {
		return
	}
	readFile(ctx, files.Call("item", 0), limit, done)
}

// readFiles reads every File of list (a FileList, or an array of Files),
// refusing any over limit before reading it, and calls done once with all
// of them, in the list's order. Too many files, or too many bytes in all,
// are refused before any is read: done then gets one file, its error.
func readFiles(ctx app.Context, list app.Value, limit int, done func(app.Context, []importFile)) {
	n := list.Get("length").Int()
	if n == 0 {
		return
	}
	if n > share.MaxImportFiles {
		done(ctx, []importFile{{Err: fmt.Errorf("Nothing was imported: %d files were chosen, and an import takes at most %d at once.", n, share.MaxImportFiles)}})
		return
	}
	files := make([]app.Value, n)
	total := 0
	for i := range files {
		files[i] = list.Index(i)
		total += files[i].Get("size").Int()
	}
	if n > 1 && total > share.MaxImportTotalBytes {
		done(ctx, []importFile{{Err: fmt.Errorf("Nothing was imported: the %d files chosen hold %d MB, and an import takes at most %d MB at once.", n, total>>20, share.MaxImportTotalBytes>>20)}})
		return
	}
	out := make([]importFile, n)
	left := n
	for i, f := range files {
		// Each answer arrives on the UI goroutine (readFile dispatches).
		readFile(ctx, f, limit, func(ctx app.Context, name string, data []byte, err error) {
			out[i] = importFile{Name: name, Data: data, Err: err}
			if left--; left == 0 {
				done(ctx, out)
			}
		})
	}
}

// fileChunk is how much of a file is copied into Go in one task (readFile).
const fileChunk = 2 << 20

// readFile reads one File, refusing one over limit before reading it.
func readFile(ctx app.Context, f app.Value, limit int, done func(app.Context, string, []byte, error)) {
	name := f.Get("name").String()
	if size := f.Get("size").Int(); size > limit {
		done(ctx, name, nil, fmt.Errorf("%s is %d MB, over the limit of %d MB", name, size>>20, limit>>20))
		return
	}
	var then, fail app.Func
	then = app.FuncOf(func(this app.Value, args []app.Value) any {
		arr := app.Window().Get("Uint8Array").New(args[0])
		then.Release()
		fail.Release()
		// Copied into Go a chunk at a time, giving the browser the main
		// thread back between chunks: a 20 MB file in one copy was one
		// task of 100–450 ms.
		go func() {
			data := make([]byte, arr.Get("length").Int())
			for off := 0; off < len(data); off += fileChunk {
				end := min(off+fileChunk, len(data))
				app.CopyBytesToGo(data[off:end], arr.Call("subarray", off, end))
				if end < len(data) {
					yieldToBrowser()
				}
			}
			ctx.Dispatch(func(ctx app.Context) { done(ctx, name, data, nil) })
		}()
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) { done(ctx, name, nil, errors.New(name+" could not be read")) })
		then.Release()
		fail.Release()
		return nil
	})
	f.Call("arrayBuffer").Call("then", then, fail)
}

// watchForUpdate tells go-app (goappOnUpdate, hence OnAppUpdate) when a
// newer service worker takes control of the page. app.js only notices an
// update whose install it saw begin; this also catches one that activated
// before app.js listened, or before the wasm ran.
func watchForUpdate(version string) {
	sw := app.Window().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		return
	}
	check := app.FuncOf(func(this app.Value, args []app.Value) any {
		staleVersion(version, func(stale bool) {
			if f := app.Window().Get("goappOnUpdate"); stale && f.Truthy() {
				f.Invoke()
			}
		})
		return nil
	})
	sw.Call("addEventListener", "controllerchange", check)
	check.Invoke()
}

// staleVersion calls done(true) when the page runs an older version than the
// service worker that controls it. A worker deletes every cache but its own
// "annotator-{version}" when it activates (app/host/worker.go), so a
// controlled page whose version's cache is gone is out of date. go-app's
// own signal is not enough: it also fires on the very first visit, when our
// worker claims the page (clients.claim) before it reaches "activated".
func staleVersion(version string, done func(bool)) {
	win := app.Window()
	sw := win.Get("navigator").Get("serviceWorker")
	if version == "" || !sw.Truthy() || !sw.Get("controller").Truthy() || !win.Get("caches").Truthy() {
		done(false)
		return
	}
	var onHas app.Func
	onHas = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer onHas.Release()
		done(len(args) > 0 && args[0].Type() == app.TypeBoolean && !args[0].Bool())
		return nil
	})
	win.Get("caches").Call("has", "annotator-"+version).Call("then", onHas)
}

// storagePersistence asks navigator.storage whether this origin's storage
// is persistent (kept until the reader clears it) or, with ask, asks the
// browser to make it so (Firefox asks the reader). done gets ok false when
// the browser has no such API; it runs on a JS callback, not the UI
// goroutine.
func storagePersistence(ask bool, done func(kept, ok bool)) {
	st := app.Window().Get("navigator").Get("storage")
	if !st.Truthy() || !st.Get("persisted").Truthy() || !st.Get("persist").Truthy() {
		done(false, false)
		return
	}
	method := "persisted"
	if ask {
		method = "persist"
	}
	var then, fail app.Func
	then = app.FuncOf(func(this app.Value, args []app.Value) any {
		then.Release()
		fail.Release()
		done(len(args) > 0 && args[0].Type() == app.TypeBoolean && args[0].Bool(), true)
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		then.Release()
		fail.Release()
		done(false, true)
		return nil
	})
	st.Call(method).Call("then", then, fail)
}

// downloadFile saves data as an ordinary browser download named name: a Blob,
// an object URL, and a clicked <a download>; the URL is revoked afterwards.
func downloadFile(name, mime string, data []byte) {
	arr := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	blob := app.Window().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := app.Window().Get("URL").Call("createObjectURL", blob).String()
	a := document().Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("hidden", true)
	document().Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		app.Window().Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	app.Window().Call("setTimeout", revoke, 60000)
}

// copyTextSoon asks for the clipboard now, during a click, for a text made
// after it (a share link is compressed asynchronously): Safari lets a page
// write to the clipboard only while it handles the click, so the clipboard
// gets a promise of the text (a ClipboardItem), kept by give. give(text)
// fulfils it; give("") withdraws it, and done is then not called. Where
// ClipboardItem is missing, give writes the text as it comes. done says
// whether the copy worked (the clipboard may be refused, e.g. without a user
// gesture or permission).
func copyTextSoon(ctx app.Context, done func(app.Context, bool)) (give func(text string)) {
	win := app.Window()
	clip := win.Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		return func(text string) {
			if text != "" {
				done(ctx, false)
			}
		}
	}
	withdrawn := false
	settle := func(written app.Value) {
		var ok, fail app.Func
		finish := func(worked bool) {
			if !withdrawn {
				ctx.Dispatch(func(ctx app.Context) { done(ctx, worked) })
			}
			ok.Release()
			fail.Release()
		}
		ok = app.FuncOf(func(this app.Value, args []app.Value) any { finish(true); return nil })
		fail = app.FuncOf(func(this app.Value, args []app.Value) any { finish(false); return nil })
		written.Call("then", ok, fail)
	}
	item := win.Get("ClipboardItem")
	if !item.Truthy() || !clip.Get("write").Truthy() {
		return func(text string) {
			if text != "" {
				settle(clip.Call("writeText", text))
			}
		}
	}
	var resolve, reject app.Value
	executor := app.FuncOf(func(this app.Value, args []app.Value) any {
		resolve, reject = args[0], args[1]
		return nil
	})
	promise := win.Get("Promise").New(executor) // runs executor at once
	executor.Release()
	settle(clip.Call("write", []any{item.New(map[string]any{"text/plain": promise})}))
	return func(text string) {
		if text == "" {
			withdrawn = true
			reject.Invoke(win.Get("Error").New("nothing to copy"))
			return
		}
		resolve.Invoke(win.Get("Blob").New([]any{text}, map[string]any{"type": "text/plain"}))
	}
}

// locationHash is the page address's fragment, with its "#".
func locationHash() string {
	return app.Window().Get("location").Get("hash").String()
}

// clearLocationHash removes the fragment from the address without a reload
// or a new history entry.
func clearLocationHash() {
	loc := app.Window().Get("location")
	app.Window().Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+loc.Get("search").String())
}

// listenDrop reads a file dropped anywhere on the page (but on a file input
// or the add box, which take their own drops); the returned func stops listening.
func listenDrop(ctx app.Context, limit int, done func(app.Context, []importFile)) func() {
	doc := document()
	root := doc.Get("documentElement")
	hasFiles := func(e app.Value) bool {
		dt := e.Get("dataTransfer")
		if !dt.Truthy() {
			return false
		}
		types := dt.Get("types")
		for i := 0; i < types.Get("length").Int(); i++ {
			if types.Index(i).String() == "Files" {
				return true
			}
		}
		return false
	}
	// A file input takes its own drops, and so does the add box
	// (listenAddDrop).
	onFileInput := func(e app.Value) bool {
		t := e.Get("target")
		if !t.Truthy() {
			return false
		}
		if t.Get("tagName").String() == "INPUT" && t.Get("type").String() == "file" {
			return true
		}
		return t.Get("closest").Truthy() && t.Call("closest", "["+addDropZone+"]").Truthy()
	}
	over := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if !hasFiles(e) || onFileInput(e) {
			return nil
		}
		e.Call("preventDefault")
		e.Get("dataTransfer").Set("dropEffect", "copy")
		root.Get("classList").Call("add", "dropping")
		return nil
	})
	leave := app.FuncOf(func(this app.Value, args []app.Value) any {
		if !args[0].Get("relatedTarget").Truthy() {
			root.Get("classList").Call("remove", "dropping")
		}
		return nil
	})
	drop := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		root.Get("classList").Call("remove", "dropping")
		if !hasFiles(e) || onFileInput(e) {
			return nil
		}
		e.Call("preventDefault")
		files := e.Get("dataTransfer").Get("files")
		if files.Get("length").Int() == 0 {
			return nil
		}
		// The drop's file list empties once this handler returns: keep the Files.
		kept := app.Window().Get("Array").Call("from", files)
		ctx.Dispatch(func(ctx app.Context) { readFiles(ctx, kept, limit, done) })
		return nil
	})
	doc.Call("addEventListener", "dragover", over)
	doc.Call("addEventListener", "dragleave", leave)
	doc.Call("addEventListener", "drop", drop)
	return func() {
		doc.Call("removeEventListener", "dragover", over)
		doc.Call("removeEventListener", "dragleave", leave)
		doc.Call("removeEventListener", "drop", drop)
		root.Get("classList").Call("remove", "dropping")
		over.Release()
		leave.Release()
		drop.Release()
	}
}
