package store

import "testing"

func TestSnapshot(t *testing.T) {
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
	snap["seed"][0].Note = "changed in the copy"
	if s.Snapshot()["seed"][0].Note == "changed in the copy" {
		t.Fatal("a snapshot shares the store's annotations")
	}
	again, _ := mustOpen(t, m, t0)
	if got := len(again.Snapshot()["seed"]); got != 2 {
		t.Fatalf("reopened: %d annotations, want 2 (one a tombstone)", got)
	}
}
