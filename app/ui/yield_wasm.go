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
	sliceStarted = perfNow()
}

// The first mount in slices (issue 18: Total Blocking Time). The app's
// first render mounts the whole page onto the prerendered one in one go,
// 80-140 ms of one task on a fast machine, most of it V8 compiling each
// function on its first call; Lighthouse's mobile run counts a task's time
// over 50 ms, four times over. go-app calls a component's OnInit in the
// middle of the mount, on the main goroutine, so a component whose OnInit
// calls mountSlice lets the browser run a task there once the current
// slice has run mountSliceBudget: the page is still the prerendered one,
// painted and readable, and input is handled between slices (go-app queues
// its handlers until the mount is done). Slicing ends when the page is
// live and a frame has been drawn (endMountSlicesSoon, from the page's
// OnMount): the components' OnMount, the page's OnNav and the render that
// follows them are split in the same way (they call mountSlice too).
const mountSliceBudget = 8 // ms

var (
	mountSlicing = true
	sliceStarted float64 // when the running slice began (performance.now())
)

func mountSlice() {
	if !mountSlicing || perfNow()-sliceStarted < mountSliceBudget {
		return
	}
	yieldToBrowser()
}

// endMountSlicesSoon ends the slicing at the next frame, or after 500 ms
// in a page that draws none (a background tab gets no animation frames).
// Only the main goroutine may yield: a handler that JavaScript calls
// synchronously must not block, so slicing must not outlast the start.
func endMountSlicesSoon() {
	var end app.Func
	calls := 0
	end = app.FuncOf(func(this app.Value, args []app.Value) any {
		mountSlicing = false
		if calls++; calls == 2 {
			end.Release()
		}
		return nil
	})
	app.Window().Call("requestAnimationFrame", end)
	app.Window().Call("setTimeout", end, 500)
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
