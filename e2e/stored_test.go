//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/store"
)

// Annotations are stored packed (app/store/entry.go), so a test cannot find
// a note by searching localStorage's text: these helpers read the
// browser's storage with the store itself, and write it as the store would.

// storedAnnotations opens what the page's localStorage holds with the
// store, in Go, and returns every article's live annotations.
func storedAnnotations(t testing.TB, b *browser) map[string][]annotation.Annotation {
	t.Helper()
	kv := eval[map[string]string](t, b, `Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith("annotator/")).map(k => [k, localStorage.getItem(k)]))`)
	m := store.NewMemory(0)
	for k, v := range kv {
		if err := m.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	s, _, err := store.Open(m)
	if err != nil {
		t.Fatalf("opening the page's storage: %v", err)
	}
	return s.All()
}

// waitStored polls the page's stored annotations until ok says yes.
func (b *browser) waitStored(t testing.TB, what string, ok func(map[string][]annotation.Annotation) bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	for !ok(storedAnnotations(t, b)) {
		select {
		case <-ctx.Done():
			t.Fatalf("waiting for %s: %v", what, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// someAnnotation reports whether any stored annotation passes ok.
func someAnnotation(all map[string][]annotation.Annotation, ok func(annotation.Annotation) bool) bool {
	for _, list := range all {
		for _, a := range list {
			if ok(a) {
				return true
			}
		}
	}
	return false
}

// storedForm returns the localStorage keys and values the store writes for
// these annotations (by article id), to seed a profile as the app would
// have left it.
func storedForm(t testing.TB, byArticle map[string][]annotation.Annotation) map[string]string {
	t.Helper()
	m := store.NewMemory(0)
	s, _, err := store.Open(m)
	if err != nil {
		t.Fatal(err)
	}
	for id, list := range byArticle {
		if err := s.PutMany(id, list); err != nil {
			t.Fatalf("storing %d annotations of %s: %v", len(list), id, err)
		}
	}
	return m.Snapshot()
}

// seedStorage writes keys and values into the page's localStorage.
func seedStorage(t testing.TB, b *browser, kv map[string]string) {
	t.Helper()
	data, err := json.Marshal(kv)
	if err != nil {
		t.Fatal(err)
	}
	eval[bool](t, b, fmt.Sprintf(`(Object.entries(%s).forEach(([k, v]) => localStorage.setItem(k, v)), true)`, data))
}
