package share

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// noModified is a W3C file from a tool that writes no modification time.
func noModified(note string) []byte {
	return []byte(`[{"@context":"http://www.w3.org/ns/anno.jsonld","id":"http://tool.example/a/1","type":"Annotation",
	"created":"2024-01-01T10:00:00Z","bodyValue":"` + note + `",
	"target":{"source":"https://example.com/news/blinken-talks","selector":{"type":"TextQuoteSelector","exact":"Qin Gang"}}},
	{"@context":"http://www.w3.org/ns/anno.jsonld","id":"http://tool.example/a/2","type":"Annotation",
	"created":"2024-01-01T10:00:00Z","bodyValue":"second",
	"target":{"source":"https://example.com/news/blinken-talks","selector":{"type":"TextQuoteSelector","exact":"Beijing"}}}]`)
}

// The case: import a file, edit nothing, import a newer version of
// it (same ids, a changed note, no modified): "1 updated". A local edit made
// after the first import is never overwritten, and the preview says which
// copy won and why.
func TestMergeByContentWithoutModified(t *testing.T) {
	art := fixtureArticle(t)
	lib := library(art)
	first, err := ParseImport(noModified("first version"), "v1.jsonld", lib)
	if err != nil {
		t.Fatal(err)
	}
	p1 := PreviewImport(first, nil)
	if p1.New != 2 {
		t.Fatalf("first import: %+v", p1)
	}
	stored := p1.Writes[art.ID]

	second, err := ParseImport(noModified("second version"), "v2.jsonld", lib)
	if err != nil {
		t.Fatal(err)
	}
	p2 := PreviewImport(second, map[string][]annotation.Annotation{art.ID: stored})
	if p2.New != 0 || p2.Updated != 1 || p2.Unchanged != 1 {
		t.Fatalf("unedited: %d new, %d updated, %d unchanged; want 0, 1, 1", p2.New, p2.Updated, p2.Unchanged)
	}
	if got := byID(p2.Writes[art.ID])[stored[0].ID].Note; got != "second version" {
		t.Errorf("note after the update %q", got)
	}
	if len(p2.Decisions) != 1 || p2.Decisions[0].Winner != FileWins || !strings.Contains(p2.Decisions[0].Reason, "yours was not edited since it was imported") {
		t.Errorf("decisions %+v", p2.Decisions)
	}

	// The reader edits the first annotation (the UI sets Modified), then
	// imports the newer file: theirs is kept, and the preview says why.
	edited := append([]annotation.Annotation(nil), stored...)
	edited[0].Note = "my own words"
	edited[0].Modified = time.Date(2024, 2, 1, 9, 0, 0, 0, time.UTC)
	p3 := PreviewImport(second, map[string][]annotation.Annotation{art.ID: edited})
	if p3.Updated != 0 || p3.Unchanged != 2 || p3.Changes() {
		t.Fatalf("edited: %+v", p3)
	}
	if len(p3.Decisions) != 1 || p3.Decisions[0].Winner != LocalWins || !strings.Contains(p3.Decisions[0].Reason, "yours was edited since it was imported") ||
		p3.Decisions[0].Quote != "Qin Gang" || p3.Decisions[0].Item != 0 {
		t.Errorf("decisions %+v", p3.Decisions)
	}
	// Even an edit that does not touch Modified (another tool, an old
	// version of the app) is seen by content.
	edited[0].Modified = time.Time{}
	if p := PreviewImport(second, map[string][]annotation.Annotation{art.ID: edited}); p.Updated != 0 {
		t.Errorf("an edit without a time was overwritten: %+v", p.Decisions)
	}
	// Importing the same file again changes nothing.
	if p := PreviewImport(second, p2.Writes); p.Changes() || p.Unchanged != 2 || len(p.Decisions) != 0 {
		t.Errorf("second import of the same file: %+v", p)
	}
	// An annotation made here is never replaced by a file without times.
	mine := stored[1]
	mine.Imported = ""
	mine.Note = "made here"
	mine.Modified = time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	if p := PreviewImport(second, map[string][]annotation.Annotation{art.ID: {mine}}); p.Updated != 0 || len(p.Decisions) != 1 ||
		!strings.Contains(p.Decisions[0].Reason, "made or edited here") {
		t.Errorf("local annotation: %+v", p.Decisions)
	}
}

// With modification times on both sides, the later wins and the reason
// names both times.
func TestDecisionsByTime(t *testing.T) {
	art := fixtureArticle(t)
	anns := fixtureAnnotations(t, art)
	data, _, err := Export{Items: []Item{{Article: art, Annotations: anns}}, Date: exportDay}.W3C()
	if err != nil {
		t.Fatal(err)
	}
	set, err := ParseImport(data, "x.jsonld", library(art))
	if err != nil {
		t.Fatal(err)
	}
	ours := append([]annotation.Annotation(nil), anns...)
	ours[0].Note, ours[0].Modified = "older", ours[0].Modified.Add(-time.Hour)
	ours[1].Note, ours[1].Modified = "newer", ours[1].Modified.Add(time.Hour)
	p := PreviewImport(set, map[string][]annotation.Annotation{art.ID: ours})
	if len(p.Decisions) != 2 {
		t.Fatalf("decisions %+v", p.Decisions)
	}
	for _, d := range p.Decisions {
		switch d.ID {
		case ours[0].ID:
			if d.Winner != FileWins || !strings.Contains(d.Reason, "the file's copy was changed later (20 Nov 2026 10:30 UTC) than yours (20 Nov 2026 09:30 UTC)") {
				t.Errorf("%+v", d)
			}
		case ours[1].ID:
			if d.Winner != LocalWins || !strings.Contains(d.Reason, "your copy was changed later") {
				t.Errorf("%+v", d)
			}
		}
	}
}

// Parsing in slices gives the same set as at once, with progress that only
// grows, and steps of a bounded size.
func TestImporterInSlices(t *testing.T) {
	items := scaleLibrary(t, 700, 3)
	data, _, err := Export{Items: items, Library: true, Date: exportDay}.W3C()
	if err != nil {
		t.Fatal(err)
	}
	whole, err := ParseImport(data, "lib.jsonld", scaleKnown(items))
	if err != nil {
		t.Fatal(err)
	}
	im := NewImporter(data, "lib.jsonld", ImportOptions{Known: scaleKnown(items)})
	last, steps := -1.0, 0
	for {
		converted, cut := im.next, len(im.sp.items)
		done, err := im.Step(37)
		if err != nil {
			t.Fatal(err)
		}
		// A step's work is about the same whatever it does: 37 items
		// converted, or 16 times as many cut out of the file.
		if im.next-converted > 37 || len(im.sp.items)-cut > 37*splitPerItem || (im.next > converted && len(im.sp.items) > cut) {
			t.Fatalf("one step of 37 converted %d items and cut out %d", im.next-converted, len(im.sp.items)-cut)
		}
		steps++
		if p := im.Progress(); p < last || p > 1 {
			t.Fatalf("progress went from %v to %v", last, p)
		} else {
			last = p
		}
		if done {
			break
		}
	}
	if steps < 700/37 || last != 1 {
		t.Errorf("%d steps, progress %v", steps, last)
	}
	if !reflect.DeepEqual(im.Set(), whole) {
		t.Error("the set parsed in slices differs from the one parsed at once")
	}
}
