package store

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
)

// t0 is the tests' "now".
var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func fixedClock(t time.Time) func() time.Time { return func() time.Time { return t } }

// ann returns a valid annotation number n of article, modified at mod.
func ann(article string, n int, mod time.Time) annotation.Annotation {
	return annotation.Annotation{
		ID:       fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", n),
		Article:  article,
		Quote:    anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: fmt.Sprintf("quote %d", n), Prefix: "before ", Suffix: " after"},
		Position: anchor.TextPositionSelector{Type: "TextPositionSelector", Start: n * 10, End: n*10 + 7},
		Kind:     annotation.KindHighlight,
		Label:    "key-point",
		Created:  t0.Add(-time.Hour),
		Modified: mod,
	}
}

func withNote(a annotation.Annotation, note string) annotation.Annotation {
	a.Kind, a.Note = annotation.KindNote, note
	return a
}

func mustOpen(t testing.TB, b Backend, now time.Time) (*Store, *Report) {
	t.Helper()
	s, rep, err := open(b, fixedClock(now))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s, rep
}

func encode(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// memoryFrom returns a Memory holding the given keys and values.
func memoryFrom(t testing.TB, quota int, kv map[string]string) *Memory {
	t.Helper()
	m := NewMemory(quota)
	for k, v := range kv {
		if err := m.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func loadFixture(t testing.TB, name string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var kv map[string]string
	if err := json.Unmarshal(b, &kv); err != nil {
		t.Fatal(err)
	}
	return kv
}

func ids(list []annotation.Annotation) []string {
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.ID
	}
	return out
}

// crashing wraps a Memory and fails every write from the failAt-th on (or
// only that one when transient), as if the tab were closed mid-way.
type crashing struct {
	*Memory
	writes, failAt int
	transient      bool
}

var errCrash = fmt.Errorf("simulated interruption")

func (c *crashing) fail() bool {
	c.writes++
	if c.failAt <= 0 {
		return false
	}
	return c.writes == c.failAt || (!c.transient && c.writes > c.failAt)
}

func (c *crashing) Set(k, v string) error {
	if c.fail() {
		return errCrash
	}
	return c.Memory.Set(k, v)
}

func (c *crashing) Remove(k string) error {
	if c.fail() {
		return errCrash
	}
	return c.Memory.Remove(k)
}

// readable returns a stored value as a person reads it: a packed
// annotations value as the JSON array of its annotations, anything else as
// it is.
func readable(t testing.TB, key, value string) string {
	t.Helper()
	id, ok := strings.CutPrefix(key, annotationsPrefix)
	if !ok || !isPacked(value) {
		return value
	}
	list, err := decodeEntry(id, value)
	if err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	return encode(t, list)
}

// readableSnapshot is m's snapshot with readable values.
func readableSnapshot(t testing.TB, m *Memory) map[string]string {
	t.Helper()
	out := map[string]string{}
	for k, v := range m.Snapshot() {
		out[k] = readable(t, k, v)
	}
	return out
}

// metaValue is the meta key's value for the current schema.
var metaValue = fmt.Sprintf(`{"schema":%d}`, SchemaVersion)

// byID files annotations by id, as the store holds an article's.
func byID(list ...annotation.Annotation) map[string]annotation.Annotation {
	m := map[string]annotation.Annotation{}
	for _, a := range list {
		m[a.ID] = a
	}
	return m
}
