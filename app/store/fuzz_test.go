package store

import (
	"errors"
	"reflect"
	"testing"

	"github.com/annotator/annotator/app/annotation"
)

// FuzzOpen stores arbitrary values under our keys next to one valid
// article: Open never panics, loads the valid article, and a second Open
// finds nothing more to do.
func FuzzOpen(f *testing.F) {
	f.Add(`{"schema":2}`, `[]`, `{"id":"fz","title":"T"}`, `{"creator":"A"}`, ``)
	f.Add(``, `[{"id":"urn:uuid:00000000-0000-4000-8000-000000000009","article":"fz"}]`, `{`, `[]`, `[{"id":"x","article":"fz","text":"t","start":1,"end":2}]`)
	f.Add(`{"schema":1}`, `null`, `"str"`, `null`, `[{"id":"urn:uuid:00000000-0000-4000-8000-000000000001","article":"good","text":"t","start":1,"end":2,"created":99999999999999}]`)
	f.Add(`{"schema":99}`, `[1,2]`, `{"id":"fz"}`, `{"labelNames":{"a":1}}`, `{}`)

	goodList := []annotation.Annotation{ann("good", 1, t0), ann("good", 2, t0)}
	good := encode(f, goodList)
	f.Fuzz(func(t *testing.T, meta, annotations, art, prefs, v1 string) {
		kv := map[string]string{annotationsKey("good"): good, "someone-else": annotations}
		for k, v := range map[string]string{metaKey: meta, annotationsKey("fz"): annotations, articleKey("fz"): art, prefsKey: prefs, v1Key: v1} {
			if v != "" {
				kv[k] = v
			}
		}
		m := memoryFrom(t, 0, kv)
		s, _, err := open(m, fixedClock(t0))
		if err != nil {
			if !errors.Is(err, ErrNewerSchema) {
				t.Fatalf("Open: %v", err)
			}
			if !reflect.DeepEqual(m.Snapshot(), kv) {
				t.Fatal("Open refused a newer schema but changed storage")
			}
			return
		}
		have := map[string]bool{}
		for _, a := range s.Annotations("good") {
			have[a.ID] = true
		}
		for _, a := range goodList {
			if !have[a.ID] {
				t.Fatalf("valid annotation %s lost", a.ID)
			}
		}
		if m.Snapshot()["someone-else"] != annotations {
			t.Fatal("another app's key changed")
		}
		again, rep, err := open(m, fixedClock(t0))
		if err != nil || len(rep.SetAside) != 0 || len(rep.Migrations) != 0 {
			t.Fatalf("second Open: %v, %+v", err, rep)
		}
		if !reflect.DeepEqual(again.All(), s.All()) || !reflect.DeepEqual(again.Prefs(), s.Prefs()) ||
			!reflect.DeepEqual(again.LocalArticles(), s.LocalArticles()) {
			t.Fatal("second Open loaded something else")
		}
	})
}
