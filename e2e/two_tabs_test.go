//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// addOwnArticle pastes an article of the reader's own into the library and
// returns its reader path.
func addOwnArticle(t *testing.T, b *browser, text string) string {
	t.Helper()
	before := eval[int](t, b, `document.querySelectorAll("ul.article-list li").length`)
	b.typeInto(t, "textbox", "Article text", text)
	b.clickExact(t, "button", "Add")
	b.waitFor(t, "the new article", `document.querySelectorAll("ul.article-list li").length === `+itoa(before+1))
	return eval[string](t, b, `[...document.querySelectorAll("ul.article-list a")].map(x => x.getAttribute("href")).find(h => h.includes("local-")) || ""`)
}

// One tab removes the reader's own article while another has it open: the
// other says so, in the status bar and in the page, and takes no more
// annotations for it (nothing is stored under the removed article).
func TestTwoTabsOwnArticleRemoved(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	a := newBrowser(t, "")
	a.open(t, h.URL+"/")
	path := addOwnArticle(t, a, "Zebra crossings report\n\nThe first paragraph mentions 42 zebras crossing.\n\nSecond paragraph.")
	if path == "" {
		t.Fatal("the added article has no link in the library")
	}
	id := strings.TrimPrefix(path, "/read/")
	b := a.newTab(t)
	b.open(t, h.URL+path)
	b.waitFor(t, "the article", `(document.querySelector("article")?.textContent || "").includes("42 zebras")`)
	b.selectText(t, "42 zebras", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)

	a.acceptDialogs()
	a.click(t, "button", "Remove Zebra")
	a.waitFor(t, "the article removed", `document.querySelectorAll("ul.article-list li").length === 2`)

	b.waitFor(t, "the removal told in tab B", `(`+statusText+`).includes("removed in another tab")`)
	if got := eval[string](t, b, `document.querySelector("main")?.textContent || ""`); !strings.Contains(got, "removed from this browser in another tab") {
		t.Errorf("tab B's page does not say the article was removed: %.200q", got)
	}
	b.waitFor(t, "focus on the page's notice", `document.activeElement?.id === "article-removed"`)
	// B no longer takes annotations: no toolbar, nothing written.
	b.selectText(t, "Second paragraph", 0)
	time.Sleep(400 * time.Millisecond)
	if n := b.count(t, "button", "Highlight"); n != 0 {
		t.Errorf("tab B still offers Highlight on the removed article (%d buttons)", n)
	}
	b.key(t, "h")
	time.Sleep(400 * time.Millisecond)
	keys := eval[[]string](t, a, `Object.keys(localStorage)`)
	for _, k := range keys {
		if strings.Contains(k, id) {
			t.Errorf("storage still holds %q after the article was removed", k)
		}
	}
	// Reloading shows the not-found page, as for any unknown article.
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitFor(t, "not found", `(document.querySelector("h1")?.textContent || "") === "Article not found"`)
	a.noPageErrors(t)
	b.noPageErrors(t)
}

// Another tab deletes the annotation whose card is open here (a note being
// typed): this tab says so and keeps the keyboard focus on the page.
func TestTwoTabsDeleteWhileEditing(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	a := newBrowser(t, "")
	a.open(t, h.URL+seedPath)
	a.selectText(t, "rival superpowers", 0)
	a.click(t, "button", "Note")
	a.waitFor(t, "the note field", `document.activeElement && document.activeElement.tagName === "TEXTAREA"`)
	a.key(t, "first words")
	b := a.newTab(t)
	b.open(t, h.URL+seedPath)
	b.waitMarks(t, 1)
	b.click(t, "button", "“rival superpowers”")
	b.click(t, "button", "Delete annotation")
	b.waitMarks(t, 0)

	a.waitMarks(t, 0)
	a.waitFor(t, "the deletion told", `(`+statusText+`).includes("This annotation was deleted in another tab.")`)
	a.waitFor(t, "focus on the article's title", `document.activeElement?.id === "article-title"`)
	a.noPageErrors(t)
	b.noPageErrors(t)
}

// Adding or removing an article of one's own in one library tab shows in
// another library tab.
func TestTwoTabsLibraryFollows(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	a := newBrowser(t, "")
	a.open(t, h.URL+"/")
	c := a.newTab(t)
	c.open(t, h.URL+"/")
	c.waitFor(t, "the library", `document.querySelectorAll("ul.article-list li").length === 2`)
	addOwnArticle(t, a, "Zebra crossings report\n\nThe first paragraph mentions 42 zebras crossing.")
	c.waitFor(t, "the added article in the other tab", `[...document.querySelectorAll("ul.article-list li")].some(li => li.textContent.includes("Zebra crossings report"))`)
	a.acceptDialogs()
	a.click(t, "button", "Remove Zebra")
	c.waitFor(t, "the removal in the other tab", `document.querySelectorAll("ul.article-list li").length === 2`)
	a.noPageErrors(t)
	c.noPageErrors(t)
}

// Delete an annotation, leave for the library: the status bar's Undo still
// brings the annotation back.
func TestUndoAfterLeavingReader(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "rival superpowers", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
	b.click(t, "button", "Delete annotation")
	b.waitMarks(t, 0)
	b.click(t, "link", "Library")
	b.waitFor(t, "the library", `!!document.querySelector("ul.article-list li")`)
	b.click(t, "button", "Undo")
	b.waitFor(t, "the restore told", `(`+statusText+`).includes("Restored the annotation")`)
	b.click(t, "link", "‘A real conversation’")
	b.waitFor(t, "the article", `!!document.querySelector("article.article-body")`)
	b.waitMarks(t, 1)
	if got := strings.Join(values(b.markTexts(t)), "|"); got != "rival superpowers" {
		t.Errorf("restored mark covers %q", got)
	}
	b.noPageErrors(t)
}

func values(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
