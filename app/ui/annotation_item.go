package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// annotationItem is one entry of the side panel's list. Its fields are
// plain values so that go-app redraws it only when they change; a click
// posts an action rather than calling back into the page.
type annotationItem struct {
	app.Compo
	ID string
	// Current says its card is open.
	Current bool
	Quote   string
	Meta    string
	Note    string
	Tags    []string
	// By names the annotation's author when it is not the reader.
	By string
}

func (it *annotationItem) open(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionOpenAnnotation, it.ID)
}

func (it *annotationItem) Render() app.UI {
	return app.Li().Class("annotation-item").DataSet("annotation-id", it.ID).Body(
		app.Button().Type("button").Class("annotation-open").
			Aria("current", map[bool]string{true: "true", false: "false"}[it.Current]).
			OnClick(it.open).Body(
			app.Span().Class("quote").Text(quoted(it.Quote)),
			app.Span().Class("meta").Text(it.Meta),
			app.If(it.By != "", func() app.UI { return app.Span().Class("by").Text("by " + it.By) }),
		),
		app.If(it.Note != "", func() app.UI { return app.P().Class("note-preview").Text(it.Note) }),
		app.If(len(it.Tags) > 0, func() app.UI { return tagList(it.Tags) }),
	)
}

// quoted puts a quote in quotation marks, unless it already starts with
// one: a quote of “If we want…” shows one mark, not two.
func quoted(s string) string {
	for _, open := range []string{"“", "\"", "‘", "«", "„", "‚", "'", "「", "『"} {
		if strings.HasPrefix(s, open) {
			return s
		}
	}
	return "“" + s + "”"
}
