package ui

import (
	"sort"

	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// blockView is one block of the article with its marks. As a component it
// is drawn again only when its text or its marks change, so adding a
// highlight redraws one paragraph, not the article.
type blockView struct {
	app.Compo
	Block article.Block
	Spans []markSpan
}

func (v *blockView) Render() app.UI { return renderBlock(v.Block, v.Spans) }

// renderBlock draws one block with its marks. Where annotations overlap the
// text is cut into segments, and each segment is wrapped in one nested mark
// per annotation that covers it: every mark carries exactly one id.
func renderBlock(b article.Block, spans []markSpan) app.UI {
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
	var body []app.UI
	if len(inside) == 0 {
		body = []app.UI{app.Text(b.Text)}
	} else {
		sort.Ints(cuts)
		for i := 0; i+1 < len(cuts); i++ {
			a, z := cuts[i], cuts[i+1]
			if a == z {
				continue
			}
			var node app.UI = app.Text(string(runes[a-lo : z-lo]))
			// Wrap from the innermost (latest start, shortest) outwards.
			for j := len(inside) - 1; j >= 0; j-- {
				s := inside[j]
				if s.Start <= a && s.End >= z {
					cls := s.Class
					if z == s.End {
						cls += " hl-end" // the last mark: claims draw their badge after it
					}
					node = app.Mark().Class(cls).
						DataSet("annotation-id", s.ID).
						DataSet("anchor", string(s.Status)).
						TabIndex(-1).
						Body(node)
				}
			}
			body = append(body, node)
		}
	}
	return blockElement(b, body)
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
