package ui

import (
	"strings"

	"github.com/annotator/annotator/app/annotation"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// labelSettings lets a reader rename the highlight labels and set the name
// their annotations carry as creator. It is a closed <details>: its fields
// are drawn once it is opened, not in the page's first render, where they
// would be hidden work at the start (see "How a first visit starts" in the
// README).
type labelSettings struct {
	app.Compo
	open bool
}

func newLabelSettings() *labelSettings { return &labelSettings{} }

func (l *labelSettings) rename(key string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		v := strings.TrimSpace(ctx.JSSrc().Get("value").String())
		prefs := ws.Store().Prefs()
		if prefs.LabelNames == nil {
			prefs.LabelNames = map[string]string{}
		}
		if len([]rune(v)) > 40 {
			sayError(ctx, "A label name can be at most 40 characters.")
			return
		}
		if v == "" {
			delete(prefs.LabelNames, key)
		} else {
			prefs.LabelNames[key] = v
		}
		if err := ws.Store().SetPrefs(prefs); err != nil {
			reportWriteError(ctx, err)
		}
		ctx.NewAction(actionStoreChanged)
	}
}

func (l *labelSettings) setCreator(ctx app.Context, e app.Event) {
	v := strings.TrimSpace(ctx.JSSrc().Get("value").String())
	if len([]rune(v)) > 100 {
		sayError(ctx, "Your name can be at most 100 characters.")
		return
	}
	prefs := ws.Store().Prefs()
	prefs.Creator = v
	if err := ws.Store().SetPrefs(prefs); err != nil {
		reportWriteError(ctx, err)
		return
	}
	say(ctx, "Your new annotations will carry the name “"+v+"”.")
}

func (l *labelSettings) toggle(ctx app.Context, e app.Event) {
	open := ctx.JSSrc().Get("open").Bool()
	if open == l.open {
		ctx.PreventUpdate()
		return
	}
	l.open = open
}

func (l *labelSettings) Render() app.UI {
	return app.Details().Class("settings").Open(l.open).OnToggle(l.toggle).Body(
		app.Summary().Text("Labels and your name"),
		app.IfSlice(l.open, l.renderFields),
	)
}

func (l *labelSettings) renderFields() []app.UI {
	prefs := ws.Store().Prefs()
	names := annotation.LabelNames(prefs.LabelNames)
	return []app.UI{
		app.Div().Class("field").Body(
			app.Label().For("creator-name").Text("Your name (shown on annotations you share)"),
			app.Input().Type("text").ID("creator-name").Value(prefs.Creator).Attr("autocomplete", "name").OnChange(l.setCreator),
		),
		app.Range(annotation.Labels()).Slice(func(i int) app.UI {
			lb := annotation.Labels()[i]
			return app.Div().Class("field label-field").Body(
				app.Label().For("label-name-"+lb.Key).Body(
					app.Span().Class("swatch hl label-"+lb.Key).Aria("hidden", true).Text("Aa"),
					app.Text(" Name for the "+lb.Colour+" label ("+lb.Name+")"),
				),
				app.Input().Type("text").ID("label-name-"+lb.Key).Value(names.Name(lb.Key)).OnChange(l.rename(lb.Key), app.EventScope(lb.Key)),
			)
		}),
	}
}
