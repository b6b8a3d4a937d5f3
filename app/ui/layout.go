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
		app.Div().Class(pageClass(len(aside) > 0)).Body(
			app.Main().ID("main").Class("main").TabIndex(-1).Body(main),
			app.If(len(aside) > 0, func() app.UI {
				return app.Aside().Class("sidebar").Body(aside...)
			}),
		),
		newStatusBar(),
		crashTestControl(),
	)
}

// markLive tells tests and scripts that the wasm app, not the prerendered
// page, now owns the document.
func markLive() {
	if app.IsClient {
		endMountSlicesSoon()
		app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app", "live")
	}
}

// pageClass marks a page with a side panel; a class rather than the CSS
// :has() selector, which the browser re-checks on every change to the page.
func pageClass(withSidebar bool) string {
	if withSidebar {
		return "page with-sidebar"
	}
	return "page"
}
