package ui

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/htmlblocks"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// addArticle lets a reader add an article of their own: a web address
// (fetched by the host, add_address.go), pasted text or a selection copied
// from a web page (its HTML read into blocks, add_dom_wasm.go), or a .txt,
// .md or saved .html file. It is kept in the browser.
type addArticle struct {
	app.Compo
	text    string
	problem string
	reading int // Markdown and web page files being parsed

	// pasted is the article read from the clipboard's HTML, and
	// pastedText what the text box showed for it: it is added with its
	// headings, lists and quotations while the box still shows that text.
	pasted     *article.Article
	pastedText string
	// asked is the address this box last asked for.
	asked string

	changes    int // stateAddress
	unlisten   func()
	unlistenDr func()
}

// The text box's id (the paste listener finds it by it).
const addBoxID = "paste-article"

// pastedID is the id of a pasted article until it is added (localID).
const pastedID = "local-pasted"

func newAddArticle() *addArticle { return &addArticle{} }

// addDropZone marks the element that takes its own drops (the add box's
// section): listenDrop, the import's listener for files dropped anywhere
// on the page, leaves drops there alone.
const addDropZone = "data-own-drop"

// addZone is the add box's value of addDropZone.
const addZone = "add"

// droppedOnAdd is what was dropped on the add box: a file (its name and
// bytes, or why it could not be read), a link (its address), or a
// selection dragged from a web page (read as a pasted one, and its text).
type droppedOnAdd struct {
	Name    string
	Data    []byte
	Err     error
	Address string
	Pasted  *article.Article
	Text    string
}

// droppedAddress is the web address a dragged link carries: the first
// address of its text/uri-list (RFC 2483: one per line, "#" starts a
// comment), or its plain text when that is one address.
func droppedAddress(uriList, plain string) (string, bool) {
	for _, line := range strings.Split(uriList, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if addr, ok := article.WebAddress(line); ok {
			return addr, true
		}
		break
	}
	return article.WebAddress(plain)
}

func (a *addArticle) OnMount(ctx app.Context) {
	mountSlice()
	ctx.ObserveState(stateAddress, &a.changes).OnChange(a.onAddressChange)
	a.unlisten = listenPaste(ctx, addBoxID, a.onPastedHTML)
	a.unlistenDr = listenAddDrop(ctx, addZone, addBoxID, htmlblocks.MaxPageSize, a.onDrop)
	watchOnline(ctx)
	probeFetch(ctx)
	fetchWaiting(ctx)
}

func (a *addArticle) OnDismount() {
	if a.unlisten != nil {
		a.unlisten()
		a.unlisten = nil
	}
	if a.unlistenDr != nil {
		a.unlistenDr()
		a.unlistenDr = nil
	}
}

func (a *addArticle) onInput(ctx app.Context, e app.Event) {
	a.text = ctx.JSSrc().Get("value").String()
}

// onPastedHTML: a selection copied from a web page was pasted into the
// empty box (listenPaste).
func (a *addArticle) onPastedHTML(ctx app.Context, art *article.Article, text string) {
	a.text, a.pasted, a.pastedText, a.problem = text, art, text, ""
}

// keepsPasted reports whether the box still shows the pasted selection.
func (a *addArticle) keepsPasted() bool {
	return a.pasted != nil && a.text == a.pastedText
}

// onAddressChange follows the request this box made (add_address.go).
func (a *addArticle) onAddressChange() {
	if a.asked == "" || ws.adding.isFetching(a.asked) {
		return
	}
	o, ok := ws.adding.outcome(a.asked)
	if !ok {
		return
	}
	a.problem = o.Problem
	if o.Problem == "" && strings.TrimSpace(a.text) == a.asked {
		a.clear()
	}
	a.asked = ""
}

func (a *addArticle) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	a.problem = ""
	if addr, ok := article.WebAddress(a.text); ok {
		a.addAddress(ctx, addr)
		return
	}
	if a.keepsPasted() {
		art := *a.pasted
		art.ID = localID([]byte(art.Title))
		if a.keep(ctx, &art) {
			a.clear()
		}
		return
	}
	a.add(ctx, "pasted.txt", []byte(a.text), a.clear)
}

// addAddress asks for the page at addr and opens it once added.
func (a *addArticle) addAddress(ctx app.Context, addr string) {
	a.asked = addr
	requestAddress(ctx, addressRequest{URL: addr, Open: true})
	a.onAddressChange()
}

// onDrop takes what was dropped on the add box (listenAddDrop): a file
// as if it had been opened, a link as if its address had been typed and
// Add pressed (the text in the box stays), a selection as if pasted.
func (a *addArticle) onDrop(ctx app.Context, d droppedOnAdd) {
	a.problem = ""
	switch {
	case d.Err != nil:
		a.problem = d.Err.Error()
	case d.Name != "":
		a.add(ctx, d.Name, d.Data, nil)
	case d.Address != "":
		a.addAddress(ctx, d.Address)
	case d.Pasted != nil:
		a.onPastedHTML(ctx, d.Pasted, d.Text)
	default:
		a.text, a.pasted, a.pastedText = d.Text, nil, ""
	}
}

// clear empties the box once its article is added.
func (a *addArticle) clear() {
	a.text, a.pasted, a.pastedText = "", nil, ""
	clearFieldValue(addBoxID)
}

func (a *addArticle) onFile(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	readFirstFile(ctx, input, htmlblocks.MaxPageSize, func(ctx app.Context, name string, data []byte, err error) {
		input.Set("value", "")
		if err != nil {
			a.problem = err.Error()
			return
		}
		a.add(ctx, name, data, nil)
	})
}

// onFileFocus starts the Markdown worker while the reader picks a file.
func (a *addArticle) onFileFocus(ctx app.Context, e app.Event) { prepareMarkdown() }

// add parses and stores an article; the first line of the text is its title.
// A Markdown file is parsed in a worker, so the article may be added after
// add returns; added runs once it is.
func (a *addArticle) add(ctx app.Context, name string, data []byte, added func()) {
	a.problem = ""
	if len(strings.TrimSpace(string(data))) == 0 {
		a.problem = "There is no text to add: paste an article or its address, or open a file."
		return
	}
	limit := article.MaxSize
	if htmlblocks.IsPage(name) {
		limit = htmlblocks.MaxPageSize
	}
	if len(data) > limit {
		a.problem = fmt.Sprintf("%s is too large: the limit is %d MB.", name, limit>>20)
		return
	}
	markdown := article.IsMarkdown(name) || htmlblocks.IsPage(name)
	if markdown {
		a.reading++
		say(ctx, "Reading "+name+"…")
	} else {
		name = "pasted.txt"
	}
	// For a Markdown file, done may run after the reader has left this
	// page: the article is still kept, and a problem is said in the status
	// bar instead.
	parseArticle(ctx, localID(data), name, data, func(ctx app.Context, art *article.Article, err error) {
		if markdown {
			a.reading--
		}
		switch why := markdownProblem(err); {
		case why != "":
			a.tell(ctx, name+" could not be added: "+why)
		case err != nil:
			a.tell(ctx, "This text could not be added: "+explainArticleError(err))
		default:
			if a.keep(ctx, art) && added != nil {
				added()
			}
		}
	})
}

// keep stores a reader's new article and says so, or says why it could
// not be kept.
//
// The same text twice (pasted again, the same file opened again) is not
// kept twice: the reader is told that it is already in their library, as
// for an address added twice (add_address.go), offered to open their copy,
// and the box empties, since nothing in it is lost.
func (a *addArticle) keep(ctx app.Context, art *article.Article) bool {
	if old, ok := findByText(art.Hash); ok {
		sayAlreadyKept(ctx, old)
		return true
	}
	art.Origin = "local"
	if err := ws.Store().PutLocalArticle(art); err != nil {
		a.tell(ctx, "The article could not be kept: "+writeProblem(err))
		return false
	}
	say(ctx, fmt.Sprintf("Added “%s” to your library.", art.Title))
	ctx.NewAction(actionLibraryChanged)
	return true
}

// findByText returns the reader's article whose canonical text has this
// content hash, if any.
func findByText(hash string) (*article.Article, bool) {
	for _, a := range ws.Store().LocalArticles() {
		if a.Hash == hash {
			return a, true
		}
	}
	return nil, false
}

// sayAlreadyKept tells the reader that the text they added is their
// article old, and offers to open it.
func sayAlreadyKept(ctx app.Context, old *article.Article) {
	ctx.SetState(stateStatus, statusMessage{
		Page:       pagePath(ctx),
		Text:       "“" + old.Title + "” is already in your library, with the same text: it was not added twice. Open it to read it with your annotations.",
		Offer:      actionOpenArticle,
		OfferLabel: "Open “" + old.Title + "”",
		OfferValue: old.ID,
		At:         time.Now(),
	})
}

// tell shows a problem in the box, or in the status bar once the reader
// has left the page.
func (a *addArticle) tell(ctx app.Context, problem string) {
	a.problem = problem
	if !a.Mounted() {
		sayError(ctx, problem)
	}
}

// localID names a reader's article from its title and a random suffix, so
// two articles with one title do not collide.
func localID(data []byte) string {
	title := strings.TrimSpace(strings.SplitN(strings.TrimPrefix(string(data), "\ufeff"), "\n", 2)[0])
	slug := article.SlugID(strings.TrimLeft(title, "# "))
	if len(slug) > 60 {
		slug = strings.Trim(slug[:60], "-")
	}
	return fmt.Sprintf("local-%s-%08x", slug, rand.Uint32())
}

func explainArticleError(err error) string {
	switch {
	case errors.Is(err, article.ErrNotUTF8):
		return "it is not plain text (it looks like a binary file or another encoding)."
	case errors.Is(err, article.ErrTooLarge):
		return fmt.Sprintf("it is larger than the %d MB limit.", article.MaxSize>>20)
	case errors.Is(err, article.ErrEmpty):
		return "it is empty."
	case errors.Is(err, article.ErrNoBody):
		return "it has a title but no text after it. Put the title on the first line and the article below it."
	case errors.Is(err, article.ErrNoTitle):
		return "it has no title. Put the title on the first line."
	}
	return err.Error()
}

// hint says how this deployment adds articles.
func (a *addArticle) hint() string {
	switch ws.adding.mode {
	case fetchStatic:
		return "This site adds articles by pasting their text, with the title on the first line, or by opening a file: .txt, .md, or a web page saved as .html. It cannot fetch web addresses. Articles stay in this browser."
	case fetchOff:
		return "This server does not fetch web pages: paste the article's text, with the title on the first line, or open a .txt, .md or saved .html file. It stays in this browser."
	}
	return "Paste a web page's address (https://…) to fetch its article, or paste the article itself: a selection copied from the page keeps its headings and lists; typed text takes its title from the first line. Or open a .txt, .md or saved .html file, or drop a file or a link here. It stays in this browser."
}

func (a *addArticle) Render() app.UI {
	fetching := a.asked != "" && ws.adding.isFetching(a.asked)
	return app.Section().Class("add-article").Attr(addDropZone, addZone).Aria("labelledby", "add-article-heading").Body(
		app.H2().ID("add-article-heading").Text("Add your own article"),
		app.P().Class("hint").ID("add-article-hint").Text(a.hint()),
		app.Form().OnSubmit(a.submit).Aria("busy", fetching).Body(
			app.Label().For(addBoxID).Text("Article text or address"),
			app.Textarea().ID(addBoxID).Rows(6).Aria("describedby", "add-article-hint").
				Text(a.text).OnInput(a.onInput),
			app.If(a.keepsPasted(), func() app.UI {
				return app.P().Class("hint").Text(pastedSummary(a.pasted))
			}),
			app.Div().Class("row").Body(
				app.Button().Type("submit").Text("Add"),
				app.Label().Class("file-button").For("open-article").Text("Open an article file"),
				app.Input().Type("file").ID("open-article").Class("visually-hidden-file").
					Accept(".txt,.md,.html,.htm,text/plain,text/markdown,text/html").OnFocus(a.onFileFocus).OnChange(a.onFile),
			),
		),
		app.Div().Role("status").Class("add-progress").Body(
			app.If(fetching, func() app.UI {
				return app.P().Class("hint").Text("Fetching " + a.asked + "… This takes a few seconds.")
			}),
			app.If(a.reading > 0, func() app.UI {
				return app.P().Class("hint").Text("Reading your file…")
			}),
		),
		app.If(a.problem != "", func() app.UI {
			return app.P().Class("problem").Role("alert").Text(a.problem)
		}),
		a.renderWaiting(),
	)
}

// pastedSummary says what the pasted selection kept.
func pastedSummary(a *article.Article) string {
	structure := 0
	for _, b := range a.Blocks {
		if b.Kind != "p" {
			structure++
		}
	}
	return fmt.Sprintf("Pasted from a web page: “%s”, %d words in %d blocks, %d of them headings, list items or quotations. Press Add to keep it so; edited, the text is added as plain text.", a.Title, a.Words, len(a.Blocks), structure)
}
