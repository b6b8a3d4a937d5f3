package share

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// studentPack is a student's returned pack: anns with new ids (from base)
// and the student as creator.
func studentPack(t *testing.T, art *article.Article, anns []annotation.Annotation, name string, base int) ([]byte, string) {
	t.Helper()
	var mine []annotation.Annotation
	for i, a := range anns {
		a.ID = uuid(base + i)
		a.Creator = name
		mine = append(mine, a)
	}
	data, _, err := PackExport{Article: art, Annotations: mine, Instructions: "Mark every claim.", Creator: name, Role: RoleStudent}.ClassPack()
	if err != nil {
		t.Fatal(err)
	}
	return data, strings.ToLower(name) + ".annotator.json"
}

// A teacher takes in a class's returned packs and a broken item at once.
func TestMergeClassReturns(t *testing.T) {
	art := fixtureArticle(t)
	anns := fixtureAnnotations(t, art)
	var sets []*ImportSet
	for i, name := range []string{"Ann", "Bo", "Cy"} {
		data, file := studentPack(t, art, anns[:3], name, 100*(i+1))
		set, err := ParseImport(data, file, nil) // the teacher removed the article meanwhile
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, set)
	}
	w3c := `[{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation","id":"` + uuid(900) + `","target":"urn:annotator:article:blinken-beijing-talks"}]`
	set, err := ParseImport([]byte(w3c), "extra.jsonld", library(art))
	if err != nil {
		t.Fatal(err)
	}
	sets = append(sets, set)

	m := Merge(sets)
	if m.Filename != "4 files" || m.Format != "" {
		t.Errorf("merged name %q, format %q", m.Filename, m.Format)
	}
	if len(m.Annotations) != 9 || len(m.NewArticles) != 1 || len(m.Packs) != 3 || m.Pack == nil || m.Pack.Instructions != "Mark every claim." {
		t.Fatalf("merged: %d annotations, %d new articles, %d packs, pack %+v", len(m.Annotations), len(m.NewArticles), len(m.Packs), m.Pack)
	}
	if len(m.Rejected) != len(set.Rejected) || len(m.Rejected) == 0 {
		t.Fatalf("rejected %v, want the W3C file's %v", m.Rejected, set.Rejected)
	}
	if got := m.Rejected[0].String(); !strings.HasPrefix(got, "extra.jsonld, item 1: ") {
		t.Errorf("rejection %q does not name its file and item", got)
	}
	p := PreviewImport(m, nil)
	if p.New != 9 || len(p.NewArticles) != 1 || len(p.Writes[art.ID]) != 9 {
		t.Errorf("preview: %d new, %d articles, %d writes", p.New, len(p.NewArticles), len(p.Writes[art.ID]))
	}
	// Twice: nothing changes the second time.
	if p2 := PreviewImport(m, p.Writes); p2.New != 0 || p2.Updated != 0 || p2.Unchanged != 9 || len(p2.Writes) != 0 {
		t.Errorf("second import: %+v", p2)
	}
	// One file is just that file.
	if Merge(sets[:1]) != sets[0] {
		t.Error("Merge of one set is not that set")
	}
}

// Two files with different texts under one article id: the first is kept,
// and the reader is told.
func TestMergeConflictingArticles(t *testing.T) {
	art := fixtureArticle(t)
	other, err := article.New(art.ID, art.Title, []article.Block{{Kind: "p", Text: "A shorter text of the same story, as another edition printed it."}}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	a1, n1 := studentPack(t, art, nil, "Ann", 100)
	a2, n2 := studentPack(t, other, nil, "Bo", 200)
	s1, err := ParseImport(a1, n1, nil)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := ParseImport(a2, n2, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := Merge([]*ImportSet{s1, s2})
	if len(m.NewArticles) != 1 || m.NewArticles[0].Hash != art.Hash {
		t.Fatalf("new articles %v", m.NewArticles)
	}
	if len(m.Warnings) != 1 || !strings.Contains(m.Warnings[0], "bo.annotator.json") || !strings.Contains(m.Warnings[0], "another text") {
		t.Errorf("warnings %q", m.Warnings)
	}
}

// TestPreviewerInSlices checks that the preview made a slice at a time,
// of one file or several, is the one Merge and PreviewImport make at once,
// whatever the size of the slices.
func TestPreviewerInSlices(t *testing.T) {
	var sets []*ImportSet
	existing := map[string][]annotation.Annotation{}
	var known []article.Summary
	for s := range 3 {
		items := scaleLibrary(t, 700, uint64(40+s))
		known = append(known, scaleKnown(items)...)
		data, _, err := Export{Items: items, Library: true, Date: exportDay}.W3C()
		if err != nil {
			t.Fatal(err)
		}
		set, err := ParseImport(data, fmt.Sprintf("f%d.json", s), known)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, set)
		// The library already holds the first article of each file, one
		// of its annotations edited here.
		old := slices.Clone(items[0].Annotations)
		old[0].Note, old[0].Modified = "mine", old[0].Modified.Add(time.Hour)
		existing[items[0].Article.ID] = old
	}
	for _, files := range [][]*ImportSet{sets[:1], sets} {
		want := PreviewImport(Merge(files), existing)
		for _, n := range []int{1, 7, 500, 1 << 20} {
			pv := NewPreviewer(files, existing)
			steps := 0
			for last := -1.0; !pv.Step(n); steps++ {
				if pr := pv.Progress(); pr < last || pr > 1 {
					t.Fatalf("progress went from %v to %v", last, pr)
				} else {
					last = pr
				}
			}
			if got := pv.Preview(); !reflect.DeepEqual(got, want) {
				t.Errorf("%d files in steps of %d: the preview differs (%d new, %d updated, %d unchanged; want %d, %d, %d)",
					len(files), n, got.New, got.Updated, got.Unchanged, want.New, want.Updated, want.Unchanged)
			}
			if got := pv.Set(); !reflect.DeepEqual(got, Merge(files)) {
				t.Errorf("%d files in steps of %d: the set differs from Merge's", len(files), n)
			}
			if n == 1 && steps < len(pv.Set().Annotations) {
				t.Errorf("steps of 1 took %d steps for %d annotations", steps, len(pv.Set().Annotations))
			}
		}
	}
}
