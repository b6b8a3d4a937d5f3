package ui

import (
	"fmt"
	"strings"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderOpenCard is the open annotation's card. It heads the side panel
// on a wide screen, lowered beside its highlight, and is a sheet at the
// foot of a phone's window (placeCard, and the stylesheet).
func (p *readerPage) renderOpenCard() app.UI {
	if p.selected == "" || p.index(p.selected) < 0 {
		return nil
	}
	a := p.anns[p.index(p.selected)]
	if a.Kind == annotation.KindClaim {
		if card := p.renderClaimCard(a); card != nil {
			return card
		}
	}
	return p.renderCard(a, p.labelNames())
}

// renderPanel is the side panel: sharing, the claims, the article's other
// annotations in document order, and the orphans. On a phone it is a
// sheet, opened from the reader's bar (reader_sheet.go). Claims are listed
// once, under Claims; Annotations lists highlights and notes.
func (p *readerPage) renderPanel() app.UI {
	var anchored, orphans []annotation.Annotation
	for _, a := range p.anns {
		switch {
		case p.anchors[a.ID].Status == anchor.Orphan:
			orphans = append(orphans, a)
		case a.Kind == annotation.KindClaim && a.Claim != nil:
			// Listed in the claims panel.
		default:
			anchored = append(anchored, a)
		}
	}
	anchored = p.byCreator(anchored)
	names := p.labelNames()
	claims := p.renderClaims()
	listed := anchored[:min(len(anchored), p.listLimit())]
	items := make([]annotationItem, len(listed))
	for i, a := range listed {
		items[i] = p.annotationEntry(a, names)
	}
	return app.Div().ID("panel").Class(p.panelClass()).Role("region").
		Aria("labelledby", "panel-heading").
		OnKeyDown(p.onSheetKey).
		Body(
			p.renderSheetHead(),
			p.renderShare(),
			claims,
			app.Section().Class("annotation-list").Aria("labelledby", "annotations-heading").Body(
				app.H2().ID("annotations-heading").TabIndex(-1).Text(fmt.Sprintf("Annotations (%d)", len(anchored))),
				app.If(len(p.anns) == 0, func() app.UI {
					return app.P().Class("hint").Text("Select text in the article, then press Highlight (h) or Note (n). From the keyboard, Tab to the article and press j to select its first sentence.")
				}),
				p.renderCreatorFilter(),
				newAnnotationList(items, p.panelGen, p.claimsListed),
				app.If(len(anchored) > p.listLimit(), func() app.UI {
					return app.Button().Type("button").Class("quiet show-more").
						Text(fmt.Sprintf("Show %d more of %d annotations", min(listPage, len(anchored)-p.listLimit()), len(anchored))).
						OnClick(func(ctx app.Context, e app.Event) { p.listShown = p.listLimit() + listPage })
				}),
			),
			app.If(len(orphans) > 0, func() app.UI {
				return app.Section().Class("orphans").Aria("labelledby", "orphans-heading").Body(
					app.H2().ID("orphans-heading").Text(fmt.Sprintf("Orphaned annotations (%d)", len(orphans))),
					app.P().Class("hint").Text("The article changed and these passages could not be found. Nothing was lost: select the text they belong to and attach them, or delete them."),
					app.Ul().Aria("label", "Orphaned annotations").Body(
						app.Range(orphans).Slice(func(i int) app.UI { return p.renderOrphan(orphans[i]) }),
					),
				)
			}),
			newLabelSettings(),
		)
}

// listPage is how many entries the side panel lists before it offers more:
// an article with a thousand highlights would otherwise keep a thousand
// entries in the page, redrawn on every change.
const listPage = 100

func (p *readerPage) listLimit() int { return max(p.listShown, listPage) }

func (p *readerPage) labelNames() annotation.LabelNames {
	return annotation.LabelNames(ws.Store().Prefs().LabelNames)
}

// annotationEntry describes an entry of the annotations list (panelList makes
// the component).
func (p *readerPage) annotationEntry(a annotation.Annotation, names annotation.LabelNames) annotationItem {
	return annotationItem{
		ID:      a.ID,
		Current: p.selected == a.ID,
		Quote:   shorten(a.Quote.Exact, 140),
		Meta:    itemMeta(a, names, p.anchors[a.ID]),
		Note:    shorten(a.Note, 200),
		Tags:    a.Tags,
		By:      authorName(a, ws.Store().Prefs().Creator),
	}
}

func itemMeta(a annotation.Annotation, names annotation.LabelNames, r anchor.Result) string {
	var parts []string
	if a.Kind == annotation.KindClaim && a.Claim != nil {
		parts = append(parts, "Claim")
		if v, ok := a.Claim.Verdict.OrDefault().Info(); ok {
			parts = append(parts, v.Label)
		}
	} else if a.Label != "" {
		parts = append(parts, names.Name(a.Label))
	}
	switch r.Status {
	case anchor.Fuzzy:
		parts = append(parts, "needs review: the text changed")
	case anchor.Moved:
		parts = append(parts, "moved")
	}
	parts = append(parts, a.Modified.Local().Format("2 Jan 2006 15:04"))
	return strings.Join(parts, " · ")
}

func tagList(tags []string) app.UI {
	return app.Ul().Class("tags").Aria("label", "Tags").Body(
		app.Range(tags).Slice(func(i int) app.UI { return app.Li().Text(tags[i]) }),
	)
}

func (p *readerPage) renderOrphan(a annotation.Annotation) app.UI {
	id := a.ID
	waiting := p.attaching == id
	return app.Li().Class("orphan").DataSet("annotation-id", a.ID).Body(
		app.Blockquote().Body(
			app.Span().Class("context").Text(a.Quote.Prefix),
			app.Strong().Text(a.Quote.Exact),
			app.Span().Class("context").Text(a.Quote.Suffix),
		),
		app.If(a.Note != "", func() app.UI { return app.P().Class("note-preview").Text(a.Note) }),
		app.Div().Class("row").Body(
			app.Button().Type("button").
				Aria("pressed", waiting).
				Text(map[bool]string{true: "Select the new text, then press Attach here", false: "Attach to a new selection"}[waiting]).
				OnClick(func(ctx app.Context, e app.Event) {
					if p.hasSel {
						p.attaching = id
						p.attach(ctx)
						return
					}
					if p.attaching == id {
						p.attaching = ""
					} else {
						p.attaching = id
						say(ctx, "Select the passage this annotation belongs to, then press Attach here.")
					}
				}, app.EventScope(id)),
			app.Button().Type("button").Class("danger").Text("Delete").
				OnClick(func(ctx app.Context, e app.Event) { p.remove(ctx, id) }, app.EventScope(id)),
		),
	)
}

// fuzzyChange says what changed under a fuzzy anchor, for "needs review".
func fuzzyChange(a annotation.Annotation, t *anchor.Text, r anchor.Result) string {
	now := t.Slice(r.Start, r.End)
	if now == a.Quote.Exact {
		return "The text around it changed."
	}
	return "The text was “" + shorten(a.Quote.Exact, 120) + "” and is now “" + shorten(now, 120) + "”."
}

// drawPanelLater has the side panel's lists draw a long article's entries
// after the article's first paint, a slice per frame (panelList).
// Drawn first, the article is painted that much sooner; the panel's
// headings, counts and filters are drawn at once, and every entry is
// there a few frames later.
func (p *readerPage) drawPanelLater() {
	if len(p.anns) > panelSlice {
		p.panelGen++
	}
}
