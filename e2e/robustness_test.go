//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
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
	b.clickExact(t, "button", "Add")
	b.waitFor(t, "a message", `(document.querySelector(".add-article [role=alert]")?.textContent || "").includes("no text")`)

	b.typeInto(t, "textbox", "Article text", "My own notes on <b>trade</b>\n\nThe first paragraph has 3.5% growth.\n\nThe second says “hello” – twice.")
	b.clickExact(t, "button", "Add")
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

// A reader opens a Markdown file of their own: it is parsed in the
// Markdown worker (markdown.wasm), its headings, list and quote become the
// article's text, and its raw HTML is dropped. The reader goes to another
// page at once, while the worker is still starting: the article is added
// all the same, and the status bar says so. A file that is not text is
// refused with a message.
func TestAddOwnMarkdownFile(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")

	dir := t.TempDir()
	md := filepath.Join(dir, "field-notes.md")
	writeFile(t, md, "---\nauthor: A. Reader\n---\n# Field notes on *close* reading\n\n"+
		"Reading slowly pays: **every** claim deserves a source.\n\n"+
		"<script>alert(1)</script>\n\n"+
		"## What to check\n\n- who said it\n- when it was said\n\n"+
		"> A quoted line, with <b>markup</b> in it.\n")
	b.chooseFiles(t, "Open an article file", md)
	b.click(t, "link", "How to read a news story closely")
	b.waitFor(t, "the other article", `location.pathname === "/read/reading-news-closely"`)
	b.waitStatus(t, "Added “Field notes on close reading”")

	b.open(t, h.URL+"/")
	b.waitFor(t, "the Markdown article in the library", `[...document.querySelectorAll("ul.article-list a")].some(a => a.textContent.startsWith("Field notes on close reading"))`)
	b.click(t, "link", "Field notes on close reading")
	b.waitFor(t, "the Markdown article", `(document.querySelector("article")?.textContent || "").includes("when it was said")`)
	text := eval[string](t, b, `document.querySelector("article").textContent`)
	for _, want := range []string{"Reading slowly pays: every claim deserves a source.", "What to check", "who said it", "A quoted line, with markup in it."} {
		if !strings.Contains(text, want) {
			t.Errorf("the article lacks %q: %q", want, text)
		}
	}
	if strings.Contains(text, "alert(1)") || eval[int](t, b, `document.querySelectorAll("article script, article b").length`) != 0 {
		t.Errorf("raw HTML in the Markdown file reached the page: %q", text)
	}
	if !strings.Contains(eval[string](t, b, `document.body.textContent`), "A. Reader") {
		t.Errorf("the front matter's author is not shown")
	}
	b.selectText(t, "who said it", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)

	b.open(t, h.URL+"/")
	bad := filepath.Join(dir, "binary.md")
	if err := os.WriteFile(bad, []byte("\x00\x01\x02\xff\xfe not text"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.chooseFiles(t, "Open an article file", bad)
	b.waitFor(t, "a message", `(document.querySelector(".add-article [role=alert]")?.textContent || "").includes("not plain text")`)
	b.noPageErrors(t)
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A host built without markdown.wasm still serves the app; a reader who
// opens a .md file there is told the Markdown reader could not start, and
// nothing else breaks.
func TestMarkdownReaderMissing(t *testing.T) {
	web := filepath.Join(t.TempDir(), "web")
	copyDir(t, filepath.Join(repoRoot, "web"), web)
	for _, n := range []string{"markdown.wasm", "markdown.wasm.br", "markdown.wasm.gz"} {
		os.Remove(filepath.Join(web, n))
	}
	h := startHostWeb(t, copyArticles(t), "127.0.0.1:0", web)
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	md := filepath.Join(t.TempDir(), "notes.md")
	writeFile(t, md, "# Notes\n\nSome text.\n")
	b.chooseFiles(t, "Open an article file", md)
	b.waitFor(t, "a message", `(document.querySelector(".add-article [role=alert]")?.textContent || "").includes("notes.md could not be added: the Markdown reader could not be started")`)
	b.typeInto(t, "textbox", "Article text", "Pasted instead\n\nThe text still goes in.")
	b.clickExact(t, "button", "Add")
	b.waitFor(t, "the pasted article", `[...document.querySelectorAll("ul.article-list a")].some(a => a.textContent.startsWith("Pasted instead"))`)
	b.noPageErrors(t, "markdown.wasm", "404")
}
