//go:build js && wasm

package store

import (
	"bytes"
	"encoding/json"
	"maps"
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

// localStorage's getUnpacked gives the packed bytes with annotatorUnpack
// and the value's UTF-8 without (Node, where the store's tests run, has
// neither localStorage nor the app's script: both are made here), and a
// store opened either way holds the same annotations and sizes.
func TestLocalStorageGetUnpacked(t *testing.T) {
	if js.Global().Get("localStorage").IsUndefined() {
		js.Global().Call("eval", `globalThis.localStorage = {
  m: new Map(),
  getItem(k) { return this.m.has(k) ? this.m.get(k) : null; },
  setItem(k, v) { this.m.set(k, String(v)); },
  removeItem(k) { this.m.delete(k); },
  get length() { return this.m.size; },
  key(i) { return [...this.m.keys()][i] ?? null; },
};`)
	}
	js.Global().Get("localStorage").Get("m").Call("clear")
	defer func() { unpack = nil }()
	id, jsonValue, packed := realisticEntry(50)
	ls := NewLocalStorage()
	for k, v := range map[string]string{metaKey: `{"schema":4}`, annotationsKey(id): packed, "someone-else": jsonValue} {
		if err := ls.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	g := ls.(unpackingGetter)
	var opened []*Store
	for _, withJS := range []bool{false, true} {
		unpack = nil
		if withJS {
			js.Global().Call("eval", unpackjs.Source)
		} else {
			js.Global().Delete("annotatorUnpack")
		}
		b, units, isPacked, ok, err := g.getUnpacked(annotationsKey(id), nil)
		want := []byte(packed)
		if withJS {
			want, _ = unpackBytes(packed[1:])
		}
		if err != nil || !ok || isPacked != withJS || !bytes.Equal(b, want) || withJS && units != utf16Len(packed) {
			t.Fatalf("with annotatorUnpack %v: %d bytes, %d units, packed %v, ok %v, %v", withJS, len(b), units, isPacked, ok, err)
		}
		if b, _, isPacked, ok, err := g.getUnpacked("someone-else", nil); err != nil || !ok || isPacked || string(b) != jsonValue {
			t.Fatalf("with annotatorUnpack %v: the JSON value: %d bytes, packed %v, ok %v, %v", withJS, len(b), isPacked, ok, err)
		}
		if _, _, _, ok, err := g.getUnpacked("missing", nil); ok || err != nil {
			t.Fatalf("with annotatorUnpack %v: a missing key: %v, %v", withJS, ok, err)
		}
		s, rep, err := Open(ls)
		if err != nil || len(rep.SetAside) > 0 || len(s.Annotations(id)) != 50 {
			t.Fatalf("with annotatorUnpack %v: %v, %+v, %d annotations", withJS, err, rep, len(s.Annotations(id)))
		}
		opened = append(opened, s)
	}
	a, _ := json.Marshal(opened[0].All())
	b, _ := json.Marshal(opened[1].All())
	if string(a) != string(b) {
		t.Error("the stores opened with and without annotatorUnpack differ")
	}
	if z0, z1 := opened[0].backend.(*sizing).sizes, opened[1].backend.(*sizing).sizes; !maps.Equal(z0, z1) {
		t.Errorf("the sizes noted differ:\n%v\n%v", z0, z1)
	}
}
