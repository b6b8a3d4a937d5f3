package ui

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/share"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// claimsCompare lines up everyone's claims on an article with the verdict
// each person gave (a teacher's class, back from their class packs). The
// reader page shows its button when more than one person marked claims
// there; the comparison itself opens as a modal dialog as wide as the
// window, built for a class of 30: one row per claim, a column per
// person with a verdict symbol (never colour alone), the agreement at a
// glance, filters (disagreements only, one person), a scroll region the
// keyboard reaches, and the comparison as a CSV file.
type claimsCompare struct {
	app.Compo
	ArticleID string
	People    []string // the reader first, then the others by name
	Rows      []share.ClaimRow

	open         bool
	disagreeOnly bool
	person       string // one person's column only; "" for everyone
}

// The ids of the dialog and the button that opens it.
const (
	compareDialogID = "compare-dialog"
	compareOpenID   = "compare-open"
)

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

// OnUpdate runs when the rows change (a new import) or the reader moves
// to another article: a person no longer in the comparison is no filter.
func (c *claimsCompare) OnUpdate(ctx app.Context) {
	if c.person != "" && !containsString(c.People, c.person) {
		c.person = ""
	}
}

func (c *claimsCompare) openDialog(ctx app.Context, e app.Event) {
	c.open = true
	showModal(compareDialogID)
}

func (c *claimsCompare) closeDialog(ctx app.Context, e app.Event) {
	closeModal(compareDialogID) // its close event calls closed
}

// closed follows the dialog's close event (the Close button, or Escape).
func (c *claimsCompare) closed(ctx app.Context, e app.Event) {
	if !c.open {
		ctx.PreventUpdate()
		return
	}
	c.open = false
	focusElement(compareOpenID)
}

func (c *claimsCompare) downloadCSV(ctx app.Context, e app.Event) {
	people := c.shownPeople()
	data, name, err := share.CompareCSV(c.ArticleID, people, c.shownRows(), time.Now())
	if err != nil {
		sayError(ctx, "The comparison could not be saved: "+err.Error())
		return
	}
	downloadFile(name, "text/csv;charset=utf-8", data)
	say(ctx, fmt.Sprintf("Saved %s: %s, %s.", name, plural(len(c.shownRows()), "claim", "claims"), plural(len(people), "person", "people")))
}

// shownPeople are the columns: everyone, or the one person chosen.
func (c *claimsCompare) shownPeople() []string {
	if c.person != "" {
		return []string{c.person}
	}
	return c.People
}

// shownRows are the rows the filters keep.
func (c *claimsCompare) shownRows() []share.ClaimRow {
	var out []share.ClaimRow
	for _, r := range c.Rows {
		if c.disagreeOnly && (r.Agree || len(r.Verdicts) < 2) {
			continue
		}
		if c.person != "" {
			if _, ok := r.Verdicts[c.person]; !ok {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// agreementCounts says how many claims everyone who marked agrees on, and
// on how many verdicts differ.
func agreementCounts(rows []share.ClaimRow) (agree, differ int) {
	for _, r := range rows {
		switch {
		case len(r.Verdicts) < 2:
		case r.Agree:
			agree++
		default:
			differ++
		}
	}
	return agree, differ
}

func (c *claimsCompare) Render() app.UI {
	agree, differ := agreementCounts(c.Rows)
	return app.Div().Class("compare").Body(
		app.Button().Type("button").ID(compareOpenID).Aria("haspopup", "dialog").
			Text(fmt.Sprintf("Compare claims (%d people)", len(c.People))).OnClick(c.openDialog),
		app.P().Class("hint").Text(fmt.Sprintf("%s; all who marked it agree on %d, verdicts differ on %d.", plural(len(c.Rows), "claim", "claims"), agree, differ)),
		app.If(c.open, c.renderDialog),
	)
}

func (c *claimsCompare) renderDialog() app.UI {
	rows, people := c.shownRows(), c.shownPeople()
	agree, differ := agreementCounts(c.Rows)
	title := ""
	if a, ok := ws.Article(c.ArticleID); ok {
		title = a.Title
	}
	return app.Dialog().ID(compareDialogID).Class("compare-dialog").Aria("labelledby", "compare-heading").
		On("close", c.closed).Body(
		app.Header().Class("compare-head").Body(
			app.Div().Body(
				app.H2().ID("compare-heading").Text("Compare claims"),
				app.If(title != "", func() app.UI { return app.P().Class("compare-article").Text(title) }),
			),
			app.Button().Type("button").Class("quiet").Text("Close").OnClick(c.closeDialog),
		),
		app.P().Class("compare-summary").Text(fmt.Sprintf("%s and %s. All who marked it agree on %d; verdicts differ on %d.",
			plural(len(c.People), "person", "people"), plural(len(c.Rows), "claim", "claims"), agree, differ)),
		app.Div().Class("compare-tools").Body(
			app.Label().Class("choice").Body(
				app.Input().Type("checkbox").ID("compare-disagree").Checked(c.disagreeOnly).
					OnChange(func(ctx app.Context, e app.Event) { c.disagreeOnly = ctx.JSSrc().Get("checked").Bool() }),
				app.Text(" Disagreements only"),
			),
			app.Div().Class("compare-person").Body(
				app.Label().For("compare-person").Text("Show"),
				app.Select().ID("compare-person").
					OnChange(func(ctx app.Context, e app.Event) { c.person = ctx.JSSrc().Get("value").String() }).Body(
					app.Option().Value("").Selected(c.person == "").Text("Everyone"),
					app.Range(c.People).Slice(func(i int) app.UI {
						return app.Option().Value(c.People[i]).Selected(c.person == c.People[i]).Text(c.People[i])
					}),
				),
			),
			app.Button().Type("button").Text("Download CSV").OnClick(c.downloadCSV),
		),
		app.Ul().Class("compare-key").Aria("label", "Verdict symbols").Body(
			app.Range(annotation.Verdicts()).Slice(func(i int) app.UI {
				v := annotation.Verdicts()[i]
				return app.Li().Body(verdictMark(v.Verdict, false))
			}),
			app.Li().Body(app.Span().Class("vsym none").Aria("hidden", "true").Text("·"), app.Text(" not marked")),
		),
		app.Div().ID("compare-scroll").Class("compare-scroll").Role("region").Aria("label", "Claims compared, scrollable").TabIndex(0).Body(
			app.Table().Class("compare-table").Body(
				app.Caption().Class("visually-hidden").Text(fmt.Sprintf("%s, one row each; the agreement, then each person's verdict.", plural(len(rows), "claim", "claims"))),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Class("compare-claim").Text("Claim"),
					app.Th().Scope("col").Class("compare-agreement").Text("Agreement"),
					app.Range(people).Slice(func(i int) app.UI {
						return app.Th().Scope("col").Class("person-col").Title(people[i]).Body(app.Span().Text(people[i]))
					}),
				)),
				app.TBody().Body(
					app.Range(rows).Slice(func(i int) app.UI { return c.renderRow(rows[i], people) }),
				),
			),
			app.If(len(rows) == 0, func() app.UI {
				return app.P().Class("hint compare-empty").Text("No claim to show: every claim marked by more than one person has the same verdict from all of them.")
			}),
		),
	)
}

// renderRow is one claim: its passage, the agreement and each person's
// verdict.
func (c *claimsCompare) renderRow(r share.ClaimRow, people []string) app.UI {
	class := "agree"
	switch {
	case len(r.Verdicts) < 2:
		class = "single"
	case !r.Agree:
		class = "differ"
	}
	one := len(people) == 1
	return app.Tr().Class(class).Body(
		app.Th().Scope("row").Class("compare-claim").Text("“"+shorten(r.Quote, 140)+"”"),
		app.Td().Class("compare-agreement").Body(renderAgreement(r)),
		app.Range(people).Slice(func(j int) app.UI {
			v, ok := r.Verdicts[people[j]]
			if !ok {
				return app.Td().Class("vcell").Body(
					app.Span().Class("vsym none").Aria("hidden", "true").Text("·"),
					app.Span().Class("visually-hidden").Text("not marked"),
				)
			}
			return app.Td().Class("vcell").Body(verdictMark(v, !one))
		}),
	)
}

// verdictMark is a verdict's symbol on its colour, with its name for
// screen readers (hidden) or for the eye.
func verdictMark(v annotation.Verdict, compact bool) app.UI {
	v = v.OrDefault()
	info, ok := v.Info()
	if !ok {
		info = annotation.VerdictInfo{Verdict: v, Label: string(v), Symbol: "•"}
	}
	name := app.Span().Class("visually-hidden").Text(info.Label)
	if !compact {
		name = app.Span().Class("vname").Text(" " + info.Label)
	}
	return app.Span().Class("vmark").Title(info.Label).Body(
		app.Span().Class("vsym verdict-"+cssClass(string(v))).Aria("hidden", "true").Text(info.Symbol),
		name,
	)
}

// renderAgreement is the agreement at a glance: in words, the verdicts
// given with their counts, and a bar as long as the share of the most
// given one.
func renderAgreement(r share.ClaimRow) app.UI {
	tally := r.Tally()
	most := r.Agreement()
	words := agreement(r)
	if len(r.Verdicts) > 1 && !r.Agree {
		words = fmt.Sprintf("≠ %d%% agree", int(most*100+0.5))
	}
	if len(r.Verdicts) > 1 && r.Agree {
		words = fmt.Sprintf("✓ all %d agree", len(r.Verdicts))
	}
	return app.Div().Class("agreement").Body(
		app.Span().Class("agree-words").Text(words),
		app.Span().Class("tally").Body(
			app.Range(tally).Slice(func(i int) app.UI {
				t := tally[i]
				info, _ := t.Verdict.Info()
				return app.Span().Class("tally-item").Body(
					app.Span().Class("vsym verdict-"+cssClass(string(t.Verdict))).Aria("hidden", "true").Text(info.Symbol),
					app.Span().Aria("hidden", "true").Text(strconv.Itoa(t.N)),
					app.Span().Class("visually-hidden").Text(fmt.Sprintf("%d %s", t.N, info.Label)),
				)
			}),
		),
		app.If(len(tally) > 0, func() app.UI {
			return app.Span().Class("agree-bar").Aria("hidden", "true").Body(
				app.Span().Class(fmt.Sprintf("agree-fill agree-%d verdict-%s", int(most*10+0.5)*10, cssClass(string(tally[0].Verdict)))),
			)
		}),
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

// cssClass keeps the letters, digits and dashes of a machine value.
func cssClass(s string) string {
	b := []byte(s)
	out := b[:0]
	for _, c := range b {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' {
			out = append(out, c)
		}
	}
	return string(out)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
