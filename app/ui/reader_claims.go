package ui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/annotator/annotator/app/annotation"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// claimState is what the reader page remembers about claims between
// renders: the selection a new claim was snapped from, the claims panel's
// filters, and evidence being typed but not yet valid enough to save.
type claimState struct {
	article string // the article this state belongs to

	// The claim made last, with the reader's exact selection and the
	// sentence(s) it snapped to, for "Keep my exact selection".
	snapID          string
	exact, sentence span

	filterType    string // "" all, claimTypeNone, or a claim type
	filterVerdict string // "" all, or a verdict

	// draft is the new piece of evidence being typed into the open card.
	draft    annotation.Evidence
	draftFor string // the claim it belongs to
	draftErr string // the message at its address field

	// urlText and urlErr hold a refused address typed over a saved piece
	// of evidence (key: claim id and index), so it stays in the field
	// with its message instead of being saved.
	urlText map[string]string
	urlErr  map[string]string
}

// claimTypeNone is the type filter's value for claims not classified yet.
const claimTypeNone = "none"

// claimUI returns this page's claim state, reset when the article changes.
func (p *readerPage) claimUI() *claimState {
	if p.claims.article != p.id {
		p.claims = claimState{article: p.id}
	}
	if p.claims.urlText == nil {
		p.claims.urlText, p.claims.urlErr = map[string]string{}, map[string]string{}
	}
	return &p.claims
}

// claim marks the selection as a claim. The selection snaps outwards to the
// sentence or sentences around it; the card offers to keep the exact
// selection instead.
func (p *readerPage) claim(ctx app.Context, e app.Event) {
	p.attaching = "" // a new claim, not the orphan waiting to be attached
	if !p.hasSel || p.art == nil {
		return
	}
	exact := p.sel
	s, z := p.text.SentenceSpan(exact.Start, exact.End)
	sentence := span{s, z}
	if sentence.End <= sentence.Start {
		sentence = exact
	}
	p.sel = sentence
	a, ok := p.createClaim(ctx)
	if !ok {
		p.sel = exact
		return
	}
	st := p.claimUI()
	st.snapID, st.exact, st.sentence = a.ID, exact, sentence
	p.showCard(a.ID, "claim-type-"+a.ID, false)
	msg := "Marked a claim: “" + shorten(a.Quote.Exact, 60) + "”."
	if sentence != exact {
		msg = "Marked the claim on the whole sentence: “" + shorten(a.Quote.Exact, 60) + "”. Its card can keep your exact selection instead."
	}
	say(ctx, msg)
}

func (p *readerPage) createClaim(ctx app.Context) (annotation.Annotation, bool) {
	a, ok := p.create(ctx, annotation.KindClaim, "", func(a *annotation.Annotation) {
		a.Claim = &annotation.Claim{Verdict: annotation.VerdictUnverified}
	})
	return a, ok
}

// setClaimSpan moves a claim onto another span of the text.
func (p *readerPage) setClaimSpan(ctx app.Context, id string, s span) {
	p.update(ctx, id, func(a *annotation.Annotation) error {
		a.Quote, a.Position = p.text.Describe(s.Start, s.End)
		a.ArticleHash = p.art.Hash
		return nil
	})
}

// editClaim applies an edit to a claim's Claim and saves it.
func (p *readerPage) editClaim(ctx app.Context, id string, edit func(c *annotation.Claim)) bool {
	return p.update(ctx, id, func(a *annotation.Annotation) error {
		if a.Claim == nil {
			return errors.New("This annotation is not a claim.")
		}
		c := *a.Claim
		c.Evidence = append([]annotation.Evidence(nil), a.Claim.Evidence...)
		edit(&c)
		a.Claim = &c
		return nil
	})
}

// claimsOf returns the claims among anns, in their order.
func claimsOf(anns []annotation.Annotation) []annotation.Annotation {
	var out []annotation.Annotation
	for _, a := range anns {
		if a.Kind == annotation.KindClaim && a.Claim != nil {
			out = append(out, a)
		}
	}
	return out
}

// filterClaims keeps the claims of one type ("" any, claimTypeNone for
// unclassified) and one verdict ("" any).
func filterClaims(claims []annotation.Annotation, typ, verdict string) []annotation.Annotation {
	var out []annotation.Annotation
	for _, a := range claims {
		if a.Claim == nil {
			continue
		}
		switch {
		case typ == claimTypeNone && a.Claim.Type != "":
			continue
		case typ != "" && typ != claimTypeNone && string(a.Claim.Type) != typ:
			continue
		case verdict != "" && string(a.Claim.Verdict.OrDefault()) != verdict:
			continue
		}
		out = append(out, a)
	}
	return out
}

// summaryOrder is the order of the summary line: the worst verdicts first,
// then the unchecked, then the sound.
var summaryOrder = []annotation.Verdict{
	annotation.VerdictInaccurate,
	annotation.VerdictMostlyInaccurate,
	annotation.VerdictMixed,
	annotation.VerdictUnverified,
	annotation.VerdictMostlyAccurate,
	annotation.VerdictAccurate,
}

// claimSummary is the claims panel's summary line, such as
// "9 claims: 2 inaccurate, 1 mixed or misleading, 4 unverified, 2 accurate".
func claimSummary(claims []annotation.Annotation) string {
	if len(claims) == 0 {
		return "No claims yet."
	}
	counts := map[annotation.Verdict]int{}
	for _, a := range claims {
		if a.Claim != nil {
			counts[a.Claim.Verdict.OrDefault()]++
		}
	}
	var parts []string
	for _, v := range summaryOrder {
		if n := counts[v]; n > 0 {
			info, _ := v.Info()
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(info.Label)))
		}
	}
	return plural(len(claims), "claim", "claims") + ": " + strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// evidenceCount says how much evidence a claim cites.
func evidenceCount(n int) string {
	if n == 0 {
		return "no evidence"
	}
	return plural(n, "piece of evidence", "pieces of evidence")
}

// claimTypeName is the display name of a claim type.
func claimTypeName(t annotation.ClaimType) string {
	if info, ok := t.Info(); ok {
		return info.Name
	}
	return "Not classified"
}

// urlProblem is the message to show at an evidence address field, or "".
func urlProblem(raw string) string {
	err := annotation.ValidateEvidenceURL(raw)
	if err == nil {
		return ""
	}
	var fe *annotation.Error
	if errors.As(err, &fe) {
		return fe.Msg
	}
	return err.Error()
}
