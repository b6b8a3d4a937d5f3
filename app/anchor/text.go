package anchor

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Text is an article's canonical text prepared for anchoring: its code points
// and the byte offset of each are computed once, so that every offset the
// package hands out or accepts is a code point offset without re-decoding.
// A Text is safe for concurrent use.
type Text struct {
	s      string
	runes  []rune
	byteAt []int // byteAt[i] is the byte offset of code point i; byteAt[len] == len(s)
	ascii  bool  // every code point is one byte, so byte and code point offsets agree

	indexOnce sync.Once
	index     *gramIndex // built on the first approximate search

	sentencesOnce sync.Once
	sentences     [][2]int // built on the first SentenceSpan
}

// NewText prepares s for anchoring.
func NewText(s string) *Text {
	t := &Text{s: s, runes: make([]rune, 0, len(s))}
	t.byteAt = make([]int, 0, len(s)+1)
	for i, r := range s {
		t.runes = append(t.runes, r)
		t.byteAt = append(t.byteAt, i)
	}
	t.byteAt = append(t.byteAt, len(s))
	t.ascii = len(t.runes) == len(s)
	return t
}

// String returns the text.
func (t *Text) String() string { return t.s }

// Len returns the length of the text in code points.
func (t *Text) Len() int { return len(t.runes) }

// clamp limits [start,end) to the text, with start <= end.
func (t *Text) clamp(start, end int) (int, int) {
	n := len(t.runes)
	start = min(max(start, 0), n)
	end = min(max(end, start), n)
	return start, end
}

// Slice returns the text of [start,end) in code points; out-of-range offsets clamp.
func (t *Text) Slice(start, end int) string {
	start, end = t.clamp(start, end)
	return t.s[t.byteAt[start]:t.byteAt[end]]
}

// cpAt converts a byte offset of t to a code point offset; ok is false when
// the byte offset falls inside a code point.
func (t *Text) cpAt(b int) (cp int, ok bool) {
	if t.ascii {
		return b, true
	}
	i := sort.SearchInts(t.byteAt, b)
	return i, i < len(t.byteAt) && t.byteAt[i] == b
}

// occurrences returns the code point starts of every occurrence of the
// non-empty string exact in t, overlapping ones included. A quote of gramLen
// code points or more is looked up through the gram index by one of its rarer
// grams and each candidate checked byte for byte; this is what keeps exact
// search fast on prose, where a plain substring search keeps stumbling on the
// quote's first letter.
func (t *Text) occurrences(exact string) []int {
	if exact == "" {
		return nil
	}
	quote := []rune(exact)
	if len(quote) >= gramLen && len(t.runes) >= 4*gramLen {
		ix := t.gramIndex()
		step := max(1, (len(quote)-gramLen)/8)
		for qi := 0; qi+gramLen <= len(quote); qi += step {
			cands, ok := ix.lookup(t.runes, quote[qi:], 64, nil)
			if !ok {
				continue
			}
			var out []int
			for _, p := range cands {
				start := p - qi
				if start >= 0 && start+len(quote) <= len(t.runes) &&
					t.s[t.byteAt[start]:t.byteAt[start+len(quote)]] == exact {
					out = append(out, start)
				}
			}
			slices.Sort(out)
			return out
		}
	}
	var out []int
	for b := 0; b <= len(t.s); {
		j := strings.Index(t.s[b:], exact)
		if j < 0 {
			break
		}
		at := b + j
		if cp, ok := t.cpAt(at); ok {
			out = append(out, cp)
		}
		_, size := utf8.DecodeRuneInString(t.s[at:])
		b = at + max(size, 1)
	}
	return out
}

// MatchQuote returns every place where q matches exactly: the exact text,
// immediately preceded by the prefix and immediately followed by the suffix.
// Spans are [start,end) in code points, in text order. An empty exact matches
// at every position its context allows (W3C: a selector that matches several
// places matches all of them).
func (t *Text) MatchQuote(q TextQuoteSelector) [][2]int {
	out := [][2]int{}
	exactLen := utf8.RuneCountInString(q.Exact)
	agrees := func(start int) bool {
		bs, be := t.byteAt[start], t.byteAt[start+exactLen]
		return strings.HasSuffix(t.s[:bs], q.Prefix) && strings.HasPrefix(t.s[be:], q.Suffix)
	}
	if q.Exact == "" {
		for i := 0; i <= len(t.runes); i++ {
			if agrees(i) {
				out = append(out, [2]int{i, i})
			}
		}
		return out
	}
	for _, start := range t.occurrences(q.Exact) {
		// The byte check rejects a match of invalid UTF-8 that splits a code point.
		if start+exactLen <= len(t.runes) && t.byteAt[start+exactLen]-t.byteAt[start] == len(q.Exact) && agrees(start) {
			out = append(out, [2]int{start, start + exactLen})
		}
	}
	return out
}
