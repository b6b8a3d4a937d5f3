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
	"time"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/share"
	"github.com/chromedp/chromedp"
)

// hostileHeaders are header lines of article files that would add an
// element with an id starting "pwn" (or an on… attribute) to a page if any
// of them broke out of its attribute or element.
var hostileHeaders = struct{ title, source, author, published string }{
	title:     `Hostile </title><script id=pwn1>document.documentElement.dataset.pwned=1</script> "no deal" & 'quotes'`,
	source:    `https://example.org/?q="><img id=pwn2 src=x onerror="document.documentElement.dataset.pwned=2">&x='1'`,
	author:    `A "quoted" author"><svg id=pwn3 onload=alert(3)></svg>`,
	published: `2024-01-01"><iframe id=pwn4 src=javascript:alert(4)></iframe>`,
}

// hostileArticles is an articles folder with a .txt and a .md article
// whose every header line is hostile.
func hostileArticles(t testing.TB) string {
	t.Helper()
	dir := copyArticles(t)
	h := hostileHeaders
	writeFile(t, filepath.Join(dir, "hostile-text.txt"), h.title+"\nSource: "+h.source+"\nAuthor: "+h.author+"\nPublished: "+h.published+
		"\n\nA paragraph with <b id=pwn5>markup</b> in it.\n")
	writeFile(t, filepath.Join(dir, "hostile-markdown.md"), "---\ntitle: "+h.title+"\nsource: "+h.source+"\nauthor: "+h.author+"\ndate: "+h.published+
		"\n---\n\nA paragraph of the Markdown article.\n")
	return dir
}

// checkNoInjection checks the page at url as the browser parses what the
// server sent (DOMParser, before any script) and as the live app shows it:
// no element or attribute from the headers, the title and source link whole.
func (b *browser) checkNoInjection(t *testing.T, url string, article bool) {
	t.Helper()
	b.open(t, url)
	if article {
		b.waitFor(t, "the article", `(document.querySelector("article")?.textContent || "").includes("A paragraph")`)
	}
	const injected = `d.querySelectorAll("[id^=pwn], [onerror], [onload], iframe, object, embed, base, script:not([src])").length`
	got := eval[string](t, b, `(async () => {
		const html = await (await fetch(location.href, {cache: "no-store"})).text();
		const parsed = new DOMParser().parseFromString(html, "text/html");
		const count = (d) => `+injected+`;
		const meta = (d) => d.querySelectorAll('meta[http-equiv="Content-Security-Policy"]').length;
		const og = parsed.querySelector('meta[property="og:title"]')?.getAttribute("content") || "";
		const src = document.querySelector('[data-meta="source"] a')?.getAttribute("href") || "";
		return JSON.stringify({served: count(parsed), live: count(document), metas: meta(parsed), og: og, title: document.title,
			source: src, pwned: document.documentElement.dataset.pwned || ""});
	})()`)
	var r struct {
		Served, Live, Metas int
		OG, Title, Source   string
		Pwned               string
	}
	if err := json.Unmarshal([]byte(got), &r); err != nil {
		t.Fatalf("%s: %v", got, err)
	}
	if r.Served != 0 || r.Live != 0 || r.Pwned != "" {
		t.Errorf("%s: injected elements: %d in the page served, %d in the live page (pwned %q)", url, r.Served, r.Live, r.Pwned)
	}
	if r.Metas != 1 {
		t.Errorf("%s: %d Content-Security-Policy metas, want 1", url, r.Metas)
	}
	if !article {
		return
	}
	want := hostileHeaders.title + " · Annotator"
	if r.OG != want || r.Title != want {
		t.Errorf("%s: og:title %q, title %q, want %q", url, r.OG, r.Title, want)
	}
	if r.Source != hostileHeaders.source {
		t.Errorf("%s: the source link goes to %q, want %q", url, r.Source, hostileHeaders.source)
	}
}

// TestHostileArticleHeaders: no header line of an article file (title,
// Source, Author, Published) adds markup to a page the host serves, nor to
// one -static writes, served by a plain file server that sends no headers.
func TestHostileArticleHeaders(t *testing.T) {
	articles := hostileArticles(t)
	h := startHost(t, articles, "127.0.0.1:0")
	b := newBrowser(t, "")
	for _, c := range []struct {
		path    string
		article bool
	}{{"/read/hostile-text", true}, {"/read/hostile-markdown", true}, {"/", false}} {
		b.checkNoInjection(t, h.URL+c.path, c.article)
	}

	dist := filepath.Join(t.TempDir(), "dist")
	if out, err := exec.Command(hostBin, "-articles", articles, "-web", filepath.Join(repoRoot, "web"), "-static", dist).CombinedOutput(); err != nil {
		t.Fatalf("static build: %v\n%s", err, out)
	}
	url, _ := serveDir(t, dist)
	s := newBrowser(t, "")
	for _, c := range []struct {
		path    string
		article bool
	}{{"/read/hostile-text/", true}, {"/read/hostile-markdown/", true}, {"/", false}} {
		s.checkNoInjection(t, url+c.path, c.article)
	}
	b.noPageErrors(t)
	s.noPageErrors(t)
}

// y9999 is the last millisecond of year 9999, the last Go's JSON encoding
// of a time accepts.
var y9999 = time.Date(9999, 12, 31, 23, 59, 59, 999e6, time.UTC)

// endOfTimeAnnotation is a highlight of phrase in the seed article,
// modified in the last millisecond of year 9999.
func endOfTimeAnnotation(t *testing.T, phrase string) (*article.Article, annotation.Annotation) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "articles", "blinken-beijing-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	art, err := article.Parse("blinken-beijing-talks", "blinken-beijing-talks.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(art.Text, phrase)
	if i < 0 {
		t.Fatalf("%q is not in the seed article", phrase)
	}
	start := utf8.RuneCountInString(art.Text[:i])
	created := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	return art, annotation.Annotation{
		ID: annotation.NewID(), Article: art.ID, ArticleHash: art.Hash, Kind: annotation.KindHighlight,
		Quote:    anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: phrase},
		Position: anchor.TextPositionSelector{Type: "TextPositionSelector", Start: start, End: start + utf8.RuneCountInString(phrase)},
		Created:  created, Modified: y9999,
	}
}

// TestDateAtTheEndOfTime: a file whose annotation is modified at
// 9999-12-31T23:59:59.999Z is refused with a reason; one already in the
// browser's storage (saved by an earlier version) loads and can be deleted,
// and the app goes on saving. (Deleting it used to end the Go program:
// nothing said so, and no later change was saved.)
func TestDateAtTheEndOfTime(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	art, a := endOfTimeAnnotation(t, "rival superpowers")
	w3c, _, err := share.Export{Items: []share.Item{{Article: art, Annotations: []annotation.Annotation{a}}}, Date: time.Now()}.W3C()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "end-of-time.jsonld")
	if err := os.WriteFile(file, w3c, 0o644); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(w3c), "9999-12-31T23:59:59.999Z") {
		t.Fatalf("the file does not hold the date:\n%s", w3c)
	}

	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.importFile(t, file)
	p := b.previewText(t)
	if !strings.Contains(p, "1 rejected") || !strings.Contains(p, "not between 1970 and 8999") {
		t.Errorf("the preview does not refuse the date: %s", p)
	}

	// As an earlier version saved it.
	stored, err := json.Marshal([]annotation.Annotation{a})
	if err != nil {
		t.Fatal(err)
	}
	eval[bool](t, b, fmt.Sprintf(`(localStorage.setItem("annotator/meta", '{"schema":2}'), localStorage.setItem("annotator/annotations/blinken-beijing-talks", %s), true)`, jsString(string(stored))))
	b.open(t, h.URL+seedPath)
	b.waitMarks(t, 1)
	b.do(t, chromedp.Click(chromedp.CSS(`article mark[data-annotation-id]`), chromedp.NodeVisible))
	b.click(t, "button", "Delete annotation")
	b.waitMarks(t, 0)
	// The app still answers and saves.
	b.highlight(t, "semiconductor industry")
	b.waitStored(t, "the new highlight saved", func(all map[string][]annotation.Annotation) bool {
		return someAnnotation(all, func(a annotation.Annotation) bool { return a.Quote.Exact == "semiconductor industry" })
	})
	if eval[bool](t, b, `!!document.documentElement.dataset.crashed`) {
		t.Error("the app reported an internal error")
	}
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitMarks(t, 1)
	if !b.hasHighlight(t, "semiconductor industry") {
		t.Errorf("after reload the marks are %v, want only the new highlight", b.markTexts(t))
	}
	b.noPageErrors(t)
}

// TestPanicSaysReload: a panic in an event handler (a button that panics,
// in an app.wasm built with -tags panictest) shows an alert that says to
// reload, with the focus on its Reload button; nothing more is written to
// storage; Reload brings back what was saved before.
func TestPanicSaysReload(t *testing.T) {
	h := startHostWeb(t, copyArticles(t), "127.0.0.1:0", wasmWeb(t, "./cmd/annotator", "panictest"))
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.highlight(t, "rival superpowers")
	b.waitStored(t, "the highlight saved", func(all map[string][]annotation.Annotation) bool {
		return someAnnotation(all, func(a annotation.Annotation) bool { return a.Quote.Exact == "rival superpowers" })
	})
	saved := eval[string](t, b, `JSON.stringify(Object.entries(localStorage).sort())`)

	b.click(t, "button", "Cause an internal error")
	b.waitFor(t, "the alert", `[...document.querySelectorAll("[role=alert]")].some(e => e.textContent.includes("Reload the page"))`)
	if got := eval[string](t, b, `document.activeElement?.textContent || ""`); got != "Reload" {
		t.Errorf("the focus is on %q, want the Reload button", got)
	}
	// The app still answers, and writes nothing.
	b.highlight(t, "semiconductor industry")
	b.waitStatus(t, "Your change was not saved: Annotator hit an internal error")
	if now := eval[string](t, b, `JSON.stringify(Object.entries(localStorage).sort())`); now != saved {
		t.Errorf("the storage changed after the internal error")
	}
	b.click(t, "button", "Reload")
	b.waitReloaded(t)
	b.waitMarks(t, 1)
	if !b.hasHighlight(t, "rival superpowers") {
		t.Errorf("after the reload the marks are %v", b.markTexts(t))
	}
	b.noPageErrors(t, "internal error")
}

// waitReloaded waits until the page has been loaded again (the old one
// carried data-crashed) and the app is live; evaluations fail while the
// page navigates, so each is tried again.
func (b *browser) waitReloaded(t *testing.T) {
	t.Helper()
	for end := time.Now().Add(patience); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(b.ctx, patience)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.documentElement.dataset.crashed && document.documentElement.dataset.app === "live"`))
		cancel()
		if err == nil && ok {
			return
		}
	}
	t.Fatal("the page did not load again after Reload")
}
