package store

import (
	"encoding/json"
	"testing"
)

// scribbledMemory is a Memory that is also a bytesGetter, like the
// browser's localStorage; the buffers it filled are overwritten once the
// store is open, as reusing them for the next read would.
type scribbledMemory struct {
	*Memory
	filled [][]byte
}

func (m *scribbledMemory) getBytes(key string, dst []byte) ([]byte, bool, error) {
	v, ok, err := m.Get(key)
	dst = append(dst[:0], v...)
	m.filled = append(m.filled, dst)
	return dst, ok, err
}

func (m *scribbledMemory) scribble() {
	for _, b := range m.filled {
		for i := range b {
			b[i] = 'X'
		}
	}
}

// Opening through getBytes gives what opening through Get gives, and keeps
// nothing of the buffers: the v2 and v3 fixtures, a damaged packed entry,
// a packed entry with one invalid annotation, and a JSON one.
func TestOpenThroughBytesGetter(t *testing.T) {
	kv := loadFixture(t, "testdata/v3.json")
	bad := benchAnnotation("mixed", 2)
	bad.Quote.Exact = ""
	kv[annotationsKey("mixed")] = encodeEntry("mixed", byID(benchAnnotation("mixed", 1), bad), t0)
	kv[annotationsKey("damaged")] = string(entryMarker) + "㐀㐀"
	js, _ := json.Marshal([]any{benchAnnotation("json", 1), map[string]any{"id": 3}})
	kv[annotationsKey("json")] = string(js)
	for k, v := range loadFixture(t, "testdata/v2.json") {
		if k != metaKey {
			kv[k+"-v2"] = v
		}
	}
	plain := memoryFrom(t, 0, kv)
	viaBytes := &scribbledMemory{Memory: memoryFrom(t, 0, kv)}
	s1, rep1 := mustOpen(t, plain, t0)
	s2, rep2 := mustOpen(t, viaBytes, t0)
	if len(viaBytes.filled) == 0 {
		t.Fatal("getBytes was not used")
	}
	viaBytes.scribble()
	a, _ := json.Marshal(s1.All())
	b, _ := json.Marshal(s2.All())
	if string(a) != string(b) {
		t.Errorf("annotations differ:\n%s\n%s", a, b)
	}
	r1, _ := json.Marshal(rep1)
	r2, _ := json.Marshal(rep2)
	if string(r1) != string(r2) || len(rep1.SetAside) < 3 {
		t.Errorf("reports differ or too few set aside:\n%s\n%s", r1, r2)
	}
	k1, _ := plain.Keys()
	for _, k := range k1 {
		v1, _, _ := plain.Get(k)
		v2, _, _ := viaBytes.Get(k)
		if v1 != v2 {
			t.Errorf("%s differs after opening:\n%q\n%q", k, v1, v2)
		}
	}
}
