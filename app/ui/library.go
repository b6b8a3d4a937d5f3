package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The bundled library's index is fetched by an action and published as a
// state, as go-app's own docs app does its I/O: a page or the search box
// posts actionFetchLibrary; handleFetchLibrary, which go-app runs in a
// goroutine of its own, reads /api/library.json and then, on the UI
// goroutine, keeps it in the workspace, brings the search index's titles up
// to date and publishes stateLibrary, which the library page and the
// search box observe. The library is fetched on every visit to the library
// page, so that an article added on the host shows (the freshness
// contract of DESIGN.md).
const (
	actionFetchLibrary = "library/fetch"
	stateLibrary       = "library"
)

// libraryFetch is what stateLibrary carries: how the last fetch ended.
// The index itself is ws.bundled.
type libraryFetch struct {
	Err string // why it failed, or ""
	// N counts the fetches that ended, so that each is a change observers
	// hear of, even with the same outcome.
	N int
}

// handleFetchLibrary fetches the library index (see actionFetchLibrary).
func handleFetchLibrary(ctx app.Context, a app.Action) {
	bundled, err := fetchLibrary()
	ctx.Dispatch(func(ctx app.Context) {
		var last libraryFetch
		ctx.GetState(stateLibrary, &last)
		next := libraryFetch{N: last.N + 1}
		if err != nil {
			next.Err = err.Error()
		} else {
			ws.bundled = bundled
			ws.search.Refresh()
		}
		ctx.SetState(stateLibrary, next)
	})
}
