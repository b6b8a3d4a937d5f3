package ui

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// libraryPage is "/": every article, bundled and the reader's own, each a
// link to its reader page.
type libraryPage struct {
	app.Compo
	// server is the host's library, to prerender the page; nil in the browser.
	server    ServerLibrary
	summaries []article.Summary
	// index carries the prerendered library to the live app (see
	// encodeIndex); it is empty once the app runs.
	index   string
	loading bool
	loadErr string
	fetched libraryFetch

	unlisten func()
}

func newLibraryPage(server ServerLibrary) *libraryPage { return &libraryPage{server: server} }

func (p *libraryPage) OnPreRender(ctx app.Context) {
	ctx.Page().SetTitle("Library · Annotator")
	if p.server != nil {
		p.summaries = p.server.Summaries()
		p.index = encodeIndex(p.summaries)
	}
}

// OnInit runs before the live app replaces the prerendered page: the last
// moment to read the library index out of it.
func (p *libraryPage) OnInit() {
	if !app.IsClient {
		return
	}
	mountSlice()
	if len(ws.bundled) == 0 {
		ws.bundled = prerenderedLibrary()
	}
	// The first render shows the list the page already shows: no empty
	// library flashes between the prerendered page and the live one.
	p.summaries = ws.Summaries()
	p.loading = len(ws.bundled) == 0
	mountSlice() // the render and the mount that follow are a task of their own
}

func (p *libraryPage) OnNav(ctx app.Context) {
	if app.IsServer {
		return // OnPreRender did the work.
	}
	ctx.Page().SetTitle("Library · Annotator")
	p.summaries = ws.Summaries()
	p.loading = len(ws.bundled) == 0
	ctx.NewAction(actionFetchLibrary)
}

// onLibraryFetched follows the library index's fetch (library.go).
func (p *libraryPage) onLibraryFetched() {
	p.loading = false
	if p.fetched.Err != "" {
		p.loadErr = "The bundled library could not be loaded: " + p.fetched.Err
		return
	}
	p.loadErr = ""
	p.summaries = ws.Summaries()
}

func (p *libraryPage) OnMount(ctx app.Context) {
	markLive()
	ctx.ObserveState(stateLibrary, &p.fetched).OnChange(p.onLibraryFetched)
	ctx.Handle(actionLibraryChanged, func(ctx app.Context, a app.Action) {
		p.summaries = ws.Summaries()
	})
	p.unlisten = listenStorage(ctx, p.onStorage)
}

func (p *libraryPage) OnDismount() {
	if p.unlisten != nil {
		p.unlisten()
		p.unlisten = nil
	}
}

// onStorage merges another tab's change to this browser's storage and
// follows its articles: one added or removed there shows here.
func (p *libraryPage) onStorage(ctx app.Context, key, value string) {
	changed, err := ws.Store().ApplyExternal(key, value)
	if err != nil {
		sayError(ctx, "A change from another tab could not be merged: "+err.Error())
		return
	}
	ws.search.ChangedAll(changed)
	if len(changed) == 0 {
		ctx.PreventUpdate()
		return
	}
	p.summaries = ws.Summaries()
}

// actionLibraryChanged is posted when the reader adds or removes an article.
const actionLibraryChanged = "library-changed"

func (p *libraryPage) remove(id, title string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if !confirmDialog(fmt.Sprintf("Remove “%s” and its annotations from this browser?", title)) {
			return
		}
		if err := ws.Store().RemoveLocalArticle(id); err != nil {
			sayError(ctx, "The article could not be removed: "+err.Error())
			return
		}
		ws.search.Changed(id, nil)
		p.summaries = ws.Summaries()
		say(ctx, fmt.Sprintf("Removed “%s”.", title))
	}
}

func (p *libraryPage) Render() app.UI {
	var tallies map[string]store.Tally
	var opened map[string]time.Time
	if app.IsClient {
		tallies, opened = ws.Store().Tallies(), ws.Store().Opened()
	}
	now := time.Now()
	return pageLayout(app.Div().Class("library").Body(
		app.Div().Class("library-head").Body(
			app.H1().Text("Library"),
		),
		app.P().Class("lede").Text("Open an article to read it closely: highlight, note, tag and check its claims. Everything you write stays in this browser."),
		app.If(p.loadErr != "", func() app.UI {
			return app.P().Class("problem").Role("alert").Text(p.loadErr)
		}),
		app.If(len(p.summaries) == 0 && !p.loading && p.loadErr == "", func() app.UI {
			return app.P().Text("The library is empty. Add an article of your own below.")
		}),
		app.Ul().Class("article-list").Aria("label", "Articles").DataSet("index", p.index).Body(
			app.Range(p.summaries).Slice(func(i int) app.UI {
				s := p.summaries[i]
				t := tallies[s.ID]
				return app.Li().Class("article-item").Body(
					app.A().Href("/read/"+s.ID).Body(
						app.Span().Class("article-title").Text(s.Title),
						app.Span().Class("article-meta").Text(summaryMeta(s)),
						app.If(!app.IsClient, func() app.UI {
							// The reader's own counts are in their browser
							// only: the prerendered page keeps their line's
							// room with an invisible pill, so that the cards
							// do not grow (and the page below them shift)
							// when the app takes over.
							return app.Span().Class("article-stats").Aria("hidden", "true").Body(
								app.Span().Class("placeholder").Text(plural(0, "annotation", "annotations")),
							)
						}),
						app.If(app.IsClient, func() app.UI {
							return app.Span().Class("article-stats").Body(
								app.Span().Text(plural(t.Annotations, "annotation", "annotations")),
								app.If(t.Claims > 0, func() app.UI {
									return app.Span().Text(plural(t.Claims, "claim", "claims"))
								}),
								app.Span().Class("opened").Text(openedAgo(opened[s.ID], now)),
							)
						}),
					),
					app.If(s.Origin == "local", func() app.UI {
						return app.Button().Type("button").Class("quiet").
							Aria("label", "Remove "+s.Title).Text("Remove").
							OnClick(p.remove(s.ID, s.Title), app.EventScope(s.ID))
					}),
				)
			}),
		),
		app.Div().Class("library-tools").Body(
			newAddArticle(),
			app.Div().Class("library-share").Body(newSharePanel("")),
		),
		// Last on the page: what the browser says about its storage comes
		// once the app runs, and anywhere above it would push the library
		// down as it appears (a layout shift, on a phone most of a screen).
		newStorageNote(),
	))
}

// summaryMeta is the line under a title: source, author, date, length,
// origin.
func summaryMeta(s article.Summary) string {
	var parts []string
	if s.Source != "" {
		parts = append(parts, sourceName(s.Source))
	}
	if s.Author != "" {
		parts = append(parts, s.Author)
	}
	if s.Published != "" {
		parts = append(parts, s.Published)
	}
	parts = append(parts, fmt.Sprintf("%d words", s.Words))
	if s.Origin == "local" {
		parts = append(parts, "yours, in this browser")
	}
	return " " + strings.Join(parts, " · ")
}

// sourceName shortens a web address to its host, as a card names its
// source; any other source is kept as it is.
func sourceName(src string) string {
	if !isHTTPURL(src) {
		return src
	}
	host := src[strings.Index(src, "//")+2:]
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	return strings.TrimPrefix(host, "www.")
}

// openedAgo says when an article was last opened, as the library shows it.
func openedAgo(at, now time.Time) string {
	if at.IsZero() {
		return "not opened yet"
	}
	y1, m1, d1 := at.Date()
	y2, m2, d2 := now.Date()
	days := int(time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC).Sub(time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	switch {
	case days <= 0:
		return "opened today"
	case days == 1:
		return "opened yesterday"
	case days < 7:
		return fmt.Sprintf("opened %d days ago", days)
	case y1 == y2:
		return "opened " + at.Format("2 Jan")
	}
	return "opened " + at.Format("2 Jan 2006")
}

// encodeIndex writes the library index into the prerendered page, so the
// live app shows the same list at once instead of an empty one until its
// fetch returns. It is base64: go-app's server-side encoder quotes
// attribute values Go-style, which mangles JSON's quotes.
func encodeIndex(s []article.Summary) string {
	data, err := json.Marshal(s)
	if err != nil {
		return ""
	}
	return base64.StdEncoding.EncodeToString(data)
}

func decodeIndex(v string) []article.Summary {
	data, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return nil
	}
	var out []article.Summary
	if json.Unmarshal(data, &out) != nil {
		return nil
	}
	return out
}
