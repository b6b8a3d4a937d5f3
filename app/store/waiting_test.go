package store

import (
	"reflect"
	"testing"
)

func waitingURLs(s *Store) []string {
	var out []string
	for _, w := range s.Waiting() {
		out = append(out, w.URL+"|"+w.Problem)
	}
	return out
}

// Addresses added offline are kept across a reload, once each, until they
// are fetched or given up.
func TestWaitingKeptAcrossOpen(t *testing.T) {
	m := memoryFrom(t, 0, nil)
	s, _ := mustOpen(t, m, t0)
	for _, u := range []string{"https://example.org/a", "https://example.org/b", "HTTPS://EXAMPLE.ORG/a#part"} {
		if err := s.AddWaiting(Waiting{URL: u, Added: t0}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddWaiting(Waiting{URL: "not an address"}); err == nil {
		t.Errorf("text was kept as an address")
	}
	if err := s.SetWaitingProblem("https://example.org/b", "no article"); err != nil {
		t.Fatal(err)
	}
	want := []string{"https://example.org/a|", "https://example.org/b|no article"}
	if got := waitingURLs(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("waiting %v, want %v", got, want)
	}

	s2, rep := mustOpen(t, m, t0)
	if len(rep.SetAside) != 0 {
		t.Fatalf("set aside: %+v", rep.SetAside)
	}
	if got := waitingURLs(s2); !reflect.DeepEqual(got, want) {
		t.Fatalf("after reopening: %v, want %v", got, want)
	}
	// Adding it again asks for it again: the problem goes.
	if err := s2.AddWaiting(Waiting{URL: "https://example.org/b"}); err != nil {
		t.Fatal(err)
	}
	if err := s2.RemoveWaiting("https://example.org/a/#x"); err != nil { // another page: nothing removed
		t.Fatal(err)
	}
	if err := s2.RemoveWaiting("https://example.org/a"); err != nil {
		t.Fatal(err)
	}
	if got := waitingURLs(s2); !reflect.DeepEqual(got, []string{"https://example.org/b|"}) {
		t.Fatalf("after removing: %v", got)
	}
	if err := s2.RemoveWaiting("https://example.org/b"); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.Snapshot()[waitingKey]; ok {
		t.Errorf("an empty list is still stored")
	}
}

func TestWaitingUnreadableSetAside(t *testing.T) {
	m := memoryFrom(t, 0, map[string]string{waitingKey: "{not json", metaKey: metaValue})
	s, rep := mustOpen(t, m, t0)
	if len(rep.SetAside) != 1 || rep.SetAside[0].Key != waitingKey {
		t.Fatalf("report %+v", rep)
	}
	if len(s.Waiting()) != 0 {
		t.Errorf("waiting %v", s.Waiting())
	}
	// What is not a web address is dropped when read.
	m = memoryFrom(t, 0, map[string]string{waitingKey: `[{"url":"javascript:alert(1)"},{"url":"https://example.org/"}]`, metaKey: metaValue})
	s, _ = mustOpen(t, m, t0)
	if got := waitingURLs(s); !reflect.DeepEqual(got, []string{"https://example.org/|"}) {
		t.Errorf("waiting %v", got)
	}
}

// Another tab's list replaces this tab's.
func TestWaitingFromAnotherTab(t *testing.T) {
	m := memoryFrom(t, 0, nil)
	s, _ := mustOpen(t, m, t0)
	if err := s.AddWaiting(Waiting{URL: "https://example.org/a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyExternal(waitingKey, `[{"url":"https://example.org/c","added":"2025-03-01T12:00:00Z"}]`); err != nil {
		t.Fatal(err)
	}
	if got := waitingURLs(s); !reflect.DeepEqual(got, []string{"https://example.org/c|"}) {
		t.Errorf("waiting %v", got)
	}
	if _, err := s.ApplyExternal(waitingKey, ""); err != nil {
		t.Fatal(err)
	}
	if len(s.Waiting()) != 0 {
		t.Errorf("waiting %v after the other tab emptied it", s.Waiting())
	}
}
