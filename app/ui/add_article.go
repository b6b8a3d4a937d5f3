package ui

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/htmlblocks"
	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// addArticle lets a reader add an article of their own, pasted or opened
// from a .txt or .md file. It is kept in the browser.
type addArticle struct {
	app.Compo
	text    string
	problem string
	reading int // Markdown files being parsed
}

func newAddArticle() *addArticle { return &addArticle{} }

func (a *addArticle) onPaste(ctx app.Context, e app.Event) {
	a.text = ctx.JSSrc().Get("value").String()
}

func (a *addArticle) addPasted(ctx app.Context, e app.Event) {
	e.PreventDefault()
	a.add(ctx, "pasted.txt", []byte(a.text), func() { a.text = ""; clearFieldValue("paste-article") })
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
		a.problem = "There is no text to add: paste an article or open a file."
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
		problem := ""
		switch why := markdownProblem(err); {
		case why != "":
			problem = name + " could not be added: " + why
		case err != nil:
			problem = "This text could not be added: " + explainArticleError(err)
		default:
			art.Origin = "local"
			if err := ws.Store().PutLocalArticle(art); err != nil {
				if store.IsQuota(err) {
					problem = "The browser's storage is full, so the article could not be kept. Remove an article or export your annotations to make room."
				} else {
					problem = "The article could not be saved: " + err.Error()
				}
			}
		}
		if problem != "" {
			a.problem = problem
			if !a.Mounted() {
				sayError(ctx, problem)
			}
			return
		}
		if added != nil {
			added()
		}
		say(ctx, fmt.Sprintf("Added “%s” to your library.", art.Title))
		ctx.NewAction(actionLibraryChanged)
	})
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

func (a *addArticle) Render() app.UI {
	return app.Section().Class("add-article").Aria("labelledby", "add-article-heading").Body(
		app.H2().ID("add-article-heading").Text("Add your own article"),
		app.P().Class("hint").Text("Paste the text with its title on the first line, or open a .txt or .md file. It stays in this browser."),
		app.Form().OnSubmit(a.addPasted).Body(
			app.Label().For("paste-article").Text("Article text"),
			app.Textarea().ID("paste-article").Rows(6).Text(a.text).OnInput(a.onPaste),
			app.Div().Class("row").Body(
				app.Button().Type("submit").Text("Add pasted article"),
				app.Label().Class("file-button").For("open-article").Text("Open a .txt or .md file"),
				app.Input().Type("file").ID("open-article").Class("visually-hidden-file").
					Accept(".txt,.md,.html,.htm,text/plain,text/markdown,text/html").OnFocus(a.onFileFocus).OnChange(a.onFile),
			),
		),
		app.If(a.reading > 0, func() app.UI {
			// Announced through the status bar (say).
			return app.P().Class("hint").Text("Reading your Markdown file…")
		}),
		app.If(a.problem != "", func() app.UI {
			return app.P().Class("problem").Role("alert").Text(a.problem)
		}),
	)
}
