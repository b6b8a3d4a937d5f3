package ui

import (
	"github.com/annotator/annotator/app/anchor"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A search result opens /read/{article}#annotation={id}: the reader page
// then scrolls the annotation's mark into view and focuses it, or, for an
// orphan, its entry under Orphaned annotations.

// openTarget opens the annotation the page's address names, if any.
func (p *readerPage) openTarget(ctx app.Context) {
	if id := targetOf(ctx.Page().URL().Fragment); id != "" {
		p.openFound(ctx, id)
	}
}

// onOpenAnnotation handles actionOpenAnnotation.
func (p *readerPage) onOpenAnnotation(ctx app.Context, a app.Action) {
	if id, ok := a.Value.(string); ok {
		p.openFound(ctx, id)
	}
}

func (p *readerPage) openFound(ctx app.Context, id string) {
	if p.art == nil {
		return
	}
	if p.index(id) < 0 {
		sayError(ctx, "This annotation is no longer in this article.")
		return
	}
	if p.anchors[id].Status == anchor.Orphan {
		p.showCard(id, "", false)
		ctx.Defer(func(app.Context) { focusOrphan(id) })
		say(ctx, "The passage of this annotation is no longer in the article: it is listed under Orphaned annotations.")
		return
	}
	p.open(ctx, id, true)
}
