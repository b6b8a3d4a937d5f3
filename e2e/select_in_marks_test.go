//go:build e2e

package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Issue 15 (daily use): a selection may start anywhere, inside a highlight
// too, and right after a card opens or closes. A plain click on a
// highlight opens its card; a drag selects text and shows the toolbar.
// The moves the app makes a frame or more after a click (the card's focus
// and scrolling, the focus given back to the text when a card closes) must
// not land in the middle of the reader's next drag: a focus moved during a
// drag ends it in Chromium, and a scroll moves the text under the pointer.

// highlightOver presses the toolbar's Highlight button and waits for a
// highlight drawn over exactly phrase.
func (b *browser) highlightOver(t testing.TB, phrase string) {
	t.Helper()
	b.waitFor(t, "the toolbar", `!!document.getElementById("selection-toolbar")`)
	before := b.markTexts(t)
	b.click(t, "button", "Highlight")
	b.waitFor(t, "a highlight over “"+phrase+"”", `(() => {
		const out = {};
		for (const m of document.querySelectorAll("article mark[data-annotation-id]")) out[m.dataset.annotationId] = (out[m.dataset.annotationId] || "") + m.textContent;
		return Object.values(out).filter(x => x === `+jsString(phrase)+`).length > `+itoa(countOf(before, phrase))+`;
	})()`)
}

func countOf(marks map[string]string, phrase string) int {
	n := 0
	for _, text := range marks {
		if text == phrase {
			n++
		}
	}
	return n
}

// middle is the middle of a drag's first character (a plain click there).
func (d drag) start() (float64, float64) { return d.X0 + 2, d.Y0 }

// cardQuote is the quote of the open card, "" when none is open.
const cardQuote = `(document.querySelector("section.card blockquote")?.textContent || "")`

// A drag that starts inside a highlight, just after a plain click on it
// opened its card, selects what was dragged over; Highlight makes a
// highlight of exactly that. So does a drag that starts and ends inside
// one highlight, and a selection made with Shift and the arrow keys from
// inside one.
func TestSelectFromInsideHighlight(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.wide(t)
	b.open(t, h.URL+seedPath)
	const first = "rival superpowers aim to stabilise"
	b.highlight(t, first)
	b.highlight(t, "semiconductor industry")
	b.highlight(t, "Matthew Miller")

	// Out of a highlight, right after a click on it: the click opens its
	// card, the drag that follows selects.
	click := b.phraseDrag(t, "rival", 0)
	out := b.phraseDrag(t, "superpowers aim to stabilise strained relations", 0)
	x, y := click.start()
	b.do(t, chromedp.MouseClickXY(x, y))
	b.dragOver(t, out)
	b.checkSelected(t, "superpowers aim to stabilise strained relations")
	b.waitFor(t, "the clicked highlight's card", cardQuote+` === `+jsString(first))
	b.highlightOver(t, "superpowers aim to stabilise strained relations")

	// Inside one highlight, from start to end, right after a click on it.
	click = b.phraseDrag(t, "Matthew", 0)
	in := b.phraseDrag(t, "Miller", 0)
	x, y = click.start()
	b.do(t, chromedp.MouseClickXY(x, y))
	b.dragOver(t, in)
	b.checkSelected(t, "Miller")
	b.highlightOver(t, "Miller")

	// With the keyboard: a selection inside a highlight (as caret browsing
	// starts one), extended past its end with Shift and the arrow keys.
	eval[bool](t, b, `(() => {
		const m = [...document.querySelectorAll("article mark")].find(e => e.textContent === "semiconductor industry");
		const node = m.firstChild, at = node.data.indexOf("industry");
		const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 1);
		const s = getSelection(); s.removeAllRanges(); s.addRange(r);
		return true;
	})()`)
	for range len("industry and Beijing") - 1 {
		b.do(t, chromedp.KeyEvent(kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierShift)))
	}
	b.waitFor(t, "the toolbar", `!!document.getElementById("selection-toolbar")`)
	b.checkSelected(t, "industry and Beijing")
	b.key(t, "h")
	b.waitFor(t, "a highlight over the keyboard's selection", `[...document.querySelectorAll("article mark[data-annotation-id]")].some(m => m.textContent === "industry and Beijing")`)
	b.noPageErrors(t)
}

// Issue 15 (daily use), point 2: a selection made just after a card is
// closed, by its × or by Escape, is the reader's.
func TestSelectRightAfterClosingCard(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.wide(t)
	b.open(t, h.URL+seedPath)
	next := []string{"semiconductor industry", "human rights track record", "open channels of communication", "core interests"}
	b.highlight(t, "rival superpowers")
	for i, phrase := range next {
		b.waitFor(t, "the card placed", `document.querySelector("section.card")?.dataset.placed === "true"`)
		d := b.phraseDrag(t, phrase, 0)
		if i%2 == 0 {
			// The mouse, on the card's ×.
			type pt struct{ X, Y float64 }
			p := eval[pt](t, b, `(() => { const r = document.querySelector("section.card button[aria-label^='Close']").getBoundingClientRect(); return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`)
			b.do(t, chromedp.MouseClickXY(p.X, p.Y))
		} else {
			// The keyboard, from the card's note field.
			eval[bool](t, b, `(document.querySelector("section.card textarea").focus({preventScroll: true}), true)`)
			b.key(t, kb.Escape)
		}
		b.dragOver(t, d)
		b.checkSelected(t, phrase)
		b.highlightOver(t, phrase)
	}
	b.noPageErrors(t)
}

// longPress presses a finger at x, y for as long as a phone takes to start
// a selection there.
func (b *browser) longPress(t testing.TB, x, y float64) {
	t.Helper()
	ms := int64(800)
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, input.SynthesizeTapGesture, input.SynthesizeTapGestureParams{X: x, Y: y, Duration: &ms, GestureSourceType: input.GestureSourceTypeTouch})
		return err
	}))
}

// On a phone, a long press inside a highlight (its card's sheet open or
// not) and the selection's handles dragged past its end select, and
// Highlight makes a highlight of exactly that; a tap on a highlight still
// opens its card.
func TestLongPressInsideHighlightOnPhone(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.phone(t)
	b.open(t, h.URL+seedPath)
	id := b.phoneMark(t, "rival superpowers aim to stabilise")
	b.waitFor(t, "the new highlight's sheet", `document.querySelector("section.card")?.dataset.placed === "true"`)
	b.tapOn(t, "the sheet's ×", `document.querySelector("section.card button[aria-label^='Close']")`)
	b.waitFor(t, "the sheet closed", `!document.querySelector("section.card")`)

	for _, withSheet := range []bool{false, true} {
		if withSheet {
			b.tapOn(t, "the highlight", `document.querySelector('`+markSel(id)+`')`)
			b.waitFor(t, "the tapped highlight's sheet", `document.querySelector("section.card")?.dataset.placed === "true" && `+cardQuote+` === "rival superpowers aim to stabilise"`)
			eval[bool](t, b, `(document.querySelector('`+markSel(id)+`').scrollIntoView({block: "nearest"}), true)`)
		}
		phrase := "aim to stabilise strained"
		if withSheet {
			phrase = "superpowers aim to stabilise strained relations"
		}
		type pt struct{ X, Y float64 }
		p := eval[pt](t, b, `(() => { const m = document.querySelector('`+markSel(id)+`'), n = m.firstChild, at = n.data.indexOf(`+jsString(phrase)+`.split(" ")[0]);
			const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + 2); const b = r.getClientRects()[0];
			return {X: b.left + b.width / 2, Y: b.top + b.height / 2}; })()`)
		b.longPress(t, p.X, p.Y)
		// The handles, dragged from inside the highlight past its end: the
		// browser's selection changes with no mouse or key event.
		ok := eval[bool](t, b, `(() => {
			const art = document.querySelector("article.article-body");
			const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
			const nodes = []; let text = "";
			while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
			const at = text.indexOf(`+jsString(phrase)+`), end = at + `+itoa(utf16Len(phrase))+`;
			if (at < 0) return false;
			const find = (off, isEnd) => nodes.find(([n, s]) => off >= s && (off < s + n.data.length || (isEnd && off === s + n.data.length)));
			const [sn, ss] = find(at, false), [en, es] = find(end, true);
			const r = document.createRange(); r.setStart(sn, at - ss); r.setEnd(en, end - es);
			const s = getSelection(); s.removeAllRanges(); s.addRange(r);
			return true;
		})()`)
		if !ok {
			t.Fatalf("%q is not in the article", phrase)
		}
		b.waitFor(t, "the toolbar", `!!document.getElementById("selection-toolbar")`)
		b.checkSelected(t, phrase)
		if !withSheet {
			if q := eval[string](t, b, cardQuote); q != "" {
				t.Errorf("a long press in a highlight opened a card (%q): it should only select", q)
			}
		}
		before := countOf(b.markTexts(t), phrase)
		b.tapButton(t, "Highlight")
		b.waitFor(t, "a highlight over “"+phrase+"”", `(() => {
			const out = {};
			for (const m of document.querySelectorAll("article mark[data-annotation-id]")) out[m.dataset.annotationId] = (out[m.dataset.annotationId] || "") + m.textContent;
			return Object.values(out).filter(x => x === `+jsString(phrase)+`).length > `+itoa(before)+`;
		})()`)
		b.tapOn(t, "the sheet's ×", `document.querySelector("section.card button[aria-label^='Close']")`)
		b.waitFor(t, "the sheet closed", `!document.querySelector("section.card")`)
	}
	b.noPageErrors(t)
}
