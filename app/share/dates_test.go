//go:build !wasm

package share

import (
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// TestImportRefusesDatesOutOfRange: every way in (a W3C file, a class
// pack, a share link, a Hypothesis export) refuses an annotation dated
// outside 1970–8999, with a message, and takes the others.
func TestImportRefusesDatesOutOfRange(t *testing.T) {
	art := fixtureArticle(t)
	anns := fixtureAnnotations(t, art)[:3]
	anns[0].Modified = time.Date(9999, 12, 31, 23, 59, 59, 999e6, time.UTC)
	anns[1].Created = time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)

	w3c, _, err := Export{Items: []Item{{Article: art, Annotations: anns}}, Date: exportDay}.W3C()
	if err != nil {
		t.Fatal(err)
	}
	pack, name, err := PackExport{Article: art, Annotations: anns, Instructions: "", Creator: "Ms Rivera", Role: RoleTeacher, Gives: PackEverything}.ClassPack()
	if err != nil {
		t.Fatal(err)
	}
	frag, err := EncodeLink(anns, art)
	if err != nil {
		t.Fatal(err)
	}
	link, err := DecodeLink(frag)
	if err != nil {
		t.Fatal(err)
	}
	hyp := `[{"id":"h1","user":"acct:alice@hypothes.is","created":"9999-12-31T23:59:59.999Z","updated":"9999-12-31T23:59:59.999Z","uri":"` + SourceIRI(art) +
		`","text":"a note","tags":[],"target":[{"source":"` + SourceIRI(art) + `","selector":[{"type":"TextQuoteSelector","exact":"` + anns[2].Quote.Exact + `"}]}]}]`

	for _, c := range []struct {
		what, filename string
		data           []byte
		rejected       int
	}{
		{"W3C", "mine.jsonld", w3c, 2},
		{"class pack", name, pack, 2},
		{"share link", LinkImportSource, link, 2},
		{"Hypothesis", "hypothesis.json", []byte(hyp), 1},
	} {
		set, err := ParseImport(c.data, c.filename, library(art))
		if err != nil {
			t.Errorf("%s: %v", c.what, err)
			continue
		}
		if len(set.Rejected) != c.rejected {
			t.Errorf("%s: %d rejected (%+v), want %d", c.what, len(set.Rejected), set.Rejected, c.rejected)
		}
		for _, r := range set.Rejected {
			if !strings.Contains(r.Reason, "not between 1970 and 8999") {
				t.Errorf("%s: item %d rejected for %q", c.what, r.Item, r.Reason)
			}
		}
		for _, in := range set.Annotations {
			if !annotation.ValidTime(in.Annotation.Created) || !annotation.ValidTime(in.Annotation.Modified) {
				t.Errorf("%s: accepted %s dated %v/%v", c.what, in.Annotation.ID, in.Annotation.Created, in.Annotation.Modified)
			}
		}
	}
}
