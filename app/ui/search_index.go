package ui

import (
	"maps"
	"slices"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/search"
)

// annotationIndex is the search index over every article's annotations in
// this tab. It is built once per page load, lazily (when the search box is
// first focused or typed in), then kept up to date one article at a time by
// ws.indexChanged: never rebuilt per keystroke or per save. It is used on the
// UI goroutine only.
//
// Orphan status needs the article's text. It is known for the articles at
// hand (opened in this tab, or the reader's own, kept in the store): the
// reader passes the anchors it resolved, and other articles at hand are
// resolved here. Annotations of bundled articles not opened in this tab are
// taken as anchored until their article is opened.
type annotationIndex struct {
	ix *search.Index
	// What each annotation was indexed as (for showing results and telling
	// what changed) is kept by the index: x.doc(id).
	byArticle map[string][]string // article id → annotation ids
	titles    map[string]string   // article id → title
	labels    annotation.LabelNames
	texts     map[string]articleText // article id → its text, for orphans
	// built is how long the first build took.
	built time.Duration
	// generated is set when the benchmark hook replaced the index with a
	// generated in-memory corpus: the store no longer applies.
	generated bool
}

type articleText struct {
	hash string
	text *anchor.Text
}

// articleLookup finds an article at hand (ws.Article).
type articleLookup func(id string) (*article.Article, bool)

// searchIdx is nil until the search box is first used.
var searchIdx *annotationIndex

// searchIndex returns the index, building it on first use.
func (w *workspace) searchIndex() *annotationIndex {
	if searchIdx == nil {
		t0 := time.Now()
		st := w.Store()
		searchIdx = newAnnotationIndex(st.EachLive, st.Size(), w.articleTitles(), st.Prefs().LabelNames, w.Article, w.anchors)
		searchIdx.built = time.Since(t0)
	}
	return searchIdx
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

// indexChanged brings the search index up to date with one article's
// annotations in the store. Call it after anything writes them: a save, a
// delete, an undo, another tab's change, an import, removing an article.
// anchors, when the caller has resolved them, say which annotations are
// orphans. Before the index is built it does nothing.
func (w *workspace) indexChanged(articleID string, anchors ...map[string]anchor.Result) {
	var known map[string]anchor.Result
	if len(anchors) > 0 {
		known = anchors[0]
	}
	// Kept for the index's first build; a change without the reader's
	// anchors (an import, say) may have made them stale.
	if known != nil {
		if w.anchors == nil {
			w.anchors = map[string]map[string]anchor.Result{}
		}
		w.anchors[articleID] = known
	} else {
		delete(w.anchors, articleID)
	}
	if searchIdx == nil || searchIdx.generated {
		return
	}
	if a, ok := w.Article(articleID); ok {
		searchIdx.titles[articleID] = a.Title
	}
	searchIdx.syncArticle(articleID, w.Store().Annotations(articleID), known, w.Article)
}

// indexChangedAll is indexChanged for several articles.
func (w *workspace) indexChangedAll(articleIDs []string) {
	for _, id := range articleIDs {
		w.indexChanged(id)
	}
}

// indexRefresh takes in titles that arrived after the index was built (the
// library is fetched in the background) and renamed labels.
func (w *workspace) indexRefresh() {
	if searchIdx == nil || searchIdx.generated {
		return
	}
	searchIdx.refresh(w.articleTitles(), w.Store().Prefs().LabelNames)
}

// annotationWalk calls f with every live annotation, article by article
// (store.Store.EachLive): f must not change or keep what a's slices hold.
type annotationWalk func(f func(articleID string, a *annotation.Annotation))

// walkOf walks annotations held in a map, in article id order.
func walkOf(all map[string][]annotation.Annotation) (walk annotationWalk, n int) {
	for _, list := range all {
		n += len(list)
	}
	return func(f func(string, *annotation.Annotation)) {
		for _, id := range slices.Sorted(maps.Keys(all)) {
			for i := range all[id] {
				f(id, &all[id][i])
			}
		}
	}, n
}

// newAnnotationIndex builds the index of the annotations walk visits
// (about n of them), straight from where they are kept, without copying
// them first. An annotation is an orphan as known says, by article and
// annotation id (the reader page's resolution), or else as resolving it
// against its article, when at has the article, says.
func newAnnotationIndex(walk annotationWalk, n int, titles map[string]string, labels annotation.LabelNames, at articleLookup, known map[string]map[string]anchor.Result) *annotationIndex {
	x := &annotationIndex{
		ix:        search.NewIndex(),
		byArticle: map[string][]string{},
		titles:    maps.Clone(titles),
		labels:    maps.Clone(labels),
		texts:     map[string]articleText{},
	}
	if x.titles == nil {
		x.titles = map[string]string{}
	}
	x.ix.Grow(n)
	var (
		cur, title string
		resolved   map[string]anchor.Result
		text       *anchor.Text
		textLooked bool
		tags       []string // the annotations' tags, copied: they are the store's
	)
	walk(func(articleID string, a *annotation.Annotation) {
		if articleID != cur || title == "" {
			cur, title, resolved = articleID, x.title(articleID), known[articleID]
			text, textLooked = nil, false
		}
		d := docOf(a, title, x.labels)
		if len(a.Tags) > 0 {
			if cap(tags)-len(tags) < len(a.Tags) {
				tags = make([]string, 0, max(1024, len(a.Tags)))
			}
			start := len(tags)
			tags = append(tags, a.Tags...)
			d.Tags = tags[start:len(tags):len(tags)]
		}
		if r, ok := resolved[a.ID]; ok {
			d.Orphan = r.Status == anchor.Orphan
		} else {
			if !textLooked {
				text, textLooked = x.textOf(articleID, at), true
			}
			if text != nil {
				pos := a.Position
				d.Orphan = text.Resolve(a.Quote, &pos).Status == anchor.Orphan
			}
		}
		x.ix.Add(d)
		x.byArticle[articleID] = append(x.byArticle[articleID], a.ID)
	})
	return x
}

// doc is what the annotation with this id was indexed as.
func (x *annotationIndex) doc(id string) (search.Doc, bool) { return x.ix.Doc(id) }

// title is an article's title, or its id while the title is unknown.
func (x *annotationIndex) title(articleID string) string {
	if t := x.titles[articleID]; t != "" {
		return t
	}
	return articleID
}

// syncArticle makes the index hold exactly list for this article, adding
// only what changed and removing what is gone.
func (x *annotationIndex) syncArticle(articleID string, list []annotation.Annotation, known map[string]anchor.Result, at articleLookup) {
	title := x.title(articleID)
	ids := make([]string, len(list))
	var text *anchor.Text
	looked := false
	for i := range list {
		a := &list[i]
		ids[i] = a.ID
		r, isKnown := known[a.ID]
		prev, had := x.doc(a.ID)
		if had && prev.Article == articleID && prev.Modified.Equal(a.Modified) && prev.ArticleTitle == title &&
			(!isKnown || prev.Orphan == (r.Status == anchor.Orphan)) {
			continue
		}
		d := docOf(a, title, x.labels)
		switch {
		case isKnown:
			d.Orphan = r.Status == anchor.Orphan
		default:
			if !looked {
				text, looked = x.textOf(articleID, at), true
			}
			if text != nil {
				pos := a.Position
				d.Orphan = text.Resolve(a.Quote, &pos).Status == anchor.Orphan
			}
		}
		x.ix.Add(d)
	}
	if prev := x.byArticle[articleID]; len(prev) > 0 {
		// Only an update can remove: the first build has no map to make.
		now := make(map[string]bool, len(ids))
		for _, id := range ids {
			now[id] = true
		}
		for _, id := range prev {
			if !now[id] {
				x.ix.Remove(id)
			}
		}
	}
	if len(ids) == 0 {
		delete(x.byArticle, articleID)
	} else {
		x.byArticle[articleID] = ids
	}
}

// textOf is an article's text when the article is at hand, else nil: its
// annotations are then taken as anchored.
func (x *annotationIndex) textOf(articleID string, at articleLookup) *anchor.Text {
	if at == nil {
		return nil
	}
	art, ok := at(articleID)
	if !ok {
		return nil
	}
	t, ok := x.texts[articleID]
	if !ok || t.hash != art.Hash {
		t = articleText{hash: art.Hash, text: anchor.NewText(art.Text)}
		x.texts[articleID] = t
	}
	return t.text
}

// refresh re-indexes the annotations whose article title or label name
// changed.
func (x *annotationIndex) refresh(titles map[string]string, labels annotation.LabelNames) {
	relabel := !maps.Equal(x.labels, labels) && !(len(x.labels) == 0 && len(labels) == 0)
	x.labels = maps.Clone(labels)
	for id, t := range titles {
		x.titles[id] = t
	}
	for articleID, ids := range x.byArticle {
		title := x.title(articleID)
		for _, id := range ids {
			d, _ := x.doc(id)
			changed := false
			if d.ArticleTitle != title {
				d.ArticleTitle, changed = title, true
			}
			if relabel && d.LabelKey != "" {
				if n := x.labels.Name(d.LabelKey); n != d.Label {
					d.Label, changed = n, true
				}
			}
			if changed {
				x.ix.Add(d)
			}
		}
	}
}

// search runs a query; total counts every match, of which at most limit
// are returned.
func (x *annotationIndex) search(q string, limit int) (results []search.Result, total int) {
	return x.ix.SearchTotal(search.ParseQuery(q), limit)
}

// searchDeferred is search without the highlights, which the returned
// function builds for one result when it is drawn.
func (x *annotationIndex) searchDeferred(q string, limit int) (results []search.Result, total int, matches func(id string) []search.Match) {
	results, total, h := x.ix.SearchDeferred(search.ParseQuery(q), limit)
	return results, total, h.Matches
}

// docOf converts an annotation into what search knows of it.
func docOf(a *annotation.Annotation, title string, labels annotation.LabelNames) search.Doc {
	d := search.Doc{
		ID:           a.ID,
		Article:      a.Article,
		ArticleTitle: title,
		Quote:        a.Quote.Exact,
		Note:         a.Note,
		Tags:         a.Tags,
		Modified:     a.Modified,
	}
	if a.Kind == annotation.KindClaim && a.Claim != nil {
		c := a.Claim
		d.IsClaim = true
		d.ClaimType = string(c.Type)
		if info, ok := c.Type.Info(); ok {
			d.ClaimTypeName = info.Name
		}
		v := c.Verdict.OrDefault()
		d.Verdict = string(v)
		if info, ok := v.Info(); ok {
			d.VerdictName = info.Label
		}
		d.Speaker, d.Rationale = c.Speaker, c.Rationale
		return d
	}
	if a.Label != "" {
		d.LabelKey = a.Label
		d.Label = labels.Name(a.Label)
	}
	return d
}
