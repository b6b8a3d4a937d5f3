package anchor

import (
	"strings"
	"unicode"
)

// Sentence segmentation for the Claim button, which snaps a selection to
// whole sentences. It is rule-based, tuned for news prose: a sentence ends at
// '.', '!', '?' or an ellipsis, together with any closing quotation marks and
// brackets after it, when whitespace follows and the next word does not start
// with a lower-case letter, unless the period belongs to an abbreviation or
// an initial. A paragraph break ("\n\n") always ends a sentence. When in doubt
// it joins rather than splits: a claim snapped to two sentences is easier to
// fix than one cut in half.

// titleAbbrevs end with a period but never end a sentence (they precede a name or number).
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "mt": true, "ft": true, "rev": true, "hon": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "cmdr": true, "adm": true, "gov": true, "sen": true,
	"rep": true, "pres": true, "supt": true, "messrs": true, "mme": true, "mlle": true,
	"vs": true, "v": true, "fig": true, "figs": true, "vol": true, "vols": true, "pp": true, "p": true,
	"ch": true, "sec": true, "approx": true, "dept": true, "est": true, "cf": true, "al": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// endingAbbrevs may end a sentence; they do when a capitalised word follows.
var endingAbbrevs = map[string]bool{"etc": true, "inc": true, "ltd": true, "co": true, "corp": true, "plc": true, "llc": true, "bros": true}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' || r == '‽' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}', '」', '』':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '(', '[', '{', '「', '『', '¿', '¡':
		return true
	}
	return false
}

func isHSpace(r rune) bool { return r != '\n' && unicode.IsSpace(r) }

// paragraphBreakAt reports whether r[i] is a newline that starts a paragraph
// break (a newline, optional horizontal space, another newline), and where the
// break ends.
func paragraphBreakAt(r []rune, i int) (int, bool) {
	if r[i] != '\n' {
		return 0, false
	}
	j := i + 1
	for j < len(r) && isHSpace(r[j]) {
		j++
	}
	if j < len(r) && r[j] == '\n' {
		return j + 1, true
	}
	return 0, false
}

// endsSentence decides a candidate boundary: terminators r[i:j], closers
// r[j:k], and whitespace (or the end) at r[k].
func endsSentence(r []rune, i, j, k int) bool {
	next := k
	for next < len(r) && unicode.IsSpace(r[next]) {
		if _, ok := paragraphBreakAt(r, next); ok {
			return true
		}
		next++
	}
	if next == len(r) {
		return true
	}
	for next < len(r) && isOpener(r[next]) {
		next++
	}
	if next < len(r) && unicode.IsLower(r[next]) {
		return false // "e.g. the", "“Why?” he asked", "wait... and"
	}
	if j-i != 1 || r[i] != '.' {
		return true
	}
	// A single period: is the token before it an abbreviation or an initial?
	from := i
	for from > 0 && !unicode.IsSpace(r[from-1]) && !isOpener(r[from-1]) {
		from--
	}
	token := string(r[from:i])
	if token == "" {
		return true
	}
	if strings.ContainsRune(token, '.') {
		// "U.S", "e.g", "a.m": an abbreviation with inner periods.
		letters := true
		for _, c := range token {
			if c != '.' && !unicode.IsLetter(c) {
				letters = false
			}
		}
		if letters {
			return false
		}
	}
	word := []rune(token)
	if len(word) == 1 && unicode.IsUpper(word[0]) {
		return false // an initial: "John F. Kennedy"
	}
	lower := strings.ToLower(token)
	if titleAbbrevs[lower] {
		return false
	}
	return true // endingAbbrevs end here: the next word is capitalised
}

func sentenceSpans(r []rune) [][2]int {
	out := [][2]int{}
	emit := func(a, b int) {
		for a < b && unicode.IsSpace(r[a]) {
			a++
		}
		for b > a && unicode.IsSpace(r[b-1]) {
			b--
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
	}
	start := 0
	for i := 0; i < len(r); {
		if end, ok := paragraphBreakAt(r, i); ok {
			emit(start, i)
			start, i = end, end
			continue
		}
		if !isTerminator(r[i]) {
			i++
			continue
		}
		j := i
		for j < len(r) && isTerminator(r[j]) {
			j++
		}
		k := j
		for k < len(r) && isCloser(r[k]) {
			k++
		}
		if (k == len(r) || unicode.IsSpace(r[k])) && endsSentence(r, i, j, k) {
			emit(start, k)
			start = k
		}
		i = k
	}
	emit(start, len(r))
	return out
}

// Sentences returns the span of every sentence of s, [start,end) in code
// points, with surrounding whitespace trimmed.
func Sentences(s string) [][2]int { return sentenceSpans([]rune(s)) }

// SentenceSpan returns the span of the sentence or sentences that enclose
// [start,end): the selection snapped outwards to whole sentences. A collapsed
// selection, or one in the space between sentences, takes the next sentence
// (the previous one at the end of the text). Out-of-range input clamps; an
// empty or all-blank text gives the clamped, trimmed range.
func (t *Text) SentenceSpan(start, end int) (int, int) {
	start, end = t.clamp(start, end)
	t.sentencesOnce.Do(func() { t.sentences = sentenceSpans(t.runes) })
	ss := t.sentences
	if len(ss) == 0 {
		return start, start
	}
	first := -1
	for i, s := range ss {
		if s[1] > start {
			first = i
			break
		}
	}
	if first < 0 {
		first = len(ss) - 1
	}
	last := first
	for last+1 < len(ss) && ss[last+1][0] < end {
		last++
	}
	return ss[first][0], ss[last][1]
}
