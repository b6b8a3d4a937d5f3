//go:build e2e

package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// statusText is the status bar's message.
const statusText = `(document.querySelector(".status-bar")?.textContent || "")`

// focused describes the focused element, for failure messages.
const focused = `(() => { const e = document.activeElement; if (!e) return "nothing"; return e.tagName + "#" + e.id + " " + (e.getAttribute("aria-label") || e.textContent.slice(0, 40)); })()`

// waitFocus waits until the focused element matches the CSS selector.
func (b *browser) waitFocus(t *testing.T, what, selector string) {
	t.Helper()
	js := `!!document.activeElement && document.activeElement.matches(` + jsQuote(selector) + `)`
	if !b.tryWait(t, js) {
		t.Fatalf("%s: the focus is on %s, want %s", what, eval[string](t, b, focused), selector)
	}
}

// tryWait polls a condition every frame and says whether it held before the
// harness's patience (nearly) ran out: a bound that only stops a hang, as a
// busy machine moves the focus late, not never.
func (b *browser) tryWait(t *testing.T, js string) bool {
	t.Helper()
	ms := (patience * 9 / 10).Milliseconds()
	return eval[bool](t, b, `new Promise(ok => { const end = Date.now() + `+strconv.FormatInt(ms, 10)+`; const f = () => { if (`+js+`) ok(true); else if (Date.now() > end) ok(false); else requestAnimationFrame(f); }; f(); })`)
}

func jsQuote(s string) string {
	return "`" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "`", "\\`") + "`"
}

// The card closed from the keyboard by its × button, by Delete and then
// Undo never drops the focus on the page's body: × hands it to the
// annotation's text (as Escape does), Delete to the status bar's Undo, and
// Undo to the restored annotation's text.
func TestCardKeepsFocusWhenClosed(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "rival superpowers", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
	id, _ := onlyMark(t, b)
	mark := `mark[data-annotation-id="` + id + `"]`
	b.waitFor(t, "the card", `!!document.querySelector("section.card")`)

	eval[bool](t, b, `(document.querySelector("section.card button[aria-label^='Close']").focus(), true)`)
	b.key(t, "\r")
	b.waitFor(t, "the card to close", `!document.querySelector("section.card")`)
	b.waitFocus(t, "after × with Enter", mark)

	b.click(t, "button", "“rival superpowers”")
	b.waitFor(t, "the card", `!!document.querySelector("section.card")`)
	eval[bool](t, b, `([...document.querySelectorAll("section.card button")].find(x => x.textContent.startsWith("Delete")).focus(), true)`)
	b.key(t, "\r")
	b.waitMarks(t, 0)
	b.waitFocus(t, "after Delete with Enter", `.status-bar button#status-undo`)

	b.key(t, "\r") // Undo, where the focus is
	b.waitMarks(t, 1)
	b.waitFocus(t, "after Undo with Enter", mark)
	b.noPageErrors(t)
}

// The note field takes no more than an annotation's note may hold, and says
// so when a paste is cut short; a tag over the length limit is refused on
// its own, in plain words, and the other tags are saved.
func TestNoteAndTagLimits(t *testing.T) {
	const maxNote, maxTag = 20000, 64 // annotation.MaxNoteLen, MaxTagLen
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "rival superpowers", 0)
	b.click(t, "button", "Note")
	b.waitFor(t, "the note field", `document.activeElement && document.activeElement.tagName === "TEXTAREA"`)
	if n := eval[int](t, b, `document.activeElement.maxLength`); n != maxNote {
		t.Errorf("the note field's maxlength = %d, want %d", n, maxNote)
	}
	b.key(t, "start ")
	// A paste, as the browser inserts one.
	long := strings.Repeat("word ", 4100)
	eval[bool](t, b, `(document.execCommand("insertText", false, "`+long+`"), true)`)
	if n := eval[int](t, b, `document.activeElement.value.length`); n != maxNote {
		t.Errorf("after pasting %d characters the field holds %d, want %d", len(long)+6, n, maxNote)
	}
	b.waitFor(t, "the note is full", statusText+`.includes("The note is full")`)
	b.key(t, "x")
	if s := eval[string](t, b, statusText); strings.Contains(s, "Not saved") {
		t.Errorf("a key at the limit: %q", s)
	}

	b.typeInto(t, "combobox", "Tags", "short, "+strings.Repeat("t", maxTag+6)+", other\t")
	b.waitFor(t, "the tag refused", statusText+`.includes("at most 64 characters")`)
	if s := eval[string](t, b, statusText); strings.Contains(s, "tags[") || strings.Contains(s, "note:") || !strings.Contains(s, "“tttt") {
		t.Errorf("the message names field paths or not the tag: %q", s)
	}
	b.waitFor(t, "the valid tags saved", `document.querySelectorAll(".annotation-item ul.tags li").length === 2`)
	b.key(t, "\x1b")
	b.waitFor(t, "the card to close", `!document.querySelector("section.card")`)

	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitMarks(t, 1)
	tags := eval[[]string](t, b, `[...document.querySelectorAll(".annotation-item ul.tags li")].map(li => li.textContent)`)
	if strings.Join(tags, "|") != "short|other" {
		t.Errorf("tags after reload = %q, want short|other", tags)
	}
	b.click(t, "button", "“rival superpowers”")
	b.waitFor(t, "the card", `!!document.querySelector("section.card textarea")`)
	note := eval[string](t, b, `document.querySelector("section.card textarea").value`)
	if len(note) != maxNote || !strings.HasPrefix(note, "start word") {
		t.Errorf("note after reload: %d characters starting %q, want the %d the field held", len(note), note[:min(len(note), 20)], maxNote)
	}
	b.noPageErrors(t)
}

// The export menu closes on Escape and gives the focus back to the Export
// button, as it does once a format is chosen.
func TestExportMenuKeyboard(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "rival superpowers", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
	eval[bool](t, b, `(document.getElementById("export-button").focus(), true)`)
	b.key(t, "\r")
	b.waitFor(t, "the menu", `!!document.getElementById("export-menu")`)
	b.waitFocus(t, "the menu opens on its first item", `#export-menu [role=menuitem]`)
	b.key(t, "\x1b")
	if !b.tryWait(t, `!document.getElementById("export-menu")`) {
		t.Errorf("Escape left the export menu open")
	}
	b.waitFocus(t, "after Escape", `#export-button`)

	if eval[bool](t, b, `!document.getElementById("export-menu")`) {
		b.key(t, "\r")
		b.waitFor(t, "the menu", `!!document.getElementById("export-menu")`)
	}
	eval[bool](t, b, `(document.querySelector("#export-menu button").focus(), true)`)
	b.key(t, "\r")
	b.waitFor(t, "the export", statusText+`.includes("Saved")`)
	b.waitFor(t, "the menu to close", `!document.getElementById("export-menu")`)
	b.waitFocus(t, "after choosing a format", `#export-button`)
	b.noPageErrors(t)
}
