package ui

import (
	"errors"
	"fmt"
	"sort"
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
// ArticleID), imports files and share links with a preview, and copies
// share links. It also takes files dropped anywhere on the page.
type sharePanel struct {
	app.Compo
	ArticleID string

	menuOpen bool
	busy     string // what is under way, for the reader

	// packOpen shows the class pack form (class_pack.go) in the menu.
	packOpen bool

	link string

	importName string
	set        *share.ImportSet
	preview    *share.Preview
	importErr  string
	// unread lists the files of a several-file import that could not be
	// read, each with the reason; the others are previewed.
	unread []string
	result string
	added  []article.Summary

	instr store.Instructions

	unlisten func()
	// ctx is the component's own context: work that ends later is
	// dispatched with it, since the element that started it (a file input,
	// a button) may be redrawn in between and would drop the dispatch.
	ctx app.Context
}

func (s *sharePanel) dispatch(fn func(app.Context)) { s.ctx.Dispatch(fn) }

func newSharePanel(articleID string) *sharePanel { return &sharePanel{ArticleID: articleID} }

func (s *sharePanel) OnMount(ctx app.Context) {
	s.ctx = ctx
	s.loadInstructions(ctx)
	ctx.Handle(actionPackSaved, s.packSaved)
	s.unlisten = listenDrop(ctx, share.MaxImportBytes, s.received)
	if h := locationHash(); strings.HasPrefix(h, share.LinkPrefix) {
		clearLocationHash()
		readShareLink(ctx, h, func(ctx app.Context, data []byte, err error) {
			if err != nil {
				s.importErr = "The share link could not be opened: " + err.Error()
				return
			}
			s.parse(ctx, []importFile{{Name: share.LinkImportSource, Data: data}})
		})
	}
}

func (s *sharePanel) OnDismount() {
	if s.unlisten != nil {
		s.unlisten()
		s.unlisten = nil
	}
}

// OnUpdate runs when the reader moves to another article in the same page.
func (s *sharePanel) OnUpdate(ctx app.Context) {
	s.menuOpen, s.packOpen, s.link = false, false, ""
	s.clearImport()
	s.loadInstructions(ctx)
}

// loadInstructions reads the instructions of the class pack that brought
// this article, if one did.
func (s *sharePanel) loadInstructions(ctx app.Context) {
	s.instr = store.Instructions{}
	if s.ArticleID != "" {
		s.instr, _ = ws.Store().Instructions(s.ArticleID)
	}
}

func (s *sharePanel) clearImport() {
	s.importName, s.set, s.preview, s.importErr, s.unread, s.result, s.added = "", nil, nil, "", nil, "", nil
}

// ---- exports ----

func (s *sharePanel) toggleMenu(ctx app.Context, e app.Event) {
	s.menuOpen = !s.menuOpen
	if !s.menuOpen {
		s.packOpen = false
	}
}

// onExportKey closes the export menu on Escape and hands the focus back
// to the Export button.
func (s *sharePanel) onExportKey(ctx app.Context, e app.Event) {
	if !s.menuOpen || e.Get("key").String() != "Escape" {
		ctx.PreventUpdate()
		return
	}
	s.menuOpen, s.packOpen = false, false
	focusElement("export-button")
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
		s.save(ctx, f, share.Export{Items: []share.Item{{Article: art, Annotations: anns}}}, "")
	}
}

// save makes one export, downloads it and says what was saved.
func (s *sharePanel) save(ctx app.Context, f exportFormat, e share.Export, extra string) {
	e.Date = time.Now()
	prefs := ws.Store().Prefs()
	e.Reviewer = prefs.Creator
	e.Labels = annotation.LabelNames(prefs.LabelNames) // the reader's names reach the file
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
				items = append(items, share.Item{Article: a, Annotations: all[id]})
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

// togglePack opens or closes the class pack form.
func (s *sharePanel) togglePack(ctx app.Context, e app.Event) { s.packOpen = !s.packOpen }

// packSaved closes the menu once the class pack form saved a pack: the
// menu and its buttons are gone, so the focus goes back to Export.
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

// ---- imports ----

// importFile is one file read for an import, or why it could not be read.
type importFile struct {
	Name string
	Data []byte
	Err  error
}

func (s *sharePanel) onFile(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	readFiles(s.ctx, input.Get("files"), share.MaxImportBytes, func(ctx app.Context, files []importFile) {
		input.Set("value", "")
		s.received(ctx, files)
	})
}

// received takes the files chosen or dropped: one, or a class's worth.
func (s *sharePanel) received(ctx app.Context, files []importFile) {
	s.clearImport()
	if len(files) > share.MaxImportFiles {
		s.importErr = fmt.Sprintf("Nothing was imported: %d files were chosen, and an import takes at most %d at once.", len(files), share.MaxImportFiles)
		sayError(ctx, s.importErr)
		return
	}
	if len(files) == 1 && files[0].Err != nil {
		s.importErr = files[0].Err.Error()
		if strings.Contains(s.importErr, "over the limit") {
			s.importErr = fmt.Sprintf("%s (imports are limited to %d MB).", s.importErr, share.MaxImportBytes>>20)
		}
		sayError(ctx, s.importErr)
		return
	}
	s.parse(ctx, files)
}

// parse reads the files of an import and previews them, as one, against
// this browser's annotations. The library index is fetched first when it
// is not at hand, so that annotations on any bundled article are
// recognised. Of several files, those that cannot be read are listed and
// the others previewed; one file that cannot be read is the import's error.
func (s *sharePanel) parse(ctx app.Context, files []importFile) {
	s.clearImport()
	if len(files) == 1 {
		s.busy = "Reading " + files[0].Name + "…"
	} else {
		s.busy = fmt.Sprintf("Reading %d files…", len(files))
	}
	needLibrary := len(ws.bundled) == 0
	ctx.Async(func() {
		var bundled []article.Summary
		if needLibrary {
			bundled, _ = fetchLibrary()
		}
		s.dispatch(func(ctx app.Context) {
			s.busy = ""
			if len(ws.bundled) == 0 && len(bundled) > 0 {
				ws.bundled = bundled
			}
			known := ws.Summaries()
			if a, ok := ws.Article(s.ArticleID); ok && !hasSummary(known, a.ID) {
				known = append(known, a.Summary())
			}
			var sets []*share.ImportSet
			var unread []string
			for _, f := range files {
				err := f.Err
				if err == nil {
					var set *share.ImportSet
					if set, err = share.ParseImport(f.Data, f.Name, known); err == nil {
						sets = append(sets, set)
						continue
					}
				}
				unread = append(unread, f.Name+": "+err.Error())
				if len(files) == 1 {
					s.importErr = "Nothing was imported. " + err.Error()
					sayError(ctx, s.importErr)
					return
				}
			}
			if len(sets) == 0 {
				s.importErr = fmt.Sprintf("Nothing was imported: none of the %d files could be read.", len(files))
				s.unread = unread
				sayError(ctx, s.importErr)
				return
			}
			set := share.Merge(sets)
			p := share.PreviewImport(set, ws.Store().Snapshot())
			s.importName, s.set, s.preview, s.unread = set.Filename, set, &p, unread
			msg := "Review the import below: " + previewSummary(p) + "."
			if len(unread) > 0 {
				msg += " " + plural(len(unread), "file", "files") + " could not be read."
			}
			say(ctx, msg)
			ctx.Defer(func(app.Context) { focusElement("import-preview") })
		})
	})
}

func hasSummary(l []article.Summary, id string) bool {
	for _, s := range l {
		if s.ID == id {
			return true
		}
	}
	return false
}

func previewSummary(p share.Preview) string {
	return fmt.Sprintf("%d new, %d updated, %d unchanged, %d rejected", p.New, p.Updated, p.Unchanged, len(p.Rejected))
}

func (s *sharePanel) cancelImport(ctx app.Context, e app.Event) {
	name := s.importName
	s.clearImport()
	say(ctx, "Nothing was imported from "+name+".")
}

// apply writes the previewed import, all or nothing (store.Apply).
func (s *sharePanel) apply(ctx app.Context, e app.Event) {
	if s.preview == nil || s.set == nil {
		return
	}
	st := ws.Store()
	// The preview was made when the file was read. If the reader changed
	// annotations since (here or in another tab), make it again rather than
	// let the file's copies overwrite the newer edits unseen.
	p := share.PreviewImport(s.set, st.Snapshot())
	if p.New != s.preview.New || p.Updated != s.preview.Updated || p.Unchanged != s.preview.Unchanged {
		s.preview = &p
		sayError(ctx, "Your annotations changed since this preview was made. Check the new preview, then press Import again.")
		return
	}
	batch := store.Batch{Articles: p.NewArticles, Annotations: p.Writes}
	if pk := s.set.Pack; pk != nil && pk.Instructions != "" {
		batch.Instructions = map[string]store.Instructions{pk.Article.ID: {Creator: pk.Creator, Text: pk.Instructions}}
	}
	if err := st.Apply(batch); err != nil {
		msg := importFailure(err)
		s.importErr = msg
		s.set, s.preview = nil, nil
		sayError(ctx, msg)
		return
	}
	s.loadInstructions(ctx)
	msg := fmt.Sprintf("Imported %s from %s: %d new, %d updated", plural(p.New+p.Updated, "annotation", "annotations"), s.importName, p.New, p.Updated)
	if len(p.Rejected) > 0 {
		msg += fmt.Sprintf(", %d rejected", len(p.Rejected))
	}
	msg += "."
	if len(s.unread) > 0 {
		msg += " Not imported: " + plural(len(s.unread), "file", "files") + " that could not be read."
	}
	s.added = nil
	for _, a := range p.NewArticles {
		s.added = append(s.added, a.Summary())
	}
	if len(s.added) > 0 {
		msg += " Added " + plural(len(s.added), "article", "articles") + " to your library."
	}
	// Browsers write their storage to disk a few seconds after a change
	// (docs/security.md); no page can ask them to do it sooner.
	msg += " It is on disk within a few seconds: keep the browser open that long."
	s.set, s.preview, s.importErr, s.unread = nil, nil, "", nil
	s.result = msg
	say(ctx, msg)
	ctx.NewAction(actionStoreChanged)
	ctx.NewAction(actionLibraryChanged)
}

// importFailure says in plain words why nothing was imported; the
// browser's own error text is for the console, not the reader.
func importFailure(err error) string {
	logError("import", err)
	switch {
	case store.IsQuota(err):
		return "Nothing was imported: the browser's storage is full. Remove an article you no longer need, or export and clear old annotations, then try again."
	case errors.Is(err, store.ErrStopped):
		return "Nothing was imported: " + err.Error() + "."
	}
	return "Nothing was imported: the browser could not save it. Try again; if it keeps failing, reload the page."
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
		app.Div().Class("export").OnKeyDown(s.onExportKey).Body(
			app.Button().Type("button").ID("export-button").
				Aria("expanded", s.menuOpen).Aria("controls", "export-menu").
				Text("Export").OnClick(s.toggleMenu),
			app.If(s.menuOpen, func() app.UI {
				return app.Div().ID("export-menu").Class("export-menu").Body(
					app.P().Class("hint").Text(scope),
					app.Ul().Aria("label", "Export formats").Body(
						app.Range(exportFormats).Slice(func(i int) app.UI {
							f := exportFormats[i]
							return app.Li().Body(app.Button().Type("button").Text(f.Label).OnClick(s.export(f), app.EventScope(f.Label)))
						}),
						app.If(!lib, func() app.UI {
							return app.Li().Body(app.Button().Type("button").
								Aria("expanded", s.packOpen).Aria("controls", "pack-form").
								Text("Class pack (.annotator.json)").OnClick(s.togglePack))
						}),
					),
					app.If(s.packOpen && !lib, func() app.UI { return newClassPackForm(s.ArticleID) }),
				)
			}),
		),
		app.If(s.busy != "", func() app.UI { return app.P().Class("hint").Role("status").Text(s.busy) }),
		app.Div().Class("import").Body(
			app.Label().For("import-file").Text("Import annotations"),
			app.Input().Type("file").ID("import-file").Multiple(true).
				Accept(".json,.jsonld,application/json,application/ld+json").
				Aria("describedby", "import-hint").
				OnChange(s.onFile),
			app.P().ID("import-hint").Class("hint").Text("W3C Web Annotations (.jsonld), class packs (.annotator.json) or a Hypothesis export; choose or drop one file or a whole class's returns at once. You see what they hold before anything is saved."),
		),
		app.If(s.importErr != "", func() app.UI {
			return app.Div().Class("problem").Role("alert").Body(
				app.P().Text(s.importErr),
				app.If(len(s.unread) > 0, s.renderUnread),
			)
		}),
		app.If(s.preview != nil, s.renderPreview),
		app.If(s.result != "", s.renderResult),
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

func (s *sharePanel) renderPreview() app.UI {
	p := s.preview
	set := s.set
	format := string(set.Format)
	if format == "" {
		format = "annotations"
	}
	origin := format + " from " + s.importName
	if s.importName == share.LinkImportSource {
		origin = "Annotations from a share link"
	}
	return app.Section().ID("import-preview").Class("import-preview card").TabIndex(-1).
		Aria("labelledby", "import-preview-heading").Body(
		app.H3().ID("import-preview-heading").Text("Import preview"),
		app.P().Text(origin+". Nothing is saved until you press Import."),
		app.If(len(set.Packs) > 1, func() app.UI {
			return app.P().Text(packsLine(set.Packs))
		}),
		app.If(set.Pack != nil && len(set.Packs) > 1 && set.Pack.Instructions != "", func() app.UI {
			return app.Div().Body(
				app.P().Class("hint").Text("Instructions:"),
				app.Blockquote().Class("note-preview").Text(set.Pack.Instructions),
			)
		}),
		app.If(set.Pack != nil && len(set.Packs) <= 1, func() app.UI {
			pk := set.Pack
			who := "Class pack"
			if pk.Creator != "" {
				role := pk.Role
				if role == "" {
					role = share.RoleTeacher
				}
				who += " by " + pk.Creator + " (" + role + ")"
			}
			return app.Div().Body(
				app.P().Text(who+" on “"+pk.Article.Title+"”."),
				app.If(pk.Instructions != "", func() app.UI {
					return app.Div().Body(
						app.P().Class("hint").Text("Instructions:"),
						app.Blockquote().Class("note-preview").Text(pk.Instructions),
					)
				}),
			)
		}),
		app.Ul().Class("preview-counts").Aria("label", "What the import will do").Body(
			app.Li().Text(fmt.Sprintf("%d new", p.New)),
			app.Li().Text(fmt.Sprintf("%d updated", p.Updated)),
			app.Li().Text(fmt.Sprintf("%d unchanged (already here)", p.Unchanged)),
			app.Li().Text(fmt.Sprintf("%d rejected", len(p.Rejected))),
		),
		app.If(len(p.NewArticles) > 0, func() app.UI {
			return app.Div().Body(
				app.P().Text("Articles added to your library:"),
				app.Ul().Aria("label", "Articles added").Body(
					app.Range(p.NewArticles).Slice(func(i int) app.UI { return app.Li().Text(p.NewArticles[i].Title) }),
				),
			)
		}),
		app.If(len(p.Rejected) > 0, func() app.UI {
			return app.Div().Body(
				app.P().Text("Rejected, with the reason:"),
				app.Ul().Class("rejected").Aria("label", "Rejected items").Body(
					app.Range(p.Rejected).Slice(func(i int) app.UI { return app.Li().Text(capitalise(p.Rejected[i].String())) }),
				),
			)
		}),
		app.If(len(s.unread) > 0, s.renderUnread),
		app.If(len(p.Warnings) > 0, func() app.UI {
			return app.Ul().Class("warnings").Aria("label", "Warnings").Body(
				app.Range(p.Warnings).Slice(func(i int) app.UI { return app.Li().Text(capitalise(p.Warnings[i])) }),
			)
		}),
		app.If(!p.Changes(), func() app.UI {
			return app.P().Class("hint").Text("Nothing new: importing this would change nothing.")
		}),
		app.Div().Class("row").Body(
			app.If(p.Changes(), func() app.UI {
				return app.Button().Type("button").ID("import-confirm").Text("Import").OnClick(s.apply)
			}),
			app.Button().Type("button").Class("quiet").Text("Cancel").OnClick(s.cancelImport),
		),
	)
}

// renderUnread lists the files of an import that could not be read.
func (s *sharePanel) renderUnread() app.UI {
	return app.Div().Body(
		app.P().Text("Not imported, with the reason:"),
		app.Ul().Class("rejected").Aria("label", "Files not imported").Body(
			app.Range(s.unread).Slice(func(i int) app.UI { return app.Li().Text(s.unread[i]) }),
		),
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

func (s *sharePanel) renderResult() app.UI {
	return app.Div().Class("import-result").Body(
		app.P().Text(s.result),
		app.If(len(s.added) > 0, func() app.UI {
			return app.Ul().Aria("label", "Added articles").Body(
				app.Range(s.added).Slice(func(i int) app.UI {
					a := s.added[i]
					return app.Li().Body(app.A().Href("/read/" + a.ID).Text("Open “" + a.Title + "”"))
				}),
			)
		}),
	)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
