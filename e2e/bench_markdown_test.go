//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// markdownProbe runs in every new document: it records, in ms since the
// navigation began, when a file was chosen (the file input's change event)
// and when the library first lists the article whose title is
// window.__md.want.
const markdownProbe = `(() => {
	window.__md = {};
	document.addEventListener("change", (e) => {
		if (e.target && e.target.type === "file" && __md.chosen === undefined) __md.chosen = performance.now();
	}, true);
	new MutationObserver(() => {
		const m = window.__md;
		if (m.want && m.shown === undefined && [...document.querySelectorAll("ul.article-list a")].some((a) => a.textContent.startsWith(m.want))) {
			m.shown = performance.now();
		}
	}).observe(document, {subtree: true, childList: true, characterData: true});
})()`

// TestBenchMarkdownOpen measures what a reader waits for when opening a
// .md file of their own (BENCH=1, run by make bench): the time from
// choosing the file to its article listed in the library. A page's first
// file needs the Markdown worker (markdown.wasm: its compile, Go's start
// and the parser's package initialisation), which the app starts when the
// file picker gets the focus; a second file finds it running. Three
// figures, each over fresh profiles whose service worker has cached
// markdown.wasm (a reader who opened the library, then picks a file):
//   - first file, the picker focused 2 s before (a click on "Open an
//     article file" focuses it, then the reader picks a file in the dialog):
//     what a reader feels;
//   - first file chosen with no focus before (the worker's whole start);
//   - second file.
//
// BENCH_MARKDOWN_BASELINE=path/to/markdown.wasm adds, in the same run and
// alternating with the app's own, the same measurements with another build
// of markdown.wasm (for example one from an earlier commit), so that a
// change to the worker is measured before and after.
func TestBenchMarkdownOpen(t *testing.T) {
	benchOnly(t)
	const runs = 9
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		t.Logf("load average: %s (timings on a busy machine run long)", strings.TrimSpace(string(load)))
	}
	body, err := os.ReadFile(filepath.Join(repoRoot, "articles", "reading-news-closely.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(body), "\n")
	dir := t.TempDir()

	type side struct {
		name                string
		url                 string
		focused, cold, next []float64
	}
	sides := []*side{{name: "markdown.wasm", url: startHost(t, copyArticles(t), "127.0.0.1:0").URL}}
	if base := os.Getenv("BENCH_MARKDOWN_BASELINE"); base != "" {
		web := webWith(t, "markdown.wasm", base)
		sides = append(sides, &side{name: "baseline " + base, url: startHostWeb(t, copyArticles(t), "127.0.0.1:0", web).URL})
	}

	const picker = "Open an article file"
	n := 0
	choose := func(b *browser) float64 {
		n++
		title := fmt.Sprintf("Bench Markdown %d", n)
		md := filepath.Join(dir, fmt.Sprintf("bench-%d.md", n))
		writeFile(t, md, "# "+title+"\n"+rest)
		b.do(t, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`window.__md = {want: %q}`, title)))
		b.chooseFiles(t, picker, md)
		b.waitFor(t, "the article listed", `window.__md.shown !== undefined`)
		return eval[float64](t, b, `__md.shown - __md.chosen`)
	}
	library := func(s *side) *browser {
		b := newBrowser(t, "")
		b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: markdownProbe})
			return err
		}))
		b.open(t, s.url+"/")
		b.waitOfflineReady(t, "/web/markdown.wasm")
		return b
	}
	for i := 0; i < runs; i++ {
		order := append([]*side(nil), sides...)
		if i%2 == 1 {
			slices.Reverse(order)
		}
		for _, s := range order {
			b := library(s)
			b.focusControl(t, "button", picker)
			time.Sleep(2 * time.Second) // the reader picks a file in the dialog
			s.focused = append(s.focused, choose(b))
			b.noPageErrors(t)
			b.quit()

			b = library(s)
			s.cold = append(s.cold, choose(b))
			s.next = append(s.next, choose(b))
			b.noPageErrors(t)
			b.quit()
		}
	}
	for _, s := range sides {
		t.Logf("%s: a .md file chosen to its article listed, medians of %d fresh profiles: first file, picker focused 2 s before %.0f ms (runs %v); first file with no focus before (the worker's whole start) %.0f ms (runs %v); second file %.0f ms (runs %v)",
			s.name, runs, median(s.focused), rounded(s.focused), median(s.cold), rounded(s.cold), median(s.next), rounded(s.next))
	}
	if len(sides) == 2 {
		a, b := sides[0], sides[1]
		var focused, cold []float64
		for i := range a.cold {
			focused = append(focused, a.focused[i]-b.focused[i])
			cold = append(cold, a.cold[i]-b.cold[i])
		}
		t.Logf("against the baseline, median of the paired differences: first file focused %+.0f ms, first file not focused %+.0f ms", median(focused), median(cold))
	}
}

// focusControl gives the focus to the control with this role and
// accessible name, as a click on its label or the Tab key would, without
// activating it.
func (b *browser) focusControl(t testing.TB, role, name string) {
	t.Helper()
	id := b.findRole(t, role, name)
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		// A headless page is not focused, so its elements would get no
		// focus events.
		if _, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, dom.Focus, dom.FocusParams{BackendNodeID: id})
		return err
	}))
}
