package ui

import (
	"fmt"

	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// sharePage is /share?title=&text=&url=, the page the installed app opens
// when a reader shares a page or a selection to it from another app (the
// manifest's share target, app/host/manifest.go). It adds the article and
// opens it: a shared address is fetched as one typed in the add box
// (add_address.go), or waits until the browser is online; shared text is
// added at once, offline too. The static site serves it as
// share/index.html, at /share/.
type sharePage struct {
	app.Compo
	item    sharedItem
	started bool
	problem string
	changes int // stateAddress
}

func newSharePage() *sharePage { return &sharePage{} }

// isSharePath reports whether path is the share target's page.
func isSharePath(path string) bool { return path == "/share" || path == "/share/" }

func (p *sharePage) OnPreRender(ctx app.Context) {
	ctx.Page().SetTitle("Add a shared article · Annotator")
}

func (p *sharePage) OnMount(ctx app.Context) {
	markLive()
	ctx.ObserveState(stateAddress, &p.changes).OnChange(p.onAddressChange)
	watchOnline(ctx)
}

func (p *sharePage) OnNav(ctx app.Context) {
	if app.IsServer {
		return
	}
	ctx.Page().SetTitle("Add a shared article · Annotator")
	item := readShare(queryParam("title"), queryParam("text"), queryParam("url"))
	if item.Address == "" && item.Text == "" {
		if !p.started {
			p.problem = "Nothing was shared with Annotator. Share a web page or a passage of text to it from another app, or add an article in the library."
		}
		return
	}
	// What was shared is read: Back must not add it again.
	replaceAddress(currentPath())
	p.started, p.item, p.problem = true, item, ""
	if item.Text != "" {
		p.addText(ctx)
		return
	}
	requestAddress(ctx, addressRequest{URL: item.Address, Title: item.Title, Open: true, From: currentPath()})
	p.onAddressChange()
}

// addText adds shared text as an article, its title on the first line.
func (p *sharePage) addText(ctx app.Context) {
	data := []byte(p.item.Text)
	a, err := article.ParseText(localID(data), data)
	if err != nil {
		p.problem = "The shared text could not be added: " + explainArticleError(err)
		return
	}
	a.Source, a.Origin = p.item.Address, "local"
	if err := ws.Store().PutLocalArticle(a); err != nil {
		p.problem = "The shared text could not be kept: " + writeProblem(err)
		return
	}
	say(ctx, fmt.Sprintf("Added “%s” to your library.", a.Title))
	ctx.Navigate("/read/" + a.ID)
}

// onAddressChange follows the shared address's request: the page is
// opened by finishAddress; a problem or the wait is shown here.
func (p *sharePage) onAddressChange() {
	if p.item.Address == "" || p.item.Text != "" {
		return
	}
	if o, ok := ws.adding.outcome(p.item.Address); ok && o.Problem != "" {
		p.problem = o.Problem
	}
}

func (p *sharePage) Render() app.UI {
	addr := p.item.Address
	fetching := addr != "" && ws.adding.isFetching(addr)
	o, done := ws.adding.outcome(addr)
	status := ""
	switch {
	case !p.started && p.problem == "":
		status = "Adding the shared article…"
	case fetching:
		status = "Fetching " + addr + "… This takes a few seconds."
	case done && o.Waiting:
		status = o.Message
	}
	return pageLayout(app.Div().Class("share-page").Body(
		app.H1().Text("Add a shared article"),
		app.P().Role("status").Text(status),
		app.If(p.problem != "", func() app.UI {
			return app.P().Class("problem").Role("alert").Text(p.problem)
		}),
		app.P().Body(app.A().Href("/").Text("Go to the library")),
	))
}
