package anchor

import (
	"slices"
	"sync"
)

// alignPool recycles alignment tables: a few hundred quotes resolved in a row
// would otherwise allocate tens of megabytes.
var alignPool = sync.Pool{New: func() any { return new([]int32) }}

// survival is what an alignment of a quote against a piece of text says about
// how much of the quote is still there.
type survival struct {
	start, end int // the span of text covered by surviving runs, relative to the window
	qStart     int // the quote's code points before the first surviving run
	qEnd       int // the end of the last surviving run, in the quote
	kept       int // quote code points inside surviving runs
	dist       int // edit distance of the whole quote against the aligned text
}

// maxAlignCells bounds the dynamic-programming table; beyond it the edit
// distance stands in for the runs (a quote of thousands of code points).
const maxAlignCells = 8 << 20

// alignQuote aligns the whole quote q against the best-matching substring of
// the window w (free start and end in w, edit distance costs) and counts the
// quote's code points that sit in runs of at least minRun consecutive exact
// matches. Runs matter because an edit-distance alignment of unrelated prose
// still matches a third of its characters here and there, one or two at a
// time; text that survived an edit comes back as long unbroken runs.
func alignQuote(q, w []rune, minRun int) survival {
	m, n := len(q), len(w)
	if m == 0 || n == 0 {
		return survival{dist: m}
	}
	if m*n > maxAlignCells {
		end, dist := newMyersPattern(q).search(w)
		start := max(end-m, 0)
		return survival{start: start, end: end, kept: max(m-dist, 0), dist: dist}
	}
	cols := n + 1
	buf := alignPool.Get().(*[]int32)
	defer alignPool.Put(buf)
	if cap(*buf) < (m+1)*cols {
		*buf = make([]int32, (m+1)*cols)
	}
	d := (*buf)[:(m+1)*cols]
	clear(d[:cols]) // row 0: the quote may start anywhere in the window
	for i := 1; i <= m; i++ {
		row, up := d[i*cols:(i+1)*cols], d[(i-1)*cols:i*cols]
		row[0] = int32(i)
		qi := q[i-1]
		left := row[0]
		for j, wc := range w {
			c := up[j]
			if wc != qi {
				c++
			}
			c = min(c, up[j+1]+1, left+1)
			row[j+1] = c
			left = c
		}
	}
	last := d[m*cols:]
	bestJ := 0
	for j := 1; j <= n; j++ {
		if last[j] < last[bestJ] {
			bestJ = j
		}
	}
	res := survival{dist: int(last[bestJ])}
	// Walk back, preferring exact matches, collecting the runs of matches.
	type matchRun struct{ q, w, n int } // quote start, window start, length
	var runs []matchRun
	i, j := m, bestJ
	for i > 0 {
		cur := d[i*cols+j]
		switch {
		case j > 0 && q[i-1] == w[j-1] && cur == d[(i-1)*cols+j-1]:
			if k := len(runs) - 1; k >= 0 && runs[k].q == i && runs[k].w == j {
				runs[k].q, runs[k].w, runs[k].n = i-1, j-1, runs[k].n+1
			} else {
				runs = append(runs, matchRun{i - 1, j - 1, 1})
			}
			i, j = i-1, j-1
		case j > 0 && cur == d[(i-1)*cols+j-1]+1:
			i, j = i-1, j-1
		case cur == d[(i-1)*cols+j]+1:
			i--
		default:
			j--
		}
	}
	slices.Reverse(runs)
	first, lastRun := -1, -1
	for k, r := range runs {
		if r.n >= minRun {
			res.kept += r.n
			if first < 0 {
				first = k
			}
			lastRun = k
		}
	}
	if first < 0 {
		return res
	}
	res.start, res.end = runs[first].w, runs[lastRun].w+runs[lastRun].n
	res.qStart, res.qEnd = runs[first].q, runs[lastRun].q+runs[lastRun].n
	return res
}

// keptBound is an upper bound on alignQuote(q, w, gramLen).kept that costs a
// few microseconds instead of a table: every code point in a surviving run of
// gramLen or more lies inside some gramLen-gram of q that also occurs in w, so
// counting the quote positions covered by such grams bounds what the alignment
// can keep. It lets the resolver skip aligning windows that cannot pass.
func keptBound(q, w []rune) int {
	if len(q) < gramLen || len(w) < gramLen {
		return 0
	}
	// An open-addressing set of the window's gram hashes (0 marks a free slot).
	size := 64
	for size < 2*len(w) {
		size <<= 1
	}
	set := make([]uint32, size)
	mask := uint32(size - 1)
	for j := 0; j+gramLen <= len(w); j++ {
		h := gramHash(w[j:]) | 1
		for k := h & mask; ; k = (k + 1) & mask {
			if set[k] == 0 {
				set[k] = h
				break
			}
			if set[k] == h {
				break
			}
		}
	}
	has := func(h uint32) bool {
		h |= 1
		for k := h & mask; ; k = (k + 1) & mask {
			switch set[k] {
			case h:
				return true
			case 0:
				return false
			}
		}
	}
	covered, coveredTo := 0, 0 // quote positions covered so far, and the end of the last covering gram
	for i := 0; i+gramLen <= len(q); i++ {
		if !has(gramHash(q[i:])) {
			continue
		}
		from := max(i, coveredTo)
		covered += i + gramLen - from
		coveredTo = i + gramLen
	}
	return covered
}
