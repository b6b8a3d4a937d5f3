//go:build js && wasm

package store

import (
	"os"
	"slices"
	"syscall/js"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/internal/realistic"
)

// TestSaveTasks logs how long the steps of a big save take in
// WebAssembly, and the tasks they make when run as the import page runs
// them: steps sized to take 2–4 ms, 25 ms of them a task, then a yield to
// the event loop. A task is timed from Go's side and includes what the
// runtime does before it returns to JavaScript (the garbage collector's
// idle-time marking). It asserts nothing about time; run it under Node
// with the Makefile's flags (docs/performance.md, "Importing a big file"):
//
//	IMPORT_TASKS=1 GOOS=js GOARCH=wasm go test -count=1 -run 'TestSaveTasks$' -v \
//		-exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" $(make -s wasm-gcflags) ./app/store/
func TestSaveTasks(t *testing.T) {
	if os.Getenv("IMPORT_TASKS") == "" {
		t.Skip("IMPORT_TASKS=1 runs it")
	}
	arts := realistic.Articles(18, 40)
	spread := map[string][]annotation.Annotation{}
	left := 20000
	for i, a := range arts {
		k := min(left, realistic.PerArticle)
		if i == 0 {
			k = min(left, realistic.BigArticle)
		}
		if k > 0 {
			spread[a.ID] = realistic.Annotations(2, a.ID, a.Text, k)
		}
		left -= k
	}
	one := map[string][]annotation.Annotation{arts[0].ID: realistic.Annotations(3, arts[0].ID, arts[0].Text, 20000)}
	for rep := range 3 {
		for _, c := range []struct {
			name string
			anns map[string][]annotation.Annotation
		}{{"20,000 over 40 articles", spread}, {"20,000 on one article", one}} {
			st, _, err := Open(NewMemory(50 << 20))
			if err != nil {
				t.Fatal(err)
			}
			ap, err := st.BeginApply(Batch{Annotations: c.anns}, st.Mark())
			if err != nil {
				t.Fatal(err)
			}
			t0 := time.Now()
			r := runInTasks(t, ap.Step)
			took := time.Since(t0)
			c0 := time.Now()
			if err := ap.Commit(); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s, run %d: steps %v in %d tasks, the longest task %v, step %v and yield %v; commit %v",
				c.name, rep+1, took.Round(time.Millisecond), len(r.tasks), slices.Max(r.tasks).Round(time.Millisecond/10),
				r.longestStep.Round(time.Millisecond/10), r.longestYield.Round(time.Millisecond/10), time.Since(c0).Round(time.Millisecond))
		}
	}
}

// tasksRun is what runInTasks saw.
type tasksRun struct {
	tasks                     []time.Duration
	longestStep, longestYield time.Duration
}

// runInTasks runs step as app/ui's slicer does, yielding to the event loop
// (setTimeout 0) between 25 ms slices.
func runInTasks(t *testing.T, step func(n int) (bool, error)) tasksRun {
	var r tasksRun
	steps := 64
	task := time.Now()
	for {
		s0 := time.Now()
		done, err := step(steps)
		if err != nil {
			t.Fatal(err)
		}
		took := time.Since(s0)
		r.longestStep = max(r.longestStep, took)
		switch {
		case took < 2*time.Millisecond && steps < 1<<16:
			steps *= 2
		case took > 4*time.Millisecond && steps > 1:
			steps = max(1, int(int64(steps)*int64(3*time.Millisecond)/int64(took)))
		}
		if done {
			r.tasks = append(r.tasks, time.Since(task))
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
		r.longestYield = max(r.longestYield, time.Since(y))
		r.tasks = append(r.tasks, time.Since(task))
		task = time.Now()
	}
}
