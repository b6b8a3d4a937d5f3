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
	return unpackBytesTo(nil, s)
}

// unpackBytesTo is unpackBytes, appending to dst (unpackEntry hands it a
// buffer it reuses: the bytes are only LZ4's input).
func unpackBytesTo(dst []byte, s string) ([]byte, error) {
	// Written to by index, not appended to: app.wasm is built without
	// inlining, and an append is a call when it grows. max is the most
	// bytes s can hold (15 bits a unit, every unit three bytes of UTF-8,
	// plus one for a last unit of fewer bits).
	k := len(dst)
	max := k + len(s)/3*15/8 + 1
	if cap(dst) < max {
		dst = append(dst[:cap(dst)], make([]byte, max-cap(dst))...)
	}
	out := dst[:max]
	var acc uint32
	n := 0
	for i := 0; i < len(s); {
		// Eight units (120 bits) make 15 whole bytes: while the bits are
		// aligned, take them eight at a time, decoded by hand (every unit
		// of the repertoire is a three-byte sequence; ranging over the
		// string's runes took twice as long in WebAssembly).
		if n == 0 && len(s)-i >= 24 {
			u := s[i : i+24]
			var hi, lo uint64
			ok := true
			for j := 0; j < 24; j += 3 {
				c0, c1, c2 := u[j], u[j+1], u[j+2]
				r := uint64(c0&0x0F)<<12 | uint64(c1&0x3F)<<6 | uint64(c2&0x3F)
				if c0&0xF0 != 0xE0 || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 || r-unit15Base >= 1<<15 {
					ok = false
					break
				}
				hi, lo = hi<<15|lo>>45, (lo<<15|(r-unit15Base))&(1<<60-1)
			}
			if ok {
				top, bottom := hi<<4|lo>>56, lo<<8
				d := out[k : k+15 : k+15]
				d[0], d[1], d[2], d[3] = byte(top>>56), byte(top>>48), byte(top>>40), byte(top>>32)
				d[4], d[5], d[6], d[7] = byte(top>>24), byte(top>>16), byte(top>>8), byte(top)
				d[8], d[9], d[10], d[11] = byte(bottom>>56), byte(bottom>>48), byte(bottom>>40), byte(bottom>>32)
				d[12], d[13], d[14] = byte(bottom>>24), byte(bottom>>16), byte(bottom>>8)
				k += 15
				i += 24
				continue
			}
		}
		var v uint32
		var w int
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
			out[k] = byte(acc >> n)
			k++
		}
		acc &= 1<<n - 1
	}
	return out[:k], nil
}
