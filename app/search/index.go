package search

import (
	"slices"
	"strings"
	"sync"
	"time"
)

// Doc is what search knows of one annotation. The UI converts annotations
// into Docs, so this package does not depend on the annotation package.
type Doc struct {
	ID            string
	Article       string // article id
	ArticleTitle  string
	Quote, Note   string
	Tags          []string
	Label         string // display name, e.g. "Key point"
	LabelKey      string // e.g. "key-point"
	ClaimType     string // key, e.g. "statistic"
	ClaimTypeName string // e.g. "Quantity or statistic"
	Verdict       string // key, e.g. "inaccurate"
	VerdictName   string
	Speaker       string
	Rationale     string
	IsClaim       bool
	Orphan        bool
	Modified      time.Time
}

// Field names a searchable part of a Doc.
type Field string

const (
	FieldQuote Field = "quote"
	FieldNote  Field = "note"
	FieldTags  Field = "tags"  // the tags joined by ", "
	FieldLabel Field = "label" // the label's display name
	FieldClaim Field = "claim" // claim type name, verdict name, speaker, rationale joined by " · "
	FieldTitle Field = "title" // the article's title
)

// fieldID numbers the fields; it fits in the low 3 bits of a posting.
type fieldID uint8

const (
	fQuote fieldID = iota
	fNote
	fTags
	fLabel
	fClaim
	fTitle
	numFields
)

var fieldNames = [numFields]Field{FieldQuote, FieldNote, FieldTags, FieldLabel, FieldClaim, FieldTitle}

// fieldWeight scales a word match by where it was found. Short, deliberate
// fields (tags, label) count most; the article title least, since every
// annotation of that article shares it.
var fieldWeight = [numFields]float32{
	fQuote: 0.9, fNote: 0.88, fTags: 1, fLabel: 1, fClaim: 0.85, fTitle: 0.8,
}

// partSep joins the parts of a field with several parts (tags, claim).
var partSep = [numFields]string{fTags: ", ", fClaim: " · "}

// parts returns the texts of field f of d.
func (d *Doc) parts(f fieldID) []string {
	switch f {
	case fQuote:
		return []string{d.Quote}
	case fNote:
		return []string{d.Note}
	case fTags:
		return d.Tags
	case fLabel:
		return []string{d.Label}
	case fClaim:
		var ps []string
		for _, p := range []string{d.ClaimTypeName, d.VerdictName, d.Speaker, d.Rationale} {
			if p != "" {
				ps = append(ps, p)
			}
		}
		return ps
	case fTitle:
		return []string{d.ArticleTitle}
	}
	return nil
}

// fieldText is the original text of field f, as Match.Text shows it.
func (d *Doc) fieldText(f fieldID) string {
	return strings.Join(d.parts(f), partSep[f])
}

// noWord separates parts and fields in a document's word sequence, so a
// phrase never runs from one tag into the next.
const noWord = ^uint32(0)

// entry is an indexed document.
type entry struct {
	doc      Doc
	alive    bool
	modified int64
	// seq is the vocabulary id of each word, field after field, with noWord
	// between parts; fieldEnd[f] is where field f ends in seq.
	seq      []uint32
	fieldEnd [numFields]uint16
	facet    facets
}

// facets holds the folded values facets compare against.
type facets struct {
	tags                     []string
	label, labelKey          string
	claimType, claimTypeName string
	verdict, verdictName     string
	article, title           string
}

// acc accumulates one document's score during a search; gen says which term
// of which search last touched it, so the array never needs clearing.
type acc struct {
	gen   uint32
	mask  uint8
	best  float32
	total float32
}

// Index is a searchable set of Docs. It is safe for concurrent use, but a
// search holds a lock: it is built for one reader typing.
type Index struct {
	mu      sync.Mutex
	byID    map[string]uint32 // id → document ordinal
	entries []entry
	dead    int

	vocab    map[string]uint32 // folded word → vocabulary id
	words    []string          // vocabulary id → folded word
	postings [][]uint32        // vocabulary id → ordinal<<3 | field, in ordinal order

	// Scratch and cache for Search.
	accs    []acc
	gen     uint32
	touched []uint32
	scored  []scored
	cache   map[string]*wordMatch // the previous query's words
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{byID: map[string]uint32{}, vocab: map[string]uint32{}}
}

// Len returns the number of documents in the index.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.byID)
}

// Grow makes room for n more documents, so that adding many at once (the
// first build) does not copy the growing index over and over.
func (ix *Index) Grow(n int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if n <= 0 {
		return
	}
	ix.entries = slices.Grow(ix.entries, n)
	if len(ix.byID) == 0 {
		ix.byID = make(map[string]uint32, n)
	}
}

// Add adds d, replacing any document with the same ID. Its fields are folded
// and split into words here, once, not on every keystroke.
func (ix *Index) Add(d Doc) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(d.ID)
	ix.add(d)
	ix.cache = nil
}

// Remove removes the document with the given id, if any.
func (ix *Index) Remove(id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.remove(id) {
		ix.cache = nil
		ix.maybeCompact()
	}
}

func (ix *Index) add(d Doc) {
	ord := uint32(len(ix.entries))
	e := entry{doc: d, alive: true, modified: d.Modified.UnixNano()}
	for f := range numFields {
		for i, part := range d.parts(f) {
			if i > 0 {
				e.seq = append(e.seq, noWord)
			}
			folded := Fold(part)
			eachWord(folded, func(a, b int) {
				id := ix.wordID(folded[a:b])
				p := ord<<3 | uint32(f)
				ps := ix.postings[id]
				// A word twice in one field is posted once.
				if n := len(ps); n == 0 || ps[n-1] != p {
					ix.postings[id] = append(ps, p)
				}
				e.seq = append(e.seq, id)
			})
		}
		e.fieldEnd[f] = uint16(min(len(e.seq), 0xFFFF))
		if len(e.seq) < 0xFFFF {
			e.seq = append(e.seq, noWord)
		}
	}
	e.facet = facets{
		tags:  make([]string, len(d.Tags)),
		label: Fold(d.Label), labelKey: Fold(d.LabelKey),
		claimType: Fold(d.ClaimType), claimTypeName: Fold(d.ClaimTypeName),
		verdict: Fold(d.Verdict), verdictName: Fold(d.VerdictName),
		article: Fold(d.Article), title: Fold(d.ArticleTitle),
	}
	for i, t := range d.Tags {
		e.facet.tags[i] = Fold(t)
	}
	ix.entries = append(ix.entries, e)
	ix.byID[d.ID] = ord
}

func (ix *Index) wordID(w string) uint32 {
	if id, ok := ix.vocab[w]; ok {
		return id
	}
	id := uint32(len(ix.words))
	w = strings.Clone(w) // do not pin the folded field text
	ix.vocab[w] = id
	ix.words = append(ix.words, w)
	ix.postings = append(ix.postings, nil)
	return id
}

// remove marks a document dead; its postings are skipped until compaction.
func (ix *Index) remove(id string) bool {
	ord, ok := ix.byID[id]
	if !ok {
		return false
	}
	delete(ix.byID, id)
	e := &ix.entries[ord]
	e.alive = false
	e.doc, e.seq, e.facet = Doc{}, nil, facets{}
	ix.dead++
	return true
}

// maybeCompact rebuilds the index once dead documents outnumber live ones,
// which keeps removal O(1) and its cost amortised.
func (ix *Index) maybeCompact() {
	if ix.dead < 1024 || ix.dead < len(ix.byID) {
		return
	}
	old := ix.entries
	ix.byID, ix.vocab = map[string]uint32{}, map[string]uint32{}
	ix.entries, ix.words, ix.postings, ix.accs, ix.dead = nil, nil, nil, nil, 0
	for i := range old {
		if old[i].alive {
			ix.add(old[i].doc)
		}
	}
}
