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
	Kind          string // "highlight", "note" or "claim"; when empty, taken from IsClaim and Note
	Label         string // display name, e.g. "Key point", or the reader's own name for it
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

// kind is the name of what the annotation is: its Kind, else a claim, a
// note or a highlight as IsClaim and Note say.
func (d *Doc) kind() string {
	switch {
	case d.Kind != "":
		return d.Kind
	case d.IsClaim:
		return "claim"
	case d.Note != "":
		return "note"
	}
	return "highlight"
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
//
// What the reader wrote or quoted (quote, note, tags, the claim's speaker
// and rationale, the title) is text; the label, the claim type and verdict
// names and the kind say what the annotation is. A word that names a kind
// (claim, question, inaccurate, or a label's new name) finds the
// annotations of that kind, ranked after every match on text, since
// someone who types "claim" may mean the word as much as the kind.
type fieldID uint8

const (
	fQuote  fieldID = iota
	fNote           // the note
	fTags           // the tags
	fLabel          // the label's display name (a kind field)
	fClaim          // the claim's speaker and rationale
	fTitle          // the article's title
	fAssess         // the claim type's and the verdict's names (a kind field), shown with fClaim
	fKind           // the kind, and the keys whose words the names lack (a kind field), never shown
	numFields
)

var fieldNames = [numFields]Field{FieldQuote, FieldNote, FieldTags, FieldLabel, FieldClaim, FieldTitle, fieldAssess, "kind"}

// fieldAssess names fAssess's matches until mergeClaim makes them part of
// FieldClaim's.
const fieldAssess Field = "assess"

// kindWeight is the weight of the kind fields: below any match on text
// (the weakest, letters scattered in a title word, scores about 0.18).
const kindWeight = 0.15

// fieldWeight scales a word match by where it was found. Short, deliberate
// fields (tags) count most; the article title least of the text fields,
// since every annotation of that article shares it; the kind fields after
// all text.
var fieldWeight = [numFields]float32{
	fQuote: 0.9, fNote: 0.88, fTags: 1, fClaim: 0.85, fTitle: 0.8,
	fLabel: kindWeight, fAssess: kindWeight, fKind: kindWeight,
}

// isKindField says which fields name what an annotation is rather than
// hold its text. A word matches them whole, as a prefix or with a typo,
// never from inside a word or as scattered letters: "ion" does not name
// questions.
var isKindField = [numFields]bool{fLabel: true, fAssess: true, fKind: true}

// tierWeight is fieldWeight for a hit of tier t: nothing for a kind field
// matched from inside a word.
func tierWeight(t tier) *[numFields]float32 {
	if t > tierTypoPrefix {
		return &looseWeight
	}
	return &fieldWeight
}

var looseWeight = func() (w [numFields]float32) {
	for f := range numFields {
		if !isKindField[f] {
			w[f] = fieldWeight[f]
		}
	}
	return w
}()

// partSep joins the parts of a field with several parts (tags, claim).
var partSep = [numFields]string{fTags: ", ", fClaim: " · ", fAssess: " · ", fKind: " "}

// parts returns the texts of field f of d, in buf when it fits. The kind
// field's keys are added by the index (kindParts).
func (d *Doc) parts(f fieldID, buf *[4]string) []string {
	ps := buf[:0]
	switch f {
	case fQuote:
		ps = append(ps, d.Quote)
	case fNote:
		ps = append(ps, d.Note)
	case fTags:
		return d.Tags
	case fLabel:
		ps = append(ps, d.Label)
	case fClaim:
		for _, p := range [...]string{d.Speaker, d.Rationale} {
			if p != "" {
				ps = append(ps, p)
			}
		}
	case fAssess:
		for _, p := range [...]string{d.ClaimTypeName, d.VerdictName} {
			if p != "" {
				ps = append(ps, p)
			}
		}
	case fKind:
		ps = append(ps, d.kind())
	case fTitle:
		ps = append(ps, d.ArticleTitle)
	}
	return ps
}

// fieldText is the original text of field f, as Match.Text shows it.
func (d *Doc) fieldText(f fieldID) string {
	var buf [4]string
	return strings.Join(d.parts(f, &buf), partSep[f])
}

// claimText is the claim field as Match.Text shows it: fAssess's parts,
// then fClaim's.
func (d *Doc) claimText() string {
	var parts []string
	for _, p := range [...]string{d.ClaimTypeName, d.VerdictName, d.Speaker, d.Rationale} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, partSep[fClaim])
}

// noWord separates parts and fields in a document's word sequence, so a
// phrase never runs from one tag into the next.
const noWord = ^uint32(0)

// entry is an indexed document. Entries are small and flat; what only a
// result or a facet needs lives in docData, carved from shared chunks.
type entry struct {
	alive    bool
	modified int64
	// seq is the vocabulary id of each word, field after field, with noWord
	// between parts and after each field; fieldEnd[f] is where field f ends
	// in seq. seq is a window of one of the index's shared seq chunks.
	seq      []uint32
	fieldEnd [numFields]uint32
	*docData
}

// docData is the document as added and its folded facet values.
type docData struct {
	doc   Doc
	facet facets
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

	vocab    vocabTable // folded word → vocabulary id
	words    []string   // vocabulary id → folded word
	postings [][]uint32 // vocabulary id → ordinal<<3 | field, in ordinal order; the first postN are used
	postN    []uint32

	// Building: chunks that many small slices are carved from (never
	// reallocated, so a window stays valid), a folding buffer, and caches of
	// what many documents share (an article's title, label names).
	seqBuf   []uint32 // its first seqLen are used
	seqLen   int
	seqStart int // where the document being added starts in seqBuf
	postBuf  []uint32
	dataBuf  []docData
	tagBuf   []string
	foldBuf  []byte
	idBuf    []uint32
	titleIDs map[string][]uint32 // title → its words' vocabulary ids
	folds    map[string]string   // short shared text → folded
	keyAdds  map[[2]string]bool  // key and name → the key has words the name lacks

	// Scratch and cache for Search.
	accs    []acc
	gen     uint32
	touched []uint32
	scored  []scored
	cache   map[string]*wordMatch // the previous query's words
	version uint64                // counts changes, for Highlighter
}

// Sizes of the chunks the index carves small slices from.
const (
	seqChunk  = 1 << 14
	postChunk = 1 << 13
	postSmall = 64 // posting lists up to this capacity come from chunks
	dataChunk = 256
	tagChunk  = 1024
	cacheMax  = 4096 // entries in each of the build caches
)

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{byID: map[string]uint32{}}
}

// Len returns the number of documents in the index.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.byID)
}

// Doc returns the document with this id as it was added.
func (ix *Index) Doc(id string) (Doc, bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ord, ok := ix.byID[id]
	if !ok {
		return Doc{}, false
	}
	return ix.entries[ord].doc, true
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
	ix.version++
}

// Remove removes the document with the given id, if any.
func (ix *Index) Remove(id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.remove(id) {
		ix.cache = nil
		ix.version++
		ix.maybeCompact()
	}
}

func (ix *Index) add(d Doc) {
	ord := uint32(len(ix.entries))
	if len(ix.dataBuf) == cap(ix.dataBuf) {
		ix.dataBuf = make([]docData, 0, dataChunk)
	}
	ix.dataBuf = append(ix.dataBuf, docData{doc: d})
	data := &ix.dataBuf[len(ix.dataBuf)-1]
	e := entry{alive: true, modified: d.Modified.UnixNano(), docData: data}

	ix.seqStart = ix.seqLen
	var buf [4]string
	for f := range numFields {
		p := ord<<3 | uint32(f)
		parts := d.parts(f, &buf)
		if f == fKind {
			parts = ix.kindParts(&data.doc, parts)
		}
		for i, part := range parts {
			if i > 0 {
				ix.pushSeq(noWord)
			}
			ix.addPart(f, p, part)
		}
		e.fieldEnd[f] = uint32(ix.seqLen - ix.seqStart)
		ix.pushSeq(noWord)
	}
	e.seq = ix.seqBuf[ix.seqStart:ix.seqLen:ix.seqLen]

	fc := &data.facet
	fc.label, fc.labelKey = ix.foldShared(d.Label), ix.foldShared(d.LabelKey)
	fc.claimType, fc.claimTypeName = ix.foldShared(d.ClaimType), ix.foldShared(d.ClaimTypeName)
	fc.verdict, fc.verdictName = ix.foldShared(d.Verdict), ix.foldShared(d.VerdictName)
	fc.article, fc.title = ix.foldShared(d.Article), ix.foldShared(d.ArticleTitle)
	if n := len(d.Tags); n > 0 {
		if cap(ix.tagBuf)-len(ix.tagBuf) < n {
			ix.tagBuf = make([]string, 0, max(tagChunk, n))
		}
		start := len(ix.tagBuf)
		for _, t := range d.Tags {
			ix.tagBuf = append(ix.tagBuf, ix.foldShared(t))
		}
		fc.tags = ix.tagBuf[start:len(ix.tagBuf):len(ix.tagBuf)]
	}
	ix.entries = append(ix.entries, e)
	ix.byID[d.ID] = ord
}

// addPart indexes the words of one part of a field: posting p (the
// document's ordinal and the field) for each, and their ids in seq.
func (ix *Index) addPart(f fieldID, p uint32, part string) {
	if f == fTitle {
		// Every annotation of an article shares its title: split it once.
		if ids, ok := ix.titleIDs[part]; ok {
			for _, id := range ids {
				ix.post(id, p)
				ix.pushSeq(id)
			}
			return
		}
		ix.idBuf = ix.idBuf[:0]
	}
	if isASCII(part) {
		ix.addASCII(f, p, part)
	} else {
		folded := appendFold(ix.foldBuf[:0], part)
		ix.keepFoldBuf(folded)
		eachWord(folded, func(a, b int) { ix.addWord(f, p, folded[a:b]) })
	}
	if f == fTitle {
		if ix.titleIDs == nil || len(ix.titleIDs) >= cacheMax {
			ix.titleIDs = map[string][]uint32{}
		}
		ix.titleIDs[part] = slices.Clone(ix.idBuf)
	}
}

// addASCII is appendFold and eachWord in one pass for ASCII text, which
// most text is: the same words, without the per-word call.
func (ix *Index) addASCII(f fieldID, p uint32, part string) {
	buf := ix.foldBuf
	if cap(buf) < len(part) {
		buf = make([]byte, max(len(part), 256))
		ix.foldBuf = buf
	}
	buf = buf[:len(part)]
	start := -1
	for i := 0; i < len(part); i++ {
		if c := asciiFold[part[i]]; c != 0 {
			buf[i] = c
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		if c := part[i]; (c == '.' || c == ',') && isDigit(part[i-1]) && i+1 < len(part) && isDigit(part[i+1]) {
			buf[i] = c // 2.4, 1,000
			continue
		}
		ix.addWord(f, p, buf[start:i])
		start = -1
	}
	if start >= 0 {
		ix.addWord(f, p, buf[start:])
	}
}

// asciiFold maps an ASCII letter or digit to its folded form, and every
// other byte to 0.
var asciiFold = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

// addWord indexes one folded word of field f.
func (ix *Index) addWord(f fieldID, p uint32, w []byte) {
	id := ix.wordID(w)
	ix.post(id, p)
	ix.pushSeq(id)
	if f == fTitle {
		ix.idBuf = append(ix.idBuf, id)
	}
}

// kindParts adds to ps, the kind field's parts, the keys of d's label,
// claim type and verdict that have words their names lack: "key-point"
// once the reader renamed Key point, "causal" beside "Cause and effect".
// A key the name already says is left out, so that no word is posted
// twice for one annotation.
func (ix *Index) kindParts(d *Doc, ps []string) []string {
	for _, kn := range [...][2]string{{d.LabelKey, d.Label}, {d.ClaimType, d.ClaimTypeName}, {d.Verdict, d.VerdictName}} {
		if kn[0] != "" && ix.keyAddsWords(kn) {
			ps = append(ps, kn[0])
		}
	}
	return ps
}

// keyAddsWords reports whether the key kn[0] has a word its name kn[1]
// lacks, once per pair.
func (ix *Index) keyAddsWords(kn [2]string) bool {
	if v, ok := ix.keyAdds[kn]; ok {
		return v
	}
	key, name := Fold(kn[0]), Fold(kn[1])
	adds := false
	eachWord(key, func(a, b int) {
		found := false
		eachWord(name, func(c, d int) { found = found || name[c:d] == key[a:b] })
		adds = adds || !found
	})
	if ix.keyAdds == nil || len(ix.keyAdds) >= cacheMax {
		ix.keyAdds = map[[2]string]bool{}
	}
	ix.keyAdds[kn] = adds
	return adds
}

// foldShared is Fold for short texts many documents share (labels, claim
// types, verdicts, tags, titles): each is folded once.
func (ix *Index) foldShared(s string) string {
	if isPlainLower(s) {
		return s
	}
	if f, ok := ix.folds[s]; ok {
		return f
	}
	f := Fold(s)
	if ix.folds == nil || len(ix.folds) >= cacheMax {
		ix.folds = map[string]string{}
	}
	ix.folds[s] = f
	return f
}

// pushSeq appends id to the seq of the document being added. When the
// chunk is full, the document's seq so far moves to a new chunk; the old
// chunk stays as it is for the documents that use it.
func (ix *Index) pushSeq(id uint32) {
	if ix.seqLen == len(ix.seqBuf) {
		cur := ix.seqBuf[ix.seqStart:ix.seqLen]
		buf := make([]uint32, max(seqChunk, 2*len(cur)))
		copy(buf, cur)
		ix.seqBuf, ix.seqLen, ix.seqStart = buf, len(cur), 0
	}
	// Writing only numbers, never a slice (whose pointer a running garbage
	// collector must be told of), keeps building cheap in WebAssembly.
	ix.seqBuf[ix.seqLen] = id
	ix.seqLen++
}

// post appends posting p to word id's list; a word twice in one field is
// posted once.
func (ix *Index) post(id, p uint32) {
	ps, n := ix.postings[id], ix.postN[id]
	if n > 0 && ps[n-1] == p {
		return
	}
	if int(n) == len(ps) {
		ps = ix.growPostings(ps)
		ix.postings[id] = ps
	}
	ps[n] = p
	ix.postN[id] = n + 1
}

// growPostings returns a longer copy of ps, as long as its capacity. Small
// lists (most words are rare) are carved from a shared chunk instead of
// allocated one by one.
func (ix *Index) growPostings(ps []uint32) []uint32 {
	c := max(4, 2*len(ps))
	var out []uint32
	if c > postSmall {
		out = make([]uint32, c)
	} else {
		if cap(ix.postBuf)-len(ix.postBuf) < c {
			ix.postBuf = make([]uint32, 0, postChunk)
		}
		start := len(ix.postBuf)
		ix.postBuf = ix.postBuf[:start+c]
		out = ix.postBuf[start : start+c : start+c]
	}
	copy(out, ps)
	return out
}

// posts returns word id's postings.
func (ix *Index) posts(id uint32) []uint32 { return ix.postings[id][:ix.postN[id]] }

// keepFoldBuf keeps buf, the folding buffer, for the next part; the slice
// is stored only when it grew.
func (ix *Index) keepFoldBuf(buf []byte) {
	if cap(buf) != cap(ix.foldBuf) {
		ix.foldBuf = buf
	}
}

func (ix *Index) wordID(w []byte) uint32 {
	if id, ok := lookup(&ix.vocab, ix.words, w); ok {
		return id
	}
	id := uint32(len(ix.words))
	ix.words = append(ix.words, string(w))
	ix.vocab.insert(ix.words, id)
	ix.postings, ix.postN = append(ix.postings, nil), append(ix.postN, 0)
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
	e.seq = nil
	*e.docData = docData{}
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
	ix.byID, ix.vocab = map[string]uint32{}, vocabTable{}
	ix.entries, ix.words, ix.postings, ix.postN, ix.accs, ix.dead = nil, nil, nil, nil, nil, 0
	ix.seqBuf, ix.seqLen, ix.postBuf, ix.dataBuf, ix.tagBuf, ix.titleIDs = nil, 0, nil, nil, nil, nil
	for i := range old {
		if old[i].alive {
			ix.add(old[i].doc)
		}
	}
}
