package store

import (
	"errors"
	"unicode/utf8"
)

// Packing bytes into a JavaScript string.
//
// localStorage holds strings, and Chromium counts its quota in UTF-16 code
// units, so bytes are stored 15 bits to a code unit, as lz-string's
// compressToUTF16 and base32768 do; a byte-per-character encoding (base64:
// 6 bits) would waste more than half the quota. Every unit is a whole BMP
// character outside the surrogate range (U+D800–U+DFFF), so the string is
// well-formed UTF-16 and survives every conversion on its way (Go's UTF-8
// strings, TextEncoder/TextDecoder in syscall/js, the browser's own storage).
//
//   - 15 bits at a time become one of U+3400…U+B3FF (unit15Base + value);
//   - the last 1 to 7 bits, when that is all that is left, become one of
//     U+0100…U+017F (unit7Base + value), as base32768 ends with a character
//     from a smaller repertoire, so the decoder knows the byte count
//     exactly: the bits it reads, rounded down to whole bytes.
//
// Bits go most significant first; padding bits are zero.
const (
	unit15Base = 0x3400
	unit7Base  = 0x0100
)

// packedLen returns the UTF-16 length of packBytes for n bytes.
func packedLen(n int) int {
	return (8*n + 14) / 15
}

// packBytes appends b, packed, to dst (UTF-8, as Go strings are).
func packBytes(dst []byte, b []byte) []byte {
	var acc uint32 // pending bits, right-aligned
	n := 0         // how many
	for _, c := range b {
		acc = acc<<8 | uint32(c)
		n += 8
		if n >= 15 {
			n -= 15
			dst = utf8.AppendRune(dst, rune(unit15Base+(acc>>n)&0x7fff))
		}
	}
	switch {
	case n > 7:
		dst = utf8.AppendRune(dst, rune(unit15Base+(acc<<(15-n))&0x7fff))
	case n > 0:
		dst = utf8.AppendRune(dst, rune(unit7Base+(acc<<(7-n))&0x7f))
	}
	return dst
}

var errPacked = errors.New("not packed data: a character outside the packing's repertoire")

// unpackBytes reverses packBytes.
func unpackBytes(s string) ([]byte, error) {
	out := make([]byte, 0, len(s)/3*15/8+1)
	var acc uint32
	n := 0
	for i, r := range s {
		var v uint32
		var w int
		switch {
		case r >= unit15Base && r < unit15Base+1<<15:
			v, w = uint32(r-unit15Base), 15
		case r >= unit7Base && r < unit7Base+1<<7 && i+utf8.RuneLen(r) == len(s):
			v, w = uint32(r-unit7Base), 7
		default:
			return nil, errPacked
		}
		acc = acc<<w | v
		n += w
		for n >= 8 {
			n -= 8
			out = append(out, byte(acc>>n))
		}
		acc &= 1<<n - 1
	}
	return out, nil
}
