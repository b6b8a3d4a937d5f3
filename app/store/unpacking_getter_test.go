package store

import (
	"encoding/json"
	"maps"
	"strings"
	"testing"
)

// scribbledMemory is a Memory that is also an unpackingGetter, like the
// browser's localStorage: with unpack, it unpacks what unpackBytes can
// unpack of a packed value, as annotatorUnpack does (the browser's test:
// TestUnpackJS); without, it gives every value's UTF-8, as localStorage does
// in a page without annotatorUnpack. The buffers it filled are overwritten
// once the store is open, as reusing them for the next read would.
type scribbledMemory struct {
	*Memory
	unpack   bool
	unpacked int // how many values it unpacked
	filled   [][]byte
}

func (m *scribbledMemory) getUnpacked(key string, dst []byte) (b []byte, units int, packed, ok bool, err error) {
	v, ok, err := m.Get(key)
	if z, zerr := unpackBytes(strings.TrimPrefix(v, string(entryMarker))); m.unpack && isPacked(v) && zerr == nil {
		dst, units, packed = append(dst[:0], z...), utf16Len(v), true
		m.unpacked++
	} else {
		dst = append(dst[:0], v...)
	}
	m.filled = append(m.filled, dst)
	return dst, units, packed, ok, err
}

func (m *scribbledMemory) scribble() {
	for _, b := range m.filled {
		for i := range b {
			b[i] = 'X'
		}
	}
}

// Opening through getUnpacked, unpacking or not, gives what opening
// through Get gives, and keeps nothing of the buffers: the v2 and v3
// fixtures, a damaged packed entry, one that does not unpack, a packed
// entry with one invalid annotation, and a JSON one.
func TestOpenThroughUnpackingGetter(t *testing.T) {
	kv := loadFixture(t, "testdata/v3.json")
	bad := benchAnnotation("mixed", 2)
	bad.Quote.Exact = ""
	kv[annotationsKey("mixed")] = encodeEntry("mixed", byID(benchAnnotation("mixed", 1), bad), t0)
	kv[annotationsKey("damaged")] = string(entryMarker) + "㐀㐀"
	kv[annotationsKey("unpackable")] = string(entryMarker) + "㐀x"
	js, _ := json.Marshal([]any{benchAnnotation("json", 1), map[string]any{"id": 3}})
	kv[annotationsKey("json")] = string(js)
	for k, v := range loadFixture(t, "testdata/v2.json") {
		if k != metaKey {
			kv[k+"-v2"] = v
		}
	}
	for _, unpack := range []bool{false, true} {
		plain := memoryFrom(t, 0, kv)
		viaBytes := &scribbledMemory{Memory: memoryFrom(t, 0, kv), unpack: unpack}
		s1, rep1 := mustOpen(t, plain, t0)
		s2, rep2 := mustOpen(t, viaBytes, t0)
		if len(viaBytes.filled) == 0 || unpack != (viaBytes.unpacked > 0) {
			t.Fatalf("unpack %v: getUnpacked read %d values, unpacked %d", unpack, len(viaBytes.filled), viaBytes.unpacked)
		}
		viaBytes.scribble()
		a, _ := json.Marshal(s1.All())
		b, _ := json.Marshal(s2.All())
		if string(a) != string(b) {
			t.Errorf("unpack %v: annotations differ:\n%s\n%s", unpack, a, b)
		}
		r1, _ := json.Marshal(rep1)
		r2, _ := json.Marshal(rep2)
		if string(r1) != string(r2) || len(rep1.SetAside) < 4 {
			t.Errorf("unpack %v: reports differ or too few set aside:\n%s\n%s", unpack, r1, r2)
		}
		if z1, z2 := s1.backend.(*sizing).sizes, s2.backend.(*sizing).sizes; !maps.Equal(z1, z2) {
			t.Errorf("unpack %v: the sizes noted differ:\n%v\n%v", unpack, z1, z2)
		}
		k1, _ := plain.Keys()
		for _, k := range k1 {
			v1, _, _ := plain.Get(k)
			v2, _, _ := viaBytes.Get(k)
			if v1 != v2 {
				t.Errorf("unpack %v: %s differs after opening:\n%q\n%q", unpack, k, v1, v2)
			}
		}
	}
}
