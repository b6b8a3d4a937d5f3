// Command coldbaseline is TestBenchColdStart's baseline: the smallest go-app
// app, built on the same patched go-app with the same flags, that takes
// over Annotator's prerendered pages and marks itself live as the app does.
// Its cold start is the floor that Go's runtime, go-app and this machine
// set; the app's own start is reported as a ratio to it.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type page struct{ app.Compo }

func (p *page) Render() app.UI { return app.Div().Text("Hello") }

func (p *page) OnMount(ctx app.Context) {
	app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app", "live")
}

func main() {
	app.Route("/", func() app.Composer { return &page{} })
	app.RouteWithRegexp(`^/read/`, func() app.Composer { return &page{} })
	app.RunWhenOnBrowser()
}
