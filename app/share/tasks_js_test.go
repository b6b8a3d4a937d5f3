//go:build js && wasm

package share

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/internal/jstasks"
	"github.com/annotator/annotator/internal/realistic"
)

// TestImportTasks logs how long reading and previewing TestBenchImport's
// file of 20,000 realistic annotations take in WebAssembly, and the tasks
// they make when run as the import page runs them: steps sized to take
// 2–4 ms, 25 ms of them a task, then a yield to the event loop. A task is
// timed from Go's side and includes what the runtime does before it
// returns to JavaScript (the garbage collector's idle-time marking); the
// first run is the page's first import, its code not yet optimised. It
// asserts nothing about time; run it under Node with the Makefile's flags
// (docs/performance.md, "Importing a big file"):
//
//	IMPORT_TASKS=1 GOOS=js GOARCH=wasm go test -count=1 -run 'TestImportTasks$' -v \
//		-exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" $(make -s wasm-gcflags) ./app/share/
func TestImportTasks(t *testing.T) {
	if os.Getenv("IMPORT_TASKS") == "" {
		t.Skip("IMPORT_TASKS=1 runs it")
	}
	arts := realistic.Articles(18, 40)
	var items []Item
	left := 20000
	for i, a := range arts {
		k := min(left, realistic.PerArticle)
		if i == 0 {
			k = min(left, realistic.BigArticle)
		}
		if k > 0 {
			items = append(items, Item{Article: a, Annotations: realistic.Annotations(2, a.ID, a.Text, k)})
		}
		left -= k
	}
	data, _, err := Export{Items: items, Library: true, Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}.W3C()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, data); err != nil {
		t.Fatal(err)
	}
	var known []article.Summary
	texts := map[string]string{}
	for _, a := range arts {
		known = append(known, a.Summary())
		texts[a.ID] = a.Text
	}
	opts := ImportOptions{Known: known, Text: func(id string) (string, bool) { s, ok := texts[id]; return s, ok }}
	items, data = nil, nil
	for rep := range 3 {
		t0 := time.Now()
		im := NewImporter(slices.Clone(buf.Bytes()), "twenty-thousand.json", opts)
		read := jstasks.Slices(t, im.Step)
		readTook := time.Since(t0)
		pv := NewPreviewer([]*ImportSet{im.Set()}, map[string][]annotation.Annotation{})
		merge := jstasks.Slices(t, func(n int) (bool, error) { return pv.Step(n), nil })
		if p := pv.Preview(); p.New != 20000 {
			t.Fatalf("%d new", p.New)
		}
		t.Logf("run %d: read in %v, %d tasks, the longest task %v, step %v and yield %v; previewed in %v more, the longest task %v",
			rep+1, readTook.Round(time.Millisecond), len(read.Tasks), slices.Max(read.Tasks).Round(time.Millisecond/10),
			read.LongestStep.Round(time.Millisecond/10), read.LongestYield.Round(time.Millisecond/10),
			(time.Since(t0) - readTook).Round(time.Millisecond), slices.Max(merge.Tasks).Round(time.Millisecond/10))
	}
}
