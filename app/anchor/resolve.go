package anchor

import (
	"slices"
	"unicode/utf8"
)

// Status says how a selector's text was found again.
type Status string

const (
	Exact  Status = "exact"  // the position still holds the exact quote
	Moved  Status = "moved"  // the exact quote, found elsewhere
	Fuzzy  Status = "fuzzy"  // an approximate match: the text changed, needs review
	Orphan Status = "orphan" // not found; Start and End are 0
)

// Result is where a selector resolved to, [Start,End) in code points, and how
// sure the resolver is, from 0 to 1.
type Result struct {
	Start, End int
	Status     Status
	Score      float64
}

// Tuning of the approximate stage. See doc.go for why these values.
const (
	minRun         = 8    // code points: shorter exact runs in an alignment are coincidence
	minSurvivalAt  = 0.5  // share of a long quote that must survive
	shortQuote     = 32   // code points: below this the bar rises and context must agree
	gramHitLimit   = 16   // a seed gram seen more often than this is too common to vote
	maxClusters    = 3    // candidate windows tried per quote
	maxSeedLookups = 64   // seed grams looked up per quote
	contextWindow  = 32   // code points of prefix/suffix compared in fuzzy scoring
	nearScale      = 2000 // code points: distance from the old position at which nearness halves
)

// Resolve finds the text that q (and pos, which may be nil) selected, cheapest
// test first: the old position, then exact occurrences chosen by context and
// nearness, then approximate matching in candidate windows; otherwise the
// result is an Orphan. It never returns a span outside the text.
func (t *Text) Resolve(q TextQuoteSelector, pos *TextPositionSelector) Result {
	if q.Exact == "" {
		return t.resolveEmpty(q, pos)
	}
	m := utf8.RuneCountInString(q.Exact)
	if pos != nil && pos.Start >= 0 && pos.End == pos.Start+m && pos.End <= len(t.runes) &&
		t.Slice(pos.Start, pos.End) == q.Exact {
		return Result{Start: pos.Start, End: pos.End, Status: Exact, Score: 1}
	}
	quote := []rune(q.Exact)
	prefix, suffix := []rune(q.Prefix), []rune(q.Suffix)
	if r, ok := t.resolveExactElsewhere(q, quote, prefix, suffix, pos); ok {
		return r
	}
	if r, ok := t.resolveApproximate(quote, prefix, suffix, pos); ok {
		return r
	}
	return Result{Status: Orphan}
}

// resolveEmpty handles a selector with an empty quote: only its context can place it.
func (t *Text) resolveEmpty(q TextQuoteSelector, pos *TextPositionSelector) Result {
	spans := t.MatchQuote(q)
	if len(spans) == 0 || (q.Prefix == "" && q.Suffix == "" && pos == nil) {
		return Result{Status: Orphan}
	}
	best := spans[0][0]
	for _, s := range spans {
		if nearness(s[0], pos) > nearness(best, pos) {
			best = s[0]
		}
	}
	st := Moved
	if (pos != nil && pos.Start == best) || (pos == nil && len(spans) == 1) {
		st = Exact
	}
	return Result{Start: best, End: best, Status: st, Score: 0.9}
}

// nearness is 1 at the old position and falls off with distance from it; 0.5
// when there is no old position.
func nearness(start int, pos *TextPositionSelector) float64 {
	if pos == nil {
		return 0.5
	}
	d := float64(start - pos.Start)
	if d < 0 {
		d = -d
	}
	return 1 / (1 + d/nearScale)
}

func commonSuffixLen(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

func commonPrefixLen(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// resolveExactElsewhere looks for the exact quote anywhere. Context (how much
// of the prefix and suffix agree, code point by code point outwards from the
// quote) chooses among several occurrences, then nearness to the old position.
// An occurrence where none of its context agrees is not trusted here: it may
// be a look-alike while the real place was edited, so it is left to the
// approximate stage, which weighs it against edited candidates by context.
func (t *Text) resolveExactElsewhere(q TextQuoteSelector, quote, prefix, suffix []rune, pos *TextPositionSelector) (Result, bool) {
	m := len(quote)
	var starts []int
	for _, s := range t.occurrences(q.Exact) {
		if s+m <= len(t.runes) && t.byteAt[s+m]-t.byteAt[s] == len(q.Exact) {
			starts = append(starts, s)
		}
	}
	if len(starts) == 0 {
		return Result{}, false
	}
	ctxLen := len(prefix) + len(suffix)
	bestStart, bestAgree := -1, -1
	for _, s := range starts {
		agree := commonSuffixLen(prefix, t.runes[:s]) + commonPrefixLen(suffix, t.runes[s+m:])
		if agree > bestAgree || (agree == bestAgree && nearness(s, pos) > nearness(bestStart, pos)) {
			bestStart, bestAgree = s, agree
		}
	}
	// A long quote needs only a few code points of agreeing context; a short
	// one needs enough that quote and context together are as specific as a
	// long quote ("He also" after any ".\n\n" proves nothing).
	need := min(ctxLen, max(4, shortQuote-m))
	trusted := ctxLen == 0 || bestAgree >= need
	if !trusted {
		return Result{}, false
	}
	frac := 1.0
	if ctxLen > 0 {
		frac = float64(bestAgree) / float64(ctxLen)
	}
	st := Moved
	if pos == nil && bestAgree == ctxLen {
		st = Exact // nothing says it moved: no old position, and all its context agrees
	}
	return Result{Start: bestStart, End: bestStart + m, Status: st, Score: 0.8 + 0.2*frac}, true
}

// minSurvival is the share of the quote that must be found again for an
// approximate match: half for quotes of shortQuote code points or more, rising
// linearly to all of it at gramLen code points and below, where a few
// coincidental letters weigh too much ("e also" is not "He also").
func minSurvival(m int) float64 {
	if m >= shortQuote {
		return minSurvivalAt
	}
	if m <= gramLen {
		return 1
	}
	return minSurvivalAt + (1-minSurvivalAt)*float64(shortQuote-m)/float64(shortQuote-gramLen)
}

type window struct{ lo, hi int }

// candidateWindows votes for where the quote may be: every occurrence of a
// gramLen-code-point piece of the quote (or the end of the prefix, or the
// start of the suffix) votes for a diagonal, the text offset at which the
// quote would start. Votes that lie close together form a cluster; the best
// clusters, widened by a slack for insertions, are the windows to search.
func (t *Text) candidateWindows(quote, prefix, suffix []rune, pos *TextPositionSelector) []window {
	m, n := len(quote), len(t.runes)
	ix := t.gramIndex()
	var diag, buf []int
	vote := func(gram []rune, offset int) {
		var ok bool
		buf, ok = ix.lookup(t.runes, gram, gramHitLimit, buf[:0])
		if ok {
			for _, p := range buf {
				diag = append(diag, p-offset)
			}
		}
	}
	if m >= gramLen {
		step := max(1, (m-gramLen+maxSeedLookups-1)/maxSeedLookups)
		for qi := 0; qi+gramLen <= m; qi += step {
			vote(quote[qi:], qi)
		}
		vote(quote[m-gramLen:], m-gramLen)
	}
	if len(prefix) >= gramLen {
		vote(prefix[len(prefix)-gramLen:], -gramLen)
	}
	if len(suffix) >= gramLen {
		vote(suffix, m)
	}
	type cluster struct{ lo, hi, votes int }
	var clusters []cluster
	slices.Sort(diag)
	gap := 16 + m/4
	for i, d := range diag {
		if i == 0 || d-diag[i-1] > gap {
			clusters = append(clusters, cluster{lo: d, hi: d})
		}
		c := &clusters[len(clusters)-1]
		c.hi = d
		c.votes++
	}
	slices.SortStableFunc(clusters, func(a, b cluster) int {
		if a.votes != b.votes {
			return b.votes - a.votes
		}
		na, nb := nearness(a.lo, pos), nearness(b.lo, pos)
		switch {
		case na > nb:
			return -1
		case na < nb:
			return 1
		}
		return 0
	})
	slack := 8 + m/4
	var out []window
	for _, c := range clusters {
		if len(out) == maxClusters || (c.votes < 2 && m >= 2*gramLen) {
			break
		}
		lo, hi := max(c.lo-slack, 0), min(c.hi+m+slack, n)
		if lo < hi {
			out = append(out, window{lo, hi})
		}
	}
	if len(out) == 0 && pos != nil {
		// Nothing voted: look around the old position.
		lo, hi := max(pos.Start-m-256, 0), min(pos.Start+2*m+256, n)
		if lo < hi {
			out = append(out, window{lo, hi})
		}
	}
	if len(out) == 0 && m < 2*gramLen {
		// A short quote has too few grams to vote; scanning the whole text
		// with one 64-bit block per code point is cheap.
		out = append(out, window{0, n})
	}
	return out
}

// contextSimilarity is how well ctx (a prefix when before is true, else a
// suffix) agrees with the text next to the offset at: 1 - edit distance over
// its nearest contextWindow code points, searched within a few code points of
// where it should be. Empty context counts as neutral.
func (t *Text) contextSimilarity(ctx []rune, at int, before bool) float64 {
	if len(ctx) == 0 {
		return 0.5
	}
	n := len(t.runes)
	var lo, hi int
	if before {
		ctx = ctx[max(len(ctx)-contextWindow, 0):]
		lo, hi = max(at-len(ctx)-8, 0), min(at+8, n)
	} else {
		ctx = ctx[:min(len(ctx), contextWindow)]
		lo, hi = max(at-8, 0), min(at+len(ctx)+8, n)
	}
	if lo >= hi {
		return 0
	}
	_, dist := newMyersPattern(ctx).search(t.runes[lo:hi])
	return 1 - float64(dist)/float64(len(ctx))
}

// resolveApproximate searches the candidate windows with Myers' algorithm,
// aligns the quote against the best end found to measure how much of it
// survives, scores each candidate on survival, context and nearness, and
// accepts the best when enough of the quote survives.
func (t *Text) resolveApproximate(quote, prefix, suffix []rune, pos *TextPositionSelector) (Result, bool) {
	m := len(quote)
	run := min(minRun, max(3, m/3))
	var pat *myersPattern
	best, bestOK := Result{}, false
	for _, w := range t.candidateWindows(quote, prefix, suffix, pos) {
		if pat == nil {
			pat = newMyersPattern(quote)
		}
		end, dist := pat.search(t.runes[w.lo:w.hi])
		if dist*2 > m*3/2 {
			continue
		}
		end += w.lo
		alo := max(w.lo, end-m-dist)
		if run == gramLen && float64(keptBound(quote, t.runes[alo:end])) < minSurvival(m)*float64(m) {
			continue
		}
		sv := alignQuote(quote, t.runes[alo:end], run)
		kept := float64(sv.kept) / float64(m)
		if sv.kept == 0 || kept < minSurvival(m) {
			continue
		}
		start, stop := alo+sv.start, alo+sv.end
		start, stop = t.extendEnds(quote, sv, start, stop)
		start, stop = t.trimPartialWords(quote, start, stop)
		pre := t.contextSimilarity(prefix, start, true)
		suf := t.contextSimilarity(suffix, stop, false)
		if m < shortQuote && len(prefix)+len(suffix) > 0 && max(pre, suf) < 0.75 {
			continue // a short quote needs its context to vouch for it
		}
		score := 0.6*kept + 0.15*pre + 0.15*suf + 0.1*nearness(start, pos)
		if !bestOK || score > best.Score {
			best, bestOK = Result{Start: start, End: stop, Status: Fuzzy, Score: min(score, 1)}, true
		}
	}
	return best, bestOK
}

// trimPartialWords drops a piece of a word left at either end of a fuzzy
// span when the quote itself begins or ends on a whole word: a quote whose
// first words were replaced must not come back as "e, and constructive",
// the tail of a neighbouring word. The span is kept as it is when trimming
// would leave nothing.
func (t *Text) trimPartialWords(quote []rune, start, stop int) (int, int) {
	r := t.runes
	s, e := start, stop
	if isWordRune(quote[0]) && s > 0 && s < e && isWordRune(r[s-1]) && isWordRune(r[s]) {
		for s < e && isWordRune(r[s]) {
			s++
		}
		for s < e && !isWordRune(r[s]) {
			s++
		}
	}
	if isWordRune(quote[len(quote)-1]) && e < len(r) && e > s && isWordRune(r[e]) && isWordRune(r[e-1]) {
		for e > s && isWordRune(r[e-1]) {
			e--
		}
		for e > s && !isWordRune(r[e-1]) {
			e--
		}
	}
	if e <= s {
		return start, stop
	}
	return s, e
}

// extendEnds widens a span found from the long surviving runs to take in the
// quote's remaining head and tail when they are mostly still there, in short
// pieces the runs could not vouch for: the last word after an inserted one
// ("in the capital Beijing"), the first word before a changed one. Each end is
// searched with Myers' algorithm just outside the span, and accepted when its
// edit distance is at most half its length.
func (t *Text) extendEnds(quote []rune, sv survival, start, stop int) (int, int) {
	if tail := quote[sv.qEnd:]; len(tail) > 0 {
		hi := min(stop+len(tail)+len(tail)/2+16, len(t.runes))
		if end, dist := newMyersPattern(tail).search(t.runes[stop:hi]); 2*dist <= len(tail) && end > 0 {
			stop += end
		}
	}
	if head := quote[:sv.qStart]; len(head) > 0 {
		lo := max(start-len(head)-len(head)/2-16, 0)
		rhead, rtext := slices.Clone(head), slices.Clone(t.runes[lo:start])
		slices.Reverse(rhead)
		slices.Reverse(rtext)
		if end, dist := newMyersPattern(rhead).search(rtext); 2*dist <= len(head) && end > 0 {
			start -= end
		}
	}
	return start, stop
}
