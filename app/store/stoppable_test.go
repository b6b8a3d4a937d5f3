package store

import (
	"errors"
	"testing"
)

func TestStoppable(t *testing.T) {
	m := NewMemory(0)
	stopped := false
	b := NewStoppable(m, func() bool { return stopped })
	s, _ := mustOpen(t, b, t0)
	a := ann("seed", 1, t0)
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}
	before, _, _ := m.Get(annotationsKey("seed"))

	stopped = true
	if err := s.Delete("seed", a.ID, t0); !errors.Is(err, ErrStopped) {
		t.Errorf("Delete after the stop: %v, want ErrStopped", err)
	}
	if err := s.RemoveLocalArticle("seed"); !errors.Is(err, ErrStopped) {
		t.Errorf("RemoveLocalArticle after the stop: %v, want ErrStopped", err)
	}
	if after, ok, _ := m.Get(annotationsKey("seed")); !ok || after != before {
		t.Errorf("the stored value changed after the stop:\n%s\n%s", before, after)
	}
	if v, ok, err := b.Get(annotationsKey("seed")); err != nil || !ok || v != before {
		t.Errorf("reading after the stop: %v %v", ok, err)
	}
}
