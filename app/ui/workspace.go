package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/searchindex"
	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
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
	// search is the search index of every article's annotations, built
	// when the search box is first used.
	search *searchindex.Live
	// updateChecks says the tab asks now and then whether a new version is
	// out; updateReady that one is active. They outlive the header of one
	// page: every page's header shows the notice (appStatus).
	updateChecks, updateReady bool
	// benchMode is set by the search benchmark's hook (built only with
	// -tags searchbench): then each search is also recorded in the
	// performance timeline.
	benchMode bool
	// reader is the mounted reader page, if any.
	reader *readerPage
	// leftDeleted is the last deleted annotation of an article the reader
	// has left, while the status bar may still offer its Undo.
	leftDeleted *annotation.Annotation
	// adding is what adding articles by address has under way (add_address.go).
	adding adding
	// toastGone is the time of the last confirmation that left the screen
	// (or was dismissed), so that the next page's status bar does not show
	// it again; startupSaid that the store's start-up problems were told.
	toastGone   time.Time
	startupSaid bool
	// page is the context of the status bar of the page shown: work that
	// outlives the component that started it (an import's save after the
	// reader left its page) finishes with it (importPanel.call).
	page app.Context
}

// ws is the tab's workspace. It is package-level because go-app makes the
// components itself (route factories and newX calls in Render take no
// workspace), and it offers no way to hand shared data to them but states
// meant for values to observe; while what the tab holds (the opened store,
// the fetched articles, the search index) must outlive every page's
// components. Everything else of the tab's lives in it, not in variables
// of its own.
var ws = newWorkspace()

func newWorkspace() *workspace {
	w := &workspace{articles: map[string]*article.Article{}}
	w.search = searchindex.NewLive(searchSource{w})
	return w
}

// Store opens the store on first use. When the browser's storage cannot be
// opened at all, an in-memory store keeps the session working and the error
// is reported.
func (w *workspace) Store() *store.Store {
	if w.store != nil {
		return w.store
	}
	started := perfNow()
	s, rep, err := store.Open(store.NewStoppable(newBackend(), crashed.Load))
	// Reading every stored entry (localStorage, unpacking, decoding,
	// validating), on the page's timeline for the scale benchmark.
	perfMeasure("annotator:store-open", started)
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

// articleTitles are the titles of the articles known now: the library's
// summaries and the articles fetched so far.
func (w *workspace) articleTitles() map[string]string {
	titles := map[string]string{}
	for _, s := range w.Summaries() {
		titles[s.ID] = s.Title
	}
	for id, a := range w.articles {
		titles[id] = a.Title
	}
	return titles
}

// searchSource is the workspace as the search index reads it.
type searchSource struct{ w *workspace }

func (s searchSource) EachLive(f func(string, *annotation.Annotation)) { s.w.Store().EachLive(f) }
func (s searchSource) Size() int                                       { return s.w.Store().Size() }
func (s searchSource) Annotations(id string) []annotation.Annotation {
	return s.w.Store().Annotations(id)
}
func (s searchSource) Titles() map[string]string         { return s.w.articleTitles() }
func (s searchSource) LabelNames() annotation.LabelNames { return s.w.Store().Prefs().LabelNames }
func (s searchSource) Article(id string) (*article.Article, bool) {
	return s.w.Article(id)
}
