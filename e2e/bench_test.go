//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// benchOnly skips a benchmark test unless BENCH=1 (make bench sets it):
// timings are reported, never asserted, so a slow machine fails nothing.
func benchOnly(t *testing.T) {
	if os.Getenv("BENCH") == "" {
		t.Skip("a browser benchmark: run with BENCH=1 (make bench)")
	}
}

// stats returns the median and the 95th percentile.
func stats(xs []float64) (median, p95 float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	median = s[len(s)/2]
	if len(s)%2 == 0 {
		median = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	i := int(float64(len(s))*0.95+0.5) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(s) {
		i = len(s) - 1
	}
	return median, s[i]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// webWith is a copy of web/ in which the file name (app.wasm or
// markdown.wasm) is the file at path, compressed as make build does: for
// benchmarks that compare two builds in the same run.
func webWith(t *testing.T, name, path string) string {
	t.Helper()
	web := filepath.Join(t.TempDir(), "web")
	if err := os.CopyFS(web, os.DirFS(filepath.Join(repoRoot, "web"))); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{name + ".br", name + ".gz"} {
		os.Remove(filepath.Join(web, n))
	}
	if err := os.WriteFile(filepath.Join(web, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(hostBin, "-precompress", filepath.Join(web, name)).CombinedOutput(); err != nil {
		t.Fatalf("compressing %s: %v\n%s", path, err, out)
	}
	return web
}
