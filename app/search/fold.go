package search

import (
	"unicode"
	"unicode/utf8"
)

// latinFold maps U+00C0..U+017F (Latin-1 Supplement letters and Latin
// Extended-A) to a lower-case ASCII base letter. '*' marks a letter that folds
// to two letters (see latinFoldMulti); '=' marks a symbol that is kept (× ÷).
// A hand-written table keeps app.wasm small: golang.org/x/text's normalization
// tables would cost far more than these 192 bytes.
const latinFold = "" +
	"aaaaaa*ceeeeiiiidnooooo=ouuuuy**" + // U+00C0
	"aaaaaa*ceeeeiiiidnooooo=ouuuuy*y" + // U+00E0
	"aaaaaaccccccccddddeeeeeeeeeegggg" + // U+0100
	"gggghhhhiiiiiiiiii**jjkkklllllll" + // U+0120
	"lll" + "nnnnnn*nn" + "oooooo**rrrrrrssssss" + // U+0140
	"ssttttttuuuuuuuuuuuuwwyyyzzzzzzs" // U+0160

var latinFoldMulti = map[rune]string{
	'Æ': "ae", 'æ': "ae", 'Þ': "th", 'þ': "th", 'ß': "ss",
	'Ĳ': "ij", 'ĳ': "ij", 'ŉ': "n", 'Œ': "oe", 'œ': "oe",
}

// foldRune appends the folded form of r to dst. Combining marks, soft hyphens
// and zero-width characters fold to nothing, so a decomposed "café" folds like
// a precomposed one.
func foldRune(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	case r >= 0xC0 && r <= 0x17F:
		c := latinFold[r-0xC0]
		switch c {
		case '*':
			return append(dst, latinFoldMulti[r]...)
		case '=':
			return utf8.AppendRune(dst, r)
		}
		return append(dst, c)
	case r >= 0x300 && r <= 0x36F, r >= 0x1AB0 && r <= 0x1AFF, r >= 0x1DC0 && r <= 0x1DFF,
		r >= 0x20D0 && r <= 0x20FF, r >= 0xFE20 && r <= 0xFE2F, // combining diacritics
		r == 0xAD, r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF: // soft hyphen, zero width
		return dst
	}
	switch r {
	case 0x218, 0x219: // Ș ș (Romanian, Latin Extended-B)
		return append(dst, 's')
	case 0x21A, 0x21B: // Ț ț
		return append(dst, 't')
	case '‘', '’', '‚', '‛', '′', '‵':
		return append(dst, '\'')
	case '“', '”', '„', '‟', '″', '‶', '«', '»':
		return append(dst, '"')
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return append(dst, '-')
	case '…':
		return append(dst, "..."...)
	case 0xA0, 0x202F, 0x205F, 0x3000:
		return append(dst, ' ')
	case 'ς':
		r = 'σ'
	}
	if r >= 0x2000 && r <= 0x200A {
		return append(dst, ' ')
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// isPlainLower reports whether s is ASCII with no upper-case letters, which
// folds to itself.
func isPlainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// Fold returns s folded for matching: lower case, accents removed (é→e, ß→ss),
// curly quotes straightened, dashes and unusual spaces made plain.
func Fold(s string) string {
	if isPlainLower(s) {
		return s
	}
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// appendFold appends s folded (see Fold) to dst.
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		dst = foldRune(dst, r)
		i += size
	}
	return dst
}

// foldMapped folds s and says where each folded byte came from: cp[i] is the
// index, in code points of s, of the character that produced folded byte i, and
// cp[len(folded)] is the number of code points in s. Display needs this because
// sahilm/fuzzy and our tokens count bytes of the folded text while highlights
// count code points of the original.
func foldMapped(s string) (folded string, cp []int32) {
	dst := make([]byte, 0, len(s))
	cp = make([]int32, 0, len(s)+1)
	n := int32(0)
	for _, r := range s {
		before := len(dst)
		dst = foldRune(dst, r)
		for range len(dst) - before {
			cp = append(cp, n)
		}
		n++
	}
	cp = append(cp, n)
	return string(dst), cp
}

// codePointRange maps a range [start,end) of folded bytes to code points of the
// original text. The end extends over characters that folded to nothing right
// after the match (a combining accent belongs to its letter), and a range that
// ends inside a character's expansion (the first "s" of ß→"ss") keeps that
// whole character.
func codePointRange(cp []int32, start, end int) (int, int) {
	last := len(cp) - 1
	start = max(0, min(start, last))
	end = max(start, min(end, last))
	s := int(cp[start])
	if end == start {
		return s, s
	}
	var e int
	switch {
	case end == last:
		e = int(cp[last])
	case cp[end] == cp[end-1]:
		e = int(cp[end]) + 1
	default:
		e = int(cp[end])
	}
	return s, e
}

// isWordRune says which characters make up words: letters, digits and marks.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || ('A' <= r && r <= 'Z')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// eachWord calls fn with the byte range of each word of folded text s. A word is
// a run of letters, digits and marks; a '.' or ',' between two digits stays
// inside the word, so "2.4" and "1,000" are one word each.
func eachWord[T string | []byte](s T, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		}
		word := isWordRune(r)
		if !word && (r == '.' || r == ',') && start >= 0 && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1]) {
			word = true
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			fn(start, i)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// words returns the words of folded text s.
func words(s string) []string {
	var out []string
	eachWord(s, func(a, b int) { out = append(out, s[a:b]) })
	return out
}
