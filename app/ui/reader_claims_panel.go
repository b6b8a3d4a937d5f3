package ui

import (
	"fmt"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderClaims is the article's claims panel: a summary line, filters by
// type and verdict, and every claim in document order.
func (p *readerPage) renderClaims() app.UI {
	all := claimsOf(p.anns)
	st := p.claimUI()
	// The panel's "Show annotations by" filter holds for claims too.
	shown := filterClaims(p.byCreator(all), st.filterType, st.filterVerdict)
	types := annotation.ClaimTypes()
	verdicts := annotation.Verdicts()
	filtered := st.filterType != "" || st.filterVerdict != "" || p.showBy != ""
	p.claimsListed = len(shown)
	items := make([]claimItem, len(shown))
	for i, a := range shown {
		items[i] = p.claimEntry(a)
	}
	return app.Section().Class("claims-panel").Aria("labelledby", "claims-heading").Body(
		app.H2().ID("claims-heading").TabIndex(-1).Text(fmt.Sprintf("Claims (%d)", len(all))),
		app.P().ID("claims-summary").Class("claims-summary").Role("status").Text(claimSummary(all)),
		app.If(len(all) == 0, func() app.UI {
			return app.P().Class("hint").Text("Select a sentence in the article and press Claim (c) to check what it claims.")
		}),
		app.If(len(all) > 0, func() app.UI {
			return app.Div().Class("claims-filters").Body(
				app.Div().Class("field").Body(
					app.Label().For("claims-filter-type").Text("Filter by type"),
					app.Select().ID("claims-filter-type").OnChange(func(ctx app.Context, e app.Event) {
						st.filterType = filterValue(ctx.JSSrc().Get("value").String())
					}).Body(
						app.Option().Value(filterAll).Selected(st.filterType == "").Text("All types"),
						app.Range(types).Slice(func(i int) app.UI {
							t := types[i]
							return app.Option().Value(string(t.Type)).Selected(st.filterType == string(t.Type)).Text(t.Name)
						}),
						app.Option().Value(claimTypeNone).Selected(st.filterType == claimTypeNone).Text("Not classified"),
					),
				),
				app.Div().Class("field").Body(
					app.Label().For("claims-filter-verdict").Text("Filter by verdict"),
					app.Select().ID("claims-filter-verdict").OnChange(func(ctx app.Context, e app.Event) {
						st.filterVerdict = filterValue(ctx.JSSrc().Get("value").String())
					}).Body(
						app.Option().Value(filterAll).Selected(st.filterVerdict == "").Text("All verdicts"),
						app.Range(verdicts).Slice(func(i int) app.UI {
							v := verdicts[i]
							return app.Option().Value(string(v.Verdict)).Selected(st.filterVerdict == string(v.Verdict)).Text(v.Symbol + " " + v.Label)
						}),
					),
				),
			)
		}),
		app.If(filtered && len(all) > 0, func() app.UI {
			return app.P().Class("hint").Role("status").Text(fmt.Sprintf("Showing %d of %d.", len(shown), len(all)))
		}),
		app.If(len(all) > 0, func() app.UI {
			return newClaimList(items, p.panelGen)
		}),
	)
}

// filterAll is the value of a filter's "All" option. (go-app leaves out an
// empty value attribute, and an option without one has its text as value.)
const filterAll = "all"

func filterValue(v string) string {
	if v == filterAll {
		return ""
	}
	return v
}

// claimEntry describes an entry of the claims list (panelList makes the
// component).
func (p *readerPage) claimEntry(a annotation.Annotation) claimItem {
	c := a.Claim
	v, _ := c.Verdict.OrDefault().Info()
	speaker := "speaker not given"
	if c.Speaker != "" {
		speaker = c.Speaker
	}
	it := claimItem{
		ID:           a.ID,
		Current:      p.selected == a.ID,
		Quote:        quoted(shorten(a.Quote.Exact, 140)),
		Verdict:      string(v.Verdict),
		Symbol:       v.Symbol,
		VerdictLabel: v.Label,
		Meta:         " · " + claimTypeName(c.Type) + " · " + speaker + " · " + evidenceCount(len(c.Evidence)),
		Orphan:       p.anchors[a.ID].Status == anchor.Orphan,
		// A claim from a class pack or an import names its author, as the
		// annotation list does, so a student tells the teacher's claims apart.
		By:   authorName(a, ws.Store().Prefs().Creator),
		Tags: a.Tags,
	}
	if c.Rationale != "" {
		it.Rationale = shorten(c.Rationale, 200)
	}
	return it
}
