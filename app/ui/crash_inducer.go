//go:build panictest

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// crashTestControl is a button whose click handler panics, in app.wasm
// built with -tags panictest only (e2e/crash_test.go builds one), to show
// that a panic in an event handler is reported and stops the saving.
func crashTestControl() app.UI {
	return app.Button().Type("button").Class("crash-test").Text("Cause an internal error").
		OnClick(func(ctx app.Context, e app.Event) {
			panic("an internal error caused by the panictest build")
		})
}
