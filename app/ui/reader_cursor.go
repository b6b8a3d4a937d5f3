package ui

import (
	"fmt"

	"github.com/annotator/annotator/app/anchor"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The sentence cursor selects the article's text from the keyboard alone,
// without the browser's caret browsing (F7), which most readers have
// never heard of. With the focus in the article (Tab reaches it) or on
// nothing, j selects the next sentence and k the previous one; Shift+J and
// Shift+K extend the selection by a sentence or take one back. The
// selection is the browser's own, so the toolbar appears by it and h, n
// and c act on it as on a selection made with the mouse. Each move is
// announced to screen readers. Sentences are app/anchor's, the ones a
// claim snaps to.

// sentenceCursor is the cursor's place: the sentences it spans, from
// anchorAt (where Shift began) to focusAt, as indexes into the article's
// sentences; on says it has been placed.
type sentenceCursor struct {
	on                bool
	anchorAt, focusAt int
	sentences         [][2]int // the article's, computed on first use
	article           string   // whose sentences they are
	said              string   // the last announcement
}

// sentences returns the article's sentences, [start,end) in code points.
func (p *readerPage) sentences() [][2]int {
	if p.cursor.article != p.id || p.cursor.sentences == nil {
		p.cursor = sentenceCursor{article: p.id, sentences: anchor.Sentences(p.art.Text)}
	}
	return p.cursor.sentences
}

// sentenceAt is the index of the sentence holding offset off, or of the
// next one after it; the last if none follows.
func sentenceAt(ss [][2]int, off int) int {
	for i, s := range ss {
		if s[1] > off {
			return i
		}
	}
	return len(ss) - 1
}

// onCursor moves the cursor by key: j, k, J (Shift+j) or K.
func (p *readerPage) onCursor(ctx app.Context, key string) {
	if p.art == nil || p.removed {
		ctx.PreventUpdate()
		return
	}
	ss := p.sentences()
	if len(ss) == 0 {
		ctx.PreventUpdate()
		return
	}
	c := &p.cursor
	lo, hi := min(c.anchorAt, c.focusAt), max(c.anchorAt, c.focusAt)
	if p.hasSel && (!c.on || p.sel.Start != ss[lo][0] || p.sel.End != ss[hi][1]) {
		// A selection made otherwise (the mouse, a touch): the cursor
		// takes it up.
		c.on = true
		c.anchorAt, c.focusAt = sentenceAt(ss, p.sel.Start), sentenceAt(ss, max(p.sel.Start, p.sel.End-1))
		lo, hi = min(c.anchorAt, c.focusAt), max(c.anchorAt, c.focusAt)
	} else if !c.on {
		// The first key selects the first sentence in view.
		at := 0
		if off := firstVisibleStart(); off >= 0 {
			at = sentenceAt(ss, off)
		}
		c.on, c.anchorAt, c.focusAt = true, at, at
		lo, hi = at, at
		key = "" // placed, not moved
	}
	last := len(ss) - 1
	switch key {
	case "j": // the sentence after the selection
		i := min(hi+1, last)
		c.anchorAt, c.focusAt = i, i
	case "k": // the one before it
		i := max(lo-1, 0)
		c.anchorAt, c.focusAt = i, i
	case "J":
		c.focusAt = min(c.focusAt+1, last)
	case "K":
		c.focusAt = max(c.focusAt-1, 0)
	}
	lo, hi = min(c.anchorAt, c.focusAt), max(c.anchorAt, c.focusAt)
	if !selectSpan(ss[lo][0], ss[hi][1]) {
		ctx.PreventUpdate()
		return
	}
	n := hi - lo + 1
	focus := p.text.Slice(ss[c.focusAt][0], ss[c.focusAt][1])
	if n == 1 {
		c.said = fmt.Sprintf("Sentence %d of %d selected: %s", c.focusAt+1, len(ss), focus)
	} else {
		c.said = fmt.Sprintf("%d sentences selected, to sentence %d: %s", n, c.focusAt+1, focus)
	}
}

// cursorKeys says what the keys do, under the article and in the help.
const cursorKeys = "From the keyboard: j and k select the next or previous sentence, Shift+J and Shift+K extend or shrink the selection, then h highlights it, n adds a note, c marks a claim. Press ? for every key."

// renderCursorHelp is the cursor's live region and the hint shown while
// the article has the keyboard focus.
func (p *readerPage) renderCursorHelp() app.UI {
	return app.Div().Class("cursor-help").Body(
		app.P().ID("cursor-hint").Class("cursor-hint").Text(cursorKeys),
		app.P().ID("cursor-status").Class("visually-hidden").Role("status").Aria("live", "polite").Text(p.cursor.said),
	)
}
