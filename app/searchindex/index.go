package searchindex

import (
	"maps"
	"slices"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/search"
)

// Index is the search index over the annotations of every article. It is
// not safe for concurrent use.
//
// Orphan status needs the article's text. It is known for the articles at
// hand (opened in this tab, or the reader's own, kept in the store): the
// reader passes the anchors it resolved, and other articles at hand are
// resolved here. Annotations of bundled articles not opened in this tab are
// taken as anchored until their article is opened.
type Index struct {
	ix *search.Index
	// What each annotation was indexed as (for showing results and telling
	// what changed) is kept by the index: x.Doc(id).
	byArticle map[string][]string // article id → annotation ids
	titles    map[string]string   // article id → title
	labels    annotation.LabelNames
	texts     map[string]articleText // article id → its text, for orphans
	// Built is how long New took.
	Built time.Duration
}

type articleText struct {
	hash string
	text *anchor.Text
}

// Walk calls f with every live annotation, article by article
// (store.Store.EachLive): f must not change or keep what a's slices hold.
type Walk func(f func(articleID string, a *annotation.Annotation))

// Lookup finds an article at hand, for resolving its annotations.
type Lookup func(id string) (*article.Article, bool)

// Anchors are the reader page's resolution of annotations, by article id and
// annotation id.
type Anchors map[string]map[string]anchor.Result

// WalkMap walks annotations held in a map, in article id order; n is how
// many there are.
func WalkMap(all map[string][]annotation.Annotation) (walk Walk, n int) {
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

// New builds the index of the annotations walk visits (about n of them),
// straight from where they are kept, without copying them first. titles
// are the articles' titles by id (an article's id stands in for an unknown
// title), labels the reader's names for labels. An annotation is an orphan
// as known says (the reader page's resolution), or else as resolving it
// against its article, when at has the article, says. at and known may be
// nil.
func New(walk Walk, n int, titles map[string]string, labels annotation.LabelNames, at Lookup, known Anchors) *Index {
	t0 := time.Now()
	x := &Index{
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
		d := DocOf(a, title, x.labels)
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
	x.Built = time.Since(t0)
	return x
}

// Doc is what the annotation with this id was indexed as.
func (x *Index) Doc(id string) (search.Doc, bool) { return x.ix.Doc(id) }

// Len is how many annotations the index holds.
func (x *Index) Len() int { return x.ix.Len() }

// title is an article's title, or its id while the title is unknown.
func (x *Index) title(articleID string) string {
	if t := x.titles[articleID]; t != "" {
		return t
	}
	return articleID
}

// Sync makes the index hold exactly list, the live annotations of one
// article, re-indexing only what changed and removing what is gone. known
// is the reader page's resolution of them, if it has one.
func (x *Index) Sync(articleID string, list []annotation.Annotation, known map[string]anchor.Result, at Lookup) {
	title := x.title(articleID)
	ids := make([]string, len(list))
	var text *anchor.Text
	looked := false
	for i := range list {
		a := &list[i]
		ids[i] = a.ID
		r, isKnown := known[a.ID]
		prev, had := x.Doc(a.ID)
		if had && prev.Article == articleID && prev.Modified.Equal(a.Modified) && prev.ArticleTitle == title &&
			(!isKnown || prev.Orphan == (r.Status == anchor.Orphan)) {
			continue
		}
		d := DocOf(a, title, x.labels)
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
func (x *Index) textOf(articleID string, at Lookup) *anchor.Text {
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

// SetTitle records an article's title, for the annotations indexed from
// now on (Refresh re-indexes those already in).
func (x *Index) SetTitle(articleID, title string) { x.titles[articleID] = title }

// Refresh takes in titles (by article id, added to those known) and the
// reader's label names, re-indexing the annotations whose article title or
// label name changed.
func (x *Index) Refresh(titles map[string]string, labels annotation.LabelNames) {
	relabel := !maps.Equal(x.labels, labels) && !(len(x.labels) == 0 && len(labels) == 0)
	x.labels = maps.Clone(labels)
	for id, t := range titles {
		x.titles[id] = t
	}
	for articleID, ids := range x.byArticle {
		title := x.title(articleID)
		for _, id := range ids {
			d, _ := x.Doc(id)
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

// Search runs a query; total counts every match, of which at most limit
// are returned.
func (x *Index) Search(q string, limit int) (results []search.Result, total int) {
	return x.ix.SearchTotal(search.ParseQuery(q), limit)
}

// SearchDeferred is Search without the highlights, which the returned
// function builds for one result when it is drawn.
func (x *Index) SearchDeferred(q string, limit int) (results []search.Result, total int, matches func(id string) []search.Match) {
	results, total, h := x.ix.SearchDeferred(search.ParseQuery(q), limit)
	return results, total, h.Matches
}

// DocOf converts an annotation into what search knows of it: title is its
// article's title, labels the reader's label names.
func DocOf(a *annotation.Annotation, title string, labels annotation.LabelNames) search.Doc {
	d := search.Doc{
		ID:           a.ID,
		Article:      a.Article,
		ArticleTitle: title,
		Quote:        a.Quote.Exact,
		Note:         a.Note,
		Tags:         a.Tags,
		Kind:         string(a.Kind),
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
