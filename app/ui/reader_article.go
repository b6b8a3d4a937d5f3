package ui

import (
	"sort"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// markSpan is an anchored annotation's place in the canonical text.
type markSpan struct {
	ID         string
	Start, End int
	Status     anchor.Status
	Class      string
}

// markSpans lists the anchored annotations, outermost first where they
// share a start, so nesting follows the text.
func (p *readerPage) markSpans() []markSpan {
	var out []markSpan
	for _, a := range p.anns {
		r := p.anchors[a.ID]
		if r.Status == anchor.Orphan || r.End <= r.Start {
			continue
		}
		out = append(out, markSpan{ID: a.ID, Start: r.Start, End: r.End, Status: r.Status, Class: markClass(a, p.selected == a.ID)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}

func markClass(a annotation.Annotation, selected bool) string {
	c := "hl"
	switch {
	case a.Kind == annotation.KindClaim && a.Claim != nil:
		c += " claim verdict-" + string(a.Claim.Verdict.OrDefault())
	case a.Label != "":
		c += " label-" + a.Label
	default:
		c += " label-none"
	}
	if a.Note != "" {
		c += " has-note"
	}
	if selected {
		c += " selected"
	}
	return c
}

func (p *readerPage) renderArticle() app.UI {
	spans := p.markSpans()
	return app.Article().ID("article").Class("article-body").
		Aria("labelledby", "article-title").
		Aria("describedby", "cursor-hint").
		// In the tab order, so that the keyboard reaches the text and its
		// sentence cursor (reader_cursor.go).
		TabIndex(0).
		DataSet("article-id", p.art.ID).
		DataSet("hash", p.art.Hash).
		OnClick(p.onArticleClick).
		Body(app.Range(p.art.Blocks).Slice(func(i int) app.UI {
			b := p.art.Blocks[i]
			return &blockView{Block: b, Spans: spansIn(spans, b.Start, b.Start+utf8.RuneCountInString(b.Text))}
		}))
}

// spansIn returns the spans that overlap [lo, hi); spans are sorted by start.
func spansIn(spans []markSpan, lo, hi int) []markSpan {
	var out []markSpan
	for _, s := range spans {
		if s.Start >= hi {
			break
		}
		if s.End > lo {
			out = append(out, s)
		}
	}
	return out
}

func (p *readerPage) renderToolbar() app.UI {
	if !p.hasSel {
		return nil
	}
	label := "Highlight"
	if p.attaching != "" {
		label = "Attach here"
	}
	return app.Div().ID("selection-toolbar").Class("selection-toolbar").Role("toolbar").
		Aria("label", "Annotate the selection").
		OnMouseDown(keepSelection).
		Body(
			app.Button().Type("button").Title("Highlight the selection (h)").Text(label+" (h)").OnClick(p.highlight),
			app.Button().Type("button").Title("Add a note to the selection (n)").Text("Note (n)").OnClick(p.note),
			app.Button().Type("button").Title("Mark the selection as a claim (c)").Text("Claim (c)").OnClick(p.claim),
		)
}

// keepSelection stops a press on the toolbar from clearing the selection.
func keepSelection(ctx app.Context, e app.Event) { e.PreventDefault() }
