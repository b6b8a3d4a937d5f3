package app

import "runtime/debug"

// Annotator patch: a panic in the app's code can be recovered and reported.

// panicHandler is set by HandlePanics before the app starts.
var panicHandler func(v any, stack []byte)

// HandlePanics sets a function that is called, on the goroutine that
// panicked, with the value and stack of a panic in an event handler, a
// dispatched or deferred function, a component's render or update, an
// action handler, a function run by Context.Async or Context.After, or a Go
// function called from JavaScript (FuncOf). The panic is recovered there
// and the engine goes on with the next event, so the function decides what
// the user is told (the app's state may be half-changed: it should ask for
// a reload, and stop anything that persists state).
//
// Without it, as upstream, such a panic ends the Go program and the page
// stops responding. Call it before RunWhenOnBrowser; it is not safe to call
// while the app runs.
func HandlePanics(h func(v any, stack []byte)) {
	panicHandler = h
}

// guard runs f, recovering a panic into panicHandler when one is set.
func guard(f func()) {
	if panicHandler == nil {
		f()
		return
	}
	defer func() {
		if v := recover(); v != nil {
			panicHandler(v, debug.Stack())
		}
	}()
	f()
}
