package anchor

import "slices"

// gramIndex finds every position of a gramLen-code-point string in the text
// in about constant time: positions are chained by the hash of the gram that
// starts there (as in zlib's hash chains), newest first. Building it is one
// pass over the text and two int32 arrays, so it costs about a millisecond for
// a 20,000-word article and is only built when an approximate search is needed.
type gramIndex struct {
	mask uint32
	head []int32 // head[hash] is the last position whose gram has that hash, or -1
	prev []int32 // prev[pos] is the previous position with the same hash, or -1
}

// gramLen is the seed length in code points: long enough that most grams of
// prose are rare, short enough that a quote with a word changed every few
// words still has whole grams between the changes.
const gramLen = 8

const hashMul = 0x9E3779B1

func gramHash(g []rune) uint32 {
	var h uint32
	for _, r := range g[:gramLen] {
		h = (h ^ uint32(r)) * hashMul
	}
	return h ^ h>>15
}

func newGramIndex(runes []rune) *gramIndex {
	size := 1 << 10
	for size < len(runes) {
		size <<= 1
	}
	ix := &gramIndex{mask: uint32(size - 1), head: make([]int32, size), prev: make([]int32, max(len(runes), 0))}
	for i := range ix.head {
		ix.head[i] = -1
	}
	for i := 0; i+gramLen <= len(runes); i++ {
		h := gramHash(runes[i:]) & ix.mask
		ix.prev[i] = ix.head[h]
		ix.head[h] = int32(i)
	}
	return ix
}

// lookup appends to out the positions where gram occurs in runes, and
// reports false (with out unchanged) when it occurs more than limit times:
// a gram that common says nothing about where a quote is.
func (ix *gramIndex) lookup(runes, gram []rune, limit int, out []int) ([]int, bool) {
	n0 := len(out)
	for p := ix.head[gramHash(gram)&ix.mask]; p >= 0; p = ix.prev[p] {
		if !slices.Equal(runes[p:p+gramLen], gram[:gramLen]) {
			continue
		}
		if len(out)-n0 >= limit {
			return out[:n0], false
		}
		out = append(out, int(p))
	}
	return out, true
}

func (t *Text) gramIndex() *gramIndex {
	t.indexOnce.Do(func() { t.index = newGramIndex(t.runes) })
	return t.index
}
