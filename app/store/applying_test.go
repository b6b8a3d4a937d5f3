package store

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// applySliced writes b as the browser does, n annotations of work a step,
// calling between(i) after step i (to change the store in between).
func applySliced(s *Store, b Batch, since Mark, n int, between func(i int)) error {
	ap, err := s.BeginApply(b, since)
	if err != nil {
		return err
	}
	for i := 0; ; i++ {
		done, err := ap.Step(n)
		if err != nil {
			return err
		}
		if done {
			break
		}
		if p := ap.Progress(); p < 0 || p > 1 {
			return fmt.Errorf("progress %v", p)
		}
		if between != nil {
			between(i)
		}
	}
	if ap.Progress() != 1 {
		return fmt.Errorf("progress %v when done", ap.Progress())
	}
	return ap.Commit()
}

// bigBatch is importBatch with many annotations on a few articles, some
// replacing the seeded ones, and an old tombstone that goes on writing.
func bigBatch(t *testing.T) Batch {
	b := importBatch(t)
	for i := 100; i < 1100; i++ {
		id := []string{"seed", "big", "local-pack"}[i%3]
		b.Annotations[id] = append(b.Annotations[id], ann(id, i, t0.Add(time.Duration(i)*time.Second)))
	}
	old := ann("big", 5000, t0.Add(-40*24*time.Hour))
	old.Deleted = true
	b.Annotations["big"] = append(b.Annotations["big"], old)
	b.Annotations["empty"] = nil
	return b
}

// The sliced apply leaves exactly what Apply leaves, in storage and in
// memory, whatever the size of its steps.
func TestApplyingMatchesApply(t *testing.T) {
	want := func() state {
		m := NewMemory(0)
		s := seeded(t, m)
		if err := s.Apply(bigBatch(t)); err != nil {
			t.Fatal(err)
		}
		return stateOf(s, m)
	}()
	for _, a := range want.snapshot["big"] {
		if a.Deleted {
			t.Fatal("the one-shot apply kept a tombstone older than 30 days")
		}
	}
	for _, n := range []int{1, 7, 500, 1 << 30} {
		m := NewMemory(0)
		s := seeded(t, m)
		steps := 0
		if err := applySliced(s, bigBatch(t), s.Mark(), n, func(int) { steps++ }); err != nil {
			t.Fatalf("steps of %d: %v", n, err)
		}
		if got := stateOf(s, m); !reflect.DeepEqual(got, want) {
			t.Errorf("steps of %d: the sliced apply left another state than Apply", n)
		}
		if n == 7 && steps < 3000/7 {
			t.Errorf("steps of 7: only %d steps for 3 × 1,000 annotations of work", steps)
		}
		again, _ := mustOpen(t, m, t0)
		if got := again.Snapshot(); !reflect.DeepEqual(got, want.snapshot) {
			t.Errorf("steps of %d: reopened, the store holds another state", n)
		}
	}
}

// An article of thousands of annotations is sorted in runs and merged,
// compressed and packed over many steps: its stored value is the one the
// whole-entry encoder makes (encodeEntry), byte for byte, and reads back.
func TestApplyingBigArticleMatchesEncodeEntry(t *testing.T) {
	var list []annotation.Annotation
	for i := range 5000 {
		a := ann("big", (i*7919)%100003, t0.Add(time.Duration(i)*time.Second))
		if i%3 == 0 {
			a = withProvenance(a) // fProvenance and its strings, as encodeEntry writes them
		}
		list = append(list, a)
	}
	old := ann("big", 100004, t0.Add(-40*24*time.Hour))
	old.Deleted = true // an expired tombstone: not written
	list = append(list, old)
	for _, n := range []int{1, 7, 500, 1 << 30} {
		m := NewMemory(0)
		s := seeded(t, m)
		if err := applySliced(s, Batch{Annotations: map[string][]annotation.Annotation{"big": list}}, s.Mark(), n, nil); err != nil {
			t.Fatalf("steps of %d: %v", n, err)
		}
		byID := map[string]annotation.Annotation{}
		for _, a := range list {
			byID[a.ID] = a
		}
		got, _, _ := m.Get(annotationsKey("big"))
		if want := encodeEntry("big", byID, t0); got != want {
			t.Fatalf("steps of %d: the stored value (%d bytes) is not encodeEntry's (%d bytes)", n, len(got), len(want))
		}
		back, err := decodeEntry("big", got)
		if err != nil || len(back) != 5000 {
			t.Fatalf("steps of %d: read back %d annotations, %v", n, len(back), err)
		}
		for i := 1; i < len(back); i++ {
			if back[i-1].ID >= back[i].ID {
				t.Fatalf("steps of %d: stored out of id order at %d", n, i)
			}
		}
	}
}

// Steps change nothing: a batch given up half way (or refused) leaves the
// store as it was, and an invalid annotation is refused by a step.
func TestApplyingStepsWriteNothing(t *testing.T) {
	m := NewMemory(0)
	s := seeded(t, m)
	before := stateOf(s, m)
	ap, err := s.BeginApply(bigBatch(t), s.Mark())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		if _, err := ap.Step(10); err != nil {
			t.Fatal(err)
		}
	}
	if after := stateOf(s, m); !reflect.DeepEqual(after, before) {
		t.Fatal("steps changed the store")
	}
	bad := bigBatch(t)
	wrong := ann("big", 9999, t0)
	wrong.Label = "no-such-label"
	bad.Annotations["big"] = append(bad.Annotations["big"], wrong)
	err = applySliced(s, bad, s.Mark(), 50, nil)
	if err == nil {
		t.Fatal("a batch with an invalid annotation was written")
	}
	if after := stateOf(s, m); !reflect.DeepEqual(after, before) {
		t.Fatal("a refused batch changed the store")
	}
	// The store then goes on as before: a later write of that article is
	// not held up by what the abandoned batch read.
	if err := s.Put(ann("seed", 3, t0)); err != nil {
		t.Fatal(err)
	}
	if err := applySliced(s, bigBatch(t), s.Mark(), 50, nil); err != nil {
		t.Fatal(err)
	}
}

// A full storage at the commit: nothing of the batch is left, as with
// Apply (TestApplyIsAllOrNothingWhenFull).
func TestApplyingIsAllOrNothingWhenFull(t *testing.T) {
	probe := NewMemory(0)
	seeded(t, probe)
	base := probe.UsedChars()
	ps, _ := mustOpen(t, probe, t0)
	if err := ps.Apply(bigBatch(t)); err != nil {
		t.Fatal(err)
	}
	need := probe.UsedChars() - base
	for _, room := range []int{0, need / 3, 2 * need / 3, need - 1} {
		m := NewMemory(base + room)
		s := seeded(t, m)
		before := stateOf(s, m)
		if err := applySliced(s, bigBatch(t), s.Mark(), 64, nil); !IsQuota(err) {
			t.Fatalf("room %d: %v, want a full storage", room, err)
		}
		if after := stateOf(s, m); !reflect.DeepEqual(after, before) {
			t.Errorf("room %d: the failed batch left changes", room)
		}
	}
}

// Between the slices the store is in use: this tab's edits and another
// tab's changes to the articles the batch writes make Commit refuse it
// (ErrChanged), writing nothing and losing nothing; changes to other
// articles do not, and are kept.
func TestApplyingAfterChanges(t *testing.T) {
	edited := withNote(ann("seed", 1, t0.Add(time.Hour)), "edited in this tab meanwhile")
	cases := []struct {
		name    string
		change  func(t *testing.T, s *Store, other *Memory)
		refused bool
		check   func(t *testing.T, s *Store)
	}{
		{"an edit here to an article the batch writes", func(t *testing.T, s *Store, _ *Memory) {
			if err := s.Put(edited); err != nil {
				t.Fatal(err)
			}
		}, true, func(t *testing.T, s *Store) {
			if got := s.Annotations("seed")[0].Note; got != edited.Note {
				t.Errorf("the edit was lost: note %q", got)
			}
		}},
		{"a delete here", func(t *testing.T, s *Store, _ *Memory) {
			if err := s.Delete("seed", ann("seed", 2, t0).ID, t0.Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}, true, func(t *testing.T, s *Store) {
			for _, a := range s.Annotations("seed") {
				if a.ID == ann("seed", 2, t0).ID {
					t.Error("the delete was lost")
				}
			}
		}},
		{"another tab's edit", func(t *testing.T, s *Store, other *Memory) {
			o, _ := mustOpen(t, other, t0)
			if err := o.Put(edited); err != nil {
				t.Fatal(err)
			}
			key := annotationsKey("seed")
			v, _, _ := other.Get(key)
			if _, err := s.ApplyExternal(key, v); err != nil {
				t.Fatal(err)
			}
		}, true, func(t *testing.T, s *Store) {
			if got := s.Annotations("seed")[0].Note; got != edited.Note {
				t.Errorf("the other tab's edit was lost: note %q", got)
			}
		}},
		{"an edit to another article", func(t *testing.T, s *Store, _ *Memory) {
			if err := s.Put(ann("elsewhere", 7, t0)); err != nil {
				t.Fatal(err)
			}
		}, false, func(t *testing.T, s *Store) {
			if len(s.Annotations("elsewhere")) != 1 {
				t.Error("the edit to another article was lost")
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := NewMemory(0)
			s := seeded(t, m)
			other := memoryFrom(t, 0, m.Snapshot())
			mark := s.Mark()
			changed := false
			err := applySliced(s, bigBatch(t), mark, 100, func(i int) {
				if i == 5 {
					c.change(t, s, other)
					changed = true
				}
			})
			if !changed {
				t.Fatal("no slice to change the store between")
			}
			if c.refused {
				if !errors.Is(err, ErrChanged) {
					t.Fatalf("Commit: %v, want ErrChanged", err)
				}
				if len(s.Annotations("big")) != 0 || len(s.LocalArticles()) != 0 {
					t.Error("a refused batch was written in part")
				}
				c.check(t, s)
				// Made again from the store as it is now (the batch the
				// preview makes then keeps the change), it goes through.
				if err := applySliced(s, bigBatch(t), s.Mark(), 100, nil); err != nil {
					t.Fatal(err)
				}
				if len(s.Annotations("big")) != 334 {
					t.Errorf("big: %d annotations", len(s.Annotations("big")))
				}
			} else {
				if err != nil {
					t.Fatalf("Commit: %v", err)
				}
				c.check(t, s)
			}
			again, _ := mustOpen(t, m, t0)
			if !reflect.DeepEqual(again.Snapshot(), s.Snapshot()) {
				t.Error("storage and memory disagree")
			}
		})
	}
	// A change after the mark, before BeginApply, counts too: the batch
	// was made from a snapshot taken at the mark.
	m := NewMemory(0)
	s := seeded(t, m)
	mark := s.Mark()
	if err := s.Put(edited); err != nil {
		t.Fatal(err)
	}
	if err := applySliced(s, bigBatch(t), mark, 100, nil); !errors.Is(err, ErrChanged) {
		t.Fatalf("Commit: %v, want ErrChanged", err)
	}
}

// What an Applying reads is not changed in place by the edits between its
// steps (it may run on another goroutine): the article's map is copied
// before the edit.
func TestApplyingReadsAStableMap(t *testing.T) {
	s := seeded(t, NewMemory(0))
	ap, err := s.BeginApply(Batch{Annotations: map[string][]annotation.Annotation{"seed": {ann("seed", 3, t0)}}}, s.Mark())
	if err != nil {
		t.Fatal(err)
	}
	held := ap.prev["seed"]
	if err := s.Put(ann("seed", 4, t0)); err != nil {
		t.Fatal(err)
	}
	if len(held) != 2 {
		t.Fatalf("the map the Applying read was changed in place: %d annotations", len(held))
	}
}

// Steps may run on another goroutine while the store is used (go test
// -race checks that they share nothing that changes).
func TestApplyingStepsOnAnotherGoroutine(t *testing.T) {
	s := seeded(t, NewMemory(0))
	ap, err := s.BeginApply(bigBatch(t), s.Mark())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		for {
			ok, err := ap.Step(3)
			if err != nil || ok {
				done <- err
				return
			}
		}
	}()
	for i := 0; i < 50; i++ {
		if err := s.Put(withNote(ann("seed", 1, t0.Add(time.Duration(i+2)*time.Hour)), fmt.Sprint("edit ", i))); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := ap.Commit(); !errors.Is(err, ErrChanged) {
		t.Fatalf("Commit: %v, want ErrChanged", err)
	}
}
