//go:build wasm

package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The status bar's placement (status_bar.go): a confirmation sits at the
// foot of the window, moves to its top when it would cover the focused
// control, the selection or a drag in progress, and steps aside (fades
// out, letting clicks through) when it would cover them there too. A
// problem docks at the foot, and the page keeps room for it: --dock-h on
// <html> is its height, which the stylesheet adds to the page's bottom
// padding and scroll padding, so nothing the reader can reach stays under
// it.

type box struct{ top, bottom, left, right float64 }

func rectOf(el app.Value) box {
	r := el.Call("getBoundingClientRect")
	return box{r.Get("top").Float(), r.Get("bottom").Float(), r.Get("left").Float(), r.Get("right").Float()}
}

func (a box) meets(b box) bool {
	return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

// toastMargin is the gap between a confirmation and the window's edge.
const toastMargin = 16

// watchToast follows what a confirmation must not cover; the returned
// func stops it.
func watchToast() func() {
	doc := document()
	win := app.Window()
	pressed := false
	var px, py float64
	queued := false
	var frame app.Func
	stopped := false
	frame = app.FuncOf(func(this app.Value, args []app.Value) any {
		queued = false
		if stopped {
			return nil
		}
		placeToast(pressed, px, py)
		return nil
	})
	queue := func() {
		if !queued {
			queued = true
			win.Call("requestAnimationFrame", frame)
		}
	}
	onAny := app.FuncOf(func(this app.Value, args []app.Value) any {
		queue()
		return nil
	})
	onPointer := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		switch e.Get("type").String() {
		case "pointerdown":
			// A press on the status bar is on its own buttons (Undo,
			// Fetch again), not a drag the confirmation could cover:
			// moving it away from the pointer then would take the
			// button from under the finger before it is released.
			t := e.Get("target")
			pressed = !(t.Truthy() && t.Get("closest").Truthy() && t.Call("closest", ".status-bar").Truthy())
		case "pointerup", "pointercancel":
			pressed = false
		}
		px, py = e.Get("clientX").Float(), e.Get("clientY").Float()
		if pressed || e.Get("type").String() != "pointermove" {
			queue()
		}
		return nil
	})
	capture := map[string]any{"capture": true, "passive": true}
	for _, n := range []string{"focusin", "selectionchange", "scroll"} {
		doc.Call("addEventListener", n, onAny, capture)
	}
	win.Call("addEventListener", "resize", onAny)
	for _, n := range []string{"pointerdown", "pointermove", "pointerup", "pointercancel"} {
		doc.Call("addEventListener", n, onPointer, capture)
	}
	return func() {
		for _, n := range []string{"focusin", "selectionchange", "scroll"} {
			doc.Call("removeEventListener", n, onAny, capture)
		}
		win.Call("removeEventListener", "resize", onAny)
		for _, n := range []string{"pointerdown", "pointermove", "pointerup", "pointercancel"} {
			doc.Call("removeEventListener", n, onPointer, capture)
		}
		onAny.Release()
		onPointer.Release()
		if queued {
			// A frame still holds frame: let it run, as a no-op, first.
			stopped = true
			var later app.Func
			later = app.FuncOf(func(this app.Value, args []app.Value) any {
				frame.Release()
				later.Release()
				return nil
			})
			win.Call("requestAnimationFrame", later)
		} else {
			frame.Release()
		}
	}
}

// placeToast puts the confirmation where it covers neither the focused
// control, nor the selection, nor the pointer of a drag (pressed, at x, y).
func placeToast(pressed bool, x, y float64) {
	doc := document()
	card := doc.Call("querySelector", ".status-bar .toast:not(.gone)")
	if !card.Truthy() {
		return
	}
	win := app.Window()
	vh := win.Get("innerHeight").Float()
	h := card.Get("offsetHeight").Float()
	cur := rectOf(card)
	dock := dockHeight()
	at := map[string]box{
		"bottom": {vh - dock - toastMargin - h, vh - dock - toastMargin, cur.left, cur.right},
		"top":    {toastMargin, toastMargin + h, cur.left, cur.right},
	}
	var avoid []box
	if f := doc.Get("activeElement"); f.Truthy() && !card.Call("contains", f).Bool() && f.Get("tagName").String() != "BODY" {
		// Not a whole region (the main element, the article): the
		// control the reader is in.
		if r := rectOf(f); r.bottom-r.top < vh/2 {
			avoid = append(avoid, r)
		}
	}
	if sel := win.Call("getSelection"); sel.Truthy() && !sel.Get("isCollapsed").Bool() && sel.Get("rangeCount").Int() > 0 {
		avoid = append(avoid, rectOf(sel.Call("getRangeAt", 0)))
	}
	if pressed {
		avoid = append(avoid, box{y - 8, y + 8, x - 8, x + 8})
	}
	clear := func(b box) bool {
		for _, a := range avoid {
			if a.meets(b) {
				return false
			}
		}
		return true
	}
	place := "away"
	switch {
	case clear(at["bottom"]):
		place = "bottom"
	case clear(at["top"]):
		place = "top"
	}
	if card.Get("dataset").Get("place").String() != place {
		card.Get("dataset").Set("place", place)
	}
}

// dockHeight is the room the problem docked at the foot takes, or 0.
func dockHeight() float64 {
	v := document().Get("documentElement").Get("style").Call("getPropertyValue", "--dock-h").String()
	n, _ := strconv.ParseFloat(trimPx(v), 64)
	return n
}

func trimPx(s string) string {
	if len(s) > 2 && s[len(s)-2:] == "px" {
		return s[:len(s)-2]
	}
	return s
}

// setDock keeps room of h pixels at the page's foot for a docked problem.
func setDock(h float64) {
	document().Get("documentElement").Get("style").Call("setProperty", "--dock-h", strconv.Itoa(int(h+0.5))+"px")
}

// afterStatusDrawn measures the docked problem, keeps room for it, brings
// the focused control out from under it, and places the confirmation.
func afterStatusDrawn() {
	doc := document()
	h := 0.0
	if d := doc.Call("querySelector", ".status-bar .dock"); d.Truthy() {
		h = d.Get("offsetHeight").Float()
	}
	setDock(h)
	if f := doc.Get("activeElement"); h > 0 && f.Truthy() && f.Get("tagName").String() != "BODY" {
		vh := app.Window().Get("innerHeight").Float()
		if r := rectOf(f); r.bottom > vh-h && r.bottom-r.top < vh/2 {
			f.Call("scrollIntoView", map[string]any{"block": "nearest"})
		}
	}
	placeToast(false, 0, 0)
}

// focusWithinStatus says whether the focus is in the confirmation.
func focusWithinStatus() bool {
	f := document().Get("activeElement")
	return f.Truthy() && f.Call("closest", ".toast").Truthy()
}

// pointerOnStatus is whether the pointer rests on the confirmation.
func pointerOnStatus() bool {
	return document().Call("querySelector", ".toast:hover").Truthy()
}
