package anchor

// myersPattern is a pattern prepared for Myers' bit-parallel approximate
// search (G. Myers, "A fast bit-vector algorithm for approximate string
// matching based on dynamic programming", JACM 1999), in the block-based form
// of H. Hyyrö (2003) so that patterns longer than 64 code points work: the
// pattern's rows are cut into 64-row blocks and each text column advances the
// blocks top to bottom, carrying the horizontal delta from one block into the
// next. The alphabet is code points.
type myersPattern struct {
	m      int
	blocks int
	peq    []uint64       // peq[sym*blocks+b]: bit i set when pattern[b*64+i] is that symbol; sym 0 matches nothing
	ascii  [128]int32     // symbol of an ASCII code point
	other  map[rune]int32 // symbol of any other code point
}

func newMyersPattern(p []rune) *myersPattern {
	mp := &myersPattern{m: len(p), blocks: (len(p) + 63) / 64}
	syms := int32(1)
	symOf := func(r rune) int32 {
		if r >= 0 && r < 128 {
			if mp.ascii[r] == 0 {
				mp.ascii[r] = syms
				syms++
			}
			return mp.ascii[r]
		}
		if mp.other == nil {
			mp.other = map[rune]int32{}
		}
		s, ok := mp.other[r]
		if !ok {
			s = syms
			mp.other[r] = s
			syms++
		}
		return s
	}
	ids := make([]int32, len(p))
	for i, r := range p {
		ids[i] = symOf(r)
	}
	mp.peq = make([]uint64, int(syms)*mp.blocks)
	for i, s := range ids {
		mp.peq[int(s)*mp.blocks+i/64] |= 1 << (i % 64)
	}
	return mp
}

func (mp *myersPattern) sym(r rune) int {
	if r >= 0 && r < 128 {
		return int(mp.ascii[r])
	}
	return int(mp.other[r])
}

// search scans text and returns the end (exclusive, an index into text) of the
// substring with the smallest edit distance to the whole pattern, and that
// distance. Among equal distances the first end wins. An empty text gives end
// 0 and distance m.
func (mp *myersPattern) search(text []rune) (bestEnd, bestDist int) {
	nb := mp.blocks
	pv := make([]uint64, nb)
	mv := make([]uint64, nb)
	for b := range pv {
		pv[b] = ^uint64(0)
	}
	lastBit := uint64(1) << ((mp.m - 1) % 64)
	score := mp.m
	bestEnd, bestDist = 0, mp.m
	for j, r := range text {
		eqBase := mp.sym(r) * nb
		hin := 0 // row 0 is all zeros: a match may start anywhere
		for b := 0; b < nb; b++ {
			eq := mp.peq[eqBase+b]
			p, mm := pv[b], mv[b]
			xv := eq | mm
			if hin < 0 {
				eq |= 1
			}
			xh := (((eq & p) + p) ^ p) | eq
			ph := mm | ^(xh | p)
			mh := p & xh
			bit := uint64(1) << 63
			if b == nb-1 {
				bit = lastBit
			}
			hout := 0
			if ph&bit != 0 {
				hout = 1
			} else if mh&bit != 0 {
				hout = -1
			}
			ph <<= 1
			mh <<= 1
			if hin < 0 {
				mh |= 1
			} else if hin > 0 {
				ph |= 1
			}
			pv[b] = mh | ^(xv | ph)
			mv[b] = ph & xv
			hin = hout
		}
		score += hin
		if score < bestDist {
			bestDist, bestEnd = score, j+1
		}
	}
	return bestEnd, bestDist
}
