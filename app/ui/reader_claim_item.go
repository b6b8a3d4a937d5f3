package ui

import (
	"github.com/annotator/annotator/app/anchor"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// claimItem is one entry of the claims panel's list. As annotationItem,
// its fields are plain values so that go-app draws it again only when
// they change: the reader page renders on every selection and keystroke,
// and building and comparing each claim's elements anew (87 claims on the
// article of 1,000 annotations) cost more than comparing these fields.
type claimItem struct {
	app.Compo
	ID string
	// Current says its card is open.
	Current bool
	// Quote is the claim's quote, shortened and in quotation marks.
	Quote string
	// Verdict, Symbol and VerdictLabel are its verdict's value, symbol
	// and name.
	Verdict, Symbol, VerdictLabel string
	// Meta is its type, speaker and evidence, after the verdict.
	Meta string
	// Orphan says its passage is no longer in the text.
	Orphan bool
	// By names the claim's author when it is not the reader.
	By string
	// Rationale is its rationale, shortened.
	Rationale string
	Tags      []string
}

// actionOpenClaim opens a claim's card from the claims list.
const actionOpenClaim = "open-claim"

func (it *claimItem) open(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionOpenClaim, it.ID)
}

func (it *claimItem) Render() app.UI {
	return app.Li().Class("claim-item").DataSet("annotation-id", it.ID).Body(
		app.Button().Type("button").Class("annotation-open").
			Aria("current", map[bool]string{true: "true", false: "false"}[it.Current]).
			OnClick(it.open).
			Body(
				app.Span().Class("quote").Text(it.Quote),
				app.Span().Class("meta").Body(
					app.Span().Class("verdict verdict-"+it.Verdict).Body(
						app.Span().Class("verdict-symbol").Aria("hidden", "true").Text(it.Symbol+" "),
						app.Text(it.VerdictLabel),
					),
					app.Text(it.Meta),
					app.If(it.Orphan, func() app.UI { return app.Text(" · not found in the text") }),
				),
				app.If(it.By != "", func() app.UI { return app.Span().Class("by").Text("by " + it.By) }),
			),
		app.If(it.Rationale != "", func() app.UI { return app.P().Class("note-preview").Text(it.Rationale) }),
		app.If(len(it.Tags) > 0, func() app.UI { return tagList(it.Tags) }),
	)
}

// onOpenClaim handles actionOpenClaim: the claim's card, and its text
// brought into view unless it is an orphan.
func (p *readerPage) onOpenClaim(ctx app.Context, a app.Action) {
	id, ok := a.Value.(string)
	if !ok || p.index(id) < 0 {
		return
	}
	p.open(ctx, id, p.anchors[id].Status != anchor.Orphan)
}
