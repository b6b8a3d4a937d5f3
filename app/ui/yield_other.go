//go:build !wasm

package ui

import "runtime"

// yieldToBrowser lets other goroutines run; there is no browser natively.
func yieldToBrowser() { runtime.Gosched() }

// afterPaint lets other goroutines run; there is no browser natively.
func afterPaint() { runtime.Gosched() }

// mountSlice and endMountSlicesSoon split the browser's first mount
// (yield_wasm.go); natively there is nothing to split.
func mountSlice()         {}
func endMountSlicesSoon() {}
