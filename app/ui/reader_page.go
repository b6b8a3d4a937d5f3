package ui

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/share"
	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// readerPage is /read/{id}: the article, its highlights, and the panel of
// its annotations.
type readerPage struct {
	app.Compo
	// server is the host's library, to prerender the page; nil in the browser.
	server ServerLibrary

	id      string
	art     *article.Article
	text    *anchor.Text
	missing bool
	loadErr string
	// removed says another tab removed this article (the reader's own):
	// the page keeps its text but takes no more annotations.
	removed bool

	anns    []annotation.Annotation // live annotations, document order
	anchors map[string]anchor.Result
	// selected is the id of the annotation whose card is open.
	selected string
	// sel is the reader's current selection in the article, in code points.
	sel      span
	hasSel   bool
	toolbarX int
	toolbarY int
	// attaching is the id of an orphan waiting for a new selection.
	attaching string
	// listShown is how many entries of the side panel's list are shown.
	listShown int
	// claimsListed is how many claims the side panel lists (as last
	// rendered), before its annotations.
	claimsListed int
	// panelGen counts the long articles opened: a new count has the side
	// panel's lists draw their entries after the article's first paint
	// (drawPanelLater, panelList).
	panelGen int
	// deleted holds the last deleted annotation, for Undo.
	deleted *annotation.Annotation
	// showBy filters the side panel by who made the annotations (share_panel.go).
	showBy string
	// claims is the claim card's and claims panel's state (claims.go).
	claims claimState
	// sheet is the part of the side panel open as a sheet on a phone
	// ("annotations", "claims", "share"), or "" (reader_sheet.go).
	sheet string
	// cursor is the keyboard's sentence cursor (reader_cursor.go).
	cursor sentenceCursor

	unlisten func()
	// primed says OnInit loaded the prerendered article (see OnInit).
	primed bool
}

type span struct{ Start, End int }

func newReaderPage(server ServerLibrary) *readerPage {
	return &readerPage{server: server}
}

func readerID(ctx app.Context) string {
	// A static host serves read/{id}/index.html at /read/{id}/.
	return strings.TrimSuffix(strings.TrimPrefix(ctx.Page().URL().Path, "/read/"), "/")
}

func (p *readerPage) OnPreRender(ctx app.Context) {
	p.id = readerID(ctx)
	if p.server == nil {
		return
	}
	if a, ok := p.server.Article(p.id); ok {
		p.setArticle(ctx, a)
	} else {
		// The reader's own articles are only in their browser: the live
		// app looks there. The host answers 404 for this page.
		p.missing = true
		ctx.Page().SetTitle("Article not found · Annotator")
	}
}

// OnInit runs before the live app replaces the prerendered page: the last
// moment to read the article out of it. The page's first render then draws
// the article with its highlights at once: no "Opening the article…" frame
// flashes between the prerendered text and the live one, and the article is
// mounted once rather than drawn again on the next frame.
func (p *readerPage) OnInit() {
	if !app.IsClient {
		return
	}
	mountSlice()
	a := prerenderedArticle()
	if a == nil {
		return
	}
	mountSlice()
	ws.articles[a.ID] = a
	p.id, p.art, p.text = a.ID, a, anchor.NewText(a.Text)
	p.reload()
	p.primed = true
	mountSlice() // the render and the mount that follow are a task of their own
}

func (p *readerPage) OnNav(ctx app.Context) {
	if app.IsServer {
		return // OnPreRender did the work.
	}
	id := readerID(ctx)
	if p.primed {
		p.primed = false
		if id == p.id {
			// OnInit has loaded this article and its annotations, and the
			// first render drew them: unless a target opens a card, there
			// is nothing to draw again (go-app would render the whole page
			// anew after OnNav, for nothing).
			mountSlice()
			ctx.Page().SetTitle(p.art.Title + " · Annotator")
			p.markOpened(ctx)
			if targetOf(ctx.Page().URL().Fragment) == "" {
				ctx.PreventUpdate()
			}
			p.openTarget(ctx)
			return
		}
	}
	if id != p.id || p.art == nil {
		// A new article in the same component: forget the old one's state
		// (the embedded Compo must be kept).
		p.leaveUndo()
		p.id, p.art, p.text, p.missing, p.loadErr, p.removed = id, nil, nil, false, "", false
		p.anns, p.anchors, p.selected, p.hasSel, p.attaching, p.deleted = nil, nil, "", false, "", nil
		p.listShown, p.sheet, p.cursor = 0, "", sentenceCursor{}
	}
	if a, ok := ws.Article(id); ok {
		p.setArticle(ctx, a)
		return
	}
	ctx.Async(func() {
		a, err := fetchArticle(id)
		ctx.Dispatch(func(ctx app.Context) {
			if p.id != id {
				return
			}
			switch {
			case err == nil:
				ws.articles[id] = a
				p.setArticle(ctx, a)
			case errors.Is(err, errNoArticle):
				if a, ok := ws.LocalArticle(id); ok {
					p.setArticle(ctx, a)
					return
				}
				p.missing = true
				ctx.Page().SetTitle("Article not found · Annotator")
			default:
				p.loadErr = "This article could not be loaded: " + err.Error()
			}
		})
	})
}

func (p *readerPage) setArticle(ctx app.Context, a *article.Article) {
	p.art = a
	p.missing = false
	p.text = anchor.NewText(a.Text)
	ctx.Page().SetTitle(a.Title + " · Annotator")
	if app.IsClient {
		p.load()
		// The positions are bookkeeping: written back once the article
		// is painted, as OnMount does for a page's first article.
		p.writeBackPositionsLater(ctx)
		p.drawPanelLater()
		p.markOpened(ctx)
		p.openTarget(ctx)
	}
}

// markOpened records that the reader opened this article, for the
// library. A failure to write it is not worth a message: nothing of the
// reader's is lost.
func (p *readerPage) markOpened(ctx app.Context) {
	if err := ws.Store().MarkOpened(p.id, time.Now()); err != nil {
		logError("recording when the article was opened", err)
	}
}

// before orders annotations as the panel lists them: anchored ones in the
// order of the text, the longer first where two start together, then the
// orphans.
func (p *readerPage) before(a, b annotation.Annotation) bool {
	ra, rb := p.anchors[a.ID], p.anchors[b.ID]
	if (ra.Status == anchor.Orphan) != (rb.Status == anchor.Orphan) {
		return rb.Status == anchor.Orphan
	}
	if ra.Start != rb.Start {
		return ra.Start < rb.Start
	}
	return ra.End > rb.End
}

// reload reads this article's annotations from the store and anchors them,
// and writes back the positions found where the store's are stale.
func (p *readerPage) reload() {
	p.load()
	if p.Mounted() {
		p.writeBackPositions() // before the mount, OnMount does it after the first frame
	}
}

// load reads this article's annotations from the store and anchors them.
func (p *readerPage) load() {
	started := perfNow()
	defer perfMeasure("annotator:anchor", started)
	p.anns = ws.Store().Annotations(p.id)
	p.anchors = make(map[string]anchor.Result, len(p.anns))
	resolving := perfNow()
	for _, a := range p.anns {
		pos := a.Position
		p.anchors[a.ID] = p.text.Resolve(a.Quote, &pos)
	}
	perfMeasure("annotator:resolve", resolving)
	sort.SliceStable(p.anns, func(i, j int) bool { return p.before(p.anns[i], p.anns[j]) })
	ws.search.Changed(p.id, p.anchors)
}

func (p *readerPage) OnMount(ctx app.Context) {
	mountSlice()
	markLive()
	ws.reader = p
	ctx.Handle(actionUndoDelete, p.undoDelete)
	ctx.Handle(actionStoreChanged, p.onStoreChanged)
	ctx.Handle(actionOpenAnnotation, p.onOpenAnnotation)
	ctx.Handle(actionOpenClaim, p.onOpenClaim)
	p.writeBackPositionsLater(ctx)
	p.unlisten = listenReader(ctx, readerEvents{
		selection: p.onSelection,
		shortcut:  p.onShortcut,
		cursor:    p.onCursor,
		storage:   p.onStorage,
	})
	// Nothing above changes what the page shows. go-app dispatches OnMount,
	// which would render the page again, with an article of 1,000
	// annotations a few hundred milliseconds before its first paint.
	ctx.PreventUpdate()
}

func (p *readerPage) OnDismount() {
	p.leaveUndo()
	if ws.reader == p {
		ws.reader = nil
	}
	if p.unlisten != nil {
		p.unlisten()
		p.unlisten = nil
	}
}

// The actions this page handles.
const (
	actionUndoDelete   = "undo-delete"
	actionStoreChanged = "store-changed"
)

// onSelection follows the reader's selection in the article.
func (p *readerPage) onSelection(ctx app.Context, s selection) {
	if p.art == nil || p.removed {
		return
	}
	ok := s.OK && s.End > s.Start && strings.TrimSpace(p.text.Slice(s.Start, s.End)) != ""
	if !ok {
		if p.hasSel {
			p.hasSel = false
		} else {
			ctx.PreventUpdate()
		}
		return
	}
	p.sel, p.hasSel = span{s.Start, s.End}, true
	p.toolbarX, p.toolbarY = s.X, s.Y
}

func (p *readerPage) onShortcut(ctx app.Context, key string) {
	if !p.hasSel {
		ctx.PreventUpdate()
		return
	}
	switch key {
	case "h":
		p.highlight(ctx, app.Event{})
	case "n":
		p.note(ctx, app.Event{})
	case "c":
		p.claim(ctx, app.Event{})
	default:
		ctx.PreventUpdate()
	}
}

// onStorage merges another tab's change to this browser's storage.
func (p *readerPage) onStorage(ctx app.Context, key, value string) {
	changed, err := ws.Store().ApplyExternal(key, value)
	if err != nil {
		sayError(ctx, "A change from another tab could not be merged: "+err.Error())
		return
	}
	ws.search.ChangedAll(changed)
	for _, id := range changed {
		if id == p.id && p.art != nil {
			p.reload()
			p.followOtherTab(ctx)
			return
		}
	}
	ctx.PreventUpdate()
}

// followOtherTab tells the reader what another tab's change did to the page:
// their own article removed, or the annotation whose card is open deleted.
// Removing an article of one's own drops its annotations' key first, then
// the article's: the article counts as removed on the second event, once
// the store has applied it. (An empty annotations key alone is not enough:
// it would also be what an article whose last tombstones expired leaves.)
func (p *readerPage) followOtherTab(ctx app.Context) {
	if p.art.Origin == "local" && !p.removed {
		if _, ok := ws.LocalArticle(p.id); !ok {
			p.removed = true
			p.selected, p.hasSel, p.attaching, p.deleted = "", false, "", nil
			delete(ws.articles, p.id)
			clearSelection()
			sayError(ctx, "This article was removed in another tab, with its annotations. Nothing more can be added to it here.")
			focusElement("article-removed")
			return
		}
	}
	if p.selected != "" && p.index(p.selected) < 0 {
		p.selected = ""
		sayError(ctx, "This annotation was deleted in another tab.")
		focusElement("article-title")
	}
}

// leaveUndo hands the Undo of the last deletion to the workspace when the
// reader leaves the article, so the status bar's Undo still works there
// (undoLeftDelete).
func (p *readerPage) leaveUndo() {
	if p.deleted == nil {
		return
	}
	ws.leftDeleted = p.deleted
	p.deleted = nil
}

func (p *readerPage) onStoreChanged(ctx app.Context, a app.Action) {
	if p.art == nil {
		return
	}
	// A reader's article whose text was fetched again (add_address.go).
	if local, ok := ws.LocalArticle(p.id); ok && p.art.Origin == "local" && local.Hash != p.art.Hash {
		p.art, p.text = local, anchor.NewText(local.Text)
	}
	p.reload()
}

// create makes an annotation of the current selection.
func (p *readerPage) create(ctx app.Context, kind annotation.Kind, label string, edits ...func(*annotation.Annotation)) (annotation.Annotation, bool) {
	if !p.hasSel || p.art == nil || p.removed {
		return annotation.Annotation{}, false
	}
	q, pos := p.text.Describe(p.sel.Start, p.sel.End)
	now := time.Now().UTC().Truncate(time.Millisecond)
	a := annotation.Annotation{
		ID:          annotation.NewID(),
		Article:     p.id,
		ArticleHash: p.art.Hash,
		Quote:       q,
		Position:    pos,
		Kind:        kind,
		Label:       label,
		Creator:     ws.Store().Prefs().Creator,
		Created:     now,
		Modified:    now,
	}
	for _, edit := range edits {
		edit(&a)
	}
	if err := a.Validate(); err != nil {
		sayError(ctx, "This selection cannot be kept: "+err.Error())
		return a, false
	}
	p.hasSel = false
	clearSelection()
	if !p.save(ctx, a) {
		return a, false
	}
	return a, true
}

// save writes one annotation. On a failure the change stays in memory and
// the reader is told, with the way out.
func (p *readerPage) save(ctx app.Context, a annotation.Annotation) bool {
	if p.removed {
		// No annotations stored for an article no longer in the library.
		sayError(ctx, "Not saved: this article was removed in another tab.")
		return false
	}
	err := ws.Store().Put(a)
	switch i := p.index(a.ID); {
	case i >= 0 && p.anns[i].Quote == a.Quote && p.anns[i].Position == a.Position:
		// An edit that leaves the selectors alone (a note typed, a tag, a
		// verdict) changes no anchor: no need to re-anchor the article.
		p.anns[i] = a
		ws.search.Changed(p.id, p.anchors)
	case i < 0 && p.anchors != nil:
		// A new annotation: anchor it alone and put it in its place.
		pos := a.Position
		p.anchors[a.ID] = p.text.Resolve(a.Quote, &pos)
		at := sort.Search(len(p.anns), func(j int) bool { return p.before(a, p.anns[j]) })
		p.anns = slices.Insert(p.anns, at, a)
		ws.search.Changed(p.id, p.anchors)
	default:
		p.reload()
	}
	if err != nil {
		reportWriteError(ctx, err)
		return false
	}
	return true
}

func reportWriteError(ctx app.Context, err error) {
	if store.IsQuota(err) {
		sayError(ctx, "The browser's storage is full: your latest change is kept in this tab but not saved. Export your annotations now, then remove an article you no longer need.")
		return
	}
	if errors.Is(err, store.ErrStopped) {
		sayError(ctx, "Your change was not saved: "+crashMessage)
		return
	}
	sayError(ctx, "Your change could not be saved ("+err.Error()+"). It is kept in this tab: export your annotations before closing it.")
}

func (p *readerPage) highlight(ctx app.Context, e app.Event) {
	if p.attaching != "" {
		p.attach(ctx)
		return
	}
	if a, ok := p.create(ctx, annotation.KindHighlight, annotation.LabelKeyPoint); ok {
		say(ctx, "Highlighted “"+shorten(a.Quote.Exact, 60)+"”.")
		p.showCard(a.ID, "", false)
	}
}

func (p *readerPage) note(ctx app.Context, e app.Event) {
	p.attaching = "" // a new note, not the orphan waiting to be attached
	if a, ok := p.create(ctx, annotation.KindNote, ""); ok {
		p.showCard(a.ID, "note-"+a.ID, false)
	}
}

// attach moves an orphan onto the current selection.
func (p *readerPage) attach(ctx app.Context) {
	i := p.index(p.attaching)
	p.attaching = ""
	if i < 0 || !p.hasSel {
		return
	}
	a := p.anns[i].AnchoredAt(p.text, p.sel.Start, p.sel.End, p.art.Hash)
	a.Modified = time.Now().UTC().Truncate(time.Millisecond)
	if err := a.Validate(); err != nil {
		sayError(ctx, "The annotation cannot be attached to this selection: "+err.Error())
		return
	}
	p.hasSel = false
	clearSelection()
	if p.save(ctx, a) {
		p.showCard(a.ID, "", false)
		say(ctx, "Attached the annotation to “"+shorten(a.Quote.Exact, 60)+"”.")
	}
}

func (p *readerPage) index(id string) int {
	for i, a := range p.anns {
		if a.ID == id {
			return i
		}
	}
	return -1
}

// update applies an edit to one annotation and saves it at once.
// It reports whether the edit was accepted and saved.
func (p *readerPage) update(ctx app.Context, id string, edit func(a *annotation.Annotation) error) bool {
	i := p.index(id)
	if i < 0 {
		return false
	}
	a := p.anns[i]
	if err := edit(&a); err != nil {
		sayError(ctx, err.Error())
		return false
	}
	a.Modified = time.Now().UTC().Truncate(time.Millisecond)
	if err := a.Validate(); err != nil {
		sayError(ctx, "Not saved: "+plainError(err))
		return false
	}
	return p.save(ctx, a)
}

func (p *readerPage) remove(ctx app.Context, id string) {
	i := p.index(id)
	if i < 0 {
		return
	}
	a := p.anns[i]
	err := ws.Store().Delete(p.id, id, time.Now().UTC().Truncate(time.Millisecond))
	if errors.Is(err, store.ErrNotFound) {
		p.reload()
		sayError(ctx, "This annotation was already deleted, perhaps in another tab.")
		return
	}
	p.deleted = &a
	p.selected = ""
	p.reload()
	if err != nil {
		// The delete holds in this tab; the reader must hear it was not saved.
		reportWriteError(ctx, err)
		return
	}
	sayUndo(ctx, "Deleted the annotation on “"+shorten(a.Quote.Exact, 50)+"”.", actionUndoDelete)
	focusElement(undoButtonID) // the card and its button are gone
}

func (p *readerPage) undoDelete(ctx app.Context, act app.Action) {
	if p.deleted == nil {
		return
	}
	a := *p.deleted
	p.deleted = nil
	a.Modified = time.Now().UTC().Truncate(time.Millisecond)
	err := ws.Store().Restore(a)
	p.reload()
	p.showCard(a.ID, "mark", false)
	if err != nil {
		reportWriteError(ctx, err)
		return
	}
	say(ctx, "Restored the annotation.")
}

// open shows an annotation's card and brings its text into view, to the
// middle of the window, where the card follows it.
func (p *readerPage) open(ctx app.Context, id string, focusText bool) {
	p.sheet = ""
	if focusText {
		p.showCard(id, "mark", true)
		return
	}
	p.showCard(id, "", false)
}

// showCard opens an annotation's card where the reader is looking
// (placeCard) and then focuses focus: "mark", an element's id, or "".
func (p *readerPage) showCard(id, focus string, center bool) {
	p.selected = id
	placeCard(id, focus, center)
}

// closeCard closes the open card and hands the focus back to its text.
// Closed from the keyboard, the text is scrolled back into view when the
// reader has scrolled it away, so that the focus can be seen; closed by a
// pointer, the page stays where the reader has scrolled it (the focus is
// not drawn after a click, and a jump back would lose their place).
func (p *readerPage) closeCard(id string, byPointer bool) {
	p.selected = ""
	revealMark(id, !byPointer)
}

func (p *readerPage) onArticleClick(ctx app.Context, e app.Event) {
	id := markIDAt(e)
	if id == "" {
		ctx.PreventUpdate()
		return
	}
	if p.hasSel || hasSelection() {
		// A click that ends a selection (a drag that started on a
		// highlight) is not a click on the highlight.
		ctx.PreventUpdate()
		return
	}
	p.sheet = ""
	p.showCard(id, "card-"+id, false)
}

func (p *readerPage) Render() app.UI {
	started := perfNow()
	defer perfMeasure("annotator:render", started)
	switch {
	case p.loadErr != "":
		return pageLayout(app.Div().Class("reader").Body(
			app.H1().Text("This article could not be opened"),
			app.P().Class("problem").Role("alert").Text(p.loadErr),
			app.P().Body(app.A().Href("/").Text("Back to the library")),
		))
	case p.missing:
		return pageLayout(app.Div().Class("reader notfound").Body(
			app.H1().Text("Article not found"),
			app.P().Text("There is no article with this address in the library or in this browser."),
			app.P().Body(app.A().Href("/").Text("Back to the library")),
		))
	case p.art == nil:
		return pageLayout(app.Div().Class("reader").Aria("busy", "true").Body(
			app.P().Class("loading").Text("Opening the article…"),
		))
	case p.removed:
		return pageLayout(app.Div().Class("reader").Body(
			articleHeader(p.art),
			app.Div().ID("article-removed").Class("problem").TabIndex(-1).Body(
				app.P().Text("This article was removed from this browser in another tab, with its annotations. You can still read it here, but nothing more can be added to it."),
				app.P().Body(app.A().Href("/").Text("Back to the library")),
			),
			p.renderArticle(),
		))
	}
	return pageLayout(
		app.Div().Class(p.readerClass()).Body(
			articleHeader(p.art),
			p.renderArticle(),
			p.renderCursorHelp(),
			p.renderReaderBar(),
			// Slots that stay in place, so that what follows a card or the
			// toolbar is not drawn anew when they come and go.
			app.Div().Class("slot").Body(p.renderToolbar()),
		),
		app.Div().Class("slot card-slot").Body(p.renderOpenCard()),
		p.renderPanel(),
	)
}

// readerClass marks the reader while a card is open: on a phone the card
// is a sheet over the article's foot, and the article gets room below its
// last line to scroll any highlight, the last one too, above the sheet.
func (p *readerPage) readerClass() string {
	if p.selected != "" && p.index(p.selected) >= 0 {
		return "reader card-open"
	}
	return "reader"
}

// renderShare is the reader's Export and Import controls for this article,
// and the comparison of everyone's claims on it.
func (p *readerPage) renderShare() app.UI {
	var people []string
	var rows []share.ClaimRow
	if p.art != nil && p.text != nil {
		people, rows = compareClaims(p.anns, p.text, ws.Store().Prefs().Creator)
	}
	return app.Div().Class("share-area").Body(
		newSharePanel(p.id),
		app.If(len(people) > 0, func() app.UI { return &claimsCompare{ArticleID: p.id, People: people, Rows: rows} }),
	)
}

func articleHeader(a *article.Article) app.UI {
	var meta []app.UI
	if a.Source != "" {
		if isHTTPURL(a.Source) {
			meta = append(meta, app.Span().DataSet("meta", "source").Body(
				app.A().Href(a.Source).Target("_blank").Rel("noopener noreferrer").Text(a.Source)))
		} else {
			meta = append(meta, app.Span().DataSet("meta", "source").Text(a.Source))
		}
	}
	if a.Author != "" {
		meta = append(meta, app.Span().DataSet("meta", "author").Text(a.Author))
	}
	if a.Published != "" {
		meta = append(meta, app.Time().DataSet("meta", "published").Text(a.Published))
	}
	meta = append(meta, app.Span().Text(fmt.Sprintf("%d words", a.Words)))
	if a.Origin == "local" {
		meta = append(meta, app.Span().Text("your article, kept in this browser"))
	}
	return app.Header().Class("article-header").Body(
		app.H1().ID("article-title").TabIndex(-1).Text(a.Title),
		app.P().Class("article-meta").Body(meta...),
	)
}

func isHTTPURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

func shorten(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
