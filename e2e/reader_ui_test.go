//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/article"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The tests of issue 15's reader: the card where the reader looks, messages
// that get out of the way, the phone, the sentence cursor, and the small
// faults of the panel. Each waits for what the page shows (geometry
// included), never for a time.

// wide and phone set the window a reader has: a laptop at 1280×800, or a
// phone at 375×812 with touch.
func (b *browser) wide(t testing.TB) {
	t.Helper()
	b.do(t, chromedp.EmulateViewport(1280, 800))
}

func (b *browser) phone(t testing.TB) {
	t.Helper()
	b.do(t, chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait, chromedp.EmulateScale(2)))
}

// rectJS defines r(el), an element's box in the viewport, and meets(a, b),
// whether two boxes overlap, for the conditions below.
const rectJS = `const r = el => { const b = el.getBoundingClientRect(); return {top: b.top, bottom: b.bottom, left: b.left, right: b.right, width: b.width, height: b.height}; };
	const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;`

// waitShown waits until the JavaScript condition holds; if it never does,
// the test fails with what describe (an expression) says about the page.
func (b *browser) waitShown(t testing.TB, what, cond, describe string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	js := `(() => { ` + rectJS + ` return !!(` + cond + `); })()`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(patience))); err != nil {
		got := eval[string](t, b, `(() => { `+rectJS+` try { return JSON.stringify(`+describe+`); } catch (e) { return String(e); } })()`)
		t.Fatalf("%s: never happened; the page: %s", what, got)
	}
}

// tapOn taps the first box of the element an expression gives.
func (b *browser) tapOn(t testing.TB, what, el string) {
	t.Helper()
	type pt struct{ X, Y float64 }
	p := eval[*pt](t, b, `(() => { const e = (`+el+`); if (!e) return null; const b = e.getClientRects()[0]; return b ? {X: b.left + b.width / 2, Y: b.top + b.height / 2} : null; })()`)
	if p == nil {
		t.Fatalf("nothing to tap: %s", what)
	}
	b.do(t, chromedp.TapXY(p.X, p.Y))
}

// markSel is the CSS selector of an annotation's marks.
func markSel(id string) string { return `mark[data-annotation-id="` + id + `"]` }

// newMark highlights phrase and returns the new annotation's id.
func (b *browser) newMark(t testing.TB, phrase string) string {
	t.Helper()
	before := b.markTexts(t)
	b.highlight(t, phrase)
	for id, text := range b.markTexts(t) {
		if _, had := before[id]; !had && text == phrase {
			return id
		}
	}
	t.Fatalf("no new mark over %q", phrase)
	return ""
}

// touchSelect selects phrase in the article as a phone's touch handles do:
// the browser's selection changes, with no mouse or key event; then it
// waits for the toolbar.
func (b *browser) touchSelect(t testing.TB, phrase string) {
	t.Helper()
	ok := eval[bool](t, b, `(() => {
		const art = document.querySelector("article.article-body");
		const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
		while (walker.nextNode()) {
			const n = walker.currentNode, at = n.data.indexOf(`+jsString(phrase)+`);
			if (at < 0) continue;
			n.parentElement.scrollIntoView({block: "center"});
			const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + `+itoa(utf16Len(phrase))+`);
			const s = getSelection(); s.removeAllRanges(); s.addRange(r);
			return true;
		}
		return false;
	})()`)
	if !ok {
		t.Fatalf("%q is not in one text node of the article", phrase)
	}
	b.waitFor(t, "the toolbar", `!!document.getElementById("selection-toolbar")`)
}

// tapButton taps the button whose text starts with name.
func (b *browser) tapButton(t testing.TB, name string) {
	t.Helper()
	b.waitFor(t, "the button "+name, `[...document.querySelectorAll("button")].some(x => x.textContent.startsWith(`+jsString(name)+`) && x.getBoundingClientRect().width > 0)`)
	b.tapOn(t, name, `[...document.querySelectorAll("button")].find(x => x.textContent.startsWith(`+jsString(name)+`) && x.getBoundingClientRect().width > 0)`)
}

// phoneMark highlights phrase by touch and returns the new annotation's id.
func (b *browser) phoneMark(t testing.TB, phrase string) string {
	t.Helper()
	before := b.markTexts(t)
	b.touchSelect(t, phrase)
	b.tapButton(t, "Highlight")
	b.waitFor(t, "the new mark", `document.querySelectorAll("article mark[data-annotation-id]").length > `+itoa(len(before)))
	for id, text := range b.markTexts(t) {
		if _, had := before[id]; !had && text == phrase {
			return id
		}
	}
	t.Fatalf("no new mark over %q", phrase)
	return ""
}

// cardBeside is true when the open card shows in the window beside the
// annotation's first mark, which is in view too.
func cardBeside(id string) string {
	return `(() => { const c = document.querySelector("section.card"), m = document.querySelector('` + markSel(id) + `');
		if (!c || !m || c.id !== "card-` + id + `") return false;
		const cr = r(c), mr = r(m);
		return mr.top >= 0 && mr.bottom <= innerHeight && cr.top >= 0 && cr.top < innerHeight - 120 && Math.abs(cr.top - mr.top) < 160 && cr.left >= mr.right; })()`
}

const cardGeometry = `(() => { const c = document.querySelector("section.card"), m = document.querySelector("mark.selected");
	return {card: c && r(c), cardID: c && c.id, mark: m && r(m), scrollY, innerHeight}; })()`

// Issue 15, point 1: a card opened from the side panel's entry (mouse, or
// Tab and Enter) opens beside its highlight, where the reader looks, and
// the entry shows that it is the open one; so does a click on the highlight.
func TestCardOpensBesideHighlight(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.wide(t)
	b.open(t, h.URL+seedPath)
	first := b.newMark(t, "rival superpowers")
	b.newMark(t, "semiconductor industry")
	last := b.newMark(t, "both strategically close to Taiwan")
	eval[bool](t, b, `(window.scrollTo(0, 0), true)`)

	// The mouse, on the panel's entry of the last highlight.
	b.click(t, "button", "“both strategically close to Taiwan”")
	b.waitShown(t, "the card beside the last highlight, chosen in the panel", cardBeside(last), cardGeometry)
	if cur := eval[string](t, b, `document.querySelector('li.annotation-item[data-annotation-id="`+last+`"] .annotation-open')?.getAttribute("aria-current") || ""`); cur != "true" {
		t.Errorf("the chosen entry does not say it is the open one: aria-current=%q", cur)
	}

	// The keyboard: Tab to the first entry's button, Enter.
	eval[bool](t, b, `(document.querySelector('li.annotation-item[data-annotation-id="`+first+`"] .annotation-open').focus(), true)`)
	b.key(t, "\r")
	b.waitShown(t, "the card beside the first highlight, chosen with Enter", cardBeside(first), cardGeometry)

	// A click on the highlight itself, far down the article.
	eval[bool](t, b, `(document.querySelector('`+markSel(last)+`').scrollIntoView({block: "center"}), true)`)
	b.do(t, chromedp.Click(chromedp.CSS(markSel(last)), chromedp.NodeVisible))
	b.waitShown(t, "the card beside the clicked highlight", cardBeside(last), cardGeometry)
	b.waitFocus(t, "the card takes the focus", "section.card")
	b.key(t, "\x1b")
	b.waitFocus(t, "Escape gives it back to the highlight", markSel(last))
	b.noPageErrors(t)
}

// visibleMessage is the message box the reader sees, or null.
const visibleMessage = `(() => { for (const e of document.querySelectorAll(".status-bar .status-card")) { const b = e.getBoundingClientRect(); if (b.width > 2 && b.height > 2 && getComputedStyle(e).visibility !== "hidden" && getComputedStyle(e).opacity !== "0") return e; } return null; })()`

const messageGeometry = `(() => { const m = ` + visibleMessage + `, f = document.activeElement, p = document.querySelector("article [data-start]:last-of-type");
	return {message: m && r(m), text: m && m.textContent, focused: f && f.tagName + "#" + f.id, focusedBox: f && r(f), last: p && r(p), scrollY, innerHeight}; })()`

// Issue 15, point 2: a confirmation leaves by itself, one with Undo too
// but never while it has the focus; a message never covers the focused
// field or the article's last paragraph; a page change clears messages;
// a problem stays until dismissed, covering nothing.
func TestMessagesGetOutOfTheWay(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.wide(t)
	b.open(t, h.URL+seedPath)

	// A confirmation shows, then leaves by itself.
	b.highlight(t, "rival superpowers")
	b.waitShown(t, "the confirmation", visibleMessage+`?.textContent.includes("Highlighted")`, messageGeometry)
	b.waitShown(t, "the confirmation to leave by itself", `!`+visibleMessage, messageGeometry)
	if s := eval[string](t, b, statusText); !strings.Contains(s, "Highlighted") {
		t.Errorf("the message left the live region too (screen readers can no longer find it): %q", s)
	}

	// With a message showing, the article's last paragraph can be read
	// above it.
	b.highlight(t, "semiconductor industry")
	b.waitShown(t, "the confirmation", visibleMessage, messageGeometry)
	eval[bool](t, b, `(window.scrollTo(0, document.documentElement.scrollHeight), true)`)
	b.waitShown(t, "the last paragraph clear of the message, scrolled to the end",
		`(() => { const m = `+visibleMessage+`, p = document.querySelector("article [data-start]:last-of-type"); return !m || !meets(r(m), r(p)); })()`, messageGeometry)

	// Undo stays while it has the focus, past its time, then leaves.
	b.click(t, "button", "Delete annotation")
	b.waitFocus(t, "Undo has the focus after Delete", "#status-undo")
	timeout := eval[float64](t, b, `+(document.querySelector(".status-card")?.dataset.timeout || 0)`)
	if timeout <= 0 {
		t.Errorf("the message with Undo declares no time (data-timeout): it never leaves")
	} else {
		// Wait, on the page's own clock, until its time is well past.
		eval[bool](t, b, `new Promise(ok => { const c = document.querySelector(".status-card"), end = +c.dataset.shown + +c.dataset.timeout + 500; const f = () => performance.now() > end ? ok(true) : requestAnimationFrame(f); f(); })`)
		if !eval[bool](t, b, `!!`+visibleMessage+` && !!document.getElementById("status-undo")`) {
			t.Errorf("the Undo message left while it had the focus")
		}
		// The pointer, last on the card's Delete, may rest on the message,
		// which would hold it too: move it away, as a reader's hand does.
		b.do(t, chromedp.MouseEvent(chromedp.MouseMoved, 2, 2))
		eval[bool](t, b, `(document.getElementById("article-title").focus(), true)`)
		b.waitShown(t, "the Undo message to leave once the focus has left it", `!`+visibleMessage, messageGeometry)
	}

	// A claim's message does not cover the verdicts the reader tabs to.
	b.selectText(t, "three main objectives", 0)
	b.click(t, "button", "Claim")
	b.waitShown(t, "the claim's message", visibleMessage+`?.textContent.includes("claim")`, messageGeometry)
	eval[bool](t, b, `(() => { const v = [...document.querySelectorAll("section.claim-card input[type=radio]")].pop(); v.scrollIntoView({block: "end"}); v.focus({preventScroll: true}); return true; })()`)
	b.waitShown(t, "the message clear of the focused verdict",
		`(() => { const m = `+visibleMessage+`; return !m || !meets(r(m), r(document.activeElement)); })()`, messageGeometry)

	// A page change clears the messages.
	b.highlight(t, "human rights track record")
	b.waitShown(t, "the confirmation", visibleMessage+`?.textContent.includes("Highlighted")`, messageGeometry)
	b.click(t, "link", "Library")
	b.waitFor(t, "the library", `!!document.querySelector("ul.article-list li")`)
	b.waitShown(t, "no message from the article on the library", `!`+visibleMessage+` && !`+statusText+`.includes("Highlighted")`, messageGeometry)

	// A problem stays, and covers neither the last paragraph nor the field
	// the reader is in.
	b.open(t, h.URL+seedPath+"#annotation=no-such-annotation")
	b.waitShown(t, "the problem", visibleMessage+`?.textContent.includes("no longer in this article")`, messageGeometry)
	if n := eval[float64](t, b, `+(document.querySelector(".status-card")?.dataset.timeout || 0)`); n != 0 {
		t.Errorf("a problem has a time-out of %v ms: it should stay until dismissed", n)
	}
	eval[bool](t, b, `(window.scrollTo(0, document.documentElement.scrollHeight), true)`)
	b.waitShown(t, "the last paragraph clear of the problem",
		`(() => { const m = `+visibleMessage+`, p = document.querySelector("article [data-start]:last-of-type"); return !!m && !meets(r(m), r(p)); })()`, messageGeometry)
	b.selectText(t, "Mike Pompeo", 0)
	b.click(t, "button", "Note")
	b.waitFor(t, "the note field", `document.activeElement?.tagName === "TEXTAREA"`)
	b.waitShown(t, "the note field clear of the problem",
		`(() => { const m = `+visibleMessage+`; return !!m && m.textContent.includes("no longer in this article") && !meets(r(m), r(document.activeElement)); })()`, messageGeometry)
	b.click(t, "button", "Dismiss message")
	b.waitShown(t, "the problem dismissed", `!`+visibleMessage, messageGeometry)
	b.noPageErrors(t)
}

const phoneGeometry = `(() => { const c = document.querySelector("section.card"), m = document.querySelector("mark.selected"), h = document.querySelector(".site-header");
	return {card: c && r(c), mark: m && r(m), header: h && r(h), scrollY, innerHeight, innerWidth, focused: document.activeElement?.tagName}; })()`

// sheetShowsMark is true when the open card is a sheet at the foot of the
// phone's screen and the annotation's mark is in view above it.
func sheetShowsMark(id string) string {
	return `(() => { const c = document.querySelector("section.card"), m = document.querySelector('` + markSel(id) + `');
		if (!c || !m || c.id !== "card-` + id + `") return false;
		const cr = r(c), mr = r(m);
		return cr.bottom <= innerHeight + 1 && cr.top >= innerHeight * 0.3 && cr.left <= 1 && cr.right >= innerWidth - 1 && mr.top >= 0 && mr.bottom <= cr.top; })()`
}

// Issue 15, point 3: on a 375 px phone the header is one compact row,
// tapping a highlight opens its card as a sheet with the highlight in view
// above it, and Note does the same: nothing jumps away.
func TestPhoneCardIsASheet(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.phone(t)
	b.open(t, h.URL+seedPath)
	if hh := eval[float64](t, b, `document.querySelector(".site-header").getBoundingClientRect().height`); hh > 64 {
		t.Errorf("the header is %.0f px tall on a phone, want one row of at most 64 px", hh)
	}
	far := b.phoneMark(t, "both strategically close to Taiwan")
	b.phoneMark(t, "rival superpowers")
	eval[bool](t, b, `(document.activeElement?.blur(), document.querySelector("section.card button[aria-label^='Close']")?.click(), true)`)
	b.waitFor(t, "the card closed", `!document.querySelector("section.card")`)

	eval[bool](t, b, `(document.querySelector('`+markSel(far)+`').scrollIntoView({block: "center"}), true)`)
	before := eval[float64](t, b, `scrollY`)
	b.tapOn(t, "the far highlight", `document.querySelector('`+markSel(far)+`')`)
	b.waitShown(t, "a sheet with the tapped highlight above it", sheetShowsMark(far), phoneGeometry)
	if d := eval[float64](t, b, `scrollY`) - before; d > 400 || d < -400 {
		t.Errorf("tapping the highlight scrolled the page %.0f px", d)
	}
	// The sheet is shorter than its card: it scrolls in itself to its
	// last control, and the article stays where it is.
	y := eval[float64](t, b, `scrollY`)
	b.waitShown(t, "the sheet scrolled to its last control", `(() => { const c = document.querySelector("section.card"), d = [...c.querySelectorAll("button")].pop();
		if (c.scrollHeight <= c.clientHeight) return false;
		c.scrollTop = c.scrollHeight; const cr = r(c), dr = r(d);
		return c.scrollTop > 0 && dr.top >= cr.top && dr.bottom <= cr.bottom + 1; })()`,
		`(() => { const c = document.querySelector("section.card"); return {card: r(c), scrollHeight: c.scrollHeight, clientHeight: c.clientHeight, scrollTop: c.scrollTop, overflow: getComputedStyle(c).overflowY}; })()`)
	if d := eval[float64](t, b, `scrollY`) - y; d != 0 {
		t.Errorf("scrolling the sheet scrolled the page %.0f px", d)
	}

	b.tapOn(t, "the card's close button", `document.querySelector("section.card button[aria-label^='Close']")`)
	b.waitFor(t, "the card closed", `!document.querySelector("section.card")`)
	b.touchSelect(t, "three main objectives")
	before = eval[float64](t, b, `scrollY`)
	b.tapButton(t, "Note")
	b.waitFor(t, "the note field", `document.activeElement?.tagName === "TEXTAREA"`)
	id := eval[string](t, b, `document.activeElement.id.replace(/^note-/, "")`)
	b.waitShown(t, "a sheet with the new note's highlight above it", sheetShowsMark(id), phoneGeometry)
	if d := eval[float64](t, b, `scrollY`) - before; d > 400 || d < -400 {
		t.Errorf("Note scrolled the page %.0f px", d)
	}
	b.noPageErrors(t)
}

// Issue 15, point 4: the side panel never scrolls sideways, on a laptop or
// as a phone's sheet.
func TestPanelDoesNotScrollSideways(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.wide(t)
	b.open(t, h.URL+seedPath)
	b.highlight(t, "rival superpowers")
	b.waitShown(t, "the panel within its width", `(() => { const s = document.querySelector(".sidebar"); return s.scrollWidth <= s.clientWidth; })()`,
		`(() => { const s = document.querySelector(".sidebar"); return {scrollWidth: s.scrollWidth, clientWidth: s.clientWidth, widest: [...s.querySelectorAll("*")].map(e => [e.tagName + "." + e.className, e.getBoundingClientRect().width]).sort((a, b) => b[1] - a[1])[0]}; })()`)

	b.phone(t)
	b.open(t, h.URL+seedPath)
	b.click(t, "button", "Annotations")
	b.waitShown(t, "the panel's sheet", `(() => { const p = document.querySelector(".panel"); return !!p && r(p).height > 100 && r(p).top >= 0; })()`, `(() => { const p = document.querySelector(".panel"); return p && r(p); })()`)
	b.waitShown(t, "no sideways scroll on the phone", `document.documentElement.scrollWidth <= innerWidth && (() => { const p = document.querySelector(".panel"); return p.scrollWidth <= p.clientWidth; })()`,
		`({page: document.documentElement.scrollWidth, innerWidth, panel: document.querySelector(".panel").scrollWidth, panelClient: document.querySelector(".panel").clientWidth})`)
	b.noPageErrors(t)
}

// Issue 15, point 5: a note's ✎ shows once, after its highlight, even
// when a nested highlight splits it into several marks.
func TestNoteMarkerOnce(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, "substantive, and constructive” talks with Chinese", 0)
	b.click(t, "button", "Note")
	b.waitFor(t, "the note field", `document.activeElement?.tagName === "TEXTAREA"`)
	id := eval[string](t, b, `document.activeElement.id.replace(/^note-/, "")`)
	saved := b.saves(t)
	b.key(t, "Why these three words?")
	b.waitSaved(t, "the note saved", saved, `!!document.querySelector('`+markSel(id)+`.has-note')`)
	b.selectText(t, "constructive", 0) // inside the noted highlight
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 2)
	marks := eval[int](t, b, `document.querySelectorAll('`+markSel(id)+`').length`)
	pencils := eval[int](t, b, `[...document.querySelectorAll('`+markSel(id)+`')].filter(m => getComputedStyle(m, "::after").content.includes("✎")).length`)
	if marks < 2 || pencils != 1 {
		t.Errorf("the noted highlight is drawn as %d marks with %d ✎, want one ✎", marks, pencils)
	}
	b.noPageErrors(t)
}

// Issue 15, point 6: once a pasted article is added, the paste box is
// empty again.
func TestPasteBoxEmptiedOnceAdded(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	addOwnArticle(t, b, "Zebra crossings report\n\nThe first paragraph mentions 42 zebras crossing.")
	if v := eval[string](t, b, `[...document.querySelectorAll(".add-article textarea")].map(t => t.value).join("")`); v != "" {
		t.Errorf("the paste box still holds %q after the article was added", v)
	}
	b.noPageErrors(t)
}

// The library's card of an article says how many annotations and claims
// the reader made in it and when they last opened it.
func TestLibraryCardCounts(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	b.waitFor(t, "the seed's card, not opened yet", `[...document.querySelectorAll("ul.article-list li")].some(li => li.querySelector("a[href='`+seedPath+`']") && li.textContent.includes("not opened yet"))`)
	b.open(t, h.URL+seedPath)
	b.highlight(t, "rival superpowers")
	b.selectText(t, "three main objectives", 0)
	b.click(t, "button", "Claim")
	b.waitMarks(t, 2)
	b.click(t, "link", "Library")
	b.waitFor(t, "the seed's card with its counts",
		`(() => { const a = document.querySelector("ul.article-list a[href='`+seedPath+`']"); const s = a?.querySelector(".article-stats")?.textContent || ""; return s.includes("2 annotations") && s.includes("1 claim") && s.includes("opened today"); })()`)
	b.noPageErrors(t)
}

// sentences returns the seed article's first sentences, as the reader's
// sentence cursor moves through them: [start, end) in code points, and
// the text.
func seedSentences(t *testing.T, n int) (*anchor.Text, [][2]int) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "articles", "blinken-beijing-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	art, err := article.ParseText("blinken-beijing-talks", data)
	if err != nil {
		t.Fatal(err)
	}
	ss := anchor.Sentences(art.Text)
	if len(ss) < n {
		t.Fatalf("the seed article has %d sentences", len(ss))
	}
	return anchor.NewText(art.Text), ss[:n]
}

// Issue 15, point 7: text is selected from the keyboard alone, without
// caret browsing: Tab to the article, j and k move a sentence at a time,
// Shift extends, h highlights; each move is announced.
func TestSentenceCursor(t *testing.T) {
	text, ss := seedSentences(t, 4)
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	for range 20 {
		if eval[bool](t, b, `document.activeElement?.matches("article.article-body") || false`) {
			break
		}
		b.key(t, "\t")
	}
	if !eval[bool](t, b, `document.activeElement?.matches("article.article-body") || false`) {
		t.Fatalf("Tab never reaches the article; the focus is on %s", eval[string](t, b, focused))
	}
	selected := `String(getSelection()).replace(/\n+/g, "")`
	announced := func(s string) string {
		return `[...document.querySelectorAll("[role=status], [aria-live]")].some(e => e.textContent.includes(` + jsString(shorten(s, 40)) + `))`
	}
	s0 := text.Slice(ss[0][0], ss[0][1])
	b.key(t, "j")
	b.waitShown(t, "the first sentence selected", selected+` === `+jsString(s0), `({selected: `+selected+`})`)
	b.waitFor(t, "the toolbar", `!!document.getElementById("selection-toolbar")`)
	b.waitFor(t, "the sentence announced", announced(s0))

	b.key(t, "j")
	s1 := text.Slice(ss[1][0], ss[1][1])
	b.waitShown(t, "the second sentence", selected+` === `+jsString(s1), `({selected: `+selected+`})`)
	b.key(t, "J") // Shift+j extends to the third
	s12 := strings.ReplaceAll(text.Slice(ss[1][0], ss[2][1]), "\n", "")
	b.waitShown(t, "two sentences", selected+` === `+jsString(s12), `({selected: `+selected+`})`)
	b.waitFor(t, "the extension announced", announced(text.Slice(ss[2][0], ss[2][1])))
	b.key(t, "K") // Shift+k takes it back
	b.waitShown(t, "back to one", selected+` === `+jsString(s1), `({selected: `+selected+`})`)
	b.key(t, "J")
	b.waitShown(t, "two sentences again", selected+` === `+jsString(s12), `({selected: `+selected+`})`)
	b.key(t, "h")
	b.waitMarks(t, 1)
	if _, got := onlyMark(t, b); got != s12 {
		t.Errorf("the highlight covers %q, want %q", got, s12)
	}

	// From the new highlight, once its card is closed (the focus is then
	// on the highlight), j goes on to the sentence after it.
	b.waitFor(t, "the card placed", `document.querySelector("section.card")?.dataset.placed === "true"`)
	b.typeInto(t, "textbox", "Note", "")
	b.key(t, kb.Escape)
	b.waitFor(t, "the focus on the highlight", `document.activeElement?.matches("article mark[data-annotation-id]") || false`)
	b.key(t, "j")
	s3 := text.Slice(ss[3][0], ss[3][1])
	b.waitShown(t, "the sentence after the highlight", selected+` === `+jsString(s3), `({selected: `+selected+`, focus: `+focused+`})`)
	b.noPageErrors(t)
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// Issue 15, point 10 (this helper's part): a quote that starts with a
// quotation mark shows one, not two; a claim is listed once in the panel;
// "Edit evidence 1" is a target of at least 24 px.
func TestPanelEntriesReadWell(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.highlight(t, "“The secretary emphasised the importance of diplomacy")
	b.findRole(t, "button", "“The secretary emphasised")
	if n := b.count(t, "button", "““"); n != 0 {
		t.Errorf("%d entries show the quotation mark twice", n)
	}

	b.selectText(t, "the place you start is with communicating", 0)
	b.click(t, "button", "Claim")
	b.waitFor(t, "the claim", `!!document.querySelector("article mark.claim")`)
	if n := b.count(t, "button", "““If we want"); n != 0 {
		t.Errorf("the claim's entry shows the quotation mark twice")
	}
	if n := b.count(t, "button", "“If we want"); n != 1 {
		t.Errorf("the claim is listed %d times in the panel, want once", n)
	}

	b.typeInto(t, "textbox", "Evidence address", "https://example.org/transcript")
	b.press(t, "button", "Add evidence")
	b.waitFor(t, "the evidence", `!!document.querySelector(".evidence-item summary")`)
	box := eval[[]float64](t, b, `(() => { const b = document.querySelector(".evidence-item summary").getBoundingClientRect(); return [b.width, b.height]; })()`)
	if box[0] < 24 || box[1] < 24 {
		t.Errorf("Edit evidence 1 is %.0f×%.0f px, want at least 24×24", box[0], box[1])
	}
	b.noPageErrors(t)
}

// On a phone the toolbar follows the selection as the browser reports it
// (selectionchange): a selection made by dragging touch handles raises no
// touchend or mouseup on the page.
func TestToolbarOnSelectionChange(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.phone(t)
	b.open(t, h.URL+seedPath)
	eval[bool](t, b, `(() => {
		const p = [...document.querySelectorAll("article [data-start]")].find(e => e.textContent.includes("rival superpowers"));
		const node = p.firstChild, at = node.data.indexOf("rival superpowers");
		p.scrollIntoView({block: "center"});
		const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + "rival superpowers".length);
		const s = getSelection(); s.removeAllRanges(); s.addRange(r);
		return true;
	})()`)
	b.waitShown(t, "the toolbar by the selection", `(() => { const tb = document.getElementById("selection-toolbar"); if (!tb) return false; const s = getSelection().getRangeAt(0).getBoundingClientRect(), x = r(tb); return x.top >= 0 && x.bottom <= innerHeight && Math.abs(x.top - s.bottom) < 120; })()`,
		`(() => { const tb = document.getElementById("selection-toolbar"); return {toolbar: tb && r(tb), selection: r(getSelection().getRangeAt(0))}; })()`)
	sizes := eval[[][]float64](t, b, `[...document.querySelectorAll("#selection-toolbar button")].map(x => [x.getBoundingClientRect().width, x.getBoundingClientRect().height])`)
	for i, s := range sizes {
		if s[0] < 44 || s[1] < 44 {
			t.Errorf("toolbar button %d is %.0f×%.0f px, want at least 44×44 on a phone", i+1, s[0], s[1])
		}
	}
	b.tapOn(t, "Highlight", `document.querySelector("#selection-toolbar button")`)
	b.waitMarks(t, 1)
	b.noPageErrors(t)
}

// smallTargets lists the controls smaller than 24×24 px in view (WCAG
// 2.5.8), leaving out links inside running text, which the rule exempts.
const smallTargets = `[...document.querySelectorAll("button, a[href], input:not([type=hidden]), select, textarea, summary, [tabindex='0']")].filter(e => {
	const b = e.getBoundingClientRect(), s = getComputedStyle(e);
	if (b.width === 0 || b.height === 0 || s.visibility === "hidden" || b.bottom < 0 || b.top > innerHeight) return false;
	if (e.matches("a") && e.closest("p, li .note-preview, .article-meta") && !e.closest("nav")) return false;
	if (e.matches(".skip-link, .visually-hidden, .visually-hidden *")) return false;
	return b.width < 24 || b.height < 24;
}).map(e => e.tagName + (e.id ? "#" + e.id : "") + " " + (e.getAttribute("aria-label") || e.textContent).trim().slice(0, 30) + " " + Math.round(e.getBoundingClientRect().width) + "×" + Math.round(e.getBoundingClientRect().height))`

// On a phone every control is at least 24 px, the main actions 44 px; the
// header's search is an icon that expands, Install waits in a menu.
func TestPhoneTargets(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.phone(t)
	b.open(t, h.URL+"/")
	if small := eval[[]string](t, b, smallTargets); len(small) > 0 {
		t.Errorf("library: targets under 24 px: %v", small)
	}
	b.open(t, h.URL+seedPath)
	search := eval[float64](t, b, `document.getElementById("search-input").getBoundingClientRect().width`)
	if search > 56 {
		t.Errorf("the search box is %.0f px wide on a phone, want an icon", search)
	}
	b.tapOn(t, "the search icon", `document.getElementById("search-input")`)
	b.waitShown(t, "the search box open", `document.activeElement?.id === "search-input" && r(document.activeElement).width > 250`, `r(document.getElementById("search-input"))`)
	b.key(t, "\x1b")
	b.key(t, "\x1b")
	b.waitShown(t, "the search folded back into its icon", `r(document.getElementById("search-input")).width <= 56`,
		`({search: r(document.getElementById("search-input")), focused: document.activeElement?.id})`)
	b.tapButton(t, "⋮")
	b.findRole(t, "menuitem", "Keyboard shortcuts")
	b.key(t, "\x1b")
	b.waitFor(t, "the menu closed, the focus on its button", `!document.getElementById("more-menu") && document.activeElement?.id === "more-button"`)

	b.phoneMark(t, "rival superpowers")
	b.waitFor(t, "the card", `!!document.querySelector("section.card")`)
	if small := eval[[]string](t, b, smallTargets); len(small) > 0 {
		t.Errorf("reader with a card: targets under 24 px: %v", small)
	}
	main := eval[[]string](t, b, `[...document.querySelectorAll(".site-header button, .site-header input, .site-header a, section.card .card-head button, .reader-bar button")].filter(e => e.getBoundingClientRect().width > 0).filter(e => { const b = e.getBoundingClientRect(); return b.width < 44 || b.height < 44; }).map(e => (e.getAttribute("aria-label") || e.textContent).trim() + " " + Math.round(e.getBoundingClientRect().width) + "×" + Math.round(e.getBoundingClientRect().height))`)
	if len(main) > 0 {
		t.Errorf("main actions under 44 px: %v", main)
	}
	b.noPageErrors(t)
}

var _ = fmt.Sprint

// An open claim card and the export menu have no WCAG 2.2 AA violations
// that axe-core finds, on a laptop and on a phone.
func TestAccessibilityClaimCardAndExportMenu(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	for _, width := range []string{"wide", "phone"} {
		t.Run(width, func(t *testing.T) {
			b := newBrowser(t, "")
			if width == "phone" {
				b.phone(t)
			} else {
				b.wide(t)
			}
			b.open(t, h.URL+seedPath)
			if width == "phone" {
				b.touchSelect(t, "three main objectives")
				b.tapOn(t, "the toolbar's Claim", `[...document.querySelectorAll("#selection-toolbar button")].find(x => x.textContent.startsWith("Claim"))`)
			} else {
				b.selectText(t, "three main objectives", 0)
				b.click(t, "button", "Claim")
			}
			b.waitFor(t, "the claim card", `!!document.querySelector("section.claim-card")`)
			b.audit(t, width+": reader with an open claim card")
			eval[bool](t, b, `(document.querySelector("section.card button[aria-label^='Close']")?.click(), true)`)
			b.waitFor(t, "the card closed", `!document.querySelector("section.card")`)
			b.openShareSheet(t)
			eval[bool](t, b, `(document.getElementById("export-button").scrollIntoView({block: "center"}), document.getElementById("export-button").click(), true)`)
			b.waitFor(t, "the export menu in view", shown("export-menu"))
			b.audit(t, width+": reader with the export menu open")
			// Escape closes the menu only: on a phone its sheet stays open,
			// with the focus on Export.
			eval[bool](t, b, `(document.querySelector("#export-menu [role=menuitem]").focus(), true)`)
			b.key(t, kb.Escape)
			b.waitShown(t, "the menu closed, Export focused and in view", `!document.getElementById("export-menu") && document.activeElement?.id === "export-button" && `+shown("export-button"),
				`({menu: !!document.getElementById("export-menu"), focused: document.activeElement?.id, panel: document.querySelector(".panel").className})`)
		})
	}
}

// Issue 15, "an export menu that reads as a menu": Export is a menu button
// as WAI-ARIA describes one, and a keyboard alone opens it, moves through
// its items, chooses one and leaves it.
func TestExportMenuIsAMenu(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.wide(t)
	dl := b.allowDownloads(t)
	b.open(t, h.URL+seedPath)
	b.highlight(t, "rival superpowers")
	menuState := `({expanded: document.getElementById("export-button").getAttribute("aria-expanded"), haspopup: document.getElementById("export-button").getAttribute("aria-haspopup"),
		menu: document.getElementById("export-menu")?.getAttribute("role"), focused: document.activeElement?.id + " " + document.activeElement?.textContent})`
	item := func(n int) string { return `#export-menu li:nth-child(` + itoa(n) + `) [role=menuitem]` }

	eval[bool](t, b, `(document.getElementById("export-button").focus(), true)`)
	b.waitShown(t, "a closed menu button", `document.getElementById("export-button").getAttribute("aria-haspopup") === "menu" && document.getElementById("export-button").getAttribute("aria-expanded") === "false"`, menuState)
	b.key(t, kb.Enter)
	b.waitShown(t, "Enter opens the menu on its first item", `document.getElementById("export-button").getAttribute("aria-expanded") === "true" && document.activeElement?.matches(`+jsString(item(1))+`)`, menuState)
	if n := b.count(t, "menuitem", ""); n != 6 {
		t.Errorf("the menu has %d items (role menuitem), want the five formats and the class pack", n)
	}
	if n := eval[int](t, b, `document.querySelectorAll("#export-menu [role=menuitem]:not([tabindex='-1'])").length`); n != 0 {
		t.Errorf("%d menu items are Tab stops; a menu is one", n)
	}
	for _, step := range []struct {
		key  string
		want int
	}{{kb.ArrowDown, 2}, {kb.ArrowDown, 3}, {kb.End, 6}, {kb.ArrowDown, 1}, {kb.ArrowUp, 6}, {kb.Home, 1}} {
		b.key(t, step.key)
		b.waitShown(t, fmt.Sprintf("%q moves to item %d", step.key, step.want), `document.activeElement?.matches(`+jsString(item(step.want))+`)`, menuState)
	}
	b.key(t, kb.Escape)
	b.waitShown(t, "Escape closes the menu, the focus back on Export", `!document.getElementById("export-menu") && document.activeElement?.id === "export-button" && document.getElementById("export-button").getAttribute("aria-expanded") === "false"`, menuState)

	b.key(t, kb.ArrowUp)
	b.waitShown(t, "the up arrow opens the menu on its last item", `document.activeElement?.matches(`+jsString(item(6))+`)`, menuState)
	b.key(t, kb.Tab)
	b.waitShown(t, "Tab leaves and closes the menu", `!document.getElementById("export-menu")`, menuState)

	eval[bool](t, b, `(document.getElementById("export-button").focus(), true)`)
	b.key(t, kb.ArrowDown)
	b.waitShown(t, "the down arrow opens the menu on its first item", `document.activeElement?.matches(`+jsString(item(1))+`)`, menuState)
	b.key(t, kb.ArrowDown)
	b.waitShown(t, "Markdown", `document.activeElement?.textContent.startsWith("Markdown")`, menuState)
	b.key(t, kb.Enter)
	waitDownload(t, dl, "blinken-beijing-talks-", ".md")
	b.waitShown(t, "Enter chose Markdown, closed the menu and gave the focus back to Export", `!document.getElementById("export-menu") && document.activeElement?.id === "export-button"`, menuState)
	b.noPageErrors(t)
}
