package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// faulty is a Memory whose writes fail when fail says so.
type faulty struct {
	*Memory
	fail func(op, key string) error
}

func (f faulty) Set(k, v string) error {
	if err := f.fail("set", k); err != nil {
		return err
	}
	return f.Memory.Set(k, v)
}

func (f faulty) Remove(k string) error {
	if err := f.fail("remove", k); err != nil {
		return err
	}
	return f.Memory.Remove(k)
}

// importBatch adds a local article with two annotations, adds to the
// reader's annotations on "seed", and keeps instructions.
func importBatch(t *testing.T) Batch {
	return Batch{
		Articles: []*article.Article{localArticle(t, "local-pack")},
		Annotations: map[string][]annotation.Annotation{
			"local-pack": {ann("local-pack", 20, t0), ann("local-pack", 21, t0)},
			"seed":       {withNote(ann("seed", 1, t0.Add(1)), "imported note"), ann("seed", 30, t0)},
		},
		Instructions: map[string]Instructions{"local-pack": {Creator: "Ms Rivera", Text: "Mark the claims."}},
	}
}

// state is everything a reader could see of a store, and the storage.
type state struct {
	kv       map[string]string
	snapshot map[string][]annotation.Annotation
	articles []*article.Article
	in       map[string]Instructions
	pending  []string
}

func stateOf(s *Store, m *Memory) state {
	in := map[string]Instructions{}
	for _, id := range []string{"local-pack", "seed"} {
		if x, ok := s.Instructions(id); ok {
			in[id] = x
		}
	}
	return state{m.Snapshot(), s.Snapshot(), s.LocalArticles(), in, s.Pending()}
}

func seeded(t *testing.T, b Backend) *Store {
	t.Helper()
	s, _ := mustOpen(t, b, t0)
	for _, a := range []annotation.Annotation{ann("seed", 1, t0), ann("seed", 2, t0)} {
		if err := s.Put(a); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestApplyWritesEverything(t *testing.T) {
	m := NewMemory(0)
	s := seeded(t, m)
	if err := s.Apply(importBatch(t)); err != nil {
		t.Fatal(err)
	}
	for _, st := range []*Store{s, func() *Store { again, _ := mustOpen(t, m, t0); return again }()} {
		if got := len(st.Annotations("local-pack")); got != 2 {
			t.Errorf("local-pack: %d annotations, want 2", got)
		}
		seed := st.Annotations("seed")
		if len(seed) != 3 || seed[0].Note != "imported note" {
			t.Errorf("seed: %d annotations, first note %q", len(seed), seed[0].Note)
		}
		if arts := st.LocalArticles(); len(arts) != 1 || arts[0].ID != "local-pack" {
			t.Errorf("local articles: %v", arts)
		}
		if in, ok := st.Instructions("local-pack"); !ok || in.Text != "Mark the claims." {
			t.Errorf("instructions: %+v %v", in, ok)
		}
	}
	// An article the store holds already is left as it is.
	other := localArticle(t, "local-pack")
	other.Title = "Another title"
	b := Batch{Articles: []*article.Article{other}}
	if err := s.Apply(b); err != nil {
		t.Fatal(err)
	}
	if got := s.LocalArticles()[0].Title; got != "My notes" {
		t.Errorf("an import replaced an article already here: %q", got)
	}
}

// A full storage part way through: nothing of the batch is left, in
// storage or in memory, and the error says the storage is full.
func TestApplyIsAllOrNothingWhenFull(t *testing.T) {
	// need is the room the whole batch takes; every smaller room fails
	// at some write of it.
	probe := NewMemory(0)
	seeded(t, probe)
	base := probe.UsedChars()
	ps, _ := mustOpen(t, probe, t0)
	if err := ps.Apply(importBatch(t)); err != nil {
		t.Fatal(err)
	}
	need := probe.UsedChars() - base
	for _, room := range []int{0, need / 4, need / 2, 3 * need / 4, need - 1} {
		m := NewMemory(base + room)
		s := seeded(t, m)
		before := stateOf(s, m)
		err := s.Apply(importBatch(t))
		if !IsQuota(err) {
			t.Fatalf("room %d: %v, want a full storage", room, err)
		}
		if after := stateOf(s, m); !reflect.DeepEqual(after, before) {
			t.Errorf("room %d: the failed batch left changes:\n before %+v\n after  %+v", room, before, after)
		}
		// With room, the same batch then goes through whole.
		roomy := memoryFrom(t, 0, m.Snapshot())
		again, _ := mustOpen(t, roomy, t0)
		if err := again.Apply(importBatch(t)); err != nil {
			t.Fatalf("room %d: retrying with room: %v", room, err)
		}
	}
}

func TestApplyChecksFirst(t *testing.T) {
	m := NewMemory(0)
	s := seeded(t, m)
	before := stateOf(s, m)
	bad := importBatch(t)
	wrong := ann("seed", 40, t0)
	wrong.Label = "no-such-label"
	bad.Annotations["seed"] = append(bad.Annotations["seed"], wrong)
	if err := s.Apply(bad); err == nil {
		t.Fatal("a batch with an invalid annotation was written")
	}
	misfiled := importBatch(t)
	misfiled.Annotations["seed"] = []annotation.Annotation{ann("other", 41, t0)}
	for name, b := range map[string]Batch{
		"invalid annotation":     bad,
		"another article's":      misfiled,
		"article without an id":  {Articles: []*article.Article{{Title: "x"}}},
		"nil article":            {Articles: []*article.Article{nil}},
		"annotations without id": {Annotations: map[string][]annotation.Annotation{"": {ann("", 1, t0)}}},
		"instructions without":   {Instructions: map[string]Instructions{"": {Text: "x"}}},
	} {
		if err := s.Apply(b); err == nil {
			t.Errorf("%s: written", name)
		}
	}
	if after := stateOf(s, m); !reflect.DeepEqual(after, before) {
		t.Errorf("refused batches left changes")
	}
}

// When putting back fails too, the error says so, and the keys that could
// not be put back are pending: the next write makes storage agree with
// memory, which holds what was there before.
func TestApplyPutBackFails(t *testing.T) {
	full := errors.New("full")
	broken := false
	f := faulty{NewMemory(0), func(op, key string) error {
		switch {
		case op == "set" && key == "annotator/classpack/local-pack":
			broken = true
			return ErrQuota
		case broken && op == "remove" && strings.HasPrefix(key, "annotator/annotations/local-pack"):
			return full
		}
		return nil
	}}
	s := seeded(t, f)
	err := s.Apply(importBatch(t))
	if !IsQuota(err) || !errors.Is(err, full) || !strings.Contains(err.Error(), "could not be put back") {
		t.Fatalf("Apply: %v", err)
	}
	if got := s.Pending(); !reflect.DeepEqual(got, []string{"local-pack"}) {
		t.Fatalf("Pending = %v, want the key that could not be put back", got)
	}
	if len(s.Annotations("local-pack")) != 0 || len(s.LocalArticles()) != 0 {
		t.Fatal("memory kept part of the batch")
	}
	broken = false
	f.fail = func(string, string) error { return nil }
	s.backend = f
	if err := s.Put(ann("seed", 3, t0)); err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Snapshot()["annotator/annotations/local-pack"]; ok || len(s.Pending()) != 0 {
		t.Fatalf("after the next write: pending %v, keys %v", s.Pending(), f.Snapshot())
	}
}

// An earlier change still pending neither fails the batch nor is lost.
func TestApplyLeavesEarlierPendingAlone(t *testing.T) {
	failSecond := true
	f := faulty{NewMemory(0), func(op, key string) error {
		if failSecond && key == "annotator/annotations/second" {
			return ErrQuota
		}
		return nil
	}}
	s := seeded(t, f)
	if err := s.Put(ann("second", 50, t0)); !IsQuota(err) {
		t.Fatalf("Put: %v", err)
	}
	if err := s.Apply(importBatch(t)); err != nil {
		t.Fatalf("Apply failed for an earlier change: %v", err)
	}
	if got := s.Pending(); !reflect.DeepEqual(got, []string{"second"}) {
		t.Fatalf("Pending = %v", got)
	}
	failSecond = false
	if err := s.Put(ann("seed", 9, t0)); err != nil || len(s.Pending()) != 0 {
		t.Fatalf("next write: %v, pending %v", err, s.Pending())
	}
}
