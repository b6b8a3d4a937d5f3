package ui

import (
	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/share"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Positions on the way out and back into the store (issue 17): an export
// says where each annotation is in the article as the reader sees it, and
// the store keeps that, so that an export made later, of the whole library
// from the library page, is exact without opening each article.
//
//   - Exports made on a reader page pass the page's anchors (readerAnchors),
//     so that the file says exactly what the page shows; share resolves the
//     rest.
//   - When the reader page resolves its article, the positions found for
//     exact and moved anchors that the store does not hold yet are written
//     back (writeBackPositions, share.PositionUpdates): bookkeeping, not an
//     edit, so Modified stays.
//   - A fuzzy anchor the reader accepts ("Keep here") and an orphan attached
//     to a new selection are recorded with annotation.AnchoredAt and a new
//     Modified: the quote becomes what the article says now. Until then
//     share exports them with their quote alone, no position.

// readerAnchors returns the open reader page's anchors when it shows the
// article articleID, else nil (the export resolves every annotation).
func readerAnchors(articleID string) map[string]anchor.Result {
	if p := ws.reader; p != nil && p.id == articleID && p.art != nil && !p.removed {
		return p.anchors
	}
	return nil
}

// claimLink is a ClaimReview's url for a claim on an article of the host's
// library: the claim's own address in the app, which opens the article at
// it. An article that lives only in this browser has no address others can
// open: "" leaves share to link the article's source with a text fragment.
func claimLink(articleID, annotationID string) string {
	if a, ok := ws.Article(articleID); !ok || a.Origin == "local" {
		return ""
	}
	return absoluteURL(annotationHref(articleID, annotationID))
}

// writeBackPositions stores the positions the page found for its exact and
// moved anchors where the store's are stale (an import's positions counted
// on another copy of the text, an article edited since). Most of the time
// there are none, and nothing is written. It reports whether it changed
// the page's annotations.
func (p *readerPage) writeBackPositions() bool {
	if p.art == nil || p.removed || len(p.anns) == 0 {
		return false
	}
	updates := share.PositionUpdates(p.art, p.anns, p.anchors)
	if len(updates) == 0 {
		return false
	}
	if err := ws.Store().PutMany(p.id, updates); err != nil {
		// The store keeps the old positions; exports still resolve them.
		logError("writing back resolved positions", err)
		return false
	}
	byID := make(map[string]annotation.Annotation, len(updates))
	for _, a := range updates {
		byID[a.ID] = a
	}
	for i, a := range p.anns {
		if u, ok := byID[a.ID]; ok {
			p.anns[i] = u
		}
	}
	return true
}

// writeBackPositionsLater writes back the positions once the article is
// painted. The page is not rendered again for them: they change nothing
// it shows (its marks, entries and claim comparison come from the anchors
// already found, which the positions now say), and a render of the page
// with an article of 1,000 annotations is a few hundred milliseconds the
// reader's first keystroke would wait behind.
func (p *readerPage) writeBackPositionsLater(ctx app.Context) {
	afterFirstFrame(ctx, func(ctx app.Context) {
		p.writeBackPositions()
		ctx.PreventUpdate()
	})
}

// keepHere records the reader's review of a fuzzy anchor: the annotation
// belongs where the page found it, and its quote becomes the words there.
func (p *readerPage) keepHere(ctx app.Context, id string) {
	r, ok := p.anchors[id]
	if !ok || r.Status != anchor.Fuzzy {
		return
	}
	if p.update(ctx, id, func(a *annotation.Annotation) error {
		*a = a.AnchoredAt(p.text, r.Start, r.End, p.art.Hash)
		return nil
	}) {
		say(ctx, "Kept the annotation on “"+shorten(p.text.Slice(r.Start, r.End), 60)+"”: it no longer needs review.")
		focusElement("card-" + id)
	}
}

// renderReview is the "Needs review" line of a fuzzy anchor's card: what
// changed, and the button that accepts the place found.
func (p *readerPage) renderReview(a annotation.Annotation, r anchor.Result) app.UI {
	id := a.ID
	return app.Div().Class("review").Body(
		app.P().Body(
			app.Strong().Text("Needs review. "),
			app.Text(fuzzyChange(a, p.text, r)),
		),
		app.Button().Type("button").Text("Keep here").
			Aria("describedby", "card-"+id+"-review").
			OnClick(func(ctx app.Context, e app.Event) { p.keepHere(ctx, id) }, app.EventScope(id)),
		app.P().ID("card-"+id+"-review").Class("hint").Text("The annotation stays on the passage highlighted now, and its quote becomes these words. To put it elsewhere, delete it and annotate again."),
	)
}
