package store

import (
	"encoding/binary"
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

// units4 decodes four units of the 15-bit repertoire at the start of s
// into 60 bits.
func units4(s string) (uint64, bool) {
	var v uint64
	for j := 0; j < 12; j += 3 {
		c0, c1, c2 := s[j], s[j+1], s[j+2]
		if c0 < 0xE0 || c0 > 0xEF || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			return 0, false
		}
		r := uint64(c0&0x0F)<<12 | uint64(c1&0x3F)<<6 | uint64(c2&0x3F)
		if r < unit15Base || r >= unit15Base+1<<15 {
			return 0, false
		}
		v = v<<15 | (r - unit15Base)
	}
	return v, true
}

var errPacked = errors.New("not packed data: a character outside the packing's repertoire")

// unpackBytes reverses packBytes.
func unpackBytes(s string) ([]byte, error) {
	out := make([]byte, 0, len(s)/3*15/8+1)
	var acc uint32
	n := 0
	for i := 0; i < len(s); {
		// Eight units (120 bits) make 15 whole bytes: while the bits are
		// aligned, take them eight at a time.
		if n == 0 && len(s)-i >= 24 {
			if hi, ok := units4(s[i:]); ok {
				if lo, ok := units4(s[i+12:]); ok {
					out = binary.BigEndian.AppendUint64(out, hi<<4|lo>>56)[:len(out)+7]
					out = append(out, byte(hi<<4)|byte(lo>>56))
					out = binary.BigEndian.AppendUint64(out, lo<<8)[:len(out)+7]
					i += 24
					continue
				}
			}
		}
		var v uint32
		var w int
		// Decoded by hand: every unit of the repertoire is a 3-byte
		// sequence, and ranging over the string's runes took twice as long
		// in WebAssembly.
		if c := s[i]; c >= 0xE0 && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r < unit15Base || r >= unit15Base+1<<15 {
				return nil, errPacked
			}
			v, w = uint32(r-unit15Base), 15
			i += 3
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r < unit7Base || r >= unit7Base+1<<7 || i+size != len(s) {
				return nil, errPacked
			}
			v, w = uint32(r-unit7Base), 7
			i += size
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
