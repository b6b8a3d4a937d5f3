package share

import (
	"sort"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// Preview says what applying an import would do, before anything is written.
type Preview struct {
	New, Updated, Unchanged int
	Rejected                []Rejection
	// NewArticles are the articles the import adds to the library.
	NewArticles []*article.Article
	Warnings    []string
	// Writes holds, for each article whose annotations change, its complete
	// new list of annotations: store.Apply writes them with NewArticles,
	// all or nothing.
	Writes map[string][]annotation.Annotation
}

// PreviewImport merges set into existing (the reader's annotations by article
// id) by annotation id: an id not there is new; a copy modified later than
// ours is an update; the same or an older copy leaves ours unchanged. So
// importing the same file twice changes nothing the second time. A
// tombstone of ours is treated like any annotation: an older import does not
// bring it back.
func PreviewImport(set *ImportSet, existing map[string][]annotation.Annotation) Preview {
	p := Preview{Writes: map[string][]annotation.Annotation{}}
	if set == nil {
		return p
	}
	p.Rejected = append(p.Rejected, set.Rejected...)
	sort.SliceStable(p.Rejected, func(i, j int) bool {
		if p.Rejected[i].File != p.Rejected[j].File {
			return p.Rejected[i].File < p.Rejected[j].File
		}
		return p.Rejected[i].Item < p.Rejected[j].Item
	})
	p.NewArticles = append(p.NewArticles, set.NewArticles...)
	p.Warnings = append(p.Warnings, set.Warnings...)

	working := map[string][]annotation.Annotation{}
	list := func(id string) []annotation.Annotation {
		if l, ok := working[id]; ok {
			return l
		}
		l := append([]annotation.Annotation(nil), existing[id]...)
		working[id] = l
		return l
	}
	changed := map[string]bool{}
	for _, in := range set.Annotations {
		a := in.Annotation
		l := list(a.Article)
		i := indexByID(l, a.ID)
		switch {
		case i < 0:
			working[a.Article] = append(l, a)
			p.New++
			changed[a.Article] = true
		case a.Modified.After(l[i].Modified):
			l[i] = a
			p.Updated++
			changed[a.Article] = true
		default:
			p.Unchanged++
		}
	}
	for id := range changed {
		p.Writes[id] = working[id]
	}
	return p
}

// Changes reports whether applying the preview would write anything.
func (p Preview) Changes() bool { return len(p.Writes) > 0 || len(p.NewArticles) > 0 }

func indexByID(l []annotation.Annotation, id string) int {
	for i := range l {
		if l[i].ID == id {
			return i
		}
	}
	return -1
}
