package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/share"
	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// exportFormat is one choice of the Export menu.
type exportFormat struct {
	Label, Mime string
	make        func(share.Export) ([]byte, string, error)
	claims      bool // counts claims rather than annotations
}

var exportFormats = []exportFormat{
	{"W3C Web Annotations (.jsonld)", "application/ld+json", share.Export.W3C, false},
	{"Markdown (.md)", "text/markdown;charset=utf-8", share.Export.Markdown, false},
	{"Annotated HTML (.html)", "text/html;charset=utf-8", share.Export.HTML, false},
	{"CSV (.csv)", "text/csv;charset=utf-8", share.Export.CSV, false},
	{"ClaimReview (.json)", "application/json", share.Export.ClaimReview, true},
}

// sharePanel exports an article (ArticleID) or the whole library (no
// ArticleID), and copies share links; its importPanel (import_preview.go)
// imports files and share links with a preview.
type sharePanel struct {
	app.Compo
	ArticleID string

	menuOpen bool
	busy     string // what is under way, for the reader

	// packOpen shows the class pack form (class_pack.go) in the menu.
	packOpen bool

	link string

	instr store.Instructions

	// ctx is the component's own context: work that ends later is
	// dispatched with it, since the element that started it (a file input,
	// a button) may be redrawn in between and would drop the dispatch.
	ctx app.Context
}

func (s *sharePanel) dispatch(fn func(app.Context)) { s.ctx.Dispatch(fn) }

func newSharePanel(articleID string) *sharePanel { return &sharePanel{ArticleID: articleID} }

// OnInit reads the instructions before the first render in the browser,
// so that OnMount changes nothing drawn.
func (s *sharePanel) OnInit() {
	mountSlice() // mount_slices.go
	if app.IsClient {
		s.loadInstructions()
	}
}

func (s *sharePanel) OnMount(ctx app.Context) {
	mountSlice()
	s.ctx = ctx
	// An import may bring a class pack's instructions for this article.
	ctx.Handle(actionImported, func(ctx app.Context, a app.Action) { s.loadInstructions() })
	ctx.Handle(actionPackSaved, s.packSaved)
	// go-app dispatches OnMount, which would render the whole reader page
	// again: nothing drawn has changed.
	ctx.PreventUpdate()
}

// OnUpdate runs when the reader moves to another article in the same page.
func (s *sharePanel) OnUpdate(ctx app.Context) {
	s.menuOpen, s.packOpen, s.link = false, false, ""
	s.loadInstructions()
}

// loadInstructions reads the instructions of the class pack that brought
// this article, if one did.
func (s *sharePanel) loadInstructions() {
	s.instr = store.Instructions{}
	if s.ArticleID != "" {
		s.instr, _ = ws.Store().Instructions(s.ArticleID)
	}
}

// ---- exports ----

// The Export control is a menu button (WAI-ARIA's pattern): Enter, Space
// or the down arrow opens the menu on its first item, the up arrow on its
// last; the arrows, Home and End move through the items, Enter chooses,
// Escape closes it and gives the focus back to the button, and Tab, or a
// click elsewhere, closes it.

func (s *sharePanel) toggleMenu(ctx app.Context, e app.Event) {
	s.menuOpen = !s.menuOpen
	if s.menuOpen {
		s.packOpen = false
		focusSoon(exportItemID(0))
	}
}

// exportItemID is the id of the export menu's item i.
func exportItemID(i int) string { return "export-item-" + strconv.Itoa(i) }

// menuItems is how many items the export menu has.
func (s *sharePanel) menuItems() int {
	if s.ArticleID == "" {
		return len(exportFormats)
	}
	return len(exportFormats) + 1 // and the class pack
}

// onExportButtonKey opens the menu from its button by an arrow key, on
// its first item (down) or its last (up).
func (s *sharePanel) onExportButtonKey(ctx app.Context, e app.Event) {
	key := e.Get("key").String()
	if key != "ArrowDown" && key != "ArrowUp" {
		ctx.PreventUpdate()
		return
	}
	e.PreventDefault()
	e.StopImmediatePropagation()
	s.menuOpen, s.packOpen = true, false
	if key == "ArrowUp" {
		focusSoon(exportItemID(s.menuItems() - 1))
	} else {
		focusSoon(exportItemID(0))
	}
}

// onExportKey moves through the menu's items by the arrows, Home and End,
// and closes the menu (and the class pack form) on Escape, handing the
// focus back to the Export button.
func (s *sharePanel) onExportKey(ctx app.Context, e app.Event) {
	key := e.Get("key").String()
	switch {
	case key == "Escape" && (s.menuOpen || s.packOpen):
		e.PreventDefault() // used: the phone's sheet stays open (onSheetKey)
		s.menuOpen, s.packOpen = false, false
		focusElement("export-button")
	case s.menuOpen && (key == "ArrowDown" || key == "ArrowUp" || key == "Home" || key == "End") &&
		e.Get("target").Call("getAttribute", "role").String() == "menuitem":
		e.PreventDefault()
		moveMenuFocus("export-menu", key)
		ctx.PreventUpdate()
	default:
		ctx.PreventUpdate()
	}
}

// onExportFocusOut closes the menu when the focus leaves it (Tab, or a
// click elsewhere).
func (s *sharePanel) onExportFocusOut(ctx app.Context, e app.Event) {
	if !s.menuOpen || focusWithin(e, "export-area") {
		ctx.PreventUpdate()
		return
	}
	s.menuOpen = false
}

func (s *sharePanel) export(f exportFormat) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if s.ArticleID == "" {
			s.exportLibrary(ctx, f)
			return
		}
		art, ok := ws.Article(s.ArticleID)
		if !ok {
			sayError(ctx, "This article is not at hand: reload the page and try again.")
			return
		}
		anns := ws.Store().Annotations(s.ArticleID)
		s.save(ctx, f, share.Export{Items: []share.Item{{Article: art, Annotations: anns, Anchors: readerAnchors(s.ArticleID)}}}, "")
	}
}

// save makes one export, downloads it and says what was saved.
func (s *sharePanel) save(ctx app.Context, f exportFormat, e share.Export, extra string) {
	e.Date = time.Now()
	prefs := ws.Store().Prefs()
	e.Reviewer = prefs.Creator
	e.Labels = annotation.LabelNames(prefs.LabelNames) // the reader's names reach the file
	e.ClaimLink = claimLink
	data, name, err := f.make(e)
	if err != nil {
		sayError(ctx, "The export failed: "+err.Error())
		return
	}
	downloadFile(name, f.Mime, data)
	s.menuOpen = false
	focusElement("export-button") // the menu and its buttons are gone
	n, articles := 0, len(e.Items)
	for _, it := range e.Items {
		for _, a := range it.Annotations {
			if !a.Deleted && (!f.claims || (a.Kind == annotation.KindClaim && a.Claim != nil)) {
				n++
			}
		}
	}
	what := plural(n, "annotation", "annotations")
	if f.claims {
		what = plural(n, "claim", "claims")
	}
	if s.ArticleID == "" {
		what += " on " + plural(articles, "article", "articles")
	}
	say(ctx, "Saved "+name+": "+what+"."+extra)
}

// exportLibrary exports every article that has annotations. Bundled
// articles not yet at hand are fetched first: the exports need their text.
func (s *sharePanel) exportLibrary(ctx app.Context, f exportFormat) {
	all := ws.Store().All()
	if len(all) == 0 {
		sayError(ctx, "There are no annotations in this library yet: nothing to export.")
		return
	}
	order := map[string]int{}
	for i, sum := range ws.Summaries() {
		order[sum.ID] = i + 1
	}
	ids := make([]string, 0, len(all))
	var missing []string
	for id := range all {
		ids = append(ids, id)
		if _, ok := ws.Article(id); !ok {
			missing = append(missing, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool {
		oi, oj := order[ids[i]], order[ids[j]]
		if (oi == 0) != (oj == 0) {
			return oi != 0
		}
		if oi != oj {
			return oi < oj
		}
		return ids[i] < ids[j]
	})
	s.busy = "Preparing the export…"
	ctx.Async(func() {
		fetched := map[string]*article.Article{}
		for _, id := range missing {
			if a, err := fetchArticle(id); err == nil {
				fetched[id] = a
			}
		}
		s.dispatch(func(ctx app.Context) {
			s.busy = ""
			for id, a := range fetched {
				ws.articles[id] = a
			}
			var items []share.Item
			left := 0
			for _, id := range ids {
				a, ok := ws.Article(id)
				if !ok {
					left += len(all[id])
					continue
				}
				items = append(items, share.Item{Article: a, Annotations: all[id], Anchors: readerAnchors(id)})
			}
			if len(items) == 0 {
				sayError(ctx, "The articles of your annotations could not be loaded, so nothing was exported. Check the connection and try again.")
				return
			}
			extra := ""
			if left > 0 {
				extra = fmt.Sprintf(" %s on articles that could not be loaded were left out.", plural(left, "annotation", "annotations"))
			}
			s.save(ctx, f, share.Export{Items: items, Library: true}, extra)
		})
	})
}

// openPack closes the menu and opens the class pack form under it (a
// menu holds only its items), which takes the focus (class_pack.go).
func (s *sharePanel) openPack(ctx app.Context, e app.Event) {
	s.menuOpen, s.packOpen = false, true
}

// packSaved closes the class pack form once it saved a pack or was
// cancelled: its fields are gone, so the focus goes back to Export.
func (s *sharePanel) packSaved(ctx app.Context, a app.Action) {
	s.packOpen, s.menuOpen = false, false
	focusElement("export-button")
}

// ---- share links ----

func (s *sharePanel) copyLink(ctx app.Context, e app.Event) {
	art, ok := ws.Article(s.ArticleID)
	if !ok {
		return
	}
	anns := ws.Store().Annotations(s.ArticleID)
	if len(anns) == 0 {
		sayError(ctx, "There are no annotations on this article to share yet.")
		return
	}
	// The browser compresses asynchronously: the clipboard is asked now,
	// during the click, and given the link once it is made; the link and
	// the copy come back through the panel's own context.
	note := ""
	if art.Origin == "local" {
		note = " This article is only in your browser: the link works where the article is too. To hand out the article itself, export a class pack."
	}
	n := len(anns)
	give := copyTextSoon(s.ctx, func(ctx app.Context, ok bool) {
		if ok {
			say(ctx, "Copied a share link with "+plural(n, "annotation", "annotations")+"."+note)
		} else {
			say(ctx, "The clipboard is not available: copy the share link from the field below."+note)
			ctx.Defer(func(app.Context) { focusElement("share-link") })
		}
	})
	makeShareLink(s.ctx, anns, art, func(ctx app.Context, frag string, err error) {
		if err != nil {
			give("")
			sayError(ctx, "No link was made: "+err.Error())
			return
		}
		s.link = absoluteURL("/read/"+art.ID) + frag
		give(s.link)
	})
}

// ---- rendering ----

func (s *sharePanel) Render() app.UI {
	lib := s.ArticleID == ""
	heading, scope := "Share", "This article and its annotations, as a file."
	if lib {
		heading, scope = "Export and import", "Every annotation in the library, in one file."
	}
	return app.Section().Class("share").Aria("labelledby", "share-heading").Body(
		app.H2().ID("share-heading").Text(heading),
		app.If(!lib && strings.TrimSpace(s.instr.Text) != "", s.renderInstructions),
		app.Div().ID("export-area").Class("export").OnKeyDown(s.onExportKey).On("focusout", s.onExportFocusOut).Body(
			// The button and its menu, which floats under it.
			app.Div().Class("export-anchor").Body(
				app.Button().Type("button").ID("export-button").
					Aria("haspopup", "menu").Aria("expanded", map[bool]string{true: "true", false: "false"}[s.menuOpen]).
					Aria("controls", "export-menu").Aria("describedby", "export-scope").
					Text("Export").OnClick(s.toggleMenu).OnKeyDown(s.onExportButtonKey),
				app.If(s.menuOpen, func() app.UI {
					return app.Ul().ID("export-menu").Class("menu export-menu").Role("menu").Aria("labelledby", "export-button").Body(
						app.Range(exportFormats).Slice(func(i int) app.UI {
							f := exportFormats[i]
							return app.Li().Role("none").Body(app.Button().Type("button").ID(exportItemID(i)).
								Role("menuitem").TabIndex(-1).
								Text(f.Label).OnClick(s.export(f), app.EventScope(f.Label)))
						}),
						app.If(!lib, func() app.UI {
							return app.Li().Role("none").Body(app.Button().Type("button").ID(exportItemID(len(exportFormats))).
								Role("menuitem").TabIndex(-1).
								Text("Class pack (.annotator.json)…").OnClick(s.openPack))
						}),
					)
				}),
			),
			app.P().ID("export-scope").Class("hint export-scope").Text(scope),
			app.If(s.packOpen && !lib, func() app.UI { return newClassPackForm(s.ArticleID) }),
		),
		app.If(s.busy != "", func() app.UI { return app.P().Class("hint").Role("status").Text(s.busy) }),
		newImportPanel(s.ArticleID),
		app.If(!lib, func() app.UI {
			return app.Div().Class("share-link").Body(
				app.Button().Type("button").Text("Copy share link").OnClick(s.copyLink),
				app.If(s.link != "", func() app.UI {
					return app.Div().Body(
						app.Label().For("share-link").Text("Share link"),
						app.Input().Type("text").ID("share-link").ReadOnly(true).Value(s.link).
							OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }),
						app.P().Class("hint").Text(fmt.Sprintf("The annotations travel inside the link (after the #), never through a server. Up to %d annotations.", share.MaxLinkAnns)),
					)
				}),
			)
		}),
	)
}

// renderInstructions shows a class pack's instructions on its article.
func (s *sharePanel) renderInstructions() app.UI {
	who := "Instructions"
	if s.instr.Creator != "" {
		who = "Instructions from " + s.instr.Creator
	}
	return app.Details().Class("instructions").Open(true).Body(
		app.Summary().Text(who),
		app.P().Class("note-preview").Text(s.instr.Text),
	)
}

// packsLine names who made the class packs of a several-file import.
func packsLine(packs []*share.ClassPack) string {
	var names []string
	seen := map[string]bool{}
	for _, pk := range packs {
		n := pk.Creator
		if n == "" {
			n = "someone unnamed"
		}
		if pk.Role != "" {
			n += " (" + pk.Role + ")"
		}
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	title := packs[0].Article.Title
	for _, pk := range packs[1:] {
		if pk.Article.Title != title {
			title = ""
		}
	}
	line := fmt.Sprintf("%d class packs, by %s", len(packs), strings.Join(names, ", "))
	if title != "" {
		line += " on “" + title + "”"
	}
	return line + "."
}
