//go:build e2e

package e2e

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// A reader who focuses the file picker (clicking "Open an article
// file" does) gets the Markdown worker started and warmed up with a small
// document of the app's own, before choosing a file. The warm-up is never
// added to the library; the file chosen then is.
func TestMarkdownWorkerWarmsUpOnFocus(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	// Count the answers of any worker the page starts.
	b.do(t, chromedp.Evaluate[chromedp.Void](`window.__answers = 0; {
		const W = window.Worker;
		window.Worker = function (url, opts) { const w = new W(url, opts); w.addEventListener("message", () => __answers++); return w; };
	}`))
	b.focusControl(t, "button", "Open an article file")
	b.waitFor(t, "the worker's answer to the warm-up", `window.__answers >= 1`)
	md := filepath.Join(t.TempDir(), "warm.md")
	writeFile(t, md, "# Warm worker notes\n\nParsed by a worker that was ready.\n")
	b.chooseFiles(t, "Open an article file", md)
	b.waitFor(t, "the Markdown article", `[...document.querySelectorAll("ul.article-list a")].some(a => a.textContent.startsWith("Warm worker notes"))`)
	if n := eval[int](t, b, `[...document.querySelectorAll("ul.article-list a")].filter(a => a.textContent.startsWith("A title")).length`); n != 0 {
		t.Errorf("the warm-up document was added to the library")
	}
	if got := eval[int](t, b, `window.__answers`); got != 2 {
		t.Errorf("the page started %d answers, want 2 (the warm-up's and the file's from one worker)", got)
	}
	b.noPageErrors(t)
}
