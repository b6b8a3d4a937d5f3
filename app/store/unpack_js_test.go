//go:build js && wasm

package store

import (
	"bytes"
	"math/rand"
	"strings"
	"syscall/js"
	"testing"
	"unicode/utf16"

	"github.com/annotator/annotator/internal/unpackjs"
)

// annotatorUnpack (internal/unpackjs), which localStorage's getUnpacked
// calls in the app's page, gives byte for byte what unpackBytes gives of
// the same value's UTF-8, and null exactly where unpackBytes fails: packed
// values of 0 to 3,000 bytes, the same with one code unit changed (to each
// edge of the repertoires, a lone surrogate, anything), and values that
// are not packed.
func TestUnpackJS(t *testing.T) {
	js.Global().Call("eval", unpackjs.Source) // Node: the page's script, as app.js holds it
	unpack := js.Global().Get("annotatorUnpack")
	fromCharCode := js.Global().Get("String").Get("fromCharCode")
	check := func(units []uint16) {
		t.Helper()
		args := make([]any, len(units))
		for i, u := range units {
			args[i] = int(u)
		}
		got := unpack.Invoke(fromCharCode.Invoke(args...))
		// What Go reads of the value without annotatorUnpack: its UTF-8,
		// a lone surrogate become U+FFFD, as TextEncoder makes it.
		value := string(utf16.Decode(units))
		want, err := unpackBytes(strings.TrimPrefix(value, string(entryMarker)))
		if !isPacked(value) {
			want, err = nil, errPacked
		}
		switch {
		case got.IsNull() != (err != nil):
			t.Fatalf("%x: annotatorUnpack gave %v, unpackBytes %v", units, got, err)
		case err == nil:
			b := make([]byte, got.Get("length").Int())
			js.CopyBytesToGo(b, got)
			if !bytes.Equal(b, want) || got.Get("units").Int() != len(units) {
				t.Fatalf("%x: annotatorUnpack gave %x (%v units), unpackBytes %x", units, b, got.Get("units"), want)
			}
		}
	}
	edges := []uint16{0, 0x7e, 0xff, unit7Base, unit7Base + 0x7f, unit7Base + 0x80, unit15Base - 1, unit15Base, unit15Base + 0x7fff, unit15Base + 0x8000, 0xd800, 0xdc00, 0xfffd, 0xffff}
	rng := rand.New(rand.NewSource(1))
	for _, n := range append([]int{0, 1, 2, 3, 14, 15, 16, 29, 30, 31, 100, 1000, 3000}, rng.Perm(64)...) {
		b := make([]byte, n)
		rng.Read(b)
		packed := string(entryMarker) + string(packBytes(nil, b))
		units := utf16.Encode([]rune(packed))
		check(units)
		check(units[1:]) // no marker
		for range 4 {
			changed := append([]uint16(nil), units...)
			u := uint16(rng.Intn(1 << 16))
			if rng.Intn(2) == 0 {
				u = edges[rng.Intn(len(edges))]
			}
			changed[rng.Intn(len(changed))] = u
			check(changed)
			check(append(changed, edges[rng.Intn(len(edges))]))
		}
	}
	check(nil)
	check([]uint16{0x7e, 0xd83d, 0xde00}) // a surrogate pair: four bytes of UTF-8
}
