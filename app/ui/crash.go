package ui

import (
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// crashed is set by the first panic the engine recovers (onPanic). From
// then on nothing is written to the browser's storage: the tab's memory
// may hold a change half made, and what is already saved is worth more
// than it. The store's backend reads it (workspace.Store).
var crashed atomic.Bool

// crashMessage is what the reader is told after a panic.
const crashMessage = "Annotator hit an internal error and has stopped saving, so that nothing already saved is damaged. " +
	"Reload the page to go on: everything saved before this message is kept."

// handlePanics makes a panic anywhere in the app's event handlers,
// dispatched or asynchronous functions, renders and JavaScript callbacks
// stop the saving and tell the reader to reload (go-app's HandlePanics,
// third_party/go-app/PATCHES.md). Without it the Go program would end with
// nothing on screen saying so, and every later edit would be lost.
func handlePanics() {
	app.HandlePanics(onPanic)
}

func onPanic(v any, stack []byte) {
	first := crashed.CompareAndSwap(false, true)
	reportPanic(v, stack, first)
}
