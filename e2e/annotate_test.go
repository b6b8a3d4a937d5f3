//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const seedPath = "/read/blinken-beijing-talks"

// onlyMark returns the id and text of the single annotation drawn, failing
// when there is not exactly one.
func onlyMark(t *testing.T, b *browser) (string, string) {
	t.Helper()
	marks := b.markTexts(t)
	if len(marks) != 1 {
		t.Fatalf("%d annotations drawn, want 1: %v", len(marks), marks)
	}
	for id, text := range marks {
		return id, text
	}
	return "", ""
}

func (b *browser) waitMarks(t *testing.T, n int) {
	t.Helper()
	b.waitFor(t, "marks", `new Set([...document.querySelectorAll("article mark[data-annotation-id]")].map(m => m.dataset.annotationId)).size === `+itoa(n))
}

func itoa(n int) string { return strconv.Itoa(n) }

// Select with the mouse, press Highlight, reload: the mark is still there
// on the same words.
func TestHighlightSurvivesReload(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "Chinese Foreign Minister Qin Gang", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
	id, text := onlyMark(t, b)
	if text != "Chinese Foreign Minister Qin Gang" {
		t.Fatalf("mark covers %q", text)
	}
	if got := eval[string](t, b, `document.querySelector("mark[data-annotation-id]").dataset.anchor`); got != "exact" {
		t.Errorf("data-anchor = %q, want exact", got)
	}
	if n := b.count(t, "button", "“Chinese Foreign Minister Qin Gang”"); n != 1 {
		t.Errorf("the side panel lists it %d times, want once", n)
	}
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitMarks(t, 1)
	id2, text2 := onlyMark(t, b)
	if id2 != id || text2 != text {
		t.Fatalf("after reload: %s %q, want %s %q", id2, text2, id, text)
	}
	b.noPageErrors(t)
}

// Overlapping and nested highlights stay visible and clickable, and a
// highlight may span paragraphs.
func TestOverlappingHighlights(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "substantive, and constructive” talks with Chinese", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
	b.selectText(t, "talks with Chinese Foreign Minister", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 2)
	b.selectText(t, "constructive", 0) // nested inside the first
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 3)
	b.selectText(t, "the US Department of State says.Sunday’s talks", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 4)

	got := map[string]bool{}
	for _, text := range b.markTexts(t) {
		got[text] = true
	}
	for _, want := range []string{
		"substantive, and constructive” talks with Chinese",
		"talks with Chinese Foreign Minister",
		"constructive",
		"the US Department of State says.Sunday’s talks", // marks hold no paragraph break
	} {
		if !got[want] {
			t.Errorf("no annotation drawn over %q; drawn: %v", want, got)
		}
	}
	// Each mark carries one id.
	if bad := eval[int](t, b, `[...document.querySelectorAll("article mark")].filter(m => !m.dataset.annotationId || m.dataset.annotationId.includes(" ")).length`); bad != 0 {
		t.Errorf("%d marks without exactly one id", bad)
	}
	// Clicking the innermost mark opens that annotation's card.
	b.do(t, chromedp.Click(chromedp.CSS(`mark mark`), chromedp.NodeVisible))
	b.waitFor(t, "the card of the innermost highlight", `document.querySelector("section.card blockquote")?.textContent === "constructive"`)
	b.noPageErrors(t)
}

// A note in Unicode, with markup in it, is saved as typed and shown as text.
func TestNoteAndTags(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "three main objectives", 0)
	b.click(t, "button", "Note")
	b.waitFor(t, "the note field", `document.activeElement && document.activeElement.tagName === "TEXTAREA"`)
	note := "会谈 🤝 “objectives” <script>alert(1)</script>"
	b.key(t, note)
	b.typeInto(t, "combobox", "Tags", "diplomacy, US–China\t")
	b.waitFor(t, "the tags saved", `document.querySelectorAll("ul.tags li").length === 2`)
	b.key(t, "\x1b") // Escape closes the card
	b.waitFor(t, "the card to close", `!document.querySelector("section.card")`)

	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitMarks(t, 1)
	preview := eval[string](t, b, `document.querySelector(".annotation-item .note-preview").textContent`)
	if preview != note {
		t.Errorf("note after reload = %q, want %q", preview, note)
	}
	if n := eval[int](t, b, `document.querySelectorAll(".annotation-item script").length`); n != 0 {
		t.Errorf("the note's markup became %d script elements", n)
	}
	tags := eval[[]string](t, b, `[...document.querySelectorAll(".annotation-item ul.tags li")].map(li => li.textContent)`)
	if strings.Join(tags, "|") != "diplomacy|US–China" {
		t.Errorf("tags = %q", tags)
	}
	b.click(t, "button", "“three main objectives”")
	b.waitFor(t, "the mark focused", `document.activeElement && document.activeElement.tagName === "MARK"`)
	b.noPageErrors(t)
}

// A selection made with Shift and the arrow keys, then the h key.
func TestKeyboardHighlight(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	// Put the caret before "Washington" as caret browsing would.
	eval[bool](t, b, `(() => {
		const p = [...document.querySelectorAll("article [data-start]")].find(e => e.textContent.includes("with Washington"));
		const node = p.firstChild, at = node.data.indexOf("Washington");
		const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 1);
		const s = getSelection(); s.removeAllRanges(); s.addRange(r);
		return true;
	})()`)
	for range len("Washington") - 1 {
		b.do(t, chromedp.KeyEvent(kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierShift)))
	}
	b.waitFor(t, "the toolbar", `!!document.getElementById("selection-toolbar")`)
	b.key(t, "h")
	b.waitMarks(t, 1)
	if _, text := onlyMark(t, b); text != "Washington" {
		t.Errorf("mark covers %q", text)
	}
}

// Deleting can be undone.
func TestDeleteAndUndo(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "rival superpowers", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
	b.click(t, "button", "Delete annotation")
	b.waitMarks(t, 0)
	b.click(t, "button", "Undo")
	b.waitMarks(t, 1)
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitMarks(t, 1)
}

// Two tabs on one article: a highlight made in one appears in the other
// without a reload, and an edit in the other comes back.
func TestTwoTabs(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	a := newBrowser(t, "")
	a.open(t, h.URL+seedPath)
	b := a.newTab(t)
	b.open(t, h.URL+seedPath)

	a.selectText(t, "semiconductor industry", 0)
	a.click(t, "button", "Highlight")
	a.waitMarks(t, 1)
	b.waitMarks(t, 1)

	b.selectText(t, "human rights track record", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 2)
	a.waitMarks(t, 2)
}

// The article file is edited under the running host: annotations re-anchor
// (exact, moved or fuzzy) or become orphans, listed with their quotes.
func TestEditedArticleReanchors(t *testing.T) {
	dir := copyArticles(t)
	h := startHost(t, dir, "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	for i, phrase := range []string{
		"Jake Sullivan, also travelled to Tokyo",           // a sentence is inserted before it: moved
		"the highest-level trip by a US official to China", // a word inside changes: fuzzy
		"both strategically close to Taiwan",               // its paragraph is deleted: orphan
	} {
		b.selectText(t, phrase, 0)
		b.click(t, "button", "Highlight")
		b.waitMarks(t, i+1)
	}
	path := filepath.Join(dir, "blinken-beijing-talks.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	text = strings.Replace(text, "Sunday’s talks marked", "An inserted sentence comes first. Sunday’s talks marked", 1)
	text = strings.Replace(text, "highest-level trip by a US official", "highest-level visit by a US official", 1)
	text = strings.Replace(text, "In recent months, the US has reached deals on troop deployments in southern Japan and the northern Philippines, both strategically close to Taiwan.\n\n", "", 1)
	text = strings.Replace(text, "Biden’s national security adviser", "Added before. Biden’s national security adviser", 1)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitMarks(t, 2)
	anchors := eval[map[string]string](t, b, `Object.fromEntries([...document.querySelectorAll("article mark[data-annotation-id]")].map(m => [m.textContent, m.dataset.anchor]))`)
	if anchors["Jake Sullivan, also travelled to Tokyo"] != "moved" {
		t.Errorf("the moved quote: %v", anchors)
	}
	if anchors["the highest-level visit by a US official to China"] != "fuzzy" {
		t.Errorf("the edited quote: %v", anchors)
	}
	if n := b.count(t, "list", "Orphaned annotations"); n != 1 {
		t.Fatalf("no list named Orphaned annotations")
	}
	orphans := eval[string](t, b, `[...document.querySelectorAll("[aria-label='Orphaned annotations'] li")].map(li => li.textContent).join("\n")`)
	if !strings.Contains(orphans, "both strategically close to Taiwan") {
		t.Errorf("the orphan's quote is not listed: %q", orphans)
	}
	// The fuzzy one says it needs review.
	b.click(t, "button", "“the highest-level trip by a US official to China”")
	b.waitFor(t, "needs review", `(document.querySelector("section.card")?.textContent || "").includes("Needs review")`)
	// Attach the orphan to a new selection.
	b.click(t, "button", "Attach to a new selection")
	b.selectText(t, "separate three-way meetings involving Japan", 0)
	b.click(t, "button", "Attach here")
	b.waitMarks(t, 3)
	if n := b.count(t, "list", "Orphaned annotations"); n != 0 {
		t.Errorf("the orphan is still listed after attaching")
	}
	b.noPageErrors(t)
}

// A drag that starts on a highlight selects text; it does not open the
// highlight and lose the selection.
func TestDragFromHighlight(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "Chinese Foreign Minister", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
	b.selectText(t, "Minister Qin Gang in Beijing", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 2)
	got := map[string]bool{}
	for _, text := range b.markTexts(t) {
		got[text] = true
	}
	if !got["Minister Qin Gang in Beijing"] {
		t.Errorf("the drag from inside a highlight did not make its own: %v", got)
	}
}
