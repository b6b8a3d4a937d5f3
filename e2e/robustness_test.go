//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A reader adds an article of their own by pasting it, reads it, finds it
// again after a reload, and removes it; empty and binary input is refused.
func TestAddOwnArticle(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	b.click(t, "button", "Add pasted article")
	b.waitFor(t, "a message", `(document.querySelector(".add-article [role=alert]")?.textContent || "").includes("no text")`)

	b.typeInto(t, "textbox", "Article text", "My own notes on <b>trade</b>\n\nThe first paragraph has 3.5% growth.\n\nThe second says “hello” – twice.")
	b.click(t, "button", "Add pasted article")
	b.waitFor(t, "the new article", `document.querySelectorAll("ul.article-list li").length === 3`)
	if n := b.count(t, "link", "My own notes on <b>trade</b>"); n != 1 {
		t.Fatalf("no link named by the pasted title (markup shown as text)")
	}
	b.click(t, "link", "My own notes on <b>trade</b>")
	b.waitFor(t, "the article", `(document.querySelector("article")?.textContent || "").includes("The second says “hello” – twice.")`)
	if n := eval[int](t, b, `document.querySelectorAll("h1 b, article b").length`); n != 0 {
		t.Errorf("markup in the pasted text became %d elements", n)
	}
	b.selectText(t, "3.5% growth", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitMarks(t, 1)

	b.open(t, h.URL+"/")
	b.waitFor(t, "the library", `document.querySelectorAll("ul.article-list li").length === 3`)
	b.acceptDialogs()
	b.click(t, "button", "Remove My own notes")
	b.waitFor(t, "the article removed", `document.querySelectorAll("ul.article-list li").length === 2`)
	b.noPageErrors(t)
}

// A stored entry that cannot be decoded is set aside and reported; the rest
// of the reader's annotations load.
func TestCorruptStorageEntry(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "rival superpowers", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
	eval[bool](t, b, `localStorage.setItem("annotator/annotations/reading-news-closely", "{not json"), true`)
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitMarks(t, 1)
	b.waitFor(t, "the report", `(document.querySelector(".status-bar")?.textContent || "").includes("set aside")`)
	if kept := eval[int](t, b, `Object.keys(localStorage).filter(k => k.startsWith("annotator/corrupt/")).length`); kept != 1 {
		t.Errorf("%d entries set aside, want 1", kept)
	}
}

// When the browser's storage is full, the reader is told, the highlight
// stays on the page, and nothing already saved is lost.
func TestStorageFull(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "rival superpowers", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
	// Fill the origin's quota with another key.
	eval[bool](t, b, `(() => {
		let chunk = "x".repeat(1 << 20), i = 0;
		for (;;) {
			try { localStorage.setItem("filler-" + i++, chunk); } catch (e) {
				if (chunk.length < 64) return true;
				chunk = chunk.slice(0, chunk.length >> 1);
			}
		}
	})()`)
	b.selectText(t, "semiconductor industry", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 2)
	b.waitFor(t, "the quota message", `(document.querySelector(".status-bar [role=alert]")?.textContent || "").includes("storage is full")`)
	msg := eval[string](t, b, `document.querySelector(".status-bar").textContent`)
	if !strings.Contains(msg, "Export") && !strings.Contains(msg, "export") {
		t.Errorf("the message does not offer an export: %q", msg)
	}
	// Make room; the next change saves everything held in memory.
	eval[bool](t, b, `(Object.keys(localStorage).filter(k => k.startsWith("filler-")).forEach(k => localStorage.removeItem(k)), true)`)
	b.selectText(t, "human rights", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 3)
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitMarks(t, 3)
}
