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

// A Stoppable passes the quota on, so that the library's storage line can
// say how many more annotations fit (Usage).
func TestStoppableQuota(t *testing.T) {
	s, _, err := Open(NewStoppable(NewMemory(ChromiumQuotaChars), func() bool { return false }))
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.Usage()
	if err != nil {
		t.Fatal(err)
	}
	if u.QuotaChars != ChromiumQuotaChars || u.MoreAnnotations <= 0 {
		t.Errorf("Usage through a Stoppable: quota %d, %d more; want %d and a positive estimate", u.QuotaChars, u.MoreAnnotations, ChromiumQuotaChars)
	}
}
