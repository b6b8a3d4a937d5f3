package store

import (
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// y9999 is the last millisecond that Go's JSON encoding of a time accepts.
var y9999 = time.Date(9999, 12, 31, 23, 59, 59, 999e6, time.UTC)

// TestDeleteAtTheEndOfTime: an annotation stored with a date in the last
// millisecond of year 9999 (as an import once accepted) loads, can be
// deleted and restored, and every write is readable. Moving its date on by
// a millisecond used to make the encoding panic, which killed the app.
func TestDeleteAtTheEndOfTime(t *testing.T) {
	a := ann("seed", 1, t0)
	a.Modified = y9999
	raw := encode(t, []annotation.Annotation{a})
	if !strings.Contains(raw, "9999-12-31T23:59:59.999Z") {
		t.Fatalf("fixture: %s", raw)
	}
	m := memoryFrom(t, 0, map[string]string{metaKey: `{"schema":2}`, annotationsKey("seed"): raw})
	s, rep := mustOpen(t, m, t0)
	if len(rep.SetAside) != 0 {
		t.Errorf("set aside: %+v", rep.SetAside)
	}
	got := s.Annotations("seed")
	if len(got) != 1 {
		t.Fatalf("loaded %+v, want one annotation", got)
	}
	if !got[0].Modified.Equal(annotation.MaxTime) {
		t.Errorf("loaded modified %v, want it clamped to %v", got[0].Modified, annotation.MaxTime)
	}
	if err := s.Delete("seed", a.ID, t0); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if n := len(s.Annotations("seed")); n != 0 {
		t.Errorf("%d annotations after the delete", n)
	}
	s2, rep2 := mustOpen(t, m, t0)
	if len(rep2.SetAside) != 0 || len(s2.Annotations("seed")) != 0 {
		t.Errorf("after reopening: set aside %+v, %d live annotations", rep2.SetAside, len(s2.Annotations("seed")))
	}
	got[0].Modified = y9999 // as the reader's Undo would hand it back
	if err := s.Restore(got[0]); err == nil {
		// Restore clamps through later(): it must not fail either.
		if n := len(s.Annotations("seed")); n != 1 {
			t.Errorf("%d annotations after the restore", n)
		}
	} else {
		t.Errorf("Restore: %v", err)
	}
}

func TestPutRefusesDatesOutOfRange(t *testing.T) {
	s, _ := mustOpen(t, NewMemory(0), t0)
	for _, mod := range []time.Time{y9999, annotation.MaxTime.Add(time.Millisecond), time.Date(1969, 1, 1, 0, 0, 0, 0, time.UTC)} {
		a := ann("seed", 2, mod)
		if err := s.Put(a); err == nil {
			t.Errorf("Put with modified %v: no error", mod)
		}
		if err := s.PutMany("seed", []annotation.Annotation{a}); err == nil {
			t.Errorf("PutMany with modified %v: no error", mod)
		}
	}
}

func TestLaterNeverOverflows(t *testing.T) {
	for _, c := range []struct{ t, prev, want time.Time }{
		{t0, t0.Add(-time.Hour), t0},
		{t0, t0, t0.Add(time.Millisecond)},
		{t0, annotation.MaxTime.Add(-time.Millisecond), annotation.MaxTime},
		{t0, annotation.MaxTime, annotation.MaxTime},
		{t0, y9999, annotation.MaxTime},
		{y9999, t0, annotation.MaxTime},
	} {
		if got := later(c.t, c.prev); !got.Equal(c.want) {
			t.Errorf("later(%v, %v) = %v, want %v", c.t, c.prev, got, c.want)
		}
	}
}

// TestMigrationClampsDates: a schema-1 record's creation time (unix
// milliseconds) far outside the range loads at the range's end.
func TestMigrationClampsDates(t *testing.T) {
	v1 := `[{"id":"a1","article":"seed","hash":"","text":"quote","prefix":"","suffix":"","start":0,"end":5,"color":"yellow","comment":"","tags":[],"created":253402300799999}]`
	m := memoryFrom(t, 0, map[string]string{v1Key: v1})
	s, rep := mustOpen(t, m, t0)
	got := s.Annotations("seed")
	if len(got) != 1 || !got[0].Created.Equal(annotation.MaxTime) || len(rep.SetAside) != 0 {
		t.Fatalf("migrated %+v, set aside %+v", got, rep.SetAside)
	}
	if err := s.Delete("seed", got[0].ID, t0); err != nil {
		t.Errorf("Delete: %v", err)
	}
}
