package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Match is where a result matched, for highlighting.
type Match struct {
	Field Field
	Text  string // the original text of the field
	// Ranges are the matched [start,end) spans in code points of Text,
	// sorted and merged.
	Ranges [][2]int
}

// Result is one matching annotation.
type Result struct {
	ID      string
	Score   float64
	Matches []Match
}

const (
	multiFieldBonus = 0.05 // times the match's score, per extra field holding the word
	phraseBonus     = 0.2
)

// term is one part of a query every result must match: a word or a phrase.
type term struct {
	word   *wordMatch
	phrase *phraseMatch
	cost   int
}

// phraseMatch is a phrase resolved against the vocabulary.
type phraseMatch struct {
	ids     []uint32 // vocabulary id of each word but an open last one
	last    *wordMatch
	pivot   uint32 // the rarest word, whose postings are checked
	useLast bool   // the pivot is the open last word (a one-word open phrase)
}

// Search returns the annotations matching query q, best first, at most limit
// of them (all when limit <= 0). An empty query returns nil.
func (ix *Index) Search(q string, limit int) []Result {
	return ix.SearchQuery(ParseQuery(q), limit)
}

// SearchQuery is Search for a parsed query.
func (ix *Index) SearchQuery(q Query, limit int) []Result {
	results, _ := ix.SearchTotal(q, limit)
	return results
}

// SearchTotal is SearchQuery that also says how many annotations match in
// all, of which at most limit are returned.
func (ix *Index) SearchTotal(q Query, limit int) (results []Result, total int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	results, total, _ = ix.search(q, limit, true)
	return results, total
}

// SearchDeferred is SearchTotal without the highlights: each result's
// Matches are left nil, for h.Matches to build when the result is shown.
// Only the results a person sees then pay for them.
func (ix *Index) SearchDeferred(q Query, limit int) (results []Result, total int, h *Highlighter) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	results, total, terms := ix.search(q, limit, false)
	return results, total, &Highlighter{ix: ix, q: q, terms: terms, version: ix.version}
}

// Highlighter builds the highlights of a deferred search's results.
type Highlighter struct {
	ix      *Index
	q       Query
	terms   []term
	version uint64
}

// Matches returns the highlights of the result with this id, as
// SearchTotal would have given them; nil when it is no longer indexed.
func (h *Highlighter) Matches(id string) []Match {
	if h == nil || h.q.Empty() {
		return nil
	}
	ix := h.ix
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ord, ok := ix.byID[id]
	if !ok {
		return nil
	}
	if h.version != ix.version {
		// The vocabulary may have changed since: resolve the words again.
		terms, ok := ix.terms(h.q)
		if !ok {
			return nil
		}
		h.terms, h.version = terms, ix.version
	}
	return ix.matches(&ix.entries[ord], h.terms, h.q)
}

// search returns the top results, with their Matches when highlight is
// set, the total and the terms.
func (ix *Index) search(q Query, limit int, highlight bool) (results []Result, total int, terms []term) {
	if q.Empty() {
		return nil, 0, nil
	}
	terms, ok := ix.terms(q)
	if !ok {
		return nil, 0, nil
	}
	cands := ix.score(terms)
	if cands == nil { // facets alone
		for ord := range ix.entries {
			if ix.entries[ord].alive {
				cands = append(cands, scored{uint32(ord), 0})
			}
		}
	}
	if q.hasFacets() {
		cands = slices.DeleteFunc(cands, func(c scored) bool { return !ix.entries[c.ord].facet.match(&ix.entries[c.ord].doc, q) })
	}
	top := ix.top(cands, limit)
	results = make([]Result, len(top))
	for i, c := range top {
		e := &ix.entries[c.ord]
		results[i] = Result{ID: e.doc.ID, Score: float64(c.score)}
		if highlight {
			results[i].Matches = ix.matches(e, terms, q)
		}
	}
	return results, len(cands), terms
}

// terms resolves the query's words and phrases against the vocabulary. It
// reports false when some phrase word is in no annotation, so nothing matches.
func (ix *Index) terms(q Query) ([]term, bool) {
	var terms []term
	cache := map[string]*wordMatch{}
	word := func(w string) *wordMatch {
		if m := cache[w]; m != nil {
			return m
		}
		m := ix.cache[w]
		if m == nil {
			// Reuse the candidates of the longest previous word this one extends.
			var from *wordMatch
			for k, c := range ix.cache {
				if strings.HasPrefix(w, k) && (from == nil || len(k) > len(from.word)) {
					from = c
				}
			}
			m = ix.matchWord(w, from)
		}
		cache[w] = m
		return m
	}
	for _, w := range q.Words {
		m := word(w)
		terms = append(terms, term{word: m, cost: m.cost})
	}
	for _, p := range q.Phrases {
		pm := &phraseMatch{}
		exact := p.Words
		if p.Open {
			exact = p.Words[:len(p.Words)-1]
			pm.last = word(p.Words[len(p.Words)-1])
		}
		cost := -1
		for _, w := range exact {
			id, ok := lookup(&ix.vocab, ix.words, w)
			if !ok {
				return nil, false
			}
			pm.ids = append(pm.ids, id)
			if n := len(ix.posts(id)); cost < 0 || n < cost {
				cost, pm.pivot = n, id
			}
		}
		if cost < 0 {
			pm.useLast, cost = true, pm.last.cost
		}
		terms = append(terms, term{phrase: pm, cost: cost})
	}
	ix.cache = cache
	// The cheapest term first keeps the list of candidates short.
	slices.SortStableFunc(terms, func(a, b term) int { return a.cost - b.cost })
	return terms, true
}

// scored is a candidate document and its score.
type scored struct {
	ord   uint32
	score float32
}

// score returns the documents matching every term with their scores, or nil
// when there are no terms.
func (ix *Index) score(terms []term) []scored {
	if len(terms) == 0 {
		return nil
	}
	for len(ix.accs) < len(ix.entries) {
		ix.accs = append(ix.accs, acc{})
	}
	if ix.gen > 1<<30 {
		for i := range ix.accs {
			ix.accs[i].gen = 0
		}
		ix.gen = 0
	}
	base := ix.gen + 1
	ix.gen += uint32(len(terms)) + 1
	touched := ix.touched[:0]
	for i, t := range terms {
		gen := base + uint32(i)
		add := func(ord uint32, f fieldID, s float32) {
			a := &ix.accs[ord]
			bit := uint8(1) << f
			switch {
			case a.gen == gen:
				if a.mask&bit == 0 {
					a.mask |= bit
					a.total += multiFieldBonus * s
				}
				if s > a.best {
					a.total += s - a.best
					a.best = s
				}
			case i == 0 || a.gen == gen-1:
				if i == 0 {
					a.total = 0
					touched = append(touched, ord)
				}
				a.gen, a.mask, a.best = gen, bit, s
				a.total += s
			}
		}
		switch {
		case t.word != nil:
			for _, h := range t.word.hits {
				w := tierWeight(h.tier)
				for _, p := range ix.posts(h.id) {
					ord, f := p>>3, fieldID(p&7)
					if ix.entries[ord].alive && w[f] != 0 {
						add(ord, f, h.score*w[f])
					}
				}
			}
		case t.phrase.useLast:
			for _, h := range t.phrase.last.hits {
				if h.tier > tierPrefix {
					continue
				}
				for _, p := range ix.posts(h.id) {
					ord, f := p>>3, fieldID(p&7)
					if ix.entries[ord].alive {
						add(ord, f, (h.score+phraseBonus)*fieldWeight[f])
					}
				}
			}
		default:
			pm := t.phrase
			n := float32(len(pm.ids))
			if pm.last != nil {
				n++
			}
			for _, p := range ix.posts(pm.pivot) {
				ord, f := p>>3, fieldID(p&7)
				e := &ix.entries[ord]
				if !e.alive || (i > 0 && ix.accs[ord].gen < gen-1) {
					continue
				}
				if len(phraseSpans(e.fieldSeq(f), pm, 1)) > 0 {
					add(ord, f, (n+phraseBonus)*fieldWeight[f])
				}
			}
		}
	}
	last := base + uint32(len(terms)) - 1
	// Both buffers are reused by the next search; callers keep only the top.
	out := ix.scored[:0]
	for _, ord := range touched {
		if a := &ix.accs[ord]; a.gen == last {
			out = append(out, scored{ord, a.total})
		}
	}
	ix.touched, ix.scored = touched, out
	return out
}

// fieldSeq returns the vocabulary ids of field f's words (noWord between parts).
func (e *entry) fieldSeq(f fieldID) []uint32 {
	start := 0
	if f > 0 {
		start = int(e.fieldEnd[f-1]) + 1
	}
	end := int(e.fieldEnd[f])
	if start > end || end > len(e.seq) {
		return nil
	}
	return e.seq[start:end]
}

// phraseSpans returns the [start,end) word positions in seq where the phrase
// occurs, at most max of them (all when max <= 0).
func phraseSpans(seq []uint32, pm *phraseMatch, max int) [][2]int {
	n := len(pm.ids)
	if pm.last != nil {
		n++
	}
	var spans [][2]int
	for i := 0; i+n <= len(seq); i++ {
		ok := true
		for k, id := range pm.ids {
			if seq[i+k] != id {
				ok = false
				break
			}
		}
		if ok && pm.last != nil {
			h, found := pm.last.find(seq[i+n-1])
			ok = found && h.tier <= tierPrefix
		}
		if ok {
			spans = append(spans, [2]int{i, i + n})
			if len(spans) == max {
				break
			}
		}
	}
	return spans
}

// better orders results: higher score, then more recently modified, then id.
func (ix *Index) better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	ea, eb := &ix.entries[a.ord], &ix.entries[b.ord]
	if ea.modified != eb.modified {
		return ea.modified > eb.modified
	}
	return ea.doc.ID < eb.doc.ID
}

// top returns the best limit candidates in order, without sorting the rest.
func (ix *Index) top(cands []scored, limit int) []scored {
	if limit <= 0 || limit >= len(cands) {
		slices.SortFunc(cands, func(a, b scored) int { return ix.cmp(a, b) })
		return cands
	}
	// A heap of the best limit so far, worst at the root.
	h := append([]scored(nil), cands[:limit]...)
	worse := func(i, j int) bool { return ix.better(h[j], h[i]) }
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			if r := l + 1; r < len(h) && worse(r, l) {
				l = r
			}
			if !worse(l, i) {
				return
			}
			h[i], h[l] = h[l], h[i]
			i = l
		}
	}
	for i := len(h)/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, c := range cands[limit:] {
		if ix.better(c, h[0]) {
			h[0] = c
			down(0)
		}
	}
	slices.SortFunc(h, func(a, b scored) int { return ix.cmp(a, b) })
	return h
}

func (ix *Index) cmp(a, b scored) int {
	switch {
	case ix.better(a, b):
		return -1
	case ix.better(b, a):
		return 1
	}
	return 0
}

// match reports whether a document satisfies the query's facets. Facet
// values forgive a typo as query words do (see namesValue).
func (fc *facets) match(d *Doc, q Query) bool {
	if (q.Orphan && !d.Orphan) || (q.Claim && !d.IsClaim) {
		return false
	}
	for _, v := range q.Tags {
		if !slices.ContainsFunc(fc.tags, func(t string) bool { return namesValue(t, v, false) }) {
			return false
		}
	}
	for _, v := range q.Labels {
		if !namesValue(fc.labelKey, v, false) && !namesValue(fc.label, v, true) {
			return false
		}
	}
	for _, v := range q.Types {
		if !namesValue(fc.claimType, v, false) && !namesValue(fc.claimTypeName, v, true) {
			return false
		}
	}
	for _, v := range q.Verdicts {
		if !namesValue(fc.verdict, v, false) && !namesValue(fc.verdictName, v, true) {
			return false
		}
	}
	for _, v := range q.Articles {
		if !strings.Contains(fc.article, v) && !namesValue(fc.title, v, true) {
			return false
		}
	}
	return true
}

// namesValue reports whether v, a folded facet value, names the folded
// text: text starts with v (or, with anyWord, a word of it does), or does
// so with one typo under the rules a query word follows (typoNames), so
// that verdict:inacurate finds Inaccurate and tag:militray military.
func namesValue(text, v string, anyWord bool) bool {
	if strings.HasPrefix(text, v) || (anyWord && hasWordPrefix(text, v)) {
		return true
	}
	if len(v) < 3 || text == "" {
		return false
	}
	if typoNames(v, text) {
		return true
	}
	for i := 1; anyWord && i < len(text); i++ {
		if !isWordByte(text[i-1]) && isWordByte(text[i]) && typoNames(v, text[i:]) {
			return true
		}
	}
	return false
}

// hasWordPrefix reports whether v starts text or starts a word of it.
func hasWordPrefix(text, v string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], v)
		if j < 0 {
			return false
		}
		j += i
		if j == 0 || !isWordByte(text[j-1]) {
			return true
		}
		i = j + 1
	}
}

func isWordByte(c byte) bool { return isDigit(c) || ('a' <= c && c <= 'z') || c >= 0x80 }

// matches builds the highlights of one result: each field's words that a
// query word or phrase matched, as code point ranges of the original text.
func (ix *Index) matches(e *entry, terms []term, q Query) []Match {
	var out []Match
	phrases := false
	for _, t := range terms {
		phrases = phrases || t.phrase != nil
	}
	for f := range numFields {
		if f == fKind {
			continue // not shown
		}
		kind := isKindField[f]
		// Folding with a position map costs; do it only for fields that hold
		// a matched word or a facet's value.
		seq := e.fieldSeq(f)
		facet := facetRanges(e, f, q)
		if facet == nil && !fieldHasHit(seq, terms) {
			continue
		}
		text := e.doc.fieldText(f)
		if !phrases && isASCII(text) {
			// ASCII text needs no folding map: its bytes are its code points,
			// and its words are those of seq, in order.
			if ranges, n, ok := ix.asciiRanges(facet, text, seq, terms, kind); ok {
				if n > 0 || len(ranges) > 0 {
					out = append(out, Match{Field: fieldNames[f], Text: text, Ranges: mergeRanges(ranges)})
				}
				continue
			}
		}
		folded, cp := foldMapped(text)
		type tok struct {
			start, end int
			id         uint32
		}
		var toks []tok
		var byteRanges [][2]int
		eachWord(folded, func(a, b int) {
			id, ok := lookup(&ix.vocab, ix.words, folded[a:b])
			if !ok {
				id = noWord
			}
			// A part separator between words breaks a phrase, as noWord does in seq.
			if sep := foldedSep[f]; sep != "" && len(toks) > 0 && strings.Contains(folded[toks[len(toks)-1].end:a], sep) {
				toks = append(toks, tok{a, a, noWord})
			}
			toks = append(toks, tok{a, b, id})
			if !ok {
				return
			}
			for _, t := range terms {
				if t.word == nil {
					continue
				}
				if h, ok := t.word.find(id); ok && (!kind || h.tier <= tierTypoPrefix) {
					byteRanges = appendWordRanges(byteRanges, a, t.word.word, folded[a:b], h)
				}
			}
		})
		for _, t := range terms {
			if t.phrase == nil {
				continue
			}
			seq := make([]uint32, len(toks))
			for i, tk := range toks {
				seq[i] = tk.id
			}
			for _, sp := range phraseSpans(seq, t.phrase, 0) {
				byteRanges = append(byteRanges, [2]int{toks[sp[0]].start, toks[sp[1]-1].end})
			}
		}
		ranges := facet
		if len(byteRanges) == 0 && len(ranges) == 0 {
			continue
		}
		for _, br := range byteRanges {
			s, en := codePointRange(cp, br[0], br[1])
			if en > s {
				ranges = append(ranges, [2]int{s, en})
			}
		}
		out = append(out, Match{Field: fieldNames[f], Text: text, Ranges: mergeRanges(ranges)})
	}
	return mergeClaim(out, &e.doc)
}

// mergeClaim makes the matches of fAssess and fClaim one match of the
// claim field, whose text is fAssess's parts and then fClaim's.
func mergeClaim(out []Match, d *Doc) []Match {
	assess, claim := -1, -1
	for i, m := range out {
		switch m.Field {
		case fieldAssess:
			assess = i
		case FieldClaim:
			claim = i
		}
	}
	if assess < 0 && claim < 0 {
		return out
	}
	m := Match{Field: FieldClaim, Text: d.claimText()}
	if assess >= 0 {
		m.Ranges = out[assess].Ranges
	}
	if claim >= 0 {
		shift := 0
		if t := d.fieldText(fAssess); t != "" {
			shift = utf8.RuneCountInString(t) + utf8.RuneCountInString(partSep[fClaim])
		}
		for _, r := range out[claim].Ranges {
			m.Ranges = append(m.Ranges, [2]int{r[0] + shift, r[1] + shift})
		}
	}
	if claim >= 0 && assess >= 0 {
		out[claim] = m
		return slices.Delete(out, assess, assess+1)
	}
	out[max(claim, assess)] = m
	return out
}

// foldedSep is each field's part separator, folded and trimmed.
var foldedSep = func() (out [numFields]string) {
	for f, sep := range partSep {
		if sep != "" {
			out[f] = Fold(strings.TrimSpace(sep))
		}
	}
	return out
}()

// asciiRanges appends to ranges the word terms' matches in ASCII text, whose
// words are seq's (noWord aside), splitting it as addASCII does; n counts
// them. It reports false when the words are not seq's, which it checks.
func (ix *Index) asciiRanges(ranges [][2]int, text string, seq []uint32, terms []term, kind bool) (_ [][2]int, n int, ok bool) {
	k := 0
	word := func(a, b int) bool {
		for k < len(seq) && seq[k] == noWord {
			k++
		}
		if k == len(seq) {
			return false
		}
		id := seq[k]
		k++
		w := ix.words[id]
		if len(w) != b-a {
			return false
		}
		for i := a; i < b; i++ {
			c := asciiFold[text[i]]
			if c == 0 {
				c = text[i] // the . or , inside a number
			}
			if c != w[i-a] {
				return false
			}
		}
		for _, t := range terms {
			if h, ok := t.word.find(id); ok && (!kind || h.tier <= tierTypoPrefix) {
				before := len(ranges)
				ranges = appendWordRanges(ranges, a, t.word.word, w, h)
				n += len(ranges) - before
			}
		}
		return true
	}
	start := -1
	for i := 0; i < len(text); i++ {
		if asciiFold[text[i]] != 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		if c := text[i]; (c == '.' || c == ',') && isDigit(text[i-1]) && i+1 < len(text) && isDigit(text[i+1]) {
			continue
		}
		if !word(start, i) {
			return nil, 0, false
		}
		start = -1
	}
	if start >= 0 && !word(start, len(text)) {
		return nil, 0, false
	}
	for ; k < len(seq); k++ {
		if seq[k] != noWord {
			return nil, 0, false
		}
	}
	return ranges, n, true
}

// fieldHasHit reports whether any word of seq matched a term.
func fieldHasHit(seq []uint32, terms []term) bool {
	for _, id := range seq {
		if id == noWord {
			continue
		}
		for _, t := range terms {
			m := t.word
			if t.phrase != nil {
				if m = t.phrase.last; m == nil {
					if slices.Contains(t.phrase.ids, id) {
						return true
					}
					continue
				}
				if slices.Contains(t.phrase.ids, id) {
					return true
				}
			}
			if _, ok := m.find(id); ok {
				return true
			}
		}
	}
	return false
}

// facetRanges returns the code point ranges of the tags a tag: facet picked,
// or of the label a label: facet picked.
func facetRanges(e *entry, f fieldID, q Query) [][2]int {
	var rs [][2]int
	switch {
	case f == fTags && len(q.Tags) > 0:
		at := 0
		for i, tag := range e.doc.Tags {
			n := utf8.RuneCountInString(tag)
			if slices.ContainsFunc(q.Tags, func(v string) bool { return strings.HasPrefix(e.facet.tags[i], v) }) {
				rs = append(rs, [2]int{at, at + n})
			}
			at += n + utf8.RuneCountInString(partSep[fTags])
		}
	case f == fLabel && len(q.Labels) > 0:
		rs = append(rs, [2]int{0, utf8.RuneCountInString(e.doc.Label)})
	}
	return rs
}

// mergeRanges sorts ranges and merges those that overlap or touch.
func mergeRanges(rs [][2]int) [][2]int {
	slices.SortFunc(rs, func(a, b [2]int) int { return a[0] - b[0] })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}
