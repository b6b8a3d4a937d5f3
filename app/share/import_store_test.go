package share

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/store"
)

// An import saved and read back after a reload keeps its provenance
// (schema 4): the note's format, the creator's IRI, via and the imported
// copy's hash, so importing the same file again finds nothing changed.
// Schema 3 lost them, and a second import took every unedited annotation
// for one the reader had edited.
func TestImportSurvivesReload(t *testing.T) {
	art := fixtureArticle(t)
	data, err := os.ReadFile("testdata/hypothesis.json")
	if err != nil {
		t.Fatal(err)
	}
	set, err := ParseImport(data, "hypothesis.json", library(art))
	if err != nil {
		t.Fatal(err)
	}
	imported := p0(set)
	if a := imported[0]; a.NoteFormat == "" || a.CreatorID == "" || a.Via == "" || a.Imported == "" {
		t.Fatalf("the fixture no longer gives provenance: %+v", a)
	}
	m := store.NewMemory(0)
	s, _, err := store.Open(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutMany(art.ID, imported); err != nil {
		t.Fatal(err)
	}
	again, rep, err := store.Open(m)
	if err != nil || len(rep.SetAside) != 0 {
		t.Fatalf("reopening: %v, %+v", err, rep)
	}
	read := again.Annotations(art.ID)
	want := map[string]string{}
	for _, a := range imported {
		b, _ := json.Marshal(a)
		want[a.ID] = string(b)
	}
	if len(read) != len(imported) {
		t.Fatalf("%d annotations read back, %d saved", len(read), len(imported))
	}
	for _, a := range read {
		if b, _ := json.Marshal(a); string(b) != want[a.ID] {
			t.Errorf("read back:\n%s\nsaved:\n%s", b, want[a.ID])
		}
	}
	if p := PreviewImport(set, map[string][]annotation.Annotation{art.ID: read}); p.Unchanged != len(imported) || p.Changes() {
		t.Errorf("importing the same file after a reload: %+v", p)
	}
}
