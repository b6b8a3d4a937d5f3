package store

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/annotator/annotator/app/annotation"
)

// TestZZSeedForm is the scale benchmark's (e2e/bench_scale_test.go
// storedFormOf): added to a baseline tree's app/store with go test
// -overlay, it stores the annotations in SEED_FORM_IN (JSON, by article)
// with that tree's own store and writes what its localStorage would hold
// to SEED_FORM_OUT, so that a build is measured on the layout it writes
// itself rather than on a newer one it refuses.
func TestZZSeedForm(t *testing.T) {
	in, out := os.Getenv("SEED_FORM_IN"), os.Getenv("SEED_FORM_OUT")
	if in == "" || out == "" {
		t.Skip("SEED_FORM_IN and SEED_FORM_OUT are not set")
	}
	data, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	var byArticle map[string][]annotation.Annotation
	if err := json.Unmarshal(data, &byArticle); err != nil {
		t.Fatal(err)
	}
	m := NewMemory(0)
	s, _, err := Open(m)
	if err != nil {
		t.Fatal(err)
	}
	for id, list := range byArticle {
		if err := s.PutMany(id, list); err != nil {
			t.Fatalf("storing %d annotations of %s: %v", len(list), id, err)
		}
	}
	kv, err := json.Marshal(m.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, kv, 0o644); err != nil {
		t.Fatal(err)
	}
}
