package share

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"github.com/annotator/annotator/internal/w3ctest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/annotator/annotator/app/annotation"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func fixtureExport(t testing.TB) Export {
	art := fixtureArticle(t)
	return Export{Items: []Item{{Article: art, Annotations: fixtureAnnotations(t, art)}}, Date: exportDay, Reviewer: "Ada Reviewer"}
}

func golden(t *testing.T, name string, got []byte) {
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
		t.Errorf("%s differs from the golden file; run go test ./app/share/ -update and review the diff.\ngot:\n%s", name, got)
	}
}

func TestGoldenExports(t *testing.T) {
	e := fixtureExport(t)
	for _, tc := range []struct {
		format string
		fn     func() ([]byte, string, error)
		file   string
	}{
		{"markdown", e.Markdown, "blinken-beijing-talks-2026-11-26.md"},
		{"html", e.HTML, "blinken-beijing-talks-2026-11-26.html"},
		{"csv", e.CSV, "blinken-beijing-talks-2026-11-26.csv"},
		{"w3c", e.W3C, "blinken-beijing-talks-2026-11-26.jsonld"},
		{"claimreview", e.ClaimReview, "blinken-beijing-talks-2026-11-26-claims.json"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			data, name, err := tc.fn()
			if err != nil {
				t.Fatal(err)
			}
			if name != tc.file {
				t.Errorf("file name %q, want %q", name, tc.file)
			}
			golden(t, "golden/"+name, data)
		})
	}
}

func TestExportFilenames(t *testing.T) {
	e := fixtureExport(t)
	e.Library = true
	_, name, _ := e.CSV()
	if name != "library-2026-11-26.csv" {
		t.Errorf("library file name %q", name)
	}
	if _, _, err := (Export{Date: exportDay}).W3C(); err == nil {
		t.Error("an export of nothing did not fail")
	}
}

func TestHTMLIsInert(t *testing.T) {
	data, _, err := fixtureExport(t).HTML()
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, bad := range []string{"<script", "<b>", "src=", "@import", "url(", "<link", "javascript:"} {
		if strings.Contains(strings.ToLower(s), bad) {
			t.Errorf("HTML export contains %q", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"Orphaned annotations", "This sentence was removed by the editors.",
		"2 claims: 1 unverified, 1 mostly accurate",
		`data-annotation-id="` + uuid(3) + `"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("HTML export lacks %q", want)
		}
	}
	// The overlap of annotations 1 and 3 is drawn as nested marks, one id each.
	if !strings.Contains(s, `<mark class="hl label-key-point" data-annotation-id="`+uuid(1)+`" data-anchor="exact"><mark class="hl label-question" data-annotation-id="`+uuid(3)+`" data-anchor="exact">and constructive</mark></mark>`) {
		t.Error("the overlapping highlights are not split into nested segments")
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	data, _, err := fixtureExport(t).CSV()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 8 || len(rows[0]) != len(csvHeader) {
		t.Fatalf("got %d rows of %d cells", len(rows), len(rows[0]))
	}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if rest := strings.TrimLeftFunc(cell, unicode.IsSpace); rest != "" && cell[0] != '\'' && strings.ContainsAny(rest[:1], "=+-@") {
				t.Errorf("cell %q would run as a formula", cell)
			}
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@x", "'@x"}, {"\tx", "'\tx"}, {"\rx", "'\rx"}, {"a=1", "a=1"}, {"", ""},
		// After white space, and in full-width and small forms.
		{" =1+1", "' =1+1"}, {"  \t+cmd", "'  \t+cmd"}, {"\n=HYPERLINK(\"x\")", "'\n=HYPERLINK(\"x\")"}, {"\r\n@SUM(1)", "'\r\n@SUM(1)"},
		{"\u00a0-2", "'\u00a0-2"}, {"\u3000=1", "'\u3000=1"},
		{"＝1+1", "'＝1+1"}, {"＋1", "'＋1"}, {"－1", "'－1"}, {"＠x", "'＠x"}, {" ＝x", "' ＝x"}, {"﹦1", "'﹦1"},
		{"   ", "   "}, {" a=1", " a=1"}, {"x＝1", "x＝1"},
	} {
		if got := neutraliseCell(tc.in); got != tc.want {
			t.Errorf("neutraliseCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// checkW3C runs the checker on data and fails the test on any failure.
func checkW3C(t *testing.T, name string, data []byte, wantCount int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	w3ctest.Check(t, wantCount, path)
}

func TestW3CExportPassesChecker(t *testing.T) {
	e := fixtureExport(t)
	data, name, err := e.W3C()
	if err != nil {
		t.Fatal(err)
	}
	checkW3C(t, name, data, len(e.Items[0].Annotations))

	// The library export of two articles, one without a web address.
	other := fixtureArticle(t)
	other.ID, other.Source = "local-copy", "The Guardian"
	lib := Export{Items: []Item{e.Items[0], {Article: other, Annotations: relabel(e.Items[0].Annotations, other.ID)}}, Library: true, Date: exportDay}
	data, name, err = lib.W3C()
	if err != nil {
		t.Fatal(err)
	}
	checkW3C(t, name, data, 2*len(e.Items[0].Annotations))
	var c struct {
		First struct{ Items []json.RawMessage }
	}
	if err := json.Unmarshal(data, &c); err != nil || len(c.First.Items) != 14 {
		t.Fatalf("library collection: %v, %d items", err, len(c.First.Items))
	}
}

// relabel copies anns onto another article with fresh ids.
func relabel(anns []annotation.Annotation, articleID string) []annotation.Annotation {
	out := make([]annotation.Annotation, len(anns))
	for i, a := range anns {
		a.Article = articleID
		a.ID = uuid(100 + i)
		out[i] = a
	}
	return out
}

func BenchmarkExportHTML(b *testing.B) {
	e := fixtureExport(b)
	for b.Loop() {
		if _, _, err := e.HTML(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseImportW3C(b *testing.B) {
	e := fixtureExport(b)
	data, _, err := e.W3C()
	if err != nil {
		b.Fatal(err)
	}
	lib := library(e.Items[0].Article)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseImport(data, "f.jsonld", lib); err != nil {
			b.Fatal(err)
		}
	}
}

// TestClaimReviewSafeInScript: the ClaimReview export is pasted into an
// HTML <script type="application/ld+json">; no quote, rationale or name
// can end that element or open another, and the JSON is unchanged.
func TestClaimReviewSafeInScript(t *testing.T) {
	e := fixtureExport(t)
	hostile := `</script><script>alert(1)</script> & <!-- "x" -->`
	var found bool
	for i, a := range e.Items[0].Annotations {
		if a.Claim != nil {
			c := *a.Claim
			c.Rationale, c.Speaker = hostile, hostile
			a.Claim = &c
			a.Quote.Exact = hostile
			e.Items[0].Annotations[i] = a
			found = true
		}
	}
	if !found {
		t.Fatal("the fixture has no claim")
	}
	data, _, err := e.ClaimReview()
	if err != nil {
		t.Fatal(err)
	}
	if i := bytes.IndexAny(data, "<>&"); i >= 0 {
		t.Errorf("the export holds %q at %d: %.80s", data[i], i, data[max(0, i-20):])
	}
	var reviews []annotation.ClaimReview
	if err := json.Unmarshal(data, &reviews); err != nil || len(reviews) == 0 {
		t.Fatalf("%v, %d reviews", err, len(reviews))
	}
	if r := reviews[0]; r.ClaimReviewed != hostile || r.ReviewBody != hostile || r.ItemReviewed.Author.Name != hostile {
		t.Errorf("the texts changed: %+v", r)
	}
}

// The reader's names for labels reach every export that shows labels, and
// the annotated HTML draws each label in its own colour and underline
// style, as the reader does (issue 15, point 9).
func TestExportsUseLabelNames(t *testing.T) {
	e := fixtureExport(t)
	e.Labels = annotation.LabelNames{annotation.LabelKeyPoint: "Main idea", annotation.LabelQuestion: "Ask in class"}
	for _, tc := range []struct {
		format string
		fn     func() ([]byte, string, error)
		want   []string
	}{
		{"markdown", e.Markdown, []string{"- Label: Main idea", "- Label: Ask in class"}},
		{"csv", e.CSV, []string{",Main idea,", ",Ask in class,"}},
		{"w3c", e.W3C, []string{`"label": "Main idea"`, `"label": "Ask in class"`}},
		{"html", e.HTML, []string{
			`Highlight · <span class="swatch label-key-point" aria-hidden="true"></span>Main idea`,
			`<p class="legend">Labels: <mark class="hl label-key-point">Main idea</mark><mark class="hl label-question">Ask in class</mark></p>`,
		}},
	} {
		data, _, err := tc.fn()
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s lacks %q:\n%s", tc.format, w, data)
			}
		}
		if strings.Contains(string(data), "Key point") {
			t.Errorf("%s still says Key point", tc.format)
		}
	}
	w3c, _, _ := e.W3C()
	checkW3C(t, "renamed.jsonld", w3c, 7)
	pack, _, err := PackExport{Article: e.Items[0].Article, Annotations: e.Items[0].Annotations, Creator: "Ada", Role: RoleStudent, Labels: e.Labels}.ClassPack()
	if err != nil || !strings.Contains(string(pack), `"label": "Main idea"`) {
		t.Errorf("the class pack does not name the label Main idea (%v)", err)
	}
}

// Each label has its own colour (light and dark) and underline style in
// the annotated HTML, and each verdict its own underline.
func TestHTMLLabelStyles(t *testing.T) {
	data, _, err := fixtureExport(t).HTML()
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, l := range annotation.Labels() {
		for _, w := range []string{
			"mark.label-" + l.Key + "{background:" + l.Light + ";text-decoration-style:" + l.Underline,
			"mark.label-" + l.Key + ",.swatch.label-" + l.Key + "{background:" + l.Dark + "}",
		} {
			if !strings.Contains(s, w) {
				t.Errorf("the stylesheet lacks %q", w)
			}
		}
	}
	for _, v := range annotation.Verdicts() {
		if w := "mark.v-" + string(v.Verdict) + "{text-decoration-color:" + v.Colour; !strings.Contains(s, w) {
			t.Errorf("the stylesheet lacks %q", w)
		}
	}
	for _, w := range []string{`<mark class="hl label-question"`, `<mark class="claim v-mostly-accurate"`, `<mark class="claim v-unverified"`} {
		if !strings.Contains(s, w) {
			t.Errorf("the export lacks %q", w)
		}
	}
}
