package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// siteHeader is the bar at the top of every page: the way home and, in the
// live app, the search box.
type siteHeader struct {
	app.Compo
}

func newSiteHeader() *siteHeader { return &siteHeader{} }

func (h *siteHeader) Render() app.UI {
	return app.Header().Class("site-header").Body(
		app.A().Class("brand").Href("/").Body(
			app.Img().Src("/web/icon.svg").Role("presentation").Width(28).Height(28),
			app.Span().Text("Annotator"),
		),
		app.Nav().Aria("label", "Site").Body(
			app.A().Href("/").Text("Library"),
		),
		newSearchBox(),
		newAppStatus(),
		newKeyboardHelp(),
	)
}
