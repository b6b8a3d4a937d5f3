//go:build wasm

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// replaceSegments removes remove children of el from index from (all from
// there when negative) and puts segs there, in one call into JavaScript
// (annotatorDrawMarks, app/host/appjs.go).
func replaceSegments(el app.Value, from, remove int, segs []markRun) {
	spec := ""
	if len(segs) > 0 {
		spec = segmentsSpec(segs)
	}
	app.Window().Call("annotatorDrawMarks", el, from, remove, spec)
}

// setMarkClass sets the class of the depth-th mark (0: the outermost) of
// el's i-th markRun.
func setMarkClass(el app.Value, i, depth int, class string) {
	node := el.Get("childNodes").Index(i)
	for ; depth > 0; depth-- {
		node = node.Get("firstChild")
	}
	node.Call("setAttribute", "class", class)
}
