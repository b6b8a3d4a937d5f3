package annotation

import (
	"bytes"
	"encoding/json"
	"github.com/annotator/annotator/internal/w3ctest"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var goldens = []struct {
	file string
	a    func() Annotation
}{
	{"w3c-highlight.json", highlightFixture},
	{"w3c-note-tags.json", noteFixture},
	{"w3c-claim.json", claimFixture},
}

func marshalIndent(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update if the change is intended):\n%s", path, got)
	}
}

func TestW3CGolden(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.file, func(t *testing.T) {
			a := g.a()
			if err := a.Validate(); err != nil {
				t.Fatalf("fixture invalid: %v", err)
			}
			checkGolden(t, g.file, marshalIndent(t, ToW3C(a, testSource)))
		})
	}
}

func TestW3CRoundTrip(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.file, func(t *testing.T) {
			want := g.a()
			data, err := json.Marshal(ToW3C(want, testSource))
			if err != nil {
				t.Fatal(err)
			}
			w, err := DecodeW3C(data)
			if err != nil {
				t.Fatal(err)
			}
			got, source, err := FromW3C(w)
			if err != nil {
				t.Fatal(err)
			}
			if source != testSource {
				t.Errorf("source = %q, want %q", source, testSource)
			}
			got.Article = want.Article // the caller's mapping
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip changed the annotation:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestW3CChecker runs the W3C conformance checker on the golden files.
func TestW3CChecker(t *testing.T) {
	var files []string
	for _, g := range goldens {
		files = append(files, filepath.Join("testdata", g.file))
	}
	w3ctest.Check(t, 3, files...)
}

func TestDecodeW3CAlternatives(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		check   func(t *testing.T, a Annotation, source string)
		wantErr bool
	}{
		{
			name: "single objects, bodyValue, creator IRI, range selector ignored",
			json: `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"http://example.org/anno/1","type":["Annotation"],
				"motivation":["commenting"],"bodyValue":"Nice.","creator":"acct:alice@example.org",
				"target":{"source":{"id":"http://example.com/a"},"selector":{"type":"RangeSelector","startSelector":{},"endSelector":{}}}}`,
			wantErr: true, // no TextQuoteSelector
		},
		{
			name: "foreign comment with quote only",
			json: `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"http://example.org/anno/1","type":"Annotation",
				"motivation":"commenting","body":{"type":"TextualBody","value":"Nice."},"creator":"acct:alice@example.org",
				"target":[{"source":"http://example.com/other"},{"source":"http://example.com/a","selector":{"type":"TextQuoteSelector","exact":"quoted words"}}]}`,
			check: func(t *testing.T, a Annotation, source string) {
				if source != "http://example.com/a" || a.Kind != KindNote || a.Note != "Nice." || a.Creator != "alice" ||
					a.CreatorID != "acct:alice@example.org" || a.Via != "http://example.org/anno/1" {
					t.Errorf("got %+v from %q", a, source)
				}
				if a.Position.Start != 0 || a.Position.End != 12 {
					t.Errorf("position = %+v", a.Position)
				}
				if a.ID != idFor("http://example.org/anno/1") || !IsID(a.ID) {
					t.Errorf("id = %q", a.ID)
				}
			},
		},
		{
			name: "shared example: free-text assessment becomes the rationale",
			json: `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:6A3C2E0E-6C5E-4A7E-9D8B-0B0F0F6D4A11","type":"Annotation",
				"motivation":"assessing","created":"2024-05-03T12:00:00",
				"body":[{"type":"TextualBody","purpose":"assessing","value":"Accurate and well sourced: 4/5"},
				        {"type":"TextualBody","purpose":["classifying"],"value":"Cause and effect"},
				        {"type":"TextualBody","purpose":"classifying","value":"politics"},
				        "http://example.org/just-an-iri"],
				"target":{"source":"http://example.com/x","selector":[{"type":"TextQuoteSelector","exact":"abc"},{"type":"TextPositionSelector","start":5,"end":8}]}}`,
			check: func(t *testing.T, a Annotation, source string) {
				if a.ID != "urn:uuid:6a3c2e0e-6c5e-4a7e-9d8b-0b0f0f6d4a11" || a.Kind != KindClaim || a.Claim == nil {
					t.Fatalf("got %+v", a)
				}
				c := a.Claim
				if c.Verdict != VerdictUnverified || c.Rationale != "Accurate and well sourced: 4/5" || c.Type != ClaimCausal {
					t.Errorf("claim = %+v", c)
				}
				if !reflect.DeepEqual(a.Tags, []string{"politics"}) || a.Position.Start != 5 || a.Created != t0 {
					t.Errorf("got %+v", a)
				}
			},
		},
		{
			name: "javascript evidence is kept as text in the note, never as a link",
			json: `{"id":"urn:uuid:6a3c2e0e-6c5e-4a7e-9d8b-0b0f0f6d4a11","type":"Annotation","motivation":"assessing","body":{"type":"SpecificResource","purpose":"linking","source":"javascript:alert(1)"},"target":{"source":"http://e.com/","selector":{"type":"TextQuoteSelector","exact":"x"}}}`,
			check: func(t *testing.T, a Annotation, source string) {
				if a.Claim == nil || len(a.Claim.Evidence) != 0 || a.Note != "Link: javascript:alert(1)" {
					t.Errorf("got %+v", a)
				}
			},
		},
		{
			name:    "not an annotation",
			json:    `{"id":"http://example.org/page1","type":"AnnotationPage","items":[]}`,
			wantErr: true,
		},
		{
			name:    "bad date",
			json:    `{"id":"urn:uuid:6a3c2e0e-6c5e-4a7e-9d8b-0b0f0f6d4a11","type":"Annotation","created":"yesterday","target":{"source":"http://e.com/","selector":{"type":"TextQuoteSelector","exact":"x"}}}`,
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := DecodeW3C([]byte(tt.json))
			var a Annotation
			var source string
			if err == nil {
				a, source, err = FromW3C(w)
			}
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if tt.check != nil && err == nil {
				tt.check(t, a, source)
			}
		})
	}
}

// FuzzDecodeW3C checks that decoding never panics and that whatever
// FromW3C accepts is valid and survives another round trip unchanged.
func FuzzDecodeW3C(f *testing.F) {
	for _, g := range goldens {
		data, err := os.ReadFile(filepath.Join("testdata", g.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := DecodeW3C(data)
		if err != nil {
			return
		}
		a, source, err := FromW3C(w)
		if err != nil {
			return
		}
		if err := a.validate(false); err != nil {
			t.Fatalf("FromW3C returned an invalid annotation: %v", err)
		}
		again, err := json.Marshal(ToW3C(a, source))
		if err != nil {
			t.Fatal(err)
		}
		w2, err := DecodeW3C(again)
		if err != nil {
			t.Fatal(err)
		}
		b, source2, err := FromW3C(w2)
		if err != nil {
			t.Fatalf("re-encoded annotation rejected: %v\n%s", err, again)
		}
		if source2 != source || !reflect.DeepEqual(a, b) {
			t.Fatalf("second round trip changed it:\n%+v\n%+v", a, b)
		}
	})
}
