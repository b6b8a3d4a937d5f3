//go:build js && wasm

package store

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/internal/jstasks"
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
			r := jstasks.Slices(t, ap.Step)
			took := time.Since(t0)
			c0 := time.Now()
			if err := ap.Commit(); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s, run %d: steps %v in %d tasks, the longest task %v, step %v and yield %v; commit %v",
				c.name, rep+1, took.Round(time.Millisecond), len(r.Tasks), slices.Max(r.Tasks).Round(time.Millisecond/10),
				r.LongestStep.Round(time.Millisecond/10), r.LongestYield.Round(time.Millisecond/10), time.Since(c0).Round(time.Millisecond))
		}
	}
}
