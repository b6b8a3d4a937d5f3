package search

import (
	"math/rand/v2"
	"testing"
)

// typoDist finds the same distances as the table it replaced.
func TestTypoDistMatchesTable(t *testing.T) {
	s := loadBench(1_000)
	qs := append(benchQueries(), "cliam", "goverment", "annotattion", "abc", "ab", "ba", "aab", "aba", "")
	check := func(q, w string) {
		p1, f1 := typoDist([]byte(q), []byte(w))
		p2, f2 := typoDistTable([]byte(q), []byte(w))
		r1, g1 := typoDist([]rune(q), []rune(w))
		r2, g2 := typoDistTable([]rune(q), []rune(w))
		if p1 != p2 || f1 != f2 || r1 != r2 || g1 != g2 {
			t.Fatalf("typoDist(%q, %q) = %d, %d (runes %d, %d), table %d, %d (runes %d, %d)", q, w, p1, f1, r1, g1, p2, f2, r2, g2)
		}
	}
	for _, q := range qs {
		for _, w := range s.ix.words {
			check(q, w)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	word := func() string {
		b := make([]rune, r.IntN(8))
		for i := range b {
			b[i] = []rune("abcé")[r.IntN(4)]
		}
		return string(b)
	}
	for range 200_000 {
		check(word(), word())
	}
	check("résumé", "resume")
	check("zürich", "zurich")
}

// typoDistTable is the dynamic-programming typoDist that typoDist replaced, kept as its reference: it returns the optimal-string-alignment distance (Damerau-Levenshtein
// where a transposed pair counts one) between q and the closest prefix of w,
// and between q and all of w, each capped at 2. Only distances up to 1 matter,
// so only prefixes of w up to len(q)+1 are looked at and the work stops as soon
// as two rows both exceed 1.
func typoDistTable[E byte | rune](q, w []E) (prefix, full int) {
	m, n := len(q), len(w)
	if m > maxTypoLen {
		return 2, 2
	}
	cols := min(n, m+1)
	var rows [3][maxTypoLen + 2]int8
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= cols; j++ {
		prev[j] = int8(j)
	}
	prevMin := int8(0)
	for i := 1; i <= m; i++ {
		cur[0] = int8(i)
		rowMin := cur[0]
		for j := 1; j <= cols; j++ {
			cost := int8(1)
			if q[i-1] == w[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && q[i-1] == w[j-2] && q[i-2] == w[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > 1 && prevMin > 1 {
			return 2, 2
		}
		prevMin = rowMin
		prev2, prev, cur = prev, cur, prev2
	}
	prefix = 2
	for j := 0; j <= cols; j++ {
		prefix = min(prefix, int(prev[j]))
	}
	full = 2
	if n <= cols {
		full = min(2, int(prev[n]))
	}
	return prefix, full
}
