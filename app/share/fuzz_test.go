package share

import (
	"os"
	"testing"

	"github.com/annotator/annotator/app/article"
)

func fuzzLibrary(t testing.TB) []article.Summary {
	return library(fixtureArticle(t))
}

// FuzzParseImport: any input either fails whole (nothing planned) or gives a
// set whose every accepted annotation is valid and on a known or new article.
func FuzzParseImport(f *testing.F) {
	for _, name := range []string{"hypothesis.json", "interop/hypothesis-api-annotation.json", "interop/hypothesis-client-export.json",
		"interop/hypothesis-jsonld.jsonld", "interop/recogito-js.json", "interop/recogito-w3c.jsonld", "interop/w3c-on-article.jsonld"} {
		if data, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:00000000-0000-4000-8000-000000000001","type":"Annotation","target":{"source":"urn:annotator:article:blinken-beijing-talks","selector":{"type":"TextQuoteSelector","exact":"Qin Gang"}}}`))
	f.Add([]byte(`{"type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[{"type":"Annotation"}],"next":{"items":[]}}}`))
	f.Add([]byte(`{"type":"AnnotatorClassPack","version":1,"article":{"id":"a","title":"t","blocks":[{"kind":"p","text":"x","start":0}],"text":"x","hash":"sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"},"annotations":{"type":"AnnotationCollection","first":{"items":[]}}}`))
	f.Add([]byte(`[{"uri":"https://example.com/news/blinken-talks","user":"acct:x@h","id":"1","target":[{"selector":[{"type":"TextQuoteSelector","exact":"Qin"}]}]}]`))
	lib := fuzzLibrary(f)
	art := fixtureArticle(f)
	opt := ImportOptions{Known: lib, Here: art.ID, Text: func(id string) (string, bool) { return art.Text, id == art.ID }}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := Parse(data, "fuzz.json", opt)
		if err != nil {
			if set != nil {
				t.Fatal("an error with a set")
			}
			return
		}
		allowed := map[string]bool{}
		for _, s := range lib {
			allowed[s.ID] = true
		}
		for _, a := range set.NewArticles {
			allowed[a.ID] = true
		}
		for _, in := range set.Annotations {
			if err := in.Annotation.Validate(); err != nil {
				t.Fatalf("accepted an invalid annotation: %v", err)
			}
			if !allowed[in.Annotation.Article] {
				t.Fatalf("accepted an annotation on unknown article %q", in.Annotation.Article)
			}
		}
		set.Attach = true
		p := PreviewImport(set, nil)
		if p.New+p.Updated+p.Unchanged != len(set.Annotations) {
			t.Fatalf("preview counts %d+%d+%d for %d annotations", p.New, p.Updated, p.Unchanged, len(set.Annotations))
		}
	})
}
