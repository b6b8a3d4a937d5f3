//go:build js && wasm

// Package jstasks runs sliced work as app/ui's slicer does, in WebAssembly
// under Node, and says what tasks it made: the measurement behind the
// store's and the import's task tests (IMPORT_TASKS=1, docs/performance.md,
// "Importing a big file"). It is for tests only.
package jstasks

import (
	"syscall/js"
	"testing"
	"time"
)

// Run is what Slices saw: each task's length, and the longest step and
// the longest yield to the event loop.
type Run struct {
	Tasks                     []time.Duration
	LongestStep, LongestYield time.Duration
}

// Slices runs step as app/ui's slicer does: steps sized to take 2–4 ms,
// 25 ms of them a task, then a yield to the event loop (setTimeout 0).
func Slices(t testing.TB, step func(n int) (bool, error)) Run {
	t.Helper()
	var r Run
	steps := 64
	task := time.Now()
	for {
		s0 := time.Now()
		done, err := step(steps)
		if err != nil {
			t.Fatal(err)
		}
		took := time.Since(s0)
		r.LongestStep = max(r.LongestStep, took)
		switch {
		case took < 2*time.Millisecond && steps < 1<<16:
			steps *= 2
		case took > 4*time.Millisecond && steps > 1:
			steps = max(1, int(int64(steps)*int64(3*time.Millisecond)/int64(took)))
		}
		if done {
			r.Tasks = append(r.Tasks, time.Since(task))
			return r
		}
		if time.Since(task) < 25*time.Millisecond {
			continue
		}
		y := time.Now()
		woke := make(chan struct{})
		var f js.Func
		f = js.FuncOf(func(js.Value, []js.Value) any { f.Release(); close(woke); return nil })
		js.Global().Call("setTimeout", f, 0)
		<-woke
		r.LongestYield = max(r.LongestYield, time.Since(y))
		r.Tasks = append(r.Tasks, time.Since(task))
		task = time.Now()
	}
}
