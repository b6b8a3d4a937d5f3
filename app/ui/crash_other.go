//go:build !wasm

package ui

import "log"

// shownCrashMessage is what the note would say, for native tests.
var shownCrashMessage string

func reportPanic(v any, stack []byte, first bool) {
	log.Printf("internal error: %v\n%s", v, stack)
	if first {
		shownCrashMessage = crashMessage
	}
}

func logError(what string, err error) { log.Printf("%s: %v", what, err) }
