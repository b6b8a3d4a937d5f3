package ui

import (
	"github.com/annotator/annotator/app/annotation"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// claim marks the selection as a claim.
func (p *readerPage) claim(ctx app.Context, e app.Event) {
	if a, ok := p.createClaim(ctx); ok {
		p.selected = a.ID
	}
}

func (p *readerPage) createClaim(ctx app.Context) (annotation.Annotation, bool) {
	a, ok := p.create(ctx, annotation.KindClaim, "", func(a *annotation.Annotation) {
		a.Claim = &annotation.Claim{Verdict: annotation.VerdictUnverified}
	})
	return a, ok
}

// renderClaimCard is the card of an open claim.
func (p *readerPage) renderClaimCard(a annotation.Annotation) app.UI {
	return nil
}

// renderClaims is the article's claims panel.
func (p *readerPage) renderClaims() app.UI {
	return nil
}
