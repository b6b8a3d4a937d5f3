package anchor

import "unicode"

// Describe context sizes, in code points.
const (
	describeContext = 32 // the minimum prefix and suffix, as Hypothesis uses
	describeGrow    = 32 // added on each side while the selector is still ambiguous
	wordExtendLimit = 64 // a "word" longer than this is cut rather than followed
)

// Describe makes the selectors for [start,end) (code points; out-of-range
// input clamps): a TextQuoteSelector whose exact is that text and whose prefix
// and suffix are at least describeContext code points, extended outwards to
// word boundaries, and grown until the selector matches only this place; and
// a TextPositionSelector for the same span. Generous context costs a few bytes
// and is what lets Resolve recognise the place after the text is edited.
func (t *Text) Describe(start, end int) (TextQuoteSelector, TextPositionSelector) {
	start, end = t.clamp(start, end)
	n := len(t.runes)
	q := TextQuoteSelector{Type: "TextQuoteSelector", Exact: t.Slice(start, end)}
	pos := TextPositionSelector{Type: "TextPositionSelector", Start: start, End: end}
	for ctx := describeContext; ; ctx += describeGrow {
		pstart := t.wordStartBefore(max(start-ctx, 0), start)
		send := t.wordEndAfter(min(end+ctx, n), end)
		q.Prefix = t.Slice(pstart, start)
		q.Suffix = t.Slice(end, send)
		if (pstart == 0 && send == n) || t.unique(q) {
			return q, pos
		}
	}
}

// unique reports whether q matches exactly one place.
func (t *Text) unique(q TextQuoteSelector) bool { return len(t.MatchQuote(q)) == 1 }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// wordStartBefore moves at left to the start of the word it falls in, but not
// past limit code points and never to or beyond bound.
func (t *Text) wordStartBefore(at, bound int) int {
	for i := 0; i < wordExtendLimit && at > 0 && at < bound && isWordRune(t.runes[at]) && isWordRune(t.runes[at-1]); i++ {
		at--
	}
	return at
}

// wordEndAfter moves at right to the end of the word it falls in.
func (t *Text) wordEndAfter(at, bound int) int {
	n := len(t.runes)
	for i := 0; i < wordExtendLimit && at < n && at > bound && isWordRune(t.runes[at-1]) && isWordRune(t.runes[at]); i++ {
		at++
	}
	return at
}
