package ui

import (
	"errors"
	"fmt"
	"github.com/annotator/annotator/app/anchor"
	"sort"
	"strings"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/store"
)

// workspace is the reader's data in this browser tab: the store of
// annotations and local articles, and the bundled articles fetched so far.
// It is used on the UI goroutine only.
type workspace struct {
	store    *store.Store
	report   *store.Report
	openErr  error
	bundled  []article.Summary
	articles map[string]*article.Article
	// anchors is the reader page's latest resolution of an article's
	// annotations, by article id: the search index's first build takes
	// is:orphan from it rather than resolving them all again.
	anchors map[string]map[string]anchor.Result
	// reader is the mounted reader page, if any.
	reader *readerPage
	// leftDeleted is the last deleted annotation of an article the reader
	// has left, while the status bar may still offer its Undo.
	leftDeleted *annotation.Annotation
}

var ws = &workspace{articles: map[string]*article.Article{}}

// Store opens the store on first use. When the browser's storage cannot be
// opened at all, an in-memory store keeps the session working and the error
// is reported.
func (w *workspace) Store() *store.Store {
	if w.store != nil {
		return w.store
	}
	s, rep, err := store.Open(store.NewStoppable(newBackend(), crashed.Load))
	if err != nil {
		w.openErr = err
		s, rep, _ = store.Open(store.NewMemory(0))
	}
	w.store, w.report = s, rep
	return s
}

// StartupProblems describes what the store could not load, for the status bar.
func (w *workspace) StartupProblems() string {
	w.Store()
	var msgs []string
	if w.openErr != nil {
		msgs = append(msgs, "Your saved annotations could not be opened ("+w.openErr.Error()+"). Changes in this tab are kept in memory only: export them before closing.")
	}
	if w.report != nil && len(w.report.SetAside) > 0 {
		msgs = append(msgs, fmt.Sprintf("%d stored entries could not be read and were set aside; everything else loaded.", len(w.report.SetAside)))
	}
	return strings.Join(msgs, " ")
}

// Summaries is the whole library: bundled articles, then the reader's own.
func (w *workspace) Summaries() []article.Summary {
	out := append([]article.Summary(nil), w.bundled...)
	local := w.Store().LocalArticles()
	sort.Slice(local, func(i, j int) bool { return local[i].Title < local[j].Title })
	for _, a := range local {
		out = append(out, a.Summary())
	}
	return out
}

// LocalArticle returns a reader-added article.
func (w *workspace) LocalArticle(id string) (*article.Article, bool) {
	for _, a := range w.Store().LocalArticles() {
		if a.ID == id {
			return a, true
		}
	}
	return nil, false
}

// Article returns an article already at hand: fetched, prerendered or local.
func (w *workspace) Article(id string) (*article.Article, bool) {
	if a, ok := w.articles[id]; ok {
		return a, true
	}
	return w.LocalArticle(id)
}

var errNoArticle = errors.New("no such article")

// fetchLibrary reads the bundled library index. It runs off the UI goroutine.
func fetchLibrary() ([]article.Summary, error) {
	var out []article.Summary
	err := getJSON("/api/library.json", &out)
	return out, err
}

// fetchArticle reads one bundled article. It runs off the UI goroutine.
func fetchArticle(id string) (*article.Article, error) {
	var a article.Article
	if err := getJSON("/api/articles/"+id+".json", &a); err != nil {
		return nil, err
	}
	if a.ID != id || article.HashText(a.Text) != a.Hash {
		return nil, fmt.Errorf("article %s arrived damaged", id)
	}
	return &a, nil
}
