//go:build e2e

package e2e

import (
	"path/filepath"
	"strings"
	"testing"
)

// A reader opens a web page they saved as an .html file: the file worker
// (markdown.wasm) finds the article in it, without the page's navigation,
// adverts, related links and footer, and keeps its headings, quotation and
// list. The article takes a highlight like any other.
func TestAddSavedWebPage(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")

	page := filepath.Join(repoRoot, "app", "webpage", "testdata", "pages", "news-article.html")
	b.chooseFiles(t, "Open an article file", page)
	b.waitStatus(t, "Added “Town council votes to reopen the old river ferry”")
	b.waitFor(t, "the page in the library", `[...document.querySelectorAll("ul.article-list a")].some(a => a.textContent.startsWith("Town council votes to reopen the old river ferry"))`)
	b.click(t, "link", "Town council votes to reopen the old river ferry")
	b.waitFor(t, "the saved page's article", `(document.querySelector("article")?.textContent || "").includes("hourly at weekends")`)

	headings := eval[[]string](t, b, `[...document.querySelectorAll("article h2.block")].map(h => h.textContent)`)
	if strings.Join(headings, "|") != "A crossing that divided the town|What happens next" {
		t.Errorf("headings %q", headings)
	}
	if n := eval[int](t, b, `document.querySelectorAll("article blockquote.block").length`); n != 1 {
		t.Errorf("%d quotations", n)
	}
	if n := eval[int](t, b, `document.querySelectorAll("article .block.li").length`); n != 3 {
		t.Errorf("%d list items", n)
	}
	text := eval[string](t, b, `document.querySelector("article").textContent`)
	for _, junk := range []string{"Advertisement", "Related stories", "Share on X", "All rights reserved", "Skip to content"} {
		if strings.Contains(text, junk) {
			t.Errorf("the article holds the page's %q", junk)
		}
	}
	if !strings.Contains(eval[string](t, b, `document.body.textContent`), "courier.example.com/news/2025/03/ferry-reopens") {
		t.Errorf("the page's canonical address is not shown as its source")
	}
	b.selectText(t, "nine votes to four", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
}
