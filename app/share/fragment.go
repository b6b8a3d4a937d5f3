package share

import (
	"sort"
	"strings"
	"unicode"

	"github.com/annotator/annotator/app/article"
)

// Text fragments (https://wicg.github.io/scroll-to-text-fragment/): a link
// "#:~:text=[prefix-,]start[,end][,-suffix]" makes the browser scroll to and
// highlight the first passage of the page that the directive matches.
//
// TextFragmentFor chooses a directive the way the spec's own generation
// notes (and Chromium's generator) do: the passage itself when it is short
// and inside one block, else its first and last words as start and end;
// then, while the directive's first match on the page is not the passage,
// one more word of context on each side (a prefix may come from the
// previous block, a suffix from the next), and more words of start and end.
// Each candidate is checked with the spec's matching algorithm (find a
// range from a text directive), run over a model of the page: the article's
// title and blocks, white space collapsed as the browser renders it.
//
// Matching is as the spec asks: case-insensitive and accent-insensitive
// (the comparison is at the primary level of the Unicode Collation
// Algorithm), within one block per term, and word-bounded. This matcher
// folds case and the accents of Latin letters, and takes every place that
// is not between two letters or digits for a word boundary: it finds every
// match a browser finds and a few more, so a directive it finds unique is
// unique in the browser too. Where the spec needs a term to begin or end on
// a word boundary, the term is cut only where every browser sees one
// (white space, punctuation other than an apostrophe or a point inside a
// word, a block's edge), extending into context when the passage begins or
// ends inside a word.
//
// The page a browser opens is the article's source, which may carry more
// text than the article (menus, comments): the directive is unique within
// the article and its title, which is what can be known here.

// maxExactTerm is the longest passage given whole, in code points; a longer
// one is given as start and end (as Chromium does).
const maxExactTerm = 300

// TextFragmentFor returns the text directive "#:~:text=…" for the passage
// [start,end) of art's text (code points), or "" when the passage holds no
// text.
func TextFragmentFor(art *article.Article, start, end int) string {
	return newFragmentPage(art).fragment(start, end)
}

// fragment is TextFragmentFor on a page made once for many passages.
func (pg *fragmentPage) fragment(start, end int) string {
	s, e, ok := pg.span(start, end)
	if !ok {
		return ""
	}
	return "#:~:text=" + pg.directive(s, e).encode()
}

// FragmentURL adds a text directive to an address: after its fragment when
// it has one ("page#frag:~:text=…", one "#"), else after the address.
func FragmentURL(address, directive string) string {
	if directive == "" {
		return address
	}
	if strings.Contains(address, "#") {
		return address + strings.TrimPrefix(directive, "#")
	}
	return address + directive
}

// textDirective is a directive's four terms ("" when absent).
type textDirective struct{ prefix, start, end, suffix string }

func (d textDirective) encode() string {
	var b strings.Builder
	if d.prefix != "" {
		b.WriteString(fragmentEncode(d.prefix) + "-,")
	}
	b.WriteString(fragmentEncode(d.start))
	if d.end != "" {
		b.WriteString("," + fragmentEncode(d.end))
	}
	if d.suffix != "" {
		b.WriteString(",-" + fragmentEncode(d.suffix))
	}
	return b.String()
}

// fragmentPage is the page model: the title and the article's blocks as one
// rune slice, blocks joined by blockSep.
type fragmentPage struct {
	runes  []rune // blocks joined by blockSep
	folded []rune // runes, case and accents folded
	block  []int  // block index of each rune (-1 for a separator)
	blocks [][2]int
	// artStart[k] is where the article's block k starts in its text; it is
	// the page's block k+1 (block 0 is the title).
	artStart []int
}

// blockSep stands between blocks: white space, and no term may cross it.
const blockSep = '\n'

func newFragmentPage(art *article.Article) *fragmentPage {
	n := len(art.Title) + len(art.Text) + 1
	pg := &fragmentPage{runes: make([]rune, 0, n), block: make([]int, 0, n)}
	add := func(text string) {
		if len(pg.runes) > 0 {
			pg.runes = append(pg.runes, blockSep)
			pg.block = append(pg.block, -1)
		}
		start := len(pg.runes)
		for _, r := range text {
			pg.runes = append(pg.runes, r)
			pg.block = append(pg.block, len(pg.blocks))
		}
		pg.blocks = append(pg.blocks, [2]int{start, len(pg.runes)})
	}
	add(art.Title)
	for _, b := range art.Blocks {
		pg.artStart = append(pg.artStart, b.Start)
		add(b.Text)
	}
	pg.folded = make([]rune, len(pg.runes))
	for i, r := range pg.runes {
		pg.folded[i] = foldRune(r)
	}
	return pg
}

// span maps [start,end) of the article's text to the page, trimmed of
// white space; ok is false when nothing is left.
func (pg *fragmentPage) span(start, end int) (int, int, bool) {
	if len(pg.artStart) == 0 || start >= end {
		return 0, 0, false
	}
	toPage := func(at int, isEnd bool) int {
		// The block holding at; an end at a block's start belongs before it.
		k := sort.Search(len(pg.artStart), func(i int) bool {
			if isEnd {
				return pg.artStart[i] >= at
			}
			return pg.artStart[i] > at
		}) - 1
		k = max(k, 0)
		lo, hi := pg.blocks[k+1][0], pg.blocks[k+1][1]
		return min(max(lo+at-pg.artStart[k], lo), hi)
	}
	s, e := toPage(start, false), toPage(end, true)
	for s < e && isFragmentSpace(pg.runes[s]) {
		s++
	}
	for e > s && isFragmentSpace(pg.runes[e-1]) {
		e--
	}
	return s, e, s < e
}

// directive chooses the directive for the page passage [s,e).
func (pg *fragmentPage) directive(s, e int) textDirective {
	oneBlock := pg.block[s] == pg.block[e-1]
	exact := oneBlock && e-s <= maxExactTerm
	var best textDirective
	const maxContext, maxRangeWords = 6, 10
	for ctx := 0; ctx <= maxContext; ctx++ {
		for rw := 3; rw <= maxRangeWords; rw++ {
			d, ok := pg.build(s, e, exact, ctx, rw)
			if !ok {
				continue
			}
			best = d
			if ms, me, found := pg.find(d); found && ms == s && me == e {
				return d
			}
			if exact {
				break // start,end words only matter in range form
			}
		}
	}
	return best
}

// build makes the directive for [s,e) with ctx words of context on each
// side (more when the passage starts or ends inside a word) and, in range
// form, rw words for each of start and end. ok is false when the terms
// cannot be cut as the spec needs them.
func (pg *fragmentPage) build(s, e int, exact bool, ctx, rw int) (textDirective, bool) {
	var d textDirective
	// Does the passage begin and end where every browser sees a word boundary?
	startBound, endBound := pg.sureBoundary(s), pg.sureBoundary(e)
	if exact {
		d.start = pg.term(s, e)
	} else {
		// The start term: whole words from s, at most rw, ending on a sure
		// boundary, inside s's block; the end term likewise back from e.
		se := pg.wordsForward(s, rw, pg.blocks[pg.block[s]][1])
		es := pg.wordsBackward(e, rw, pg.blocks[pg.block[e-1]][0])
		if se <= s || es >= e || se > es {
			return d, false
		}
		d.start, d.end = pg.term(s, se), pg.term(es, e)
	}
	needPrefix, needSuffix := !startBound, !endBound
	if ctx > 0 || needPrefix {
		ps, pe, ok := pg.prefixSpan(s, max(ctx, 1))
		if !ok {
			return d, false
		}
		d.prefix = pg.term(ps, pe)
	}
	if ctx > 0 || needSuffix {
		ss, se, ok := pg.suffixSpan(e, max(ctx, 1))
		if !ok {
			return d, false
		}
		d.suffix = pg.term(ss, se)
	}
	return d, true
}

// term is the page text of [s,e), white space collapsed to single spaces.
func (pg *fragmentPage) term(s, e int) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if isFragmentSpace(r) {
			return ' '
		}
		return r
	}, string(pg.runes[s:e]))), " ")
}

// prefixSpan is the context before s for a prefix: the text of one block
// from a sure word start, n words back, up to s (or to the end of the block
// before, when s starts its block). The prefix ends wherever the passage
// begins, even inside a word: a prefix need not end on a boundary.
func (pg *fragmentPage) prefixSpan(s, n int) (int, int, bool) {
	pe := s
	for pe > 0 && isFragmentSpace(pg.runes[pe-1]) {
		pe--
	}
	if pe == 0 {
		return 0, 0, false
	}
	lo := pg.blocks[pg.block[pe-1]][0]
	ps := pg.wordsBackward(pe, n, lo)
	// A partial word right before the passage counts as one of the words.
	if ps >= pe {
		return 0, 0, false
	}
	return ps, pe, true
}

// suffixSpan is the context after e: from the first non-space after e (in
// its block or the next) forward n words, ending on a sure boundary.
func (pg *fragmentPage) suffixSpan(e, n int) (int, int, bool) {
	ss := e
	for ss < len(pg.runes) && isFragmentSpace(pg.runes[ss]) {
		ss++
	}
	if ss >= len(pg.runes) {
		return 0, 0, false
	}
	hi := pg.blocks[pg.block[ss]][1]
	se := pg.wordsForward(ss, n, hi)
	if se <= ss {
		return 0, 0, false
	}
	return ss, se, true
}

// wordsForward returns the end of n words from at (not past hi), on a sure
// boundary; punctuation between words rides along.
func (pg *fragmentPage) wordsForward(at, n, hi int) int {
	i, words := at, 0
	for i < hi && words < n {
		// Cross non-word characters, then a word.
		for i < hi && !isWordRune(pg.runes[i]) {
			i++
		}
		for i < hi && isWordRune(pg.runes[i]) {
			i++
		}
		words++
	}
	for i < hi && !pg.sureBoundary(i) {
		i++
	}
	return i
}

// wordsBackward returns the start of n words back from at (not before lo),
// on a sure boundary.
func (pg *fragmentPage) wordsBackward(at, n, lo int) int {
	i, words := at, 0
	for i > lo && words < n {
		for i > lo && !isWordRune(pg.runes[i-1]) {
			i--
		}
		for i > lo && isWordRune(pg.runes[i-1]) {
			i--
		}
		words++
	}
	for i > lo && !pg.sureBoundary(i) {
		i--
	}
	return i
}

// sureBoundary reports whether every browser's word segmentation has a
// boundary at page offset i: at a block's edge, next to white space, or
// between a word character and punctuation that cannot be inside a word.
func (pg *fragmentPage) sureBoundary(i int) bool {
	if i <= 0 || i >= len(pg.runes) || pg.block[i-1] != pg.block[i] {
		return true
	}
	a, b := pg.runes[i-1], pg.runes[i]
	switch {
	case isFragmentSpace(a) || isFragmentSpace(b):
		return true
	case isWordRune(a) && isWordRune(b):
		return false
	case isIdeograph(a) && isIdeograph(b):
		return false // a dictionary decides
	case joinsWords(a, b) || joinsWords(b, a):
		return false // "Sunday’s", "3.5", "1,000", "e.g.", "snake_case" may be one word
	}
	return true
}

// joinsWords reports whether punctuation m next to word character w may
// sit inside one word (UAX #29: MidLetter and MidNumLet between letters,
// MidNum and MidNumLet between digits, ExtendNumLet anywhere).
func joinsWords(m, w rune) bool {
	if !isWordRune(w) {
		return false
	}
	switch m {
	case '_', '\u203F', '\u2040', '\u2054', '\uFE33', '\uFE34', '\uFE4D', '\uFE4E', '\uFE4F', '\uFF3F': // ExtendNumLet
		return true
	case '.', '\'', '’', '\u2024', '\uFE52', '\uFF07', '\uFF0E': // MidNumLet
		return true
	case ':', '·', '\u0387', '\u055F', '\u05F4', '\u2027', '\uFE13', '\uFE55', '\uFF1A': // MidLetter
		return unicode.IsLetter(w) || unicode.IsMark(w)
	case ',', ';', '\u037E', '\u0589', '\u060C', '\u060D', '\u066C', '\u07F8', '\u2044', '\uFE10', '\uFE14', '\uFE50', '\uFE54', '\uFF0C', '\uFF1B': // MidNum
		return unicode.IsDigit(w)
	}
	return false
}

// mayBeBoundary reports whether a browser might see a word boundary at i:
// anywhere but between two word characters of an alphabet.
func (pg *fragmentPage) mayBeBoundary(i int) bool {
	if i <= 0 || i >= len(pg.runes) || pg.block[i-1] != pg.block[i] {
		return true
	}
	a, b := pg.runes[i-1], pg.runes[i]
	return !(isWordRune(a) && isWordRune(b) && !isIdeograph(a) && !isIdeograph(b))
}

// find runs the spec's "find a range from a text directive" over the page
// and returns the first match.
func (pg *fragmentPage) find(d textDirective) (int, int, bool) {
	prefix, start, end, suffix := foldTerm(d.prefix), foldTerm(d.start), foldTerm(d.end), foldTerm(d.suffix)
	n := len(pg.runes)
	for from := 0; from < n; {
		var ms, me int
		mustEnd := len(end) > 0 || len(suffix) == 0
		if len(prefix) > 0 {
			ps, pe, ok := pg.findTerm(prefix, from, true, false)
			if !ok {
				return 0, 0, false
			}
			from = ps + 1
			at := pg.skipSpace(pe)
			if at >= n {
				return 0, 0, false
			}
			// The spec searches on from at and compares the match's start
			// with at; a match exactly at at is the same test, without a
			// scan of the rest of the page for every prefix found.
			e, ok := pg.matchAt(start, at, false, mustEnd)
			if !ok {
				continue
			}
			ms, me = at, e
		} else {
			s, e, ok := pg.findTerm(start, from, true, mustEnd)
			if !ok {
				return 0, 0, false
			}
			from = s + 1
			ms, me = s, e
		}
		for endFrom := me; endFrom < n; {
			if len(end) > 0 {
				_, ee, ok := pg.findTerm(end, endFrom, true, len(suffix) == 0)
				if !ok {
					return 0, 0, false
				}
				me = ee
			}
			if len(suffix) == 0 {
				return ms, me, true
			}
			if _, ok := pg.matchAt(suffix, pg.skipSpace(me), false, true); ok {
				return ms, me, true
			}
			if len(end) == 0 {
				break
			}
			endFrom = me
		}
	}
	return 0, 0, false
}

func (pg *fragmentPage) skipSpace(i int) int {
	for i < len(pg.runes) && isFragmentSpace(pg.runes[i]) {
		i++
	}
	return i
}

// findTerm finds the first match of the folded term q at or after from,
// inside one block, with the word boundaries asked for.
func (pg *fragmentPage) findTerm(q []rune, from int, wordStart, wordEnd bool) (int, int, bool) {
	if len(q) == 0 {
		return 0, 0, false
	}
	f := pg.folded
	for i := max(from, 0); i+len(q) <= len(f); i++ {
		if f[i] != q[0] || pg.block[i] < 0 {
			continue
		}
		j := 0
		for j < len(q) && f[i+j] == q[j] && pg.block[i+j] == pg.block[i] {
			j++
		}
		if j < len(q) {
			continue
		}
		if wordStart && !pg.mayBeBoundary(i) || wordEnd && !pg.mayBeBoundary(i+len(q)) {
			continue
		}
		return i, i + len(q), true
	}
	return 0, 0, false
}

// matchAt reports whether the folded term q matches at i, inside one
// block, with the word boundaries asked for, and where the match ends.
func (pg *fragmentPage) matchAt(q []rune, i int, wordStart, wordEnd bool) (int, bool) {
	f := pg.folded
	if len(q) == 0 || i < 0 || i+len(q) > len(f) || pg.block[i] < 0 {
		return 0, false
	}
	for j := range q {
		if f[i+j] != q[j] || pg.block[i+j] != pg.block[i] {
			return 0, false
		}
	}
	if wordStart && !pg.mayBeBoundary(i) || wordEnd && !pg.mayBeBoundary(i+len(q)) {
		return 0, false
	}
	return i + len(q), true
}

func foldTerm(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		out = append(out, foldRune(r))
	}
	return out
}

// foldRune maps a rune to what it equals at the primary level, as far as
// this matcher goes: lower case, Latin letters without their accents,
// white space as a space.
func foldRune(r rune) rune {
	if isFragmentSpace(r) {
		return ' '
	}
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if r >= 0xC0 && r < 0x180 {
		if b, ok := latinBase[r]; ok {
			return b
		}
	}
	return unicode.ToLower(r)
}

// latinBase maps the accented letters of Latin-1 and Latin Extended-A to
// their base letter, in lower case.
var latinBase = func() map[rune]rune {
	m := map[rune]rune{}
	add := func(base rune, letters string) {
		for _, r := range letters {
			m[r] = base
		}
	}
	add('a', "ÀÁÂÃÄÅàáâãäåĀāĂăĄą")
	add('c', "ÇçĆćĈĉĊċČč")
	add('d', "ĎďĐđÐð")
	add('e', "ÈÉÊËèéêëĒēĔĕĖėĘęĚě")
	add('g', "ĜĝĞğĠġĢģ")
	add('h', "ĤĥĦħ")
	add('i', "ÌÍÎÏìíîïĨĩĪīĬĭĮįİı")
	add('j', "Ĵĵ")
	add('k', "Ķķ")
	add('l', "ĹĺĻļĽľĿŀŁł")
	add('n', "ÑñŃńŅņŇňŉ")
	add('o', "ÒÓÔÕÖØòóôõöøŌōŎŏŐő")
	add('r', "ŔŕŖŗŘř")
	add('s', "ŚśŜŝŞşŠš")
	add('t', "ŢţŤťŦŧ")
	add('u', "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų")
	add('w', "Ŵŵ")
	add('y', "ÝýÿŶŷŸ")
	add('z', "ŹźŻżŽž")
	return m
}()

func isFragmentSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
	}
	return r == 0xA0 || unicode.Is(unicode.Zs, r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// isIdeograph covers the scripts written without spaces, which a browser
// segments with a dictionary.
func isIdeograph(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// fragmentEncode percent-encodes a text directive term: everything but
// ASCII letters, digits and "._~" is encoded as UTF-8 bytes, which covers the
// directive's own syntax characters "-", ",", "&" and "#".
func fragmentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
