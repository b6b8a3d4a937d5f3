//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/systeminfo"
	"github.com/chromedp/chromedp"
)

// compileProbe runs before the page's scripts and records when
// WebAssembly.instantiateStreaming, which app.js calls with app.wasm's
// response, has compiled and instantiated it.
const compileProbe = `(() => {
	const orig = WebAssembly.instantiateStreaming;
	if (!orig) return;
	WebAssembly.instantiateStreaming = async function (source, imports) {
		const r = await orig.call(this, source, imports);
		(window.__start = window.__start || {}).instantiated = performance.now();
		return r;
	};
})()`

// TestBenchAppWasm compares two builds of app.wasm on a reader's first
// visit, in the same run (BENCH=1 and BENCH_APP_WASM_BASELINE=path/to/
// another app.wasm; make bench leaves it out): web/app.wasm and the other
// are served by two hosts from copies of web/, one fresh profile after the
// other, alternating which goes first. For each: the navigation to the live
// app, the time from app.wasm's last byte to its instance (V8's compile and
// instantiation), and the renderer processes' resident memory once live.
// It answers "does this post-processing of app.wasm (wasm-opt, another
// compiler flag) make a difference a reader feels?"
func TestBenchAppWasm(t *testing.T) {
	benchOnly(t)
	base := os.Getenv("BENCH_APP_WASM_BASELINE")
	if base == "" {
		t.Skip("BENCH_APP_WASM_BASELINE=path/to/app.wasm names the build to compare web/app.wasm with")
	}
	const runs = 11
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		t.Logf("load average: %s (timings on a busy machine run long)", strings.TrimSpace(string(load)))
	}
	articles := copyArticles(t)
	type side struct {
		name, url            string
		live, compile, rssMB []float64
	}
	var sides []*side
	for _, wasm := range []string{filepath.Join(repoRoot, "web", "app.wasm"), base} {
		web := webWith(t, "app.wasm", wasm)
		br, _ := os.Stat(filepath.Join(web, "app.wasm.br"))
		raw, _ := os.Stat(filepath.Join(web, "app.wasm"))
		t.Logf("%s: raw %d bytes, brotli %d bytes", wasm, raw.Size(), br.Size())
		sides = append(sides, &side{name: wasm, url: startHostWeb(t, articles, "127.0.0.1:0", web).URL})
	}
	for i := 0; i < runs; i++ {
		order := slices.Clone(sides)
		if i%2 == 1 {
			slices.Reverse(order)
		}
		for _, s := range order {
			b := newBrowser(t, "")
			b.installProbe(t)
			b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: compileProbe})
				return err
			}))
			st := b.timeStart(t, s.url+seedPath)
			inst := eval[float64](t, b, `window.__start.instantiated || 0`)
			s.live = append(s.live, st.Live)
			s.compile = append(s.compile, inst-st.Wasm)
			s.rssMB = append(s.rssMB, b.rendererRSS(t)/1e6)
			b.noPageErrors(t)
			b.quit()
		}
	}
	for _, s := range sides {
		t.Logf("%s: medians of %d fresh profiles: live %.0f ms (runs %v); app.wasm's last byte to its instance %.0f ms (runs %v); renderer memory once live %.1f MB (runs %v)",
			s.name, runs, median(s.live), rounded(s.live), median(s.compile), rounded(s.compile), median(s.rssMB), rounded(s.rssMB))
	}
	d := func(f func(*side) []float64) float64 {
		var xs []float64
		for i := range f(sides[0]) {
			xs = append(xs, f(sides[0])[i]-f(sides[1])[i])
		}
		return median(xs)
	}
	t.Logf("web/app.wasm against the baseline, medians of the paired differences: live %+.0f ms, compile and instantiate %+.0f ms, renderer memory %+.1f MB",
		d(func(s *side) []float64 { return s.live }), d(func(s *side) []float64 { return s.compile }), d(func(s *side) []float64 { return s.rssMB }))
}

// rendererRSS is the resident memory, in bytes, of the browser's renderer
// processes (the page's, and any spare one), from /proc.
func (b *browser) rendererRSS(t testing.TB) float64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	info, err := cdp.Call(ctx, chromedp.FromContext(b.ctx).Browser, systeminfo.GetProcessInfo, cdp.Empty{})
	if err != nil {
		t.Fatalf("SystemInfo.getProcessInfo: %v", err)
	}
	var total float64
	for _, p := range info.ProcessInfo {
		if p.Type != "renderer" {
			continue
		}
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", int(p.ID)))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(status), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
				kb, _ := strconv.ParseFloat(f[1], 64)
				total += kb * 1024
			}
		}
	}
	return total
}
