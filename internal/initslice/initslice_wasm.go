//go:build wasm

package initslice

import "syscall/js"

func init() { Yield() }

// Yield blocks until the browser has run a task of its own (a message to a
// MessageChannel, as app/ui's yieldToBrowser). With every goroutine
// blocked, Go's runtime returns to the event loop.
func Yield() {
	ch := js.Global().Get("MessageChannel").New()
	done := make(chan struct{})
	var wake js.Func
	wake = js.FuncOf(func(this js.Value, args []js.Value) any {
		wake.Release()
		close(done)
		return nil
	})
	ch.Get("port1").Set("onmessage", wake)
	ch.Get("port2").Call("postMessage", nil)
	<-done
	ch.Get("port1").Call("close")
}
