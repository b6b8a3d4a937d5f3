package share

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

func library(arts ...*article.Article) []article.Summary {
	var out []article.Summary
	for _, a := range arts {
		out = append(out, a.Summary())
	}
	return out
}

// comparable strips what an import legitimately adds (provenance).
func withoutSource(anns []annotation.Annotation) []annotation.Annotation {
	out := make([]annotation.Annotation, len(anns))
	for i, a := range anns {
		a.Source, a.Imported = "", ""
		out[i] = a
	}
	return out
}

func byID(anns []annotation.Annotation) map[string]annotation.Annotation {
	m := map[string]annotation.Annotation{}
	for _, a := range anns {
		m[a.ID] = a
	}
	return m
}

func TestW3CRoundTrip(t *testing.T) {
	e := fixtureExport(t)
	art, anns := e.Items[0].Article, e.Items[0].Annotations
	data, name, err := e.W3C()
	if err != nil {
		t.Fatal(err)
	}
	set, err := ParseImport(data, name, library(art))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Rejected) > 0 {
		t.Fatalf("rejected: %v", set.Rejected)
	}
	p := PreviewImport(set, nil)
	if p.New != len(anns) || p.Updated+p.Unchanged+len(p.Rejected) != 0 {
		t.Fatalf("preview against empty: %+v", p)
	}
	got := p.Writes[art.ID]
	for _, a := range got {
		if a.Source != "import: "+name {
			t.Errorf("%s: provenance %q", a.ID, a.Source)
		}
	}
	want, have := byID(anns), byID(withoutSource(got))
	text0 := anchor.NewText(art.Text)
	for id, w := range want {
		h := have[id]
		if pos := w.Position; text0.Resolve(w.Quote, &pos).Status == anchor.Orphan {
			// An orphan's old position is not exported (it names no place
			// on this text); the import's hint replaces it.
			w.Position, h.Position = anchor.TextPositionSelector{}, anchor.TextPositionSelector{}
		}
		if !reflect.DeepEqual(normalise(w), normalise(h)) {
			t.Errorf("%s changed in the round trip:\nwant %+v\ngot  %+v", id, normalise(w), normalise(h))
		}
	}
	// The same words: every annotation resolves where it did.
	text := anchor.NewText(art.Text)
	for _, a := range got {
		w := want[a.ID]
		r1, r2 := text.Resolve(w.Quote, &w.Position), text.Resolve(a.Quote, &a.Position)
		if r1 != r2 {
			t.Errorf("%s resolves to %+v, was %+v", a.ID, r2, r1)
		}
	}

	// Importing again changes nothing.
	existing := map[string][]annotation.Annotation{art.ID: got}
	set2, err := ParseImport(data, name, library(art))
	if err != nil {
		t.Fatal(err)
	}
	p2 := PreviewImport(set2, existing)
	if p2.New != 0 || p2.Updated != 0 || p2.Unchanged != len(anns) || p2.Changes() {
		t.Errorf("second import: %+v", p2)
	}
}

// normalise compares what matters: times as instants, tags nil/empty alike.
func normalise(a annotation.Annotation) annotation.Annotation {
	a.Created, a.Modified = a.Created.UTC(), a.Modified.UTC()
	if len(a.Tags) == 0 {
		a.Tags = nil
	}
	return a
}

func TestPreviewMerge(t *testing.T) {
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
	ours := append([]annotation.Annotation(nil), anns[:3]...)
	ours[0].Modified = ours[0].Modified.Add(-1e9 * 3600 * 24) // older: the import updates it
	ours[1].Modified = ours[1].Modified.Add(1e9 * 3600)       // newer: ours is kept
	ours[1].Note = "our newer note"
	p := PreviewImport(set, map[string][]annotation.Annotation{art.ID: ours})
	if p.New != len(anns)-3 || p.Updated != 1 || p.Unchanged != 2 {
		t.Fatalf("counts: new %d updated %d unchanged %d", p.New, p.Updated, p.Unchanged)
	}
	final := byID(p.Writes[art.ID])
	if len(final) != len(anns) || final[ours[1].ID].Note != "our newer note" || !final[ours[0].ID].Modified.Equal(anns[0].Modified) {
		t.Errorf("merge result wrong: %d annotations", len(final))
	}
	if ours[0].Modified.Equal(anns[0].Modified) {
		t.Error("PreviewImport modified the caller's slice")
	}
}

func TestImportShapes(t *testing.T) {
	e := fixtureExport(t)
	art := e.Items[0].Article
	coll, _, err := e.W3C()
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		First struct {
			Items []json.RawMessage `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(coll, &c); err != nil {
		t.Fatal(err)
	}
	one := c.First.Items[0]
	array, _ := json.Marshal(c.First.Items)
	page, _ := json.Marshal(map[string]any{"@context": annoContext, "type": "AnnotationPage", "items": c.First.Items})
	for _, tc := range []struct {
		name string
		data []byte
		n    int
	}{
		{"one annotation", one, 1},
		{"array", array, len(c.First.Items)},
		{"page", page, len(c.First.Items)},
		{"collection", coll, len(c.First.Items)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set, err := ParseImport(tc.data, "f.jsonld", library(art))
			if err != nil {
				t.Fatal(err)
			}
			if len(set.Annotations) != tc.n || len(set.Rejected) != 0 || set.Format != FormatW3C {
				t.Errorf("got %d accepted, rejected %v, format %q", len(set.Annotations), set.Rejected, set.Format)
			}
		})
	}
}

func TestImportUnknownArticleRejected(t *testing.T) {
	data, _, err := fixtureExport(t).W3C()
	if err != nil {
		t.Fatal(err)
	}
	set, err := ParseImport(data, "f.jsonld", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Annotations) != 0 || len(set.Rejected) != 7 || !strings.Contains(set.Rejected[0].Reason, "not in your library") {
		t.Errorf("accepted %d, rejected %v", len(set.Annotations), set.Rejected)
	}
	p := PreviewImport(set, nil)
	if p.Changes() || len(p.Rejected) != 7 || p.Rejected[0].Item != 0 {
		t.Errorf("preview %+v", p)
	}
}

func TestImportErrors(t *testing.T) {
	big := make([]byte, MaxImportBytes+1)
	for _, tc := range []struct {
		name, data, want string
	}{
		{"syntax", "{\n  \"type\": \"Annotation\",\n  \"id\": x\n}", "line 3, column 9"},
		{"truncated", `[{"id": "a"`, "not valid JSON"},
		{"not an annotation file", `{"hello": "world"}`, "not an annotation file"},
		{"scalar", `42`, "not an annotation file"},
		{"too big", string(big), "too big to import"},
		{"remote page", `{"type":"AnnotationCollection","first":"https://example.com/page1"}`, "links to elsewhere"},
		{"pack version", `{"type":"AnnotatorClassPack","version":2}`, "version 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set, err := ParseImport([]byte(tc.data), "f.json", nil)
			if err == nil || set != nil {
				t.Fatalf("no error (set %v)", set)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

func TestImportTooManyAnnotations(t *testing.T) {
	items := strings.Repeat(`{},`, MaxImportAnnotations) + `{}`
	_, err := ParseImport([]byte("["+items+"]"), "f.json", nil)
	if err == nil || !strings.Contains(err.Error(), "too many annotations") {
		t.Errorf("got %v", err)
	}
}

func TestImportHypothesis(t *testing.T) {
	art := fixtureArticle(t)
	data, err := os.ReadFile("testdata/hypothesis.json")
	if err != nil {
		t.Fatal(err)
	}
	set, err := ParseImport(data, "hypothesis.json", library(art))
	if err != nil {
		t.Fatal(err)
	}
	if set.Format != FormatHypothesis || len(set.Annotations) != 2 || len(set.Rejected) != 2 {
		t.Fatalf("format %q, accepted %d, rejected %v", set.Format, len(set.Annotations), set.Rejected)
	}
	if set.Rejected[0].Item != 2 || !strings.Contains(set.Rejected[0].Reason, "elsewhere.example") ||
		set.Rejected[1].Item != 3 || !strings.Contains(set.Rejected[1].Reason, "quotes no text") {
		t.Errorf("rejections %v", set.Rejected)
	}
	a := set.Annotations[0].Annotation
	if a.Kind != annotation.KindNote || a.Creator != "alice" || !reflect.DeepEqual(a.Tags, []string{"diplomacy", "check"}) ||
		!strings.Contains(a.Note, "<img src=x") || a.Source != "import: hypothesis.json" || a.Article != art.ID {
		t.Errorf("converted %+v", a)
	}
	text := anchor.NewText(art.Text)
	if r := text.Resolve(a.Quote, &a.Position); r.Status != anchor.Moved || text.Slice(r.Start, r.End) != a.Quote.Exact {
		t.Errorf("the Hypothesis quote resolves %+v", r)
	}
	orphan := set.Annotations[1].Annotation
	if r := text.Resolve(orphan.Quote, &orphan.Position); r.Status != anchor.Orphan || orphan.Kind != annotation.KindHighlight {
		t.Errorf("the removed passage should be kept as an orphan highlight: %+v", r)
	}
	// The array form and the {"annotations": […]} form read the same.
	var env struct{ Rows json.RawMessage }
	json.Unmarshal(data, &env)
	for _, form := range [][]byte{env.Rows, []byte(`{"annotations":` + string(env.Rows) + `}`)} {
		s2, err := ParseImport(form, "h.json", library(art))
		if err != nil || len(s2.Annotations) != 2 || s2.Annotations[0].Annotation.ID != a.ID {
			t.Errorf("other form: %v %+v", err, s2)
		}
	}
	p := PreviewImport(set, map[string][]annotation.Annotation{art.ID: p0(set)})
	if p.Unchanged != 2 || p.Changes() {
		t.Errorf("second Hypothesis import changed something: %+v", p)
	}
}

func p0(set *ImportSet) []annotation.Annotation {
	var out []annotation.Annotation
	for _, in := range set.Annotations {
		out = append(out, in.Annotation)
	}
	return out
}

func TestLibraryRoundTrip(t *testing.T) {
	e := fixtureExport(t)
	other := fixtureArticle(t)
	other.ID, other.Source = "local-copy", "The Guardian"
	// A second article at the same web address as the first is told apart
	// by the collection's article map.
	same := fixtureArticle(t)
	same.ID = "same-address"
	lib := Export{Items: []Item{e.Items[0], {Article: other, Annotations: relabel(e.Items[0].Annotations, other.ID)}}, Library: true, Date: exportDay}
	data, _, err := lib.W3C()
	if err != nil {
		t.Fatal(err)
	}
	set, err := ParseImport(data, "library.jsonld", library(same, e.Items[0].Article, other))
	if err != nil {
		t.Fatal(err)
	}
	p := PreviewImport(set, nil)
	if len(p.Rejected) != 0 || len(p.Writes["blinken-beijing-talks"]) != 7 || len(p.Writes["local-copy"]) != 7 {
		t.Errorf("writes %d/%d, rejected %v", len(p.Writes["blinken-beijing-talks"]), len(p.Writes["local-copy"]), p.Rejected)
	}
}
