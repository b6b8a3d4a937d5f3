//go:build e2e

package e2e

import (
	"context"
	"github.com/chromedp/cdproto/cdp"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The library lists every article as a link named by its title; following
// one opens the reader, and the live app takes over the prerendered page.
func TestLibraryToReader(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	b.waitFor(t, "the list of articles", `document.querySelectorAll("ul.article-list li").length === 2`)

	if n := b.count(t, "link", "‘A real conversation’: Blinken has ‘constructive’ talks in China"); n != 1 {
		t.Fatalf("links named by the seed article's title: %d, want 1", n)
	}
	if n := b.count(t, "link", "How to read a news story closely"); n != 1 {
		t.Errorf("links named by the Markdown article's title: %d, want 1", n)
	}
	b.click(t, "link", "‘A real conversation’")
	b.waitFor(t, "the reader page", `location.pathname === "/read/blinken-beijing-talks" && !!document.querySelector("article")`)
	b.waitLive(t)
	text := eval[string](t, b, `document.querySelector("article").textContent`)
	for _, want := range []string{
		"“candid, substantive, and constructive”",
		"core interests – including the Taiwan issue",
		"Donald Trump’s US presidency.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the article lacks %q", want)
		}
	}
	for _, residue := range []string{"Related posts", "Leave a Comment"} {
		if strings.Contains(eval[string](t, b, `document.body.textContent`), residue) {
			t.Errorf("the page shows the scrape's residue %q", residue)
		}
	}
	if got := eval[string](t, b, `document.title`); !strings.HasPrefix(got, "‘A real conversation’") {
		t.Errorf("title = %q", got)
	}
	b.noPageErrors(t)
}

// With scripts off, the prerendered page alone shows the article.
func TestReaderPrerendered(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.do(t,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.Navigate(h.URL+"/read/blinken-beijing-talks"),
	)
	text := eval[string](t, b, `document.querySelector("article") ? document.querySelector("article").textContent : ""`)
	if !strings.Contains(text, "Blinken is the first top US diplomat to visit Beijing since a stop in 2018") {
		t.Fatalf("the prerendered page lacks the article text; got %.200q", text)
	}
	if live := eval[string](t, b, `document.documentElement.dataset.app || ""`); live != "" {
		t.Errorf("data-app = %q on a page whose scripts are off", live)
	}
}

// flashProbe records, from the first byte of a page, whether the library's
// list or the article's text ever leaves the document once there, as a
// reader would see a flicker when the live app takes over the prerendered
// page.
const flashProbe = `(() => {
	const seen = window.__flash = {lost: []};
	const check = () => {
		const list = document.querySelectorAll("ul.article-list li").length;
		const text = (document.querySelector("article")?.textContent || "").length;
		if (list > 0) seen.list = true;
		if (text > 100) seen.text = true;
		if (seen.list && list === 0) seen.lost.push("the library's list");
		if (seen.text && text <= 100) seen.lost.push("the article's text");
		if (document.body && /The library is empty|Opening the article/.test(document.body.textContent)) seen.lost.push("a placeholder: " + document.body.textContent.match(/The library is empty|Opening the article/)[0]);
	};
	new MutationObserver(check).observe(document, {subtree: true, childList: true, characterData: true});
})()`

// The live app takes over the prerendered library and article without
// showing, even for a frame, an empty list or a placeholder.
func TestNoFlashOnTakeOver(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	for _, path := range []string{"/", "/read/blinken-beijing-talks"} {
		b := newBrowser(t, "")
		b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: flashProbe})
			return err
		}))
		b.open(t, h.URL+path)
		if lost := eval[[]string](t, b, `__flash.lost`); len(lost) > 0 {
			t.Errorf("%s: while the app took over, the page showed %v", path, lost)
		}
		b.noPageErrors(t)
	}
}

// An unknown id answers 404 with a page in the app's style that leads back.
func TestUnknownArticle(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	res, err := http.Get(h.URL + "/read/no-such-article")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("status %d, want 404", res.StatusCode)
	}
	b := newBrowser(t, "")
	b.open(t, h.URL+"/read/no-such-article")
	b.waitFor(t, "the not-found page", `document.querySelector("h1") && document.querySelector("h1").textContent === "Article not found"`)
	b.click(t, "link", "Back to the library")
	b.waitFor(t, "the library", `location.pathname === "/" && !!document.querySelector("ul.article-list li")`)
	b.noPageErrors(t, "404")
}

// An article edited under the running host is seen on the next reload.
func TestEditedArticleSeenOnReload(t *testing.T) {
	dir := copyArticles(t)
	h := startHost(t, dir, "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/read/blinken-beijing-talks")
	path := filepath.Join(dir, "blinken-beijing-talks.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "Sunday’s talks marked", "Sunday’s long talks marked", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitFor(t, "the edited text", `(document.querySelector("article")?.textContent || "").includes("Sunday’s long talks marked")`)
}
