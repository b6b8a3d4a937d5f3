package store

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/annotation"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func TestMigrateV1(t *testing.T) {
	fixture := loadFixture(t, "testdata/v1.json")
	m := memoryFrom(t, 0, fixture)
	s, rep := mustOpen(t, m, t0)

	if rep.FoundSchema != 1 || len(rep.Migrations) != 1 {
		t.Fatalf("report: %+v", rep)
	}
	if len(rep.SetAside) != 1 || !strings.Contains(rep.SetAside[0].Reason, "article") {
		t.Fatalf("the record without an article should be set aside: %+v", rep.SetAside)
	}
	counts := map[string]int{}
	for id, list := range s.All() {
		counts[id] = len(list)
		for _, a := range list {
			if err := a.Validate(); err != nil {
				t.Errorf("migrated %s does not validate: %v", a.ID, err)
			}
		}
	}
	if want := map[string]int{"seed": 3, "climate-report": 2, "notes-on-go": 1}; !reflect.DeepEqual(counts, want) {
		t.Fatalf("annotations per article = %v, want %v", counts, want)
	}
	byID := map[string]annotation.Annotation{}
	for _, a := range s.Annotations("seed") {
		byID[a.ID] = a
	}
	curly := byID["urn:uuid:7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e"]
	if curly.Kind != annotation.KindNote || curly.Label != "question" || curly.Note != "Why curly?\nAsk the editor." ||
		curly.Quote.Exact != "“curly” quotes" || curly.Position.Start != 120 || curly.Created.UnixMilli() != 1700000100000 ||
		!curly.Modified.Equal(curly.Created) {
		t.Errorf("converted annotation: %+v", curly)
	}
	if v1ID("p-17") != v1ID("p-17") || !strings.HasPrefix(v1ID("p-17"), "urn:uuid:") {
		t.Error("non-UUID ids must map to a stable urn:uuid")
	}

	snap := m.Snapshot()
	if _, ok := snap[v1Key]; ok {
		t.Error("schema-1 key not removed")
	}
	if snap["theme"] != "dark" || snap["goapp-cache-version"] != "1" {
		t.Error("others' keys changed")
	}
	for k, v := range snap {
		if strings.HasPrefix(k, annotationsPrefix) && !isPacked(v) {
			t.Errorf("%s not packed: %s", k, v)
		}
	}
	checkGolden(t, "testdata/v1-migrated.golden.json", readableSnapshot(t, m))

	// Opening again migrates nothing.
	_, rep = mustOpen(t, m, t0)
	if rep.FoundSchema != SchemaVersion || len(rep.Migrations) != 0 || len(rep.SetAside) != 0 {
		t.Fatalf("second Open: %+v", rep)
	}
}

func checkGolden(t *testing.T, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from what was produced (go test -update rewrites it):\n%s", path, got)
	}
}

// withoutAside drops set-aside keys, whose names depend on how often a
// migration was retried.
func withoutAside(kv map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range kv {
		if !strings.HasPrefix(k, corruptPrefix) {
			out[k] = v
		}
	}
	return out
}

// TestMigrateV1Interrupted stops the migration at each of its writes (for
// good, as a closed tab does, or just that one write), then opens again: the
// result is always the same as an uninterrupted migration.
func TestMigrateV1Interrupted(t *testing.T) {
	fixture := loadFixture(t, "testdata/v1.json")
	clean := &crashing{Memory: memoryFrom(t, 0, fixture)}
	want, _ := mustOpen(t, clean, t0)
	wantSnap := withoutAside(clean.Snapshot())
	if clean.writes < 6 {
		t.Fatalf("only %d writes in a migration?", clean.writes)
	}
	for _, transient := range []bool{false, true} {
		for failAt := 1; failAt <= clean.writes; failAt++ {
			c := &crashing{Memory: memoryFrom(t, 0, fixture), failAt: failAt, transient: transient}
			if _, _, err := open(c, fixedClock(t0)); err == nil {
				t.Errorf("write %d failed (transient %v) and Open did not say so", failAt, transient)
			}
			s, _ := mustOpen(t, c.Memory, t0)
			if !reflect.DeepEqual(s.All(), want.All()) {
				t.Errorf("write %d failed (transient %v): reopened store holds %v", failAt, transient, s.All())
			}
			if got := withoutAside(c.Snapshot()); !reflect.DeepEqual(got, wantSnap) {
				t.Errorf("write %d failed (transient %v): storage differs:\n%v\nwant\n%v", failAt, transient, got, wantSnap)
			}
			asideOK := false
			for k, v := range c.Snapshot() {
				if strings.HasPrefix(k, corruptPrefix) && strings.Contains(v, "without its article") {
					asideOK = true
				}
			}
			if !asideOK {
				t.Errorf("write %d failed (transient %v): the unreadable record was lost", failAt, transient)
			}
		}
	}
}

// TestMigrateV1NeedsRoomForOneArticleOnly: with ten articles, the migration
// fits in a quota that has room for the schema-1 data and one article's
// new key, where writing everything before removing the old key would need
// room for both whole.
func TestMigrateV1NeedsRoomForOneArticleOnly(t *testing.T) {
	var records []v1Annotation
	for i := 0; i < 50; i++ {
		records = append(records, v1Annotation{
			ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Article: fmt.Sprintf("article-%d", i%10),
			Text: strings.Repeat("words ", 20), Start: i * 200, End: i*200 + 120, Color: "yellow", Created: 1700000000000,
		})
	}
	fixture := map[string]string{v1Key: encode(t, records)}
	after := memoryFrom(t, 0, fixture)
	mustOpen(t, after, t0)

	v1Size := utf16Len(v1Key) + utf16Len(fixture[v1Key])
	largest := 0
	for k, v := range after.Snapshot() {
		if strings.HasPrefix(k, annotationsPrefix) {
			largest = max(largest, utf16Len(k)+utf16Len(v))
		}
	}
	quota := v1Size + largest
	if quota >= v1Size+after.UsedChars() {
		t.Fatalf("quota %d leaves room for everything (%d + %d)", quota, v1Size, after.UsedChars())
	}
	full := memoryFrom(t, quota, fixture)
	s, _ := mustOpen(t, full, t0)
	if len(s.All()) != 10 {
		t.Fatalf("migrated %d articles", len(s.All()))
	}
}

func TestMigrateV1Unreadable(t *testing.T) {
	m := memoryFrom(t, 0, map[string]string{v1Key: `{"not":"an array"}`})
	s, rep := mustOpen(t, m, t0)
	if len(rep.SetAside) != 1 || len(s.All()) != 0 {
		t.Fatalf("report %+v", rep)
	}
	snap := m.Snapshot()
	if _, ok := snap[v1Key]; ok || snap[metaKey] != metaValue {
		t.Fatalf("storage after: %v", snap)
	}
}
