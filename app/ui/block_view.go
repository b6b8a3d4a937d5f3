package ui

import (
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// blockView is one block of the article with its marks. As a component it
// is drawn again only when its text or its marks change, so adding a
// highlight redraws one paragraph, not the article.
//
// On the host (the prerendered page) and in native tests go-app draws the
// marks (renderBlock). In the browser a block with marks is drawn by
// drawSegments instead (block_dom_wasm.go), in one call into JavaScript
// that makes the same elements: overlapping annotations cut the text into
// many segments, each wrapped in one mark per annotation over it, and an
// article of 1,000 realistic annotations has some 15,000 marks, which
// go-app took seconds to create one attribute at a time (issue 18). Only
// the segments that changed are drawn again: a card opened or closed
// changes one mark's class in place.
type blockView struct {
	app.Compo
	Block article.Block
	Spans []markSpan

	// next is what Render last computed; drawn is what is in the page (nil
	// while go-app draws the block's plain text) and el the element it is
	// in.
	next  []markRun
	drawn []markRun
	el    app.Value
}

func (v *blockView) Render() app.UI {
	v.next = blockSegments(v.Block, v.Spans)
	if app.IsClient && hasMarks(v.next) {
		return blockElement(v.Block, nil) // drawSegments fills it
	}
	return blockElement(v.Block, segmentsUI(v.next))
}

// OnMount draws the marks. go-app dispatches OnMount, which renders the
// component and every one around it (the whole reader page) again on the
// next frame: nothing in them has changed, so PreventUpdate cancels that.
func (v *blockView) OnMount(ctx app.Context) {
	mountSlice()
	v.draw()
	ctx.PreventUpdate()
}

// OnUpdate runs before go-app draws the new fields: the marks are drawn
// once it has.
func (v *blockView) OnUpdate(ctx app.Context) {
	ctx.Defer(func(app.Context) { v.draw() })
}

// draw brings the block's marks in the page to v.next.
func (v *blockView) draw() {
	if !v.Mounted() {
		return
	}
	el := v.JSValue()
	same := v.drawn != nil && v.el != nil && v.el.Equal(el)
	if !hasMarks(v.next) {
		if same {
			// go-app has appended the block's text after the marks.
			replaceSegments(el, 0, len(v.drawn), nil)
		}
		v.drawn, v.el = nil, el
		return
	}
	if !same {
		replaceSegments(el, 0, -1, v.next)
	} else {
		patchSegments(el, v.drawn, v.next)
	}
	v.drawn, v.el = v.next, el
}

// patchSegments redraws the segments that differ between old and new, the
// children of el (planPatch).
func patchSegments(el app.Value, old, new []markRun) {
	pl := planPatch(old, new)
	for _, c := range pl.classes {
		setMarkClass(el, c.run, c.depth, c.class)
	}
	if pl.remove > 0 || len(pl.insert) > 0 {
		replaceSegments(el, pl.at, pl.remove, pl.insert)
	}
}

// patchPlan turns one block's segments into others: set classes, then
// remove remove segments at index at and insert insert there.
type patchPlan struct {
	classes []classChange
	at      int
	remove  int
	insert  []markRun
}

// classChange sets the class of the depth-th mark (0: the outermost) of
// the run-th segment.
type classChange struct {
	run, depth int
	class      string
}

// planPatch keeps the segments that old and new share at their head and
// tail. Between them, where only the marks' classes differ (a card opened
// or closed), it changes those classes in place, so that the page keeps
// its elements, a focused mark or a selection in them; otherwise it
// replaces the segments between.
func planPatch(old, new []markRun) patchPlan {
	p := 0
	for p < len(old) && p < len(new) && old[p].equal(new[p]) {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(new)-p && old[len(old)-1-s].equal(new[len(new)-1-s]) {
		s++
	}
	om, nm := old[p:len(old)-s], new[p:len(new)-s]
	pl := patchPlan{at: p}
	if len(om) == len(nm) {
		shape := true
		for i := range om {
			if !om[i].sameShape(nm[i]) {
				shape = false
				break
			}
		}
		if shape {
			for i := range om {
				for k := range om[i].Marks {
					if om[i].Marks[k].Class != nm[i].Marks[k].Class {
						pl.classes = append(pl.classes, classChange{p + i, k, nm[i].Marks[k].Class})
					}
				}
			}
			return pl
		}
	}
	pl.remove, pl.insert = len(om), nm
	return pl
}

// markRun is a run of a block's text and the marks around it, outermost
// first.
type markRun struct {
	Text  string
	Marks []runMark
}

// runMark is one mark element: its class, annotation id and anchor
// status.
type runMark struct {
	Class, ID, Status string
}

func (s markRun) equal(o markRun) bool {
	if s.Text != o.Text || len(s.Marks) != len(o.Marks) {
		return false
	}
	for i := range s.Marks {
		if s.Marks[i] != o.Marks[i] {
			return false
		}
	}
	return true
}

// sameShape says s and o differ at most in their marks' classes.
func (s markRun) sameShape(o markRun) bool {
	if s.Text != o.Text || len(s.Marks) != len(o.Marks) {
		return false
	}
	for i := range s.Marks {
		if s.Marks[i].ID != o.Marks[i].ID || s.Marks[i].Status != o.Marks[i].Status {
			return false
		}
	}
	return true
}

func hasMarks(segs []markRun) bool {
	for _, s := range segs {
		if len(s.Marks) > 0 {
			return true
		}
	}
	return false
}

// blockSegments cuts a block's text where the spans (sorted by start, the
// longer first where two start together) begin and end. Each markRun is
// wrapped in one mark per span that covers it, outermost (earliest in
// spans) first: every mark carries exactly one id. A span's last mark has
// the class hl-end: claims draw their badge after it. A mark with more
// than underlinedMarks marks inside it in its run has the class hl-under:
// it keeps its background but draws no underline there (web/app.css). A
// block without marks is one markRun of its whole text.
func blockSegments(b article.Block, spans []markSpan) []markRun {
	runes := []rune(b.Text)
	lo, hi := b.Start, b.Start+len(runes)
	var inside []markSpan
	cuts := []int{lo, hi}
	for _, s := range spans {
		if s.Start >= hi {
			break
		}
		if s.End <= lo {
			continue
		}
		inside = append(inside, s)
		cuts = append(cuts, max(s.Start, lo), min(s.End, hi))
	}
	if len(inside) == 0 {
		return []markRun{{Text: b.Text}}
	}
	sort.Ints(cuts)
	var out []markRun
	// open holds the spans that cover the current markRun, in spans'
	// order; next is the first of inside not yet opened.
	var open []markSpan
	next := 0
	for i := 0; i+1 < len(cuts); i++ {
		a, z := cuts[i], cuts[i+1]
		if a == z {
			continue
		}
		// Spans that end at or before a close; those that start at or
		// before a open. No cut lies inside (a, z), so the open spans are
		// those that cover [a, z).
		kept := open[:0]
		for _, s := range open {
			if s.End > a {
				kept = append(kept, s)
			}
		}
		open = kept
		for next < len(inside) && inside[next].Start <= a {
			if inside[next].End > a {
				open = append(open, inside[next]) // open stays in inside's order
			}
			next++
		}
		seg := markRun{Text: string(runes[a-lo : z-lo])}
		if len(open) > 0 {
			seg.Marks = make([]runMark, len(open))
			for k, s := range open {
				cls := s.Class
				if z == s.End {
					cls += " hl-end"
				}
				if len(open)-k > underlinedMarks {
					cls += " hl-under"
				}
				seg.Marks[k] = runMark{Class: cls, ID: s.ID, Status: string(s.Status)}
			}
		}
		out = append(out, seg)
	}
	return out
}

// underlinedMarks is how many of a run's marks, the innermost, draw their
// underline. All the underlines of nested marks are drawn at the same
// place, each over the ones outside it, so those under three others hardly
// show; and Chromium's style recalculation grows much faster than the
// marks with the number of nested underlines (text decorations propagate
// to every box inside): with all of them, the 15,384 marks of the scale
// benchmark's 1,000 annotations (up to 20 deep) took it seconds
// (docs/performance.md, issue 18 part 2).
const underlinedMarks = 3

// segmentsUI is segments as go-app elements: the host's prerendered page
// and native tests.
func segmentsUI(segs []markRun) []app.UI {
	body := make([]app.UI, 0, len(segs))
	for _, s := range segs {
		var node app.UI = app.Text(s.Text)
		for k := len(s.Marks) - 1; k >= 0; k-- {
			m := s.Marks[k]
			node = app.Mark().Class(m.Class).
				DataSet("annotation-id", m.ID).
				DataSet("anchor", m.Status).
				TabIndex(-1).
				Body(node)
		}
		body = append(body, node)
	}
	return body
}

// renderBlock draws one block with its marks as go-app elements.
func renderBlock(b article.Block, spans []markSpan) app.UI {
	return blockElement(b, segmentsUI(blockSegments(b, spans)))
}

// blockElement draws a block as the element its kind calls for. List
// items are paragraphs with a bullet: the text does not keep which items
// formed one list. data-start is the block's offset in the canonical text,
// which the selection code reads.
func blockElement(b article.Block, body []app.UI) app.UI {
	switch b.Kind {
	case "h2":
		return app.H2().Class("block").DataSet("start", b.Start).DataSet("kind", b.Kind).Body(body...)
	case "h3":
		return app.H3().Class("block").DataSet("start", b.Start).DataSet("kind", b.Kind).Body(body...)
	case "h4", "h5", "h6":
		return app.H4().Class("block").DataSet("start", b.Start).DataSet("kind", b.Kind).Body(body...)
	case "quote":
		return app.Blockquote().Class("block").DataSet("start", b.Start).DataSet("kind", b.Kind).Body(body...)
	case "li":
		return app.P().Class("block li").DataSet("start", b.Start).DataSet("kind", b.Kind).Body(body...)
	}
	return app.P().Class("block").DataSet("start", b.Start).DataSet("kind", b.Kind).Body(body...)
}

// segmentsSpec is segs as annotatorDrawMarks takes them (app/host/appjs.go):
// {"t": [text, …], "s": [[mark, …], …], "m": [[class, id, status], …]},
// each distinct mark listed once. It is written by hand: encoding/json's
// reflection took 56–92 ms of an article of 1,000 annotations' opening
// (1,394 segments, 15,384 marks; issue 18).
func segmentsSpec(segs []markRun) string {
	index := make(map[runMark]int)
	size := 32
	for _, s := range segs {
		size += len(s.Text) + 8 + 4*len(s.Marks)
	}
	var marks []byte
	b := make([]byte, 0, size)
	b = append(b, `{"t":[`...)
	for i, s := range segs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s.Text)
	}
	b = append(b, `],"s":[`...)
	for i, s := range segs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for k, m := range s.Marks {
			n, ok := index[m]
			if !ok {
				n = len(index)
				index[m] = n
				if n > 0 {
					marks = append(marks, ',')
				}
				marks = append(marks, '[')
				marks = appendJSONString(marks, m.Class)
				marks = append(marks, ',')
				marks = appendJSONString(marks, m.ID)
				marks = append(marks, ',')
				marks = appendJSONString(marks, m.Status)
				marks = append(marks, ']')
			}
			if k > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(n), 10)
		}
		b = append(b, ']')
	}
	b = append(b, `],"m":[`...)
	b = append(b, marks...)
	b = append(b, "]}"...)
	return string(b)
}

// appendJSONString appends s as a JSON string, as encoding/json would
// decode it back: quotes, backslashes and control characters escaped, and
// each byte of invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
