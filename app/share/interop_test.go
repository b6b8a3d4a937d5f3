package share

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// itemWant is what one item of an import fixture must become.
type itemWant struct {
	item     int
	rejected string   // a part of the rejection reason; "" when accepted
	warnings []string // parts of warnings the item must carry
	check    func(t *testing.T, got []Incoming)
}

// importCase is one fixture file, read with some options.
type importCase struct {
	name   string
	file   string
	format Format
	opt    func(art *article.Article) ImportOptions
	items  []itemWant
	// accepted and rejected are the totals, when every item is not listed.
	accepted, rejected int
}

func withLibrary(art *article.Article) ImportOptions { return ImportOptions{Known: library(art)} }

func withText(art *article.Article) ImportOptions {
	return ImportOptions{Known: library(art), Text: func(id string) (string, bool) {
		return art.Text, id == art.ID
	}}
}

func onPage(art *article.Article) ImportOptions {
	o := withText(art)
	o.Here = art.ID
	return o
}

func one(t *testing.T, got []Incoming) annotation.Annotation {
	t.Helper()
	if len(got) != 1 {
		t.Fatalf("%d annotations, want 1", len(got))
	}
	return got[0].Annotation
}

func checkHypothesis(displayName string) func(t *testing.T, got []Incoming) {
	return func(t *testing.T, got []Incoming) {
		a := one(t, got)
		if a.CreatorID != "acct:alice@hypothes.is" || a.Creator != displayName {
			t.Errorf("creator %q (%q), want %q (acct:alice@hypothes.is)", a.Creator, a.CreatorID, displayName)
		}
		if a.Via != "https://hypothes.is/a/Kd8bF3yJEe6aLw8nKzQf2Q" || a.NoteFormat != annotation.FormatMarkdown ||
			!strings.HasPrefix(a.Note, "**Really** the first?") || a.Kind != annotation.KindNote ||
			!reflect.DeepEqual(a.Tags, []string{"diplomacy", "check this"}) || a.Quote.Exact != "highest-level trip" {
			t.Errorf("got %+v", a)
		}
		if want := "2023-06-19T08:20:01.654321Z"; a.Modified.Format("2006-01-02T15:04:05.999999Z") != want {
			t.Errorf("modified %v", a.Modified)
		}
	}
}

var importCases = []importCase{
	{
		name: "W3C Recommendation examples (none on an article of ours)", file: "w3c-recommendation-examples.jsonld",
		format: FormatW3C, opt: withLibrary, rejected: 43,
		items: []itemWant{
			{item: 0, rejected: "its target (http://example.com/page1) is a whole document, not a passage of text"},
			{item: 5, rejected: "is a whole document"}, // HTML body on a photo
			{item: 20, rejected: "with CssSelector, which Annotator cannot find"},
			{item: 22, rejected: "“http://example.org/page1”, which is not an article in your library"},
			{item: 23, rejected: "“http://example.org/ebook1”, which is not an article in your library"},
			{item: 28, rejected: "which is not an article in your library"}, // a quote refining a FragmentSelector
			{item: 38, rejected: "a target of several resources (Composite)"},
		},
	},
	{
		name: "W3C examples on passages of the article", file: "w3c-on-article.jsonld", format: FormatW3C, opt: withText,
		items: []itemWant{
			{item: 0, warnings: []string{"kept an HTML body as plain text"}, check: func(t *testing.T, got []Incoming) {
				if a := one(t, got); a.Note != "j'adore ! Qin & co" || a.Kind != annotation.KindNote || a.NoteFormat != "" {
					t.Errorf("got %+v", a)
				}
			}},
			{item: 1, check: func(t *testing.T, got []Incoming) {
				if a := one(t, got); a.Note != "Comment text" || a.Via != "http://example.org/anno6" || a.Position.Start != 22 {
					t.Errorf("got %+v", a)
				}
			}},
			{item: 2, warnings: []string{"kept one of 2 alternative bodies (a Choice)", "kept a link (http://example.org/note1) in the note"},
				check: func(t *testing.T, got []Incoming) {
					if a := one(t, got); a.Note != "Link: http://example.org/note1" {
						t.Errorf("got %+v", a)
					}
				}},
			{item: 3, warnings: []string{"motivation “bookmarking” is not kept"}, check: func(t *testing.T, got []Incoming) {
				a := one(t, got)
				if !reflect.DeepEqual(a.Tags, []string{"readme"}) || !strings.HasPrefix(a.Note, "A good description") {
					t.Errorf("got %+v", a)
				}
			}},
			{item: 4, check: func(t *testing.T, got []Incoming) {
				if a := one(t, got); !reflect.DeepEqual(a.Tags, []string{"http://example.org/city1"}) || a.Kind != annotation.KindHighlight {
					t.Errorf("got %+v", a)
				}
			}},
			{item: 5, warnings: []string{"kept a link (http://example.org/video1) in the note"}},
			{item: 6, warnings: []string{"kept a link (http://example.org/comment1) in the note"}, check: func(t *testing.T, got []Incoming) {
				if a := one(t, got); a.Quote.Exact != "Open channels" || a.Quote.Prefix != "says.\n\n" {
					t.Errorf("the quote inside refinedBy was not followed: %+v", a.Quote)
				}
			}},
			{item: 7, rejected: "FragmentSelector and a TextPositionSelector inside another selector"},
			{item: 8, check: func(t *testing.T, got []Incoming) {
				if a := one(t, got); a.Kind != annotation.KindHighlight || a.Note != "" || !reflect.DeepEqual(a.Tags, []string{"important"}) {
					t.Errorf("motivation tagging with a plain body should make a tag: %+v", a)
				}
			}},
			{item: 9, warnings: []string{"its 2 passages became 2 annotations", "not kept: its 3rd target (http://example.org/image2) is a whole document"},
				check: func(t *testing.T, got []Incoming) {
					if len(got) != 2 || got[0].Annotation.Quote.Exact != "Qin Gang" || got[1].Annotation.Quote.Exact != "Beijing" ||
						got[0].Annotation.ID == got[1].Annotation.ID || got[1].Annotation.ID != annotation.DerivedID("http://example.org/anno9", 1) {
						t.Fatalf("got %+v", got)
					}
					for _, in := range got {
						if !reflect.DeepEqual(in.Annotation.Tags, []string{"tag1"}) || in.Annotation.Note != "Link: http://example.org/description1" {
							t.Errorf("got %+v", in.Annotation)
						}
					}
				}},
			{item: 10, warnings: []string{"kept a link (http://example.net/review1) in the note"}, check: func(t *testing.T, got []Incoming) {
				if a := one(t, got); a.Canonical != "urn:uuid:dbfb1861-0ecf-41ad-be94-a584e5c4f1df" || a.Via != "http://example.org/anno17" {
					t.Errorf("got %+v", a)
				}
			}},
			{item: 11, check: func(t *testing.T, got []Incoming) {
				if a := one(t, got); a.Creator != "My Pseudonym" || a.CreatorID != "http://example.org/user1" || a.Note != "Who said this?" {
					t.Errorf("got %+v", a)
				}
			}},
			{item: 12, warnings: []string{"its words were read from the article at the position it gives (311–343)"},
				check: func(t *testing.T, got []Incoming) {
					if a := one(t, got); a.Quote.Exact != "reduce the risk of misperception" || a.Position.Start != 311 || a.Quote.Prefix == "" {
						t.Errorf("got %+v", a)
					}
				}},
			{item: 13, check: func(t *testing.T, got []Incoming) {
				a := one(t, got)
				c := a.Claim
				if a.Kind != annotation.KindClaim || c == nil || c.Verdict != annotation.VerdictMostlyAccurate ||
					c.Rationale != "The 2018 visit was by the Secretary of State too." || len(c.Evidence) != 2 ||
					c.Evidence[0].Title != "Pompeo visits Beijing" || c.Evidence[1].URL != "https://www.wikidata.org/wiki/Q148" {
					t.Errorf("got %+v %+v", a, c)
				}
			}},
			{item: 14, rejected: "its target (https://example.com/news/blinken-talks) is a whole document, not a passage of text"},
			{item: 15, rejected: "the annotation has no id"},
			{item: 16, rejected: "its creation date: “yesterday” is not a date and time"},
			{item: 17, rejected: "marks its passage with CssSelector"},
			{item: 18, warnings: []string{"dropped a body with no text and no address (a Dataset)"}},
		},
	},
	{
		name: "a position alone, the article's text not at hand", file: "w3c-on-article.jsonld", format: FormatW3C, opt: withLibrary,
		items: []itemWant{{item: 12, rejected: "it gives only a position (311–343), not the words, and the text of “‘A real conversation’: Blinken has talks in China” is not at hand: open the article"}},
	},
	{
		name: "Hypothesis: one annotation from the API", file: "hypothesis-api-annotation.json", format: FormatHypothesis, opt: withLibrary,
		items: []itemWant{{item: 0, check: checkHypothesis("Alice Liddell")}},
	},
	{
		name: "Hypothesis: the client's export file", file: "hypothesis-client-export.json", format: FormatHypothesis, opt: withLibrary,
		items: []itemWant{
			{item: 0, check: checkHypothesis("Alice Liddell")},
			{item: 1, rejected: "it is a reply to another annotation, not a passage of text"},
			{item: 2, rejected: "it quotes no text (a page note or a reply)"},
		},
	},
	{
		name: "Hypothesis: its JSON-LD", file: "hypothesis-jsonld.jsonld", format: FormatW3C, opt: withLibrary,
		items: []itemWant{{item: 0, check: checkHypothesis("alice")}},
	},
	{
		name: "Hypothesis: a search result", file: "../hypothesis.json", format: FormatHypothesis, opt: withLibrary,
		items: []itemWant{
			{item: 0, check: func(t *testing.T, got []Incoming) {
				if a := one(t, got); a.Creator != "alice" || a.CreatorID != "acct:alice@hypothes.is" || a.Via != "https://hypothes.is/a/Wd3sJhH5Ee2tVn9jR1sQ3A" {
					t.Errorf("got %+v", a)
				}
			}},
			{item: 1},
			{item: 2, rejected: "“https://elsewhere.example/other-story”, which is not an article in your library"},
			{item: 3, rejected: "quotes no text"},
		},
	},
	{
		name: "RecogitoJS, imported on the article's page", file: "recogito-js.json", format: FormatW3C, opt: onPage,
		items: []itemWant{
			{item: 0, check: func(t *testing.T, got []Incoming) {
				in := got[0]
				a := one(t, got)
				if !in.NoSource || a.ID != "urn:uuid:2f6e1d3a-9b41-4c2e-8a57-0d9c3e5b7a14" || a.Note != "The minister" ||
					!reflect.DeepEqual(a.Tags, []string{"Person"}) || a.Via != "" {
					t.Errorf("got %+v (no source %v)", a, in.NoSource)
				}
			}},
			{item: 1},
			{item: 2, warnings: []string{"its words were read from the article at the position it gives (279–296)"}, check: func(t *testing.T, got []Incoming) {
				if a := one(t, got); a.Quote.Exact != "nearly five years" {
					t.Errorf("got %+v", a)
				}
			}},
			{item: 3, rejected: "its 1st target (#2f6e1d3a-9b41-4c2e-8a57-0d9c3e5b7a14) is another annotation, not a passage of text"},
		},
	},
	{
		name: "RecogitoJS, imported on the library page", file: "recogito-js.json", format: FormatW3C, opt: withText,
		accepted: 0, rejected: 4,
		items: []itemWant{{item: 0, rejected: "it does not say which article it is on; import the file from the article's page to attach it there"}},
	},
	{
		name: "Recogito's W3C export", file: "recogito-w3c.jsonld", format: FormatW3C, opt: withLibrary,
		items: []itemWant{{item: 0, warnings: []string{"kept a link (http://sws.geonames.org/1816670/) in the note"}, check: func(t *testing.T, got []Incoming) {
			a := one(t, got)
			if !reflect.DeepEqual(a.Tags, []string{"PLACE", "venue"}) || a.Note != "Capital; the talks were held here.\n\nLink: http://sws.geonames.org/1816670/" {
				t.Errorf("got %+v", a)
			}
		}}},
	},
}

// jargon is what must never reach a reader in a rejection or a warning.
var jargon = []string{"json:", "unmarshal", "Go value", "map[", "interface {", "float64", "[]", "struct", "<nil>", "%!"}

// TestImportTable imports each fixture and checks what is kept, warned
// about and rejected; then exports what was kept as W3C and checks that
// every position selects its quote and that the export passes the W3C
// checker.
func TestImportTable(t *testing.T) {
	art := fixtureArticle(t)
	var allKept []annotation.Annotation
	for _, tc := range importCases {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "interop", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			set, err := Parse(data, tc.file, tc.opt(art))
			if err != nil {
				t.Fatal(err)
			}
			if set.Format != tc.format {
				t.Errorf("format %q, want %q", set.Format, tc.format)
			}
			byItem := map[int][]Incoming{}
			for _, in := range set.Annotations {
				byItem[in.Item] = append(byItem[in.Item], in)
			}
			rejected := map[int]string{}
			for _, r := range set.Rejected {
				rejected[r.Item] = r.Reason
			}
			for _, r := range set.Rejected {
				for _, j := range jargon {
					if strings.Contains(r.Reason, j) {
						t.Errorf("item %d: the reason %q is not in plain words (%q)", r.Item, r.Reason, j)
					}
				}
			}
			for _, in := range set.Annotations {
				for _, w := range in.Warnings {
					for _, j := range jargon {
						if strings.Contains(w, j) {
							t.Errorf("item %d: the warning %q is not in plain words", in.Item, w)
						}
					}
				}
			}
			for _, w := range tc.items {
				reason, isRejected := rejected[w.item]
				switch {
				case w.rejected != "" && !isRejected:
					t.Errorf("item %d: accepted, want rejected (%q)", w.item, w.rejected)
					continue
				case w.rejected != "":
					if !strings.Contains(reason, w.rejected) {
						t.Errorf("item %d: reason %q\n  does not say %q", w.item, reason, w.rejected)
					}
					continue
				case isRejected:
					t.Errorf("item %d: rejected (%s), want kept", w.item, reason)
					continue
				}
				got := byItem[w.item]
				var warnings []string
				for _, in := range got {
					warnings = append(warnings, in.Warnings...)
				}
				for _, want := range w.warnings {
					if !containsPart(warnings, want) {
						t.Errorf("item %d: warnings %q lack %q", w.item, warnings, want)
					}
				}
				if w.warnings == nil && len(warnings) > 0 {
					t.Errorf("item %d: unexpected warnings %q", w.item, warnings)
				}
				if w.check != nil {
					w.check(t, got)
				}
			}
			if tc.accepted+tc.rejected > 0 && (len(set.Annotations) != tc.accepted || len(set.Rejected) != tc.rejected) {
				t.Errorf("%d kept, %d rejected; want %d and %d", len(set.Annotations), len(set.Rejected), tc.accepted, tc.rejected)
			}
			set.Attach = true
			p := PreviewImport(set, nil)
			allKept = append(allKept, p.Writes[art.ID]...)
		})
	}

	// Everything kept, exported: positions select the quotes, on this text.
	seen := map[string]bool{}
	var unique []annotation.Annotation
	for _, a := range allKept {
		if !seen[a.ID] {
			seen[a.ID] = true
			unique = append(unique, a)
		}
	}
	data, name, err := Export{Items: []Item{{Article: art, Annotations: unique}}, Date: exportDay}.W3C()
	if err != nil {
		t.Fatal(err)
	}
	text := anchor.NewText(art.Text)
	positions := 0
	for id, e := range exportedTargets(t, data) {
		if e.Start == nil {
			continue
		}
		positions++
		if got := text.Slice(*e.Start, *e.End); got != e.Exact {
			t.Errorf("%s: exported position %d–%d selects %q, its quote is %q", id, *e.Start, *e.End, got, e.Exact)
		}
	}
	if positions < len(unique)-2 {
		t.Errorf("only %d of %d imported annotations were exported with a position", positions, len(unique))
	}
	checkW3C(t, name, data, len(unique))
}

func containsPart(list []string, part string) bool {
	for _, s := range list {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}
