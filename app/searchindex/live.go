package searchindex

import (
	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// Source is a tab's library as Live needs it: the store's annotations, the
// titles of the articles known now, the reader's label names and the
// articles at hand. app/ui's workspace is one.
type Source interface {
	// EachLive walks every live annotation (store.Store.EachLive).
	EachLive(f func(articleID string, a *annotation.Annotation))
	// Size is at least how many annotations EachLive visits (store.Store.Size).
	Size() int
	// Annotations returns one article's live annotations (store.Store.Annotations).
	Annotations(articleID string) []annotation.Annotation
	// Titles returns the titles of the articles known now, by id.
	Titles() map[string]string
	// LabelNames returns the reader's names for labels.
	LabelNames() annotation.LabelNames
	// Article returns an article at hand: fetched, prerendered or the reader's own.
	Article(id string) (*article.Article, bool)
}

// Live is the search index of a tab: built once per page load, on first
// use (so a reader who never searches never pays for it), then kept up to
// date one article at a time: never rebuilt per keystroke or per save.
// It is not safe for concurrent use.
type Live struct {
	src Source
	x   *Index
	// anchors is the reader page's latest resolution of an article's
	// annotations, by article id: the first build takes is:orphan from it
	// rather than resolving them all again.
	anchors Anchors
	// generated is set when a benchmark replaced the index with a generated
	// corpus (Replace): the library no longer applies.
	generated bool
}

// NewLive returns the index of src, not built yet.
func NewLive(src Source) *Live { return &Live{src: src} }

// Built reports whether the index has been built.
func (l *Live) Built() bool { return l.x != nil }

// Index returns the index, building it on first use; fresh says this call
// built it.
func (l *Live) Index() (x *Index, fresh bool) {
	if l.x == nil {
		l.x = New(l.src.EachLive, l.src.Size(), l.src.Titles(), l.src.LabelNames(), l.src.Article, l.anchors)
		return l.x, true
	}
	return l.x, false
}

// Changed brings the index up to date with one article's annotations in
// the source. Call it after anything writes them: a save, a delete, an
// undo, another tab's change, an import, removing an article. anchors,
// when the caller has resolved the article's annotations, say which are
// orphans; nil means unknown. Before the index is built it only keeps
// anchors for the first build.
func (l *Live) Changed(articleID string, anchors map[string]anchor.Result) {
	// Kept for the first build; a change without the reader's anchors (an
	// import, say) may have made earlier ones stale.
	if anchors != nil {
		if l.anchors == nil {
			l.anchors = Anchors{}
		}
		l.anchors[articleID] = anchors
	} else {
		delete(l.anchors, articleID)
	}
	if l.x == nil || l.generated {
		return
	}
	if a, ok := l.src.Article(articleID); ok {
		l.x.SetTitle(articleID, a.Title)
	}
	l.x.Sync(articleID, l.src.Annotations(articleID), anchors, l.src.Article)
}

// ChangedAll is Changed, without anchors, for several articles.
func (l *Live) ChangedAll(articleIDs []string) {
	for _, id := range articleIDs {
		l.Changed(id, nil)
	}
}

// Refresh takes in titles that arrived after the index was built (the
// library is fetched in the background) and renamed labels.
func (l *Live) Refresh() {
	if l.x == nil || l.generated {
		return
	}
	l.x.Refresh(l.src.Titles(), l.src.LabelNames())
}

// Replace puts x, an index of a generated corpus, in place of the
// library's, for a benchmark: changes to the library are then ignored.
func (l *Live) Replace(x *Index) {
	l.x, l.generated = x, true
}
