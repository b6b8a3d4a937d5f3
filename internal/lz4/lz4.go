// Package lz4 compresses and decompresses the LZ4 block format, for the
// annotations app/store keeps in the browser's localStorage.
//
// Why LZ4 and why here. The store reads every article's annotations
// synchronously when the app starts, so decompression must be fast in
// WebAssembly; the browser's own (de)compression streams are asynchronous.
// Measured on one article's 1,000 realistic annotations (321 KB in the
// store's compact encoding, Go 1.26, GOARCH=wasm under Node, a busy 2-core
// machine): compress/flate inflates at 20–35 MB/s (9–16 ms), LZ4 at about
// 170 MB/s (2 ms). LZ4 compresses a little less (71 against 50 UTF-16
// characters per annotation once packed), well inside the store's budget.
// compress/flate would also add about 164 KB to app.wasm, and
// github.com/pierrec/lz4/v4, the reference Go implementation, 94 KB (it
// carries the frame format, checksums and its high-compression mode); this
// package is a few KB of app.wasm.
//
// The tests check it against github.com/pierrec/lz4/v4 both ways (each
// decodes what the other encodes) and under go test -fuzz; Decompress
// rejects, never panics on, damaged input.
//
// Compress is LZ4's greedy parse with a short hash chain (a few candidates
// per position, the longest wins), between LZ4's fast and HC modes in
// ratio and speed. The output follows the block format's end-of-block
// rules, so any LZ4 decoder reads it.
package lz4

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"unsafe"
)

const (
	minMatch   = 4
	lastLits   = 5  // the last 5 bytes are always literals
	mfLimit    = 12 // no match starts in the last 12 bytes
	maxOffset  = 1<<16 - 1
	hashLog    = 14
	chainDepth = 8  // candidates tried per position
	niceLen    = 64 // a match this long ends the search
	skipLog    = 5  // after 32 bytes without a match, try every other position, and so on

)

// Compress appends the LZ4 block of src to dst.
func Compress(dst, src []byte) []byte {
	if len(src) < mfLimit+1 {
		return appendLast(dst, src)
	}
	c := Compressor{dst: dst, src: src, head: new([1 << hashLog]int32), chain: make([]uint16, min(len(src), 1<<16))}
	c.Step(len(src))
	return c.dst
}

// Compressor is Compress a part at a time, for a caller that must give
// the main thread back between parts (the store compressing one article's
// 20,000 annotations, 6 MB, in the browser): the block it makes is
// Compress's, byte for byte, however the work is cut.
type Compressor struct {
	dst, src []byte
	head     *[1 << hashLog]int32 // position+1 of the latest occurrence of each hash
	chain    []uint16             // distance back to the previous position with the same hash
	// anchor is the start of the pending literals, p the position the
	// parse is at, next the first position not yet in the chains.
	anchor, p, next int
	done            bool
}

// NewCompressor starts compressing src, to be appended to dst.
func NewCompressor(dst, src []byte) *Compressor {
	c := &Compressor{dst: dst, src: src}
	if len(src) >= mfLimit+1 {
		c.head, c.chain = new([1 << hashLog]int32), make([]uint16, min(len(src), 1<<16))
	}
	return c
}

// Step compresses about n more bytes of the input (at least one sequence)
// and reports whether the block is complete.
func (c *Compressor) Step(n int) bool {
	if c.done {
		return true
	}
	src := c.src
	if len(src) < mfLimit+1 {
		c.dst, c.done = appendLast(c.dst, src), true
		return true
	}
	// The state in locals while the loop runs: through c's fields it was
	// loads and stores in the hottest loop.
	head, chain, dst := c.head, c.chain, c.dst
	anchor, p, next := c.anchor, c.p, c.next
	_ = head[0] // one nil check here, none in the loop
	n = max(n, 1)
	limit := len(src) - mfLimit
	stop := min(limit, p+n)
	for p < stop {
		for ; next <= p; next++ {
			h := hash(binary.LittleEndian.Uint32(src[next:]))
			d := next - (int(head[h]) - 1)
			if head[h] == 0 || d > maxOffset {
				d = 0
			}
			chain[next&0xffff] = uint16(d)
			head[h] = int32(next + 1)
		}
		// The longest match at p among the latest candidates.
		bestLen, bestOff := 0, 0
		cur := binary.LittleEndian.Uint32(src[p:])
		maxLen := len(src) - lastLits - p
		cand := p
		for tries := 0; tries < chainDepth; tries++ {
			d := int(chain[cand&0xffff])
			if d == 0 || p-(cand-d) > maxOffset {
				break
			}
			cand -= d
			if binary.LittleEndian.Uint32(src[cand:]) != cur {
				continue
			}
			if l := matchLen(src[cand:], src[p:], maxLen); l > bestLen {
				bestLen, bestOff = l, p-cand
				if l >= niceLen || l == maxLen {
					break // long enough: looking further costs more than it saves
				}
			}
		}
		if bestLen == 0 {
			// Like LZ4's acceleration: the longer nothing matches (random
			// bytes such as ids), the faster the search moves on.
			p += 1 + (p-anchor)>>skipLog
			continue
		}
		// Extend backwards over pending literals.
		for p > anchor && p-bestOff > 0 && src[p-1] == src[p-bestOff-1] {
			p--
			bestLen++
		}
		dst = appendSequence(dst, src[anchor:p], bestOff, bestLen)
		p += bestLen
		anchor = p
	}
	if p >= limit {
		dst = appendLast(dst, src[anchor:])
		c.done, c.head, c.chain = true, nil, nil
	}
	c.dst, c.anchor, c.p, c.next = dst, anchor, p, next
	return c.done
}

// Bytes returns dst with the block appended, once Step has reported done.
func (c *Compressor) Bytes() []byte { return c.dst }

// Progress returns how many bytes of the input have been compressed.
func (c *Compressor) Progress() int {
	if c.done {
		return len(c.src)
	}
	return c.p
}

// matchLen returns how many of the first max bytes of a and b are equal
// (a is before b in the input, so it is at least as long).
func matchLen(a, b []byte, max int) int {
	l := minMatch
	for l+8 <= max {
		if x := binary.LittleEndian.Uint64(a[l:]) ^ binary.LittleEndian.Uint64(b[l:]); x != 0 {
			return l + bits.TrailingZeros64(x)/8
		}
		l += 8
	}
	for l < max && a[l] == b[l] {
		l++
	}
	return l
}

func hash(v uint32) uint32 { return v * 2654435761 >> (32 - hashLog) }

func appendLength(dst []byte, l int) []byte {
	for ; l >= 255; l -= 255 {
		dst = append(dst, 255)
	}
	return append(dst, byte(l))
}

func appendSequence(dst, lits []byte, off, matchLen int) []byte {
	ll, ml := len(lits), matchLen-minMatch
	token := byte(min(ll, 15))<<4 | byte(min(ml, 15))
	dst = append(dst, token)
	if ll >= 15 {
		dst = appendLength(dst, ll-15)
	}
	dst = append(dst, lits...)
	dst = append(dst, byte(off), byte(off>>8))
	if ml >= 15 {
		dst = appendLength(dst, ml-15)
	}
	return dst
}

func appendLast(dst, lits []byte) []byte {
	ll := len(lits)
	dst = append(dst, byte(min(ll, 15))<<4)
	if ll >= 15 {
		dst = appendLength(dst, ll-15)
	}
	return append(dst, lits...)
}

// ErrCorrupt is returned for a block that is not valid LZ4 or does not
// decompress to the expected size.
var ErrCorrupt = errors.New("lz4: corrupt block")

// Decompress decodes an LZ4 block that decompresses to exactly size bytes.
//
// Short literal runs and matches are copied as 8-byte words through unsafe
// pointers, written out here: in WebAssembly that is one load and one
// store a word, where encoding/binary's Uint64 and PutUint64 are eight of
// each (and calls: app.wasm is built without inlining), and memmove or a
// helper function is a call that costs more than a short copy (c9714e4
// tried the encoding/binary way: the stage was slower). Each range is
// checked to be in bounds first.
func Decompress(src []byte, size int) ([]byte, error) {
	if size < 0 {
		return nil, ErrCorrupt
	}
	dst := make([]byte, size)
	si, di := 0, 0
	for {
		if si >= len(src) {
			return nil, ErrCorrupt
		}
		token := src[si]
		si++
		ll := int(token >> 4)
		if ll == 15 {
			var ok bool
			if ll, si, ok = readLength(src, si, ll); !ok {
				return nil, ErrCorrupt
			}
		}
		if ll > len(src)-si || ll > size-di {
			return nil, ErrCorrupt
		}
		if ll <= 16 && len(src)-si >= 16 && size-di >= 16 {
			// Most literal runs are short: copy 16 bytes (what is past
			// the run is written again later) rather than call memmove.
			d, s := unsafe.Pointer(&dst[di]), unsafe.Pointer(&src[si])
			a, b := *(*uint64)(s), *(*uint64)(unsafe.Add(s, 8))
			*(*uint64)(d), *(*uint64)(unsafe.Add(d, 8)) = a, b
		} else {
			copy(dst[di:], src[si:si+ll])
		}
		si += ll
		di += ll
		if si == len(src) {
			break // the last sequence has literals only
		}
		if len(src)-si < 2 {
			return nil, ErrCorrupt
		}
		off := int(src[si]) | int(src[si+1])<<8
		si += 2
		ml := int(token & 15)
		if ml == 15 {
			var ok bool
			if ml, si, ok = readLength(src, si, ml); !ok {
				return nil, ErrCorrupt
			}
		}
		ml += minMatch
		if off == 0 || off > di || ml > size-di {
			return nil, ErrCorrupt
		}
		start := di - off
		if off >= 8 && ml <= 16 && size-di >= 16 {
			// A short match at least a word back: two words, each read
			// before it is written, repeat it as a byte-by-byte copy would.
			d, s := unsafe.Pointer(&dst[di]), unsafe.Pointer(&dst[start])
			*(*uint64)(d) = *(*uint64)(s)
			*(*uint64)(unsafe.Add(d, 8)) = *(*uint64)(unsafe.Add(s, 8))
			di += ml
			continue
		}
		if off >= ml {
			copy(dst[di:di+ml], dst[start:start+ml])
			di += ml
			continue
		}
		// An overlapping match repeats the last off bytes: copy in runs
		// that double each time.
		end := di + ml
		for di < end {
			di += copy(dst[di:end], dst[start:di])
		}
	}
	if di != size {
		return nil, ErrCorrupt
	}
	return dst, nil
}

// readLength adds the extra length bytes at src[si:] to l.
func readLength(src []byte, si, l int) (int, int, bool) {
	for {
		if si >= len(src) {
			return 0, 0, false
		}
		b := src[si]
		si++
		l += int(b)
		if l > 1<<30 {
			return 0, 0, false
		}
		if b != 255 {
			return l, si, true
		}
	}
}
