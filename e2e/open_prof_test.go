//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annotator/annotator/internal/realistic"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// bigOpen is what the profile and the trace of an open start from: the
// scale benchmark's library at 1,000 annotations (seed 18, 200 articles),
// its article files written into dir, and the big article that holds the
// 1,000 (count), with the stored form kv that seeds a profile.
type bigOpen struct {
	dir, ID, Title string
	count          int
	kv             map[string]string
}

func newBigOpen(t *testing.T) bigOpen {
	t.Helper()
	const seed = 18
	arts := realistic.Articles(seed, 200)
	dir := t.TempDir()
	if err := realistic.WriteArticles(dir, arts); err != nil {
		t.Fatal(err)
	}
	lib := realistic.NewLibrary(seed, 200, 1_000)
	big := arts[0]
	return bigOpen{dir: dir, ID: big.ID, Title: big.Title, count: len(lib.Annotations[big.ID]), kv: storedForm(t, lib.Annotations)}
}

// TestProfileOpen records Chromium's CPU profile of opening the scale
// benchmark's article of 1,000 realistic annotations from the library
// (PROF=1 go test -count=1 -tags e2e -run ProfileOpen -v ./e2e/), with an
// app.wasm built without -s -w so that Go's function names show, and
// prints the functions that take the most time (self and total) and the
// page's own measures (annotator:*).
func TestProfileOpen(t *testing.T) {
	if os.Getenv("PROF") == "" {
		t.Skip("set PROF=1 to profile opening a heavily annotated article")
	}
	big := newBigOpen(t)

	h := startHostWeb(t, big.dir, "127.0.0.1:0", unstrippedWasmWeb(t))
	b := newBrowser(t, "")
	b.do(t, chromedp.Navigate(h.URL+"/web/app.css"))
	seedStorage(t, b, big.kv)
	b.open(t, h.URL+"/")
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, profiler.Enable, cdp.Empty{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, profiler.Start, cdp.Empty{})
		return err
	}))
	marks := `new Set([...document.querySelectorAll("article mark[data-annotation-id]")].map(m => m.dataset.annotationId)).size`
	b.stopwatch(t, "click", `(e) => !!e.target.closest('a[href="/read/`+big.ID+`"]')`,
		`!!document.querySelector('article[data-article-id="`+big.ID+`"]') && `+marks+` >= `+itoa(big.count))
	b.click(t, "link", big.Title)
	took := b.stopwatchRead(t, "the article's marks")
	var prof *profiler.Profile
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		r, err := cdp.Call(ctx, tg, profiler.Stop, cdp.Empty{})
		prof = r.Profile
		return err
	}))
	t.Logf("measures: %s", eval[string](t, b, `performance.getEntriesByType("measure").filter(m => m.name.startsWith("annotator:")).map(m => m.name + " " + m.duration.toFixed(1)).join(", ")`))
	t.Logf("elements: %s", eval[string](t, b, `"marks " + document.querySelectorAll("article mark").length + ", all " + document.querySelectorAll("*").length + ", panel " + document.querySelectorAll("#panel *").length + ", claims " + document.querySelectorAll(".claims-list li.claim-item").length + ", claims els " + document.querySelectorAll(".claims-list *").length + ", list els " + document.querySelectorAll(".annotation-list *").length + ", compare els " + document.querySelectorAll(".share-area *").length + ", label settings " + document.querySelectorAll("#panel > :last-child *").length`))
	// What report leaves out: the browser's own work outside JavaScript
	// and WebAssembly (style, layout, paint: "(program)") and idle time.
	other := map[string]int64{}
	names := map[int64]string{}
	for _, n := range prof.Nodes {
		names[n.ID] = n.CallFrame.FunctionName
	}
	for i, id := range prof.Samples {
		if nm := names[id]; nm == "(program)" || nm == "(idle)" || nm == "(garbage collector)" {
			other[nm] += prof.TimeDeltas[i]
		}
	}
	t.Logf("outside the code: (program) %.0f ms, (idle) %.0f ms, (garbage collector) %.0f ms", float64(other["(program)"])/1000, float64(other["(idle)"])/1000, float64(other["(garbage collector)"])/1000)
	before, after := codeAroundPaint(prof)
	t.Logf("the code (JavaScript and WebAssembly) from the click to the article's style and paint: %.0f ms; after it: %.0f ms", before, after)
	report(t, fmt.Sprintf("open the article of %d (%.0f ms until painted)", big.count, took), prof)
	// PROF_FILE keeps the whole profile, for a call tree (Chromium's
	// DevTools opens it as a .cpuprofile).
	if f := os.Getenv("PROF_FILE"); f != "" {
		data, err := json.Marshal(prof)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// unstrippedWasmWeb is wasmWeb's web folder with an app.wasm that keeps
// its name section (no -s -w), for profiles with Go's function names.
func unstrippedWasmWeb(t *testing.T) string {
	t.Helper()
	web := filepath.Join(t.TempDir(), "web")
	if err := os.CopyFS(web, os.DirFS(filepath.Join(repoRoot, "web"))); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"app.wasm", "app.wasm.br", "app.wasm.gz"} {
		os.Remove(filepath.Join(web, n))
	}
	flags, err := exec.Command("make", "-s", "--no-print-directory", "-C", repoRoot, "wasm-gcflags").Output()
	if err != nil {
		t.Fatalf("make wasm-gcflags: %v", err)
	}
	args := append([]string{"build", "-trimpath"}, strings.Fields(string(flags))...)
	args = append(args, "-o", filepath.Join(web, "app.wasm"), "./cmd/annotator")
	build := exec.Command("go", args...)
	build.Dir = repoRoot
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building app.wasm: %v\n%s", err, out)
	}
	if out, err := exec.Command(hostBin, "-precompress", filepath.Join(web, "app.wasm")).CombinedOutput(); err != nil {
		t.Fatalf("compressing app.wasm: %v\n%s", err, out)
	}
	return web
}

// codeAroundPaint splits the profile's code (samples that are not
// (program), (idle) or (garbage collector)) at the article's first style
// and paint: the first run of (program) samples of 100 ms or more after
// the last sample that draws a block's marks (blockView.OnMount). What
// comes before is what the reader waits for; after it, the work the open
// leaves for later (the side panel's slices, the write-back).
func codeAroundPaint(prof *profiler.Profile) (before, after float64) {
	byID, parent := profileTree(prof)
	draws := map[int64]bool{}
	drawing := func(id int64) bool {
		d, ok := draws[id]
		if !ok {
			for x, found := id, true; found; x, found = parent[x] {
				if strings.Contains(byID[x].CallFrame.FunctionName, "blockView_.OnMount") {
					d = true
					break
				}
			}
			draws[id] = d
		}
		return d
	}
	var at, lastDraw int64
	times := make([]int64, len(prof.Samples))
	for i, id := range prof.Samples {
		at += prof.TimeDeltas[i]
		times[i] = at
		if drawing(id) {
			lastDraw = at
		}
	}
	paint := int64(-1)
	var run, runStart int64
	for i, id := range prof.Samples {
		if times[i] <= lastDraw {
			continue
		}
		if byID[id].CallFrame.FunctionName != "(program)" {
			run = 0
			continue
		}
		if run == 0 {
			runStart = times[i] - prof.TimeDeltas[i]
		}
		if run += prof.TimeDeltas[i]; run >= 100_000 {
			paint = runStart
			break
		}
	}
	for i, id := range prof.Samples {
		switch byID[id].CallFrame.FunctionName {
		case "(program)", "(idle)", "(garbage collector)":
			continue
		}
		if paint < 0 || times[i] <= paint {
			before += float64(prof.TimeDeltas[i]) / 1000
		} else {
			after += float64(prof.TimeDeltas[i]) / 1000
		}
	}
	return before, after
}
