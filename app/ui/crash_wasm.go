//go:build wasm

package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// reportPanic logs the panic to the console and, the first time, shows
// crashMessage with a Reload button. The note is built with the DOM, not
// with go-app, whose state the panic may have left half updated; it is an
// alert, and the focus moves to its button.
func reportPanic(v any, stack []byte, first bool) {
	defer func() { recover() }() // a failure here must not end the program
	app.Window().Get("console").Call("error", "Annotator: internal error: "+fmt.Sprint(v)+"\n"+string(stack))
	if !first {
		return
	}
	doc := app.Window().Get("document")
	el := func(tag, class string) app.Value {
		e := doc.Call("createElement", tag)
		if class != "" {
			e.Call("setAttribute", "class", class)
		}
		return e
	}
	bar := el("div", "status-bar crash-bar")
	card := el("div", "status-card")
	card.Call("setAttribute", "data-kind", "error")
	card.Call("setAttribute", "role", "alert")
	text := el("span", "")
	text.Set("textContent", crashMessage)
	reload := el("button", "")
	reload.Set("type", "button")
	reload.Set("textContent", "Reload")
	reload.Call("addEventListener", "click", app.FuncOf(func(app.Value, []app.Value) any {
		app.Window().Get("location").Call("reload")
		return nil
	}))
	card.Call("appendChild", text)
	card.Call("appendChild", reload)
	bar.Call("appendChild", card)
	doc.Get("body").Call("appendChild", bar)
	doc.Get("documentElement").Call("setAttribute", "data-crashed", "true")
	reload.Call("focus")
}

// logError puts an error's full text in the console, for whoever looks
// into a problem; the reader gets a plain message.
func logError(what string, err error) {
	app.Window().Get("console").Call("warn", "Annotator: "+what+": "+err.Error())
}
