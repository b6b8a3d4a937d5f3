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
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/text/encoding/japanese"
)

// TestBenchWebPageOpen measures what a reader waits for when opening a web
// page they saved (BENCH=1, run by make bench): the time from choosing the
// .html file to its article listed in the library (then one click opens
// it). The file worker (markdown.wasm) finds the article with readability;
// a page's first file needs the worker started (markdown.wasm's compile,
// Go's start, the packages' initialisation), which the app starts when the
// file picker gets the focus. Three figures, each over fresh profiles
// whose service worker has cached markdown.wasm, as TestBenchMarkdownOpen
// takes them for .md files: the first file with the picker focused 2 s
// before (what a reader feels), the first file with no focus before (the
// worker's whole start), and a second file. Two pages: the news article
// of app/webpage's tests (UTF-8, 318 words), and its Japanese twin in
// Shift_JIS, which the browser's TextDecoder decodes.
//
// BENCH_MARKDOWN_BASELINE=path/to/markdown.wasm adds, in the same run and
// alternating with the app's own, the same measurements with another build
// of markdown.wasm (for example one from an earlier commit).
func TestBenchWebPageOpen(t *testing.T) {
	benchOnly(t)
	const runs = 9
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		t.Logf("load average: %s (timings on a busy machine run long)", strings.TrimSpace(string(load)))
	}
	pages := []struct {
		name, path, title string
	}{
		{"news-article.html (UTF-8)", filepath.Join(repoRoot, "app", "webpage", "testdata", "pages", "news-article.html"), "Town council votes to reopen the old river ferry"},
		{"news-article-shift_jis.html (Shift_JIS)", legacyPage(), mustShiftJIS(t, legacyTitle)},
	}
	dir := t.TempDir()

	type figures struct{ focused, cold, next []float64 }
	type side struct {
		name string
		url  string
		by   []*figures // by page
	}
	newSide := func(name, url string) *side {
		s := &side{name: name, url: url}
		for range pages {
			s.by = append(s.by, &figures{})
		}
		return s
	}
	sides := []*side{newSide("markdown.wasm", startHost(t, copyArticles(t), "127.0.0.1:0").URL)}
	if base := os.Getenv("BENCH_MARKDOWN_BASELINE"); base != "" {
		web := webWith(t, "markdown.wasm", base)
		sides = append(sides, newSide("baseline "+base, startHostWeb(t, copyArticles(t), "127.0.0.1:0", web).URL))
	}

	const picker = "Open an article file"
	n := 0
	// choose saves the page with a title of its own (the library already
	// lists the others), chooses it and returns the ms to its listing.
	choose := func(b *browser, p int) float64 {
		n++
		data, err := os.ReadFile(pages[p].path)
		if err != nil {
			t.Fatal(err)
		}
		title := fmt.Sprintf("Bench page %03d", n)
		html := filepath.Join(dir, fmt.Sprintf("bench-%d.html", n))
		// The page's title, in its own encoding, becomes an ASCII one,
		// the same bytes in both encodings.
		if err := os.WriteFile(html, []byte(strings.ReplaceAll(string(data), pages[p].title, title)), 0o644); err != nil {
			t.Fatal(err)
		}
		b.do(t, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`window.__md = {want: %q}`, title)))
		b.chooseFiles(t, picker, html)
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
			for p := range pages {
				b := library(s)
				b.focusControl(t, "button", picker)
				time.Sleep(2 * time.Second) // the reader picks a file in the dialog
				s.by[p].focused = append(s.by[p].focused, choose(b, p))
				b.noPageErrors(t)
				b.quit()

				b = library(s)
				s.by[p].cold = append(s.by[p].cold, choose(b, p))
				s.by[p].next = append(s.by[p].next, choose(b, p))
				b.noPageErrors(t)
				b.quit()
			}
		}
	}
	for _, s := range sides {
		for p, f := range s.by {
			t.Logf("%s, %s: chosen to its article listed, medians of %d fresh profiles: first file, picker focused 2 s before %.0f ms (runs %v); first file with no focus before (the worker's whole start) %.0f ms (runs %v); second file %.0f ms (runs %v)",
				s.name, pages[p].name, runs, median(f.focused), rounded(f.focused), median(f.cold), rounded(f.cold), median(f.next), rounded(f.next))
		}
	}
	if len(sides) == 2 {
		for p := range pages {
			a, b := sides[0].by[p], sides[1].by[p]
			var focused, cold, next []float64
			for i := range a.cold {
				focused = append(focused, a.focused[i]-b.focused[i])
				cold = append(cold, a.cold[i]-b.cold[i])
				next = append(next, a.next[i]-b.next[i])
			}
			t.Logf("%s against the baseline, median of the paired differences: first file focused %+.0f ms, first file not focused %+.0f ms, second file %+.0f ms", pages[p].name, median(focused), median(cold), median(next))
		}
	}
}

// mustShiftJIS is s in Shift_JIS.
func mustShiftJIS(t *testing.T, s string) string {
	out, err := japanese.ShiftJIS.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
