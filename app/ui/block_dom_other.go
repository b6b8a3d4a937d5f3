//go:build !wasm

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The host and native tests draw marks with go-app (blockView.Render).

func replaceSegments(el app.Value, from, remove int, segs []markRun) {}
func setMarkClass(el app.Value, i, depth int, class string)          {}
