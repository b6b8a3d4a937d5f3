//go:build !wasm

package initslice

// Yield does nothing natively: there is no browser to give the thread to.
func Yield() {}
