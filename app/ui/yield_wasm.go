//go:build wasm

package ui

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Work that takes longer than a frame (reading a big import, the start of
// the app: register.go yields between the runtime's start and the first
// render, issue 18's Total Blocking Time) runs in a goroutine that gives the browser the main thread back between slices:
// yieldToBrowser blocks the goroutine until the browser has run a task of
// its own. With every goroutine blocked, Go's runtime returns to the event
// loop, which handles input, paints a frame if one is due, and runs go-app's
// own frame; the goroutine resumes in a new task.
//
// The wake-up is a message to a MessageChannel, a task that runs as soon as
// the browser is free, rather than setTimeout(0), which Chromium delays to
// 4 ms once timers nest.
//
// Several goroutines may yield at once (files of one import are copied
// side by side): each waits on its own channel, woken in turn by its own
// message.
var (
	yieldOnce sync.Once
	yieldPort app.Value
	yieldMu   sync.Mutex
	yielders  []chan struct{}
)

func yieldToBrowser() {
	yieldOnce.Do(func() {
		ch := app.Window().Get("MessageChannel").New()
		ch.Get("port1").Set("onmessage", app.FuncOf(func(this app.Value, args []app.Value) any {
			yieldMu.Lock()
			if len(yielders) > 0 {
				close(yielders[0])
				yielders = yielders[1:]
			}
			yieldMu.Unlock()
			return nil
		}))
		yieldPort = ch.Get("port2")
	})
	wake := make(chan struct{})
	yieldMu.Lock()
	yielders = append(yielders, wake)
	yieldMu.Unlock()
	yieldPort.Call("postMessage", nil)
	<-wake
}

// afterPaint blocks the goroutine until the browser has drawn a frame:
// a requestAnimationFrame callback, then a task after it, when the frame
// is painted.
func afterPaint() {
	wake := make(chan struct{})
	var frame app.Func
	frame = app.FuncOf(func(this app.Value, args []app.Value) any {
		frame.Release()
		close(wake)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
	<-wake
	yieldToBrowser()
}
