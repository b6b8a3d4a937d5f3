package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// annotationItem is one entry of the side panel's list. Its fields are
// plain values so that go-app redraws it only when they change; a click
// posts an action rather than calling back into the page.
type annotationItem struct {
	app.Compo
	ID    string
	Quote string
	Meta  string
	Note  string
	Tags  []string
	// By names the annotation's author when it is not the reader.
	By string
}

func (it *annotationItem) open(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionOpenAnnotation, it.ID)
}

func (it *annotationItem) Render() app.UI {
	return app.Li().Class("annotation-item").DataSet("annotation-id", it.ID).Body(
		app.Button().Type("button").Class("annotation-open").OnClick(it.open).Body(
			app.Span().Class("quote").Text("“"+it.Quote+"”"),
			app.Span().Class("meta").Text(it.Meta),
			app.If(it.By != "", func() app.UI { return app.Span().Class("by").Text("by " + it.By) }),
		),
		app.If(it.Note != "", func() app.UI { return app.P().Class("note-preview").Text(it.Note) }),
		app.If(len(it.Tags) > 0, func() app.UI { return tagList(it.Tags) }),
	)
}
