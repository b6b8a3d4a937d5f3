//go:build wasm

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// showModal opens the <dialog> with this id as a modal dialog once it is
// drawn: the page behind it is inert and Escape closes it (its close
// event then tells the component).
func showModal(id string) {
	whenDrawn("#"+cssEscape(id), func(el app.Value) {
		if !el.Get("open").Bool() {
			el.Call("showModal")
		}
	})
}

// closeModal closes the <dialog> with this id, if it is open.
func closeModal(id string) {
	if el := document().Call("getElementById", id); el.Truthy() && el.Get("open").Bool() {
		el.Call("close")
	}
}
