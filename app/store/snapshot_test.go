package store

import (
	"testing"

	"github.com/annotator/annotator/app/annotation"
)

func TestSnapshotAndReplace(t *testing.T) {
	m := memoryFrom(t, 0, nil)
	s, _ := mustOpen(t, m, t0)
	a1, a2 := ann("seed", 1, t0), ann("seed", 2, t0)
	if err := s.Put(a1); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(a2); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete("seed", a2.ID, t0.Add(1)); err != nil {
		t.Fatal(err)
	}
	snap := s.Snapshot()
	if len(snap["seed"]) != 2 {
		t.Fatalf("snapshot holds %d annotations, want 2 with the tombstone", len(snap["seed"]))
	}
	before := snap["seed"]
	if err := s.PutMany("seed", []annotation.Annotation{ann("seed", 3, t0)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Replace("seed", before); err != nil {
		t.Fatal(err)
	}
	if got := ids(s.Annotations("seed")); len(got) != 1 || got[0] != a1.ID {
		t.Fatalf("after Replace: %v, want only %s", got, a1.ID)
	}
	again, _ := mustOpen(t, m, t0)
	if got := len(again.Snapshot()["seed"]); got != 2 {
		t.Fatalf("reopened: %d annotations, want 2 (one a tombstone)", got)
	}
	if err := s.Replace("seed", nil); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Snapshot()["seed"]; ok {
		t.Fatal("Replace with nothing left the article's annotations")
	}
}
