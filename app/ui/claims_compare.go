package ui

import (
	"fmt"
	"sort"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/share"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// claimsCompare lines up everyone's claims on an article with the verdict
// each person gave (a teacher's class, back from their class packs). The
// reader page shows it when more than one person marked claims there.
type claimsCompare struct {
	app.Compo
	People []string // the reader first, then the others by name
	Rows   []share.ClaimRow
}

// compareClaims groups the claims among anns by who made them (the reader
// as me, or "You") and lines them up over text; people is empty when fewer
// than two people marked claims.
func compareClaims(anns []annotation.Annotation, text *anchor.Text, me string) (people []string, rows []share.ClaimRow) {
	myName := me
	if myName == "" {
		myName = "You"
	}
	by := map[string][]annotation.Annotation{}
	for _, a := range anns {
		if a.Kind != annotation.KindClaim || a.Claim == nil {
			continue
		}
		who := authorName(a, me)
		if who == "" {
			who = myName
		}
		by[who] = append(by[who], a)
	}
	if len(by) < 2 {
		return nil, nil
	}
	for who := range by {
		if who != myName {
			people = append(people, who)
		}
	}
	sort.Strings(people)
	if _, ok := by[myName]; ok {
		people = append([]string{myName}, people...)
	}
	return people, share.Compare(by, text)
}

func (c *claimsCompare) Render() app.UI {
	people, rows := c.People, c.Rows
	agree := 0
	for _, r := range rows {
		if r.Agree && len(r.Verdicts) > 1 {
			agree++
		}
	}
	return app.Details().Class("compare").Body(
		app.Summary().Text(fmt.Sprintf("Compare claims (%d people)", len(people))),
		app.P().Class("hint").Text(fmt.Sprintf("%s; everyone who marked it agrees on %d.", plural(len(rows), "claim", "claims"), agree)),
		app.Div().Class("table-scroll").Body(
			app.Table().Aria("label", "Claims compared").Body(
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("Claim"),
					app.Range(people).Slice(func(i int) app.UI { return app.Th().Scope("col").Text(people[i]) }),
					app.Th().Scope("col").Text("Agreement"),
				)),
				app.TBody().Body(
					app.Range(rows).Slice(func(i int) app.UI {
						r := rows[i]
						return app.Tr().Body(
							app.Th().Scope("row").Class("compare-quote").Text("“"+shorten(r.Quote, 90)+"”"),
							app.Range(people).Slice(func(j int) app.UI {
								v, ok := r.Verdicts[people[j]]
								if !ok {
									return app.Td().Class("muted").Text("— not marked")
								}
								info, _ := v.Info()
								return app.Td().Body(app.Span().Class("verdict verdict-" + string(v)).Text(info.Symbol + " " + info.Label))
							}),
							app.Td().Text(agreement(r)),
						)
					}),
				),
			),
		),
	)
}

// agreement says in words whether the verdicts on a claim agree.
func agreement(r share.ClaimRow) string {
	switch {
	case len(r.Verdicts) < 2:
		return "– only one person marked it"
	case r.Agree:
		return "✓ all agree"
	default:
		return "≠ verdicts differ"
	}
}
