package share

import (
	"slices"
	"sort"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// Preview says what applying an import would do, before anything is written.
type Preview struct {
	New, Updated, Unchanged int
	Rejected                []Rejection
	// NewArticles are the articles the import adds to the library.
	NewArticles []*article.Article
	// Warnings are about the files as a whole.
	Warnings []string
	// ItemWarnings are about single items, in file order: what an item
	// carried that was not kept, or was kept in another form.
	ItemWarnings []ItemWarning
	// Decisions say, for each annotation that is both in the file and in
	// the library with different content, which copy is kept and why.
	Decisions []Decision
	// Unattached are the annotations whose target named no article, waiting
	// for the reader to attach them to the article the import was made on
	// (set ImportSet.Attach and preview again). They are not in the counts.
	Unattached []Incoming
	// Writes holds, for each article whose annotations change, its complete
	// new list of annotations: store.Apply writes them with NewArticles,
	// all or nothing.
	Writes map[string][]annotation.Annotation
}

// ItemWarning is one thing the reader should know about one item.
type ItemWarning struct {
	File    string // the file, when several were imported at once
	Item    int    // the item's index in its file, from 0
	ID      string // the annotation it became
	Message string
}

func (w ItemWarning) String() string {
	return Rejection{File: w.File, Item: w.Item, Reason: w.Message}.String()
}

// Winner says which copy of an annotation an import keeps.
type Winner string

const (
	FileWins  Winner = "file"  // the file's copy replaces the library's
	LocalWins Winner = "local" // the library's copy is kept
)

// Decision is why one annotation that is in both places was taken from
// the file or kept as it is.
type Decision struct {
	File   string
	Item   int
	ID     string
	Quote  string // the start of the quote, to name it to the reader
	Winner Winner
	Reason string // a sentence in plain words
}

// PreviewImport merges set into existing (the reader's annotations by
// article id) by annotation id, in time linear in the annotations it
// touches:
//
//   - an id not there is new;
//   - the same content (ContentHash) is unchanged, whatever the times say,
//     unless the file's copy was modified later (then it is an update that
//     brings its selectors);
//   - when both have a modification time, the later one wins;
//   - when the file's copy has none (many tools write none), it wins only if
//     ours was imported and not edited since (Imported equals its
//     ContentHash); a copy edited here, or made here, is kept;
//   - a tombstone of ours is treated like any annotation.
//
// Each conflict of content is listed in Decisions with its reason. So
// importing the same file twice changes nothing the second time.
func PreviewImport(set *ImportSet, existing map[string][]annotation.Annotation) Preview {
	pv := NewPreviewer([]*ImportSet{set}, existing)
	for !pv.Step(1 << 30) {
	}
	return pv.Preview()
}

// Previewer is Merge and PreviewImport a slice at a time, as Importer
// reads, so that the browser stays responsive while the files of a big
// import (three of 20,000 annotations) are joined and compared with the
// library:
//
//	pv := share.NewPreviewer(sets, existing)
//	for !pv.Step(2000) { … yield … }
//	set, p := pv.Set(), pv.Preview()
//
// It does in all what Merge and PreviewImport do, in time linear in the
// annotations it touches.
type Previewer struct {
	sets     []*ImportSet
	set      *ImportSet
	existing map[string][]annotation.Annotation
	p        Preview
	stage    int // previewJoin, previewCount, previewMerge, previewDone
	file     int // the set being joined
	next     int // the next annotation of the stage
	incoming map[string]int
	lists    map[string]*working
	changed  map[string]bool
}

// The stages of a Previewer.
const (
	previewJoin  = iota // copying several files' annotations into one set
	previewCount        // counting what comes to each article
	previewMerge        // merging each annotation with the library's copy
	previewDone
)

// working is one article's list of annotations as the import would leave
// it, and where each id is in it.
type working struct {
	list  []annotation.Annotation
	index map[string]int
}

// NewPreviewer starts previewing sets (one or several files; nil sets
// preview nothing) against existing, the reader's annotations by article.
func NewPreviewer(sets []*ImportSet, existing map[string][]annotation.Annotation) *Previewer {
	pv := &Previewer{existing: existing, p: Preview{Writes: map[string][]annotation.Annotation{}},
		incoming: map[string]int{}, lists: map[string]*working{}, changed: map[string]bool{}}
	sets = slices.DeleteFunc(slices.Clone(sets), func(s *ImportSet) bool { return s == nil })
	switch len(sets) {
	case 0:
		pv.stage = previewDone
		return pv
	case 1:
		pv.set, pv.stage = sets[0], previewCount
	default:
		pv.sets, pv.set, pv.stage = sets, mergeHead(sets), previewJoin
	}
	p := &pv.p
	p.Rejected = append(p.Rejected, pv.set.Rejected...)
	sort.SliceStable(p.Rejected, func(i, j int) bool {
		if p.Rejected[i].File != p.Rejected[j].File {
			return p.Rejected[i].File < p.Rejected[j].File
		}
		return p.Rejected[i].Item < p.Rejected[j].Item
	})
	p.NewArticles = append(p.NewArticles, pv.set.NewArticles...)
	p.Warnings = append(p.Warnings, pv.set.Warnings...)
	return pv
}

// Step does up to n annotations of work and reports whether the preview
// is made.
func (pv *Previewer) Step(n int) bool {
	for n = max(n, 1); n > 0 && pv.stage != previewDone; {
		switch pv.stage {
		case previewJoin:
			if pv.file == len(pv.sets) {
				pv.stage, pv.next = previewCount, 0
				continue
			}
			from := pv.sets[pv.file]
			to := min(pv.next+n, len(from.Annotations))
			pv.set.Annotations = appendFrom(pv.set.Annotations, from, pv.next, to)
			n -= to - pv.next
			if pv.next = to; to == len(from.Annotations) {
				pv.file, pv.next = pv.file+1, 0
			}
		case previewCount:
			// How many annotations the set brings to each article, so that
			// each article's new list is allocated once, at its full size.
			to := min(pv.next+n, len(pv.set.Annotations))
			for _, in := range pv.set.Annotations[pv.next:to] {
				pv.incoming[in.Annotation.Article]++
			}
			n -= to - pv.next
			if pv.next = to; to == len(pv.set.Annotations) {
				pv.stage, pv.next = previewMerge, 0
			}
		case previewMerge:
			to := min(pv.next+n, len(pv.set.Annotations))
			for _, in := range pv.set.Annotations[pv.next:to] {
				pv.merge(in)
			}
			n -= to - pv.next
			if pv.next = to; to == len(pv.set.Annotations) {
				for id := range pv.changed {
					pv.p.Writes[id] = pv.lists[id].list
				}
				pv.stage = previewDone
			}
		}
	}
	return pv.stage == previewDone
}

// Progress says how far the preview is, from 0 to 1.
func (pv *Previewer) Progress() float64 {
	if pv.stage == previewDone || pv.set == nil || len(pv.set.Annotations) == 0 && pv.stage != previewJoin {
		return 1
	}
	total := float64(cap(pv.set.Annotations))
	switch pv.stage {
	case previewJoin:
		return 0.4 * float64(len(pv.set.Annotations)) / max(total, 1)
	case previewCount:
		return 0.4 + 0.1*float64(pv.next)/total
	}
	return 0.5 + 0.5*float64(pv.next)/total
}

// Set is the set previewed: the one file's, or several files' joined as
// Merge joins them (complete once Step has reported done).
func (pv *Previewer) Set() *ImportSet { return pv.set }

// Preview returns the preview once Step has reported done.
func (pv *Previewer) Preview() Preview { return pv.p }

// list returns the working list of article id, made from the library's
// on first use.
func (pv *Previewer) list(id string) *working {
	if w, ok := pv.lists[id]; ok {
		return w
	}
	old := pv.existing[id]
	n := len(old) + pv.incoming[id]
	w := &working{list: append(make([]annotation.Annotation, 0, n), old...), index: make(map[string]int, n)}
	for i, a := range w.list {
		w.index[a.ID] = i
	}
	pv.lists[id] = w
	return w
}

// merge previews one incoming annotation.
func (pv *Previewer) merge(in Incoming) {
	p := &pv.p
	if in.NoSource && !pv.set.Attach {
		p.Unattached = append(p.Unattached, in)
		return
	}
	a := in.Annotation
	for _, msg := range in.Warnings {
		p.ItemWarnings = append(p.ItemWarnings, ItemWarning{File: in.File, Item: in.Item, ID: a.ID, Message: msg})
	}
	w := pv.list(a.Article)
	i, ok := w.index[a.ID]
	if !ok {
		w.index[a.ID] = len(w.list)
		w.list = append(w.list, a)
		p.New++
		pv.changed[a.Article] = true
		return
	}
	ours := w.list[i]
	winner, reason := decide(ours, a)
	if winner == FileWins {
		w.list[i] = a
		p.Updated++
		pv.changed[a.Article] = true
	} else {
		p.Unchanged++
	}
	if reason != "" {
		p.Decisions = append(p.Decisions, Decision{File: in.File, Item: in.Item, ID: a.ID,
			Quote: clipRunes(collapseSpace(a.Quote.Exact), 60), Winner: winner, Reason: reason})
	}
}

// decide says which copy of one annotation to keep: ours (in the library)
// or theirs (the file's). The reason is "" when the copies say the same.
func decide(ours, theirs annotation.Annotation) (Winner, string) {
	theirsHash := theirs.Imported // the import computed it
	if theirsHash == "" {
		theirsHash = theirs.ContentHash()
	}
	same := ours.ContentHash() == theirsHash
	switch {
	case same && !theirs.Modified.After(ours.Modified):
		return LocalWins, ""
	case same:
		// Modified later with the same words: its selectors or times are newer.
		return FileWins, ""
	case !theirs.Modified.IsZero() && !ours.Modified.IsZero():
		if theirs.Modified.After(ours.Modified) {
			return FileWins, "the file's copy was changed later (" + when(theirs.Modified) + ") than yours (" + when(ours.Modified) + ")"
		}
		if theirs.Modified.Equal(ours.Modified) {
			return LocalWins, "both copies say they were changed at the same time (" + when(ours.Modified) + "); yours is kept"
		}
		return LocalWins, "your copy was changed later (" + when(ours.Modified) + ") than the file's (" + when(theirs.Modified) + ")"
	case !theirs.Modified.IsZero():
		return FileWins, "the file's copy says when it was changed (" + when(theirs.Modified) + ") and yours does not"
	}
	// The file does not say when its copy was changed: decide by content.
	switch {
	case ours.Imported == "" && ours.Modified.IsZero():
		return FileWins, "neither copy says when it was changed, and yours was never edited here"
	case ours.Imported == "":
		return LocalWins, "the file's copy does not say when it was changed, and yours was made or edited here"
	case ours.EditedSinceImport():
		return LocalWins, "the file's copy does not say when it was changed, and yours was edited since it was imported"
	}
	return FileWins, "the file's copy does not say when it was changed, and yours was not edited since it was imported"
}

func when(t time.Time) string { return t.UTC().Format("2 Jan 2006 15:04 UTC") }

// Changes reports whether applying the preview would write anything.
func (p Preview) Changes() bool { return len(p.Writes) > 0 || len(p.NewArticles) > 0 }

// WarningCounts groups the item warnings by message, most frequent first,
// for a preview that says "kept an HTML body as plain text (12 items)"
// once rather than twelve times.
func (p Preview) WarningCounts() []WarningCount {
	counts := map[string]int{}
	var order []string
	for _, w := range p.ItemWarnings {
		if counts[w.Message] == 0 {
			order = append(order, w.Message)
		}
		counts[w.Message]++
	}
	out := make([]WarningCount, len(order))
	for i, m := range order {
		out[i] = WarningCount{Message: m, Items: counts[m]}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Items > out[j].Items })
	return out
}

// WarningCount is one warning message and how many items it concerns.
type WarningCount struct {
	Message string
	Items   int
}
