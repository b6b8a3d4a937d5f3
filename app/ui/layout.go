package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pageLayout is the frame every page shares: a skip link, the site header
// with the search box, and the page's main content.
func pageLayout(main app.UI, aside ...app.UI) app.UI {
	return app.Div().Class("layout").Body(
		app.A().Class("skip-link").Href("#main").Text("Skip to content"),
		newSiteHeader(),
		app.Div().Class("page").Body(
			app.Main().ID("main").Class("main").TabIndex(-1).Body(main),
			app.If(len(aside) > 0, func() app.UI {
				return app.Aside().Class("sidebar").Body(aside...)
			}),
		),
		newStatusBar(),
	)
}

// markLive tells tests and scripts that the wasm app, not the prerendered
// page, now owns the document.
func markLive() {
	if app.IsClient {
		app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app", "live")
	}
}
