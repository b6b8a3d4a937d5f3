package ui

import (
	"time"
	"unicode/utf8"

	"github.com/annotator/annotator/app/searchindex"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The search box's elements. There is one per page, in the site header.
const (
	searchBoxID    = "search"
	searchInputID  = "search-input"
	searchPopupID  = "search-popup"
	searchListID   = "search-results"
	searchStatusID = "search-status"
	searchCountID  = "search-count"
)

// actionOpenAnnotation asks the reader page showing an annotation's article
// to open it (its value is the annotation id). Search posts it when the
// result is on the page already at that address, where navigating again
// would do nothing.
const actionOpenAnnotation = "open-annotation"

// searchBox finds annotations in every article as the reader types.
//
// go-app renders its frame once (the input, an empty results list, the
// live region). The results are drawn into the list by drawResults inside
// the input event, so they are on the screen at the next paint; go-app
// would only draw them at its next frame. The Go state here (query,
// results) is what the DOM shows.
type searchBox struct {
	app.Compo
	query    string
	results  *resultList
	fetched  libraryFetch // the library index's last fetch (library.go)
	unlisten []func()
}

func newSearchBox() *searchBox { return &searchBox{} }

func (s *searchBox) OnMount(ctx app.Context) {
	mountSlice()
	ctx.ObserveState(stateLibrary, &s.fetched).OnChange(s.run)
	s.unlisten = append(s.unlisten, listenSlash(searchInputID), listenInput(s.JSValue(), searchInputID, func(value string) {
		s.onInput(ctx, value)
	}))
	startBench()
}

func (s *searchBox) OnDismount() {
	for _, f := range s.unlisten {
		f()
	}
	s.unlisten = nil
}

// index builds the search index on first use and records how long it took.
func (s *searchBox) index(ctx app.Context) *searchindex.Index {
	x, fresh := ws.search.Index()
	if fresh {
		perfRecord("annotator:search-index-build", float64(x.Built.Microseconds())/1000)
		if len(ws.bundled) == 0 {
			// On a reader page the library's titles are not at hand yet:
			// when they arrive, the results are drawn again with them
			// (OnMount observes stateLibrary).
			ctx.NewAction(actionFetchLibrary)
		}
	}
	return x
}

func (s *searchBox) onFocus(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	ws.search.Refresh()
	s.index(ctx)
	if s.query != "" {
		s.run()
	}
}

// onInput searches as the reader types. It is called by a listener of its
// own (listenInput), inside the input event: not through go-app's OnInput,
// whose dispatch and render the results do not need.
func (s *searchBox) onInput(ctx app.Context, value string) {
	s.index(ctx)
	s.query = value
	s.run()
}

// run searches for the current query and draws the results.
func (s *searchBox) run() {
	if !ws.search.Built() {
		return
	}
	x, _ := ws.search.Index()
	t0 := time.Now()
	results, total, matches := x.SearchDeferred(s.query, maxResults)
	if ws.benchMode {
		perfRecord("annotator:search-query", float64(time.Since(t0).Microseconds())/1000)
	}
	t1 := time.Now()
	s.results = newResultList(results, x.Doc)
	s.results.matches = matches
	t2 := time.Now()
	drawResults(s.query, resultsSummary(s.query, s.results.Len(), total), s.results, s.query != "")
	if ws.benchMode {
		perfRecord("annotator:search-views", float64(t2.Sub(t1).Microseconds())/1000)
		perfRecord("annotator:search-draw", float64(time.Since(t2).Microseconds())/1000)
	}
	if ws.benchMode {
		perfRecord("annotator:search", float64(time.Since(t0).Microseconds())/1000)
	}
}

func (s *searchBox) onInputKey(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	switch e.Get("key").String() {
	case "ArrowDown":
		if s.results.Len() > 0 {
			e.PreventDefault()
			setHiddenOf(searchPopupID, false)
			flushResults()
			focusElement(resultDOMID(0) + "-link")
		}
	case "Enter":
		if s.results.Len() > 0 {
			e.PreventDefault()
			s.open(ctx, 0)
		}
	case "Escape":
		if s.query != "" && !popupHidden() {
			// The first Escape closes the results, the second clears.
			e.PreventDefault()
			setHiddenOf(searchPopupID, true)
		} else if s.query == "" {
			// Escape in an empty box leaves it: on a phone the box then
			// folds back into its icon and uncovers the header.
			e.Get("target").Call("blur")
		}
	}
}

// onResultKey moves through the results: arrows, Home and End; Escape goes
// back to the input, and typing goes on in it.
func (s *searchBox) onResultKey(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	i := resultIndexAt(e)
	n := s.results.Len()
	if i < 0 || n == 0 {
		return
	}
	next := -2
	key := e.Get("key").String()
	switch key {
	case "ArrowDown":
		next = min(i+1, n-1)
	case "ArrowUp":
		next = i - 1
	case "Home":
		next = 0
	case "End":
		next = n - 1
	case "Escape":
		next = -1
	default:
		if key == "Backspace" || (utf8.RuneCountInString(key) == 1 && !e.Get("ctrlKey").Bool() && !e.Get("metaKey").Bool()) {
			// The key goes on to the input, which has the focus by then.
			focusElement(searchInputID)
		}
		return
	}
	e.PreventDefault()
	if next < 0 {
		focusElement(searchInputID)
		return
	}
	flushResults()
	focusElement(resultDOMID(next) + "-link")
}

// onResultClick lets go-app follow the result's link, except to the very
// address the page is at, where it asks the reader to open it again.
func (s *searchBox) onResultClick(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	i := resultIndexAt(e)
	if i < 0 || i >= s.results.Len() || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() {
		return
	}
	setHiddenOf(searchPopupID, true)
	if v := s.results.View(i); currentLocation() == v.Href {
		e.PreventDefault()
		ctx.NewActionWithValue(actionOpenAnnotation, v.ID)
	}
}

// open goes to result i: the reader opens its article at the annotation.
func (s *searchBox) open(ctx app.Context, i int) {
	v := s.results.View(i)
	setHiddenOf(searchPopupID, true)
	if currentLocation() == v.Href {
		ctx.NewActionWithValue(actionOpenAnnotation, v.ID)
		return
	}
	ctx.Navigate(v.Href)
}

// onFocusOut closes the results when the focus leaves the search box.
func (s *searchBox) onFocusOut(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if !focusWithin(e, searchBoxID) {
		setHiddenOf(searchPopupID, true)
	}
}

func (s *searchBox) Render() app.UI {
	return app.Div().ID(searchBoxID).Class("search").Role("search").On("focusout", s.onFocusOut).Body(
		app.Label().For(searchInputID).Class("visually-hidden").Text("Search annotations"),
		app.Input().Type("search").ID(searchInputID).Class("search-input").
			Placeholder("Search annotations  /").
			AutoComplete(false).
			Spellcheck(false).
			Aria("keyshortcuts", "/").
			Aria("controls", searchListID).
			Aria("describedby", "search-keys").
			OnFocus(s.onFocus).
			OnKeyDown(s.onInputKey),
		// The live region stays in the accessibility tree while the results
		// are hidden, so its first message is announced too; the results
		// show the same count to the eye.
		app.P().ID(searchStatusID).Class("visually-hidden").Role("status").Aria("live", "polite"),
		app.Div().ID(searchPopupID).Class("search-popup").Hidden(true).Body(
			app.P().ID(searchCountID).Class("search-status").Aria("hidden", "true"),
			app.Ul().ID(searchListID).Class("search-results").Aria("label", "Search results").
				OnKeyDown(s.onResultKey).
				OnClick(s.onResultClick),
			app.P().ID("search-keys").Class("hint search-keys").
				Text("↓ ↑ move through results, Enter opens, Esc closes. Narrow with tag:, label:, type:, verdict:, article:, is:orphan, is:claim or a \"quoted phrase\"."),
		),
	)
}
