package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// tier says how a query word matched a vocabulary word, best first.
type tier uint8

const (
	tierExact      tier = iota // the word itself
	tierPrefix                 // the start of the word
	tierTypo                   // the word with one typo
	tierTypoPrefix             // the start of the word, with one typo
	tierInfix                  // inside the word (3+ bytes)
	tierScattered              // letters in order within the word (4+ letters)
)

// hit is a vocabulary word a query word matched.
type hit struct {
	id    uint32
	score float32
	tier  tier
}

// wordMatch is what one query word matched in the vocabulary.
type wordMatch struct {
	word string
	// cands are the vocabulary words that could still match a longer query
	// starting with word (nil with all set: every word). Each tier's set only
	// shrinks as letters are added, so the next keystroke scans only these.
	cands []uint32
	all   bool
	hits  []hit // in vocabulary id order
	cost  int   // postings behind the hits: the work of scoring this word
}

const maxTypoLen = 30

// matchWord matches query word q against the vocabulary, scanning only
// from.cands when q extends from.word.
func (ix *Index) matchWord(q string, from *wordMatch) *wordMatch {
	m := &wordMatch{word: q}
	r := utf8.RuneCountInString(q)
	ascii := len(q) == r
	digits := strings.ContainsAny(q, "0123456789")
	qFirst, _ := utf8.DecodeRuneInString(q)
	var qb []byte
	var qr []rune
	if ascii {
		qb = []byte(q)
	} else {
		qr = []rune(q)
	}
	var scattered []string
	var scatteredIDs []uint32
	consider := func(id uint32) {
		w := ix.words[id]
		if strings.HasPrefix(w, q) {
			m.cands = append(m.cands, id)
			m.hits = append(m.hits, prefixHit(id, q, w))
			return
		}
		prefixDist, fullDist := 2, 2
		if r <= maxTypoLen {
			if ascii && isASCII(w) {
				prefixDist, fullDist = typoDist(qb, []byte(w))
			} else {
				if qr == nil {
					qr = []rune(q)
				}
				prefixDist, fullDist = typoDist(qr, []rune(w))
			}
		}
		infix := strings.Contains(w, q)
		wFirst, _ := utf8.DecodeRuneInString(w)
		sameFirst := wFirst == qFirst
		subseq := sameFirst && isSubsequence(q, w)
		if prefixDist > 1 && !infix && !subseq {
			return
		}
		m.cands = append(m.cands, id)
		plural := false
		if fullDist > 1 && prefixDist <= 1 && len(w) > 1 && w[len(w)-1] == 's' {
			// A plural counts as its singular: cliam finds claims as a typo, not
			// as the start of climate.
			if ix.fullDist(q, qb, qr, w[:len(w)-1]) <= 1 {
				fullDist, plural = 1, true
			}
		}
		switch {
		case digits:
			// Numbers match exactly or as a prefix: 2023 is no typo for 2024.
			if infix && len(q) >= 3 {
				m.hits = append(m.hits, hit{id, 0.35, tierInfix})
			}
		case fullDist <= 1 && (r >= 6 || (r >= 4 && sameFirst) || (r >= 3 && isSwap(q, w))):
			score := float32(0.62)
			if plural {
				score = 0.6
			}
			m.hits = append(m.hits, hit{id, score, tierTypo})
		case prefixDist <= 1 && r >= 4 && sameFirst:
			m.hits = append(m.hits, hit{id, 0.4, tierTypoPrefix})
		case infix && len(q) >= 3:
			m.hits = append(m.hits, hit{id, 0.35, tierInfix})
		case subseq && r >= 4 && utf8.RuneCountInString(w) <= 3*r:
			scattered = append(scattered, w)
			scatteredIDs = append(scatteredIDs, id)
		}
	}
	if r == 1 && len(q) < 3 && (from == nil || from.all) {
		// One letter is within one typo of every word's start, and matches
		// only as a prefix: the scan below would keep every word and hit
		// just those that start with it.
		for id, w := range ix.words {
			if strings.HasPrefix(w, q) {
				m.hits = append(m.hits, prefixHit(uint32(id), q, w))
			}
		}
		m.all = true
	} else if from == nil || from.all {
		for id := range ix.words {
			consider(uint32(id))
		}
	} else {
		for _, id := range from.cands {
			consider(id)
		}
	}
	if len(m.cands) == len(ix.words) {
		m.cands, m.all = nil, true
	}
	// sahilm/fuzzy scores letters scattered within one word; it sees single
	// words only, so it cannot pick letters from across a sentence.
	for _, fm := range fuzzy.FindNoSort(q, scattered) {
		span := fm.MatchedIndexes[len(fm.MatchedIndexes)-1] - fm.MatchedIndexes[0] + 1
		m.hits = append(m.hits, hit{scatteredIDs[fm.Index], 0.2 + 0.1*float32(len(q))/float32(span), tierScattered})
	}
	sortHits(m.hits)
	for _, h := range m.hits {
		m.cost += len(ix.posts(h.id))
	}
	return m
}

// typoNames reports whether query word q matches the start of w with one
// typo, as matchWord's typo tiers allow: all of w with one typo when q has
// 6 letters, or 4 and the same first letter, or 3 and two letters
// swapped; or a prefix of w with one typo when q has 4 letters and the
// same first letter.
func typoNames(q, w string) bool {
	r := utf8.RuneCountInString(q)
	if r > maxTypoLen {
		return false
	}
	// One typo reaches at most one letter past q: a longer w is cut there
	// (all of it is then two typos away, as it was).
	if n := 0; len(w) > len(q)+2 {
		for i := range w {
			if n == r+2 {
				w = w[:i]
				break
			}
			n++
		}
	}
	var prefix, full int
	if isASCII(q) && isASCII(w) {
		prefix, full = typoDist([]byte(q), []byte(w))
	} else {
		prefix, full = typoDist([]rune(q), []rune(w))
	}
	qFirst, _ := utf8.DecodeRuneInString(q)
	wFirst, _ := utf8.DecodeRuneInString(w)
	same := qFirst == wFirst
	switch {
	case full <= 1 && (r >= 6 || (r >= 4 && same) || (r >= 3 && isSwap(q, w))):
		return true
	case prefix <= 1 && r >= 4 && same:
		return true
	}
	return false
}

// prefixHit is the hit of query word q on word w that it starts.
func prefixHit(id uint32, q, w string) hit {
	if len(w) == len(q) {
		return hit{id, 1, tierExact}
	}
	return hit{id, 0.8 + 0.1*float32(len(q))/float32(len(w)), tierPrefix}
}

// fullDist returns the typo distance between q and all of w, capped at 2.
func (ix *Index) fullDist(q string, qb []byte, qr []rune, w string) int {
	if qb != nil && isASCII(w) {
		_, d := typoDist(qb, []byte(w))
		return d
	}
	if qr == nil {
		qr = []rune(q)
	}
	_, d := typoDist(qr, []rune(w))
	return d
}

func sortHits(hs []hit) {
	// Hits arrive in id order except the scattered ones appended last.
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && hs[j].id < hs[j-1].id; j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
}

// find returns the hit for vocabulary id, if any.
func (m *wordMatch) find(id uint32) (hit, bool) {
	lo, hi := 0, len(m.hits)
	for lo < hi {
		mid := (lo + hi) / 2
		if m.hits[mid].id < id {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(m.hits) && m.hits[lo].id == id {
		return m.hits[lo], true
	}
	return hit{}, false
}

// appendWordRanges appends the byte ranges of w, offset by at, that query
// word q matched with h.
func appendWordRanges(dst [][2]int, at int, q, w string, h hit) [][2]int {
	switch h.tier {
	case tierExact, tierTypo:
		return append(dst, [2]int{at, at + len(w)})
	case tierPrefix, tierTypoPrefix:
		return append(dst, [2]int{at, at + min(len(q), len(w))})
	case tierInfix:
		if i := strings.Index(w, q); i >= 0 {
			return append(dst, [2]int{at + i, at + i + len(q)})
		}
	case tierScattered:
		for _, fm := range fuzzy.Find(q, []string{w}) {
			for _, i := range fm.MatchedIndexes {
				_, size := utf8.DecodeRuneInString(w[i:])
				dst = append(dst, [2]int{at + i, at + i + size})
			}
		}
	}
	return dst
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isSubsequence reports whether the letters of q appear in order in w.
func isSubsequence(q, w string) bool {
	for _, c := range q {
		i := strings.IndexRune(w, c)
		if i < 0 {
			return false
		}
		w = w[i+utf8.RuneLen(c):]
	}
	return true
}

// isSwap reports whether w is q with two adjacent letters swapped.
func isSwap(q, w string) bool {
	if len(q) != len(w) {
		return false
	}
	i := 0
	for i < len(q) && q[i] == w[i] {
		i++
	}
	return i+1 < len(q) && q[i] == w[i+1] && q[i+1] == w[i] && q[i+2:] == w[i+2:]
}

// typoDist returns the optimal-string-alignment distance (Damerau-Levenshtein
// where a transposed pair counts one) between q and the closest prefix of w,
// and between q and all of w, each capped at 2. Only distances up to 1
// matter, and a single edit can always be put at the first letter where q
// and w differ, so it tries the four edits there instead of filling a table.
func typoDist[E byte | rune](q, w []E) (prefix, full int) {
	m, n := len(q), len(w)
	if m > maxTypoLen {
		return 2, 2
	}
	l := 0
	for l < m && l < n && q[l] == w[l] {
		l++
	}
	switch {
	case l == m: // q starts w
		return 0, min(2, n-m)
	case l == n: // w starts q
		return min(2, m-n), min(2, m-n)
	}
	// Every edit at l leaves q[l+1] at w[l] or w[l+1], or q[l] at w[l+1].
	if l+1 < m && q[l+1] != w[l] && (l+1 >= n || (q[l+1] != w[l+1] && q[l] != w[l+1])) {
		return 2, 2
	}
	prefix, full = 2, 2
	if n >= m && slices.Equal(q[l+1:], w[l+1:m]) { // a wrong letter
		prefix = 1
		if n == m {
			full = 1
		}
	}
	if n >= m-1 && slices.Equal(q[l+1:], w[l:m-1]) { // a dropped letter
		prefix = 1
		if n == m-1 {
			full = 1
		}
	}
	if n >= m+1 && slices.Equal(q[l:], w[l+1:m+1]) { // an extra letter
		prefix = 1
		if n == m+1 {
			full = 1
		}
	}
	if n >= m && l+1 < m && q[l] == w[l+1] && q[l+1] == w[l] && slices.Equal(q[l+2:], w[l+2:m]) { // a swapped pair
		prefix = 1
		if n == m {
			full = 1
		}
	}
	return prefix, full
}
