package store

import (
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
)

func TestTallies(t *testing.T) {
	s, _ := mustOpen(t, NewMemory(0), t0)
	claim := ann("seed", 3, t0)
	claim.Kind, claim.Label = annotation.KindClaim, ""
	claim.Claim = &annotation.Claim{Verdict: annotation.VerdictUnverified}
	for _, a := range []annotation.Annotation{ann("seed", 1, t0), ann("seed", 2, t0), claim, ann("other", 4, t0)} {
		if err := s.Put(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete("seed", ann("seed", 2, t0).ID, t0.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	got := s.Tallies()
	want := map[string]Tally{"seed": {Annotations: 2, Claims: 1}, "other": {Annotations: 1}}
	if len(got) != len(want) || got["seed"] != want["seed"] || got["other"] != want["other"] {
		t.Fatalf("Tallies = %v, want %v", got, want)
	}
}

func TestOpened(t *testing.T) {
	m := NewMemory(0)
	s, _ := mustOpen(t, m, t0)
	if err := s.MarkOpened("seed", t0); err != nil {
		t.Fatal(err)
	}
	writes := len(m.Snapshot())
	// Within the minute: not written again.
	if err := s.MarkOpened("seed", t0.Add(10*time.Second)); err != nil {
		t.Fatal(err)
	}
	if got := s.Opened()["seed"]; !got.Equal(t0) {
		t.Fatalf("opened = %v, want %v", got, t0)
	}
	later := t0.Add(time.Hour)
	if err := s.MarkOpened("seed", later); err != nil {
		t.Fatal(err)
	}
	if len(m.Snapshot()) != writes {
		t.Fatalf("keys %d, want %d", len(m.Snapshot()), writes)
	}
	again, rep := mustOpen(t, m, t0)
	if len(rep.SetAside) != 0 || !again.Opened()["seed"].Equal(later) {
		t.Fatalf("reopened: %v, set aside %v", again.Opened(), rep.SetAside)
	}

	// Another tab's change arrives.
	if _, err := again.ApplyExternal(openedKey, `{"seed":1,"x":2}`); err != nil {
		t.Fatal(err)
	}
	if len(again.Opened()) != 2 {
		t.Fatalf("after another tab: %v", again.Opened())
	}

	// An unreadable value is set aside, and the rest loads.
	bad := memoryFrom(t, 0, map[string]string{openedKey: "{nope"})
	s3, rep := mustOpen(t, bad, t0)
	if len(rep.SetAside) != 1 || len(s3.Opened()) != 0 {
		t.Fatalf("unreadable opened: %+v, %v", rep, s3.Opened())
	}
}
