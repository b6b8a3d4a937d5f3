package anchor

import "unicode/utf8"

// Offset conversion between the three ways a position in a string is counted.
// W3C selectors and every offset in this program count Unicode code points;
// the DOM counts UTF-16 code units; Go indexes UTF-8 bytes. These four
// functions are the one place where they meet. Out-of-range input clamps to
// [0, end of string]; an offset that falls inside a code point (the second
// half of a surrogate pair, or a continuation byte) rounds down to the start of
// that code point. Invalid UTF-8 counts one code point (U+FFFD) per bad byte,
// as range over a string does.

// UTF16ToCodePoint converts a UTF-16 code unit offset in s to a code point offset.
func UTF16ToCodePoint(s string, u16 int) int {
	if u16 <= 0 {
		return 0
	}
	units, cps := 0, 0
	for _, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > u16 {
			return cps
		}
		units += w
		cps++
	}
	return cps
}

// CodePointToUTF16 converts a code point offset in s to a UTF-16 code unit offset.
func CodePointToUTF16(s string, cp int) int {
	if cp <= 0 {
		return 0
	}
	units, cps := 0, 0
	for _, r := range s {
		if cps == cp {
			break
		}
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		cps++
	}
	return units
}

// ByteToCodePoint converts a UTF-8 byte offset in s to a code point offset.
func ByteToCodePoint(s string, b int) int {
	if b <= 0 {
		return 0
	}
	cps := 0
	for i := range s {
		if i >= b {
			return cps
		}
		// A byte offset inside this code point rounds down to it.
		_, size := utf8.DecodeRuneInString(s[i:])
		if i+size > b {
			return cps
		}
		cps++
	}
	return cps
}

// CodePointToByte converts a code point offset in s to a UTF-8 byte offset.
func CodePointToByte(s string, cp int) int {
	if cp <= 0 {
		return 0
	}
	cps := 0
	for i := range s {
		if cps == cp {
			return i
		}
		cps++
	}
	return len(s)
}
