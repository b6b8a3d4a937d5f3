//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchBuild is one build of Annotator that a browser benchmark runs: this
// tree's (bin/annotator and web/ from make build), or a baseline's.
//
// `make bench BASELINE=<commit>` builds that commit in a temporary git
// worktree and passes its folder as BENCH_BASELINE; the benchmarks that
// compare builds (Lighthouse, the scale benchmark, the cold start) then run
// both, alternating run by run so that neither the order nor a busy minute
// favours one, and report each median and the ratio this/baseline. Only the
// baseline's host and web/ are used: the tests, the data they seed and the
// way they measure are this tree's.
type benchBuild struct {
	Name string // "this" or "baseline"
	Bin  string // the host binary
	Web  string // its web/ folder (app.wasm, app.css, …)
}

// benchBuilds returns this build, and the baseline's when BENCH_BASELINE
// names a built tree.
func benchBuilds(t testing.TB) []benchBuild {
	t.Helper()
	out := []benchBuild{{Name: "this", Bin: hostBin, Web: filepath.Join(repoRoot, "web")}}
	dir := os.Getenv("BENCH_BASELINE")
	if dir == "" {
		return out
	}
	b := benchBuild{Name: "baseline", Bin: filepath.Join(dir, "bin", "annotator"), Web: filepath.Join(dir, "web")}
	for _, f := range []string{b.Bin, filepath.Join(b.Web, "app.wasm")} {
		if _, err := os.Stat(f); err != nil {
			t.Fatalf("BENCH_BASELINE=%s is not a built tree (%v): make bench BASELINE=<commit> builds one", dir, err)
		}
	}
	return append(out, b)
}

// start runs this build's host over articles, serving a copy of its web/
// (so that both builds read their files from the same kind of folder).
func (b benchBuild) start(t testing.TB, articles string) *host {
	t.Helper()
	web := filepath.Join(t.TempDir(), "web")
	if err := os.CopyFS(web, os.DirFS(b.Web)); err != nil {
		t.Fatal(err)
	}
	return startHostBin(t, b.Bin, articles, "127.0.0.1:0", web)
}

// ratioNote is "(0.52× baseline)" when there is a baseline figure.
func ratioNote(this, base float64, ok bool) string {
	if !ok || base == 0 {
		return ""
	}
	return fmt.Sprintf(" (%.2f× baseline %.0f)", this/base, base)
}
