package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/search"
)

func marked(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Mark {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// Match ranges are code points: the marked text must be exactly the quote
// in every case of the Unicode table (testdata/SOURCE.txt) (curly quotes, emoji, accents).
func TestSegmentsUnicodeOffsets(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "unicode-offsets.json"))
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Cases []struct {
			Name       string `json:"name"`
			Text       string `json:"text"`
			Exact      string `json:"exact"`
			CodePoints [2]int `json:"codePoints"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &table); err != nil {
		t.Fatal(err)
	}
	for _, c := range table.Cases {
		segs := segments(c.Text, [][2]int{c.CodePoints}, 0)
		var got []string
		var whole strings.Builder
		for _, s := range segs {
			whole.WriteString(s.Text)
			if s.Mark {
				got = append(got, s.Text)
			}
		}
		if len(got) != 1 || got[0] != c.Exact {
			t.Errorf("%s: marked %q, want %q", c.Name, got, c.Exact)
		}
		if whole.String() != c.Text {
			t.Errorf("%s: the segments spell %q, want %q", c.Name, whole.String(), c.Text)
		}
	}
}

func TestSegments(t *testing.T) {
	for _, c := range []struct {
		text   string
		ranges [][2]int
		limit  int
		want   string
	}{
		{"café in Zürich", [][2]int{{0, 4}, {8, 14}}, 0, "[café] in [Zürich]"},
		{"“cliam” 👍🏽 claim", [][2]int{{11, 16}}, 0, "“cliam” 👍🏽 [claim]"},
		{"abc", nil, 0, "abc"},
		{"abc", [][2]int{{0, 1}, {1, 3}}, 0, "[abc]"}, // adjacent ranges merge
		{"abc", [][2]int{{2, 9}}, 0, "ab[c]"},         // clamped
		{"0123456789abcdefghij", [][2]int{{12, 14}}, 8, "…ab[cd]efgh…"},
		{"0123456789", nil, 4, "0123…"},
		{"0123456789", [][2]int{{9, 10}}, 4, "…678[9]"},
	} {
		if got := marked(segments(c.text, c.ranges, c.limit)); got != c.want {
			t.Errorf("segments(%q, %v, %d) = %q, want %q", c.text, c.ranges, c.limit, got, c.want)
		}
	}
}

func TestAnnotationHref(t *testing.T) {
	id := "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"
	href := annotationHref("blinken-beijing-talks", id)
	if href != "/read/blinken-beijing-talks#annotation=urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e" {
		t.Errorf("href %q", href)
	}
	_, frag, _ := strings.Cut(href, "#")
	if got := targetOf(frag); got != id {
		t.Errorf("targetOf(%q) = %q", frag, got)
	}
	if got := targetOf("top"); got != "" {
		t.Errorf("targetOf(top) = %q", got)
	}
}

func testAnnotation(id, articleID, quote, note string, tags ...string) annotation.Annotation {
	at := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	return annotation.Annotation{
		ID: id, Article: articleID, Kind: annotation.KindNote, Label: annotation.LabelQuestion,
		Quote:    anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: quote},
		Position: anchor.TextPositionSelector{Type: "TextPositionSelector", Start: 0, End: len([]rune(quote))},
		Note:     note, Tags: tags, Created: at, Modified: at,
	}
}

func ids(rs []search.Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// The index follows changes one article at a time: an edit, a delete, an
// orphan the reader resolved, a title that arrived late, a renamed label.
func TestAnnotationIndexSync(t *testing.T) {
	art, err := article.New("zurich", "Notes from Zürich", []article.Block{{Kind: "p", Text: "The café by the lake serves the best coffee."}}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(id string) (*article.Article, bool) { return art, id == "zurich" }
	a1 := testAnnotation("a1", "zurich", "The café by the lake", "quokka sighting", "travel")
	a2 := testAnnotation("a2", "zurich", "a passage that is gone", "platypus")
	b1 := testAnnotation("b1", "other", "Claims about trade", "tariffs rise", "economy")
	b1.Kind, b1.Label = annotation.KindClaim, ""
	b1.Claim = &annotation.Claim{Type: annotation.ClaimStatistic, Verdict: annotation.VerdictInaccurate}
	walk, n := walkOf(map[string][]annotation.Annotation{"zurich": {a1, a2}, "other": {b1}})
	x := newAnnotationIndex(walk, n, map[string]string{"zurich": art.Title}, nil, at, nil)

	check := func(q string, want ...string) {
		t.Helper()
		got, total := x.search(q, maxResults)
		if strings.Join(ids(got), ",") != strings.Join(want, ",") || total != len(want) {
			t.Errorf("%q: %v (total %d), want %v", q, ids(got), total, want)
		}
	}
	check("cafe", "a1")
	check("zurich", "a1", "a2") // the title
	check("qoukka", "a1")
	check("is:orphan", "a2") // resolved against the article at hand

	// The reader page's own resolution, when there is one, is taken as it is.
	readers := map[string]map[string]anchor.Result{"zurich": {"a1": {Status: anchor.Orphan}, "a2": {Status: anchor.Fuzzy}}}
	if y := newAnnotationIndex(walk, n, map[string]string{"zurich": art.Title}, nil, at, readers); strings.Join(ids(first(y.search("is:orphan", maxResults))), ",") != "a1" {
		t.Errorf("with the reader's anchors, is:orphan finds %v, want a1", ids(first(y.search("is:orphan", maxResults))))
	}
	check("verdict:inaccurate", "b1")
	check("type:statistic tarifs", "b1")
	check("label:question", "a1", "a2")
	if d, _ := x.doc("b1"); d.ArticleTitle != "other" || d.VerdictName != "Inaccurate" || d.ClaimTypeName == "" {
		t.Errorf("b1 indexed as %+v", d)
	}

	// An edit: the new word is found, the old one is not.
	a1.Note, a1.Modified = "wombat sighting", a1.Modified.Add(time.Minute)
	x.syncArticle("zurich", []annotation.Annotation{a1, a2}, nil, at)
	check("wombat", "a1")
	check("quokka")
	// A delete, and the reader's own anchors.
	x.syncArticle("zurich", []annotation.Annotation{a1}, map[string]anchor.Result{"a1": {Status: anchor.Orphan}}, at)
	check("platypus")
	check("is:orphan", "a1")
	// The library's titles arrive; a label is renamed.
	x.refresh(map[string]string{"other": "Trade figures"}, annotation.LabelNames{annotation.LabelQuestion: "Puzzle"})
	check("article:trade", "b1")
	check("puzzle", "a1")

	v := resultViewOf(0, mustFirst(t, x, "wombat"), mustDoc(x, "a1"))
	var text []string
	for _, p := range v.Parts {
		text = append(text, p.Prefix+marked(p.Segs))
	}
	want := "“The café by the lake”|Note: [wombat] sighting|Orphaned (the text is gone) · Label: Puzzle|Tags: travel|In Notes from Zürich"
	if got := strings.Join(text, "|"); got != want {
		t.Errorf("result view\n got %s\nwant %s", got, want)
	}
	if v.Href != "/read/zurich#annotation=a1" || v.DOMID != "search-result-0" {
		t.Errorf("href %q, id %q", v.Href, v.DOMID)
	}
}

func mustDoc(x *annotationIndex, id string) search.Doc {
	d, _ := x.doc(id)
	return d
}

func mustFirst(t *testing.T, x *annotationIndex, q string) search.Result {
	t.Helper()
	rs, _ := x.search(q, 1)
	if len(rs) == 0 {
		t.Fatalf("no result for %q", q)
	}
	return rs[0]
}

func TestResultsSummary(t *testing.T) {
	for _, c := range []struct {
		q            string
		shown, total int
		want         string
	}{
		{"", 0, 0, ""}, {"x", 0, 0, "No annotations match"}, {"x", 1, 1, "1 result"},
		{"x", 3, 3, "3 results"}, {"x", 20, 134, "134 results, showing the best 20"},
	} {
		if got := resultsSummary(c.q, c.shown, c.total); got != c.want {
			t.Errorf("resultsSummary(%q, %d, %d) = %q, want %q", c.q, c.shown, c.total, got, c.want)
		}
	}
}

func TestLineRuns(t *testing.T) {
	for _, c := range []struct {
		segs          []segment
		plain, marked string
	}{
		{nil, "", ""},
		{[]segment{{Text: "abc"}}, "abc", ""},
		{[]segment{{Text: "ab", Mark: true}}, "|", "ab"},
		{[]segment{{Text: "“"}, {Text: "go", Mark: true}, {Text: "vernment of "}, {Text: "go", Mark: true}, {Text: "”"}}, "“|vernment of |”", "go|go"},
		{[]segment{{Text: "a", Mark: true}, {Text: "b", Mark: true}}, "||", "a|b"},
	} {
		plain, marked := lineRuns(c.segs, nil, nil)
		if strings.Join(plain, "|") != c.plain || strings.Join(marked, "|") != c.marked || len(plain) != len(marked)+1 {
			t.Errorf("lineRuns(%v) = %q, %q; want %q, %q", c.segs, plain, marked, c.plain, c.marked)
		}
	}
	// Every line a result view has is one the DOM knows.
	v := resultViewOf(0, search.Result{ID: "a"}, search.Doc{ID: "a", Article: "x", Quote: "q", Note: "n", Tags: []string{"t"}, Label: "L", ArticleTitle: "T"})
	if len(v.Parts) != numResultLines {
		t.Errorf("%d lines, want %d", len(v.Parts), numResultLines)
	}
	for i, p := range v.Parts {
		if resultLineOf(p.Class) != i {
			t.Errorf("line %d has class %q", i, p.Class)
		}
	}
}

// Whatever a note or tag holds, the results show it as text: the code that
// draws them sets text nodes and attributes only, never markup (the end to
// end test TestSearchFindsAndOpens searches for a note full of markup).
func TestResultsNeverMarkup(t *testing.T) {
	files, err := filepath.Glob("search_*.go")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "createContextualFragment", "DOMParser", "app.Raw", `"write"`} {
			if strings.Contains(string(data), bad) {
				t.Errorf("%s uses %s: results must be drawn as text", f, bad)
			}
		}
	}
}

// The popup's estimate never takes results for taller than they can be: at
// the narrowest glyphs a line holds width/(narrowGlyph·font) characters.
func TestPopupVisible(t *testing.T) {
	doc := func(quote string) search.Doc {
		return search.Doc{ID: quote, Article: "x", Quote: quote, ArticleTitle: "T"}
	}
	list := func(quotes ...string) *resultList {
		var rs []search.Result
		docs := map[string]search.Doc{}
		for _, q := range quotes {
			rs = append(rs, search.Result{ID: q})
			docs[q] = doc(q)
		}
		return newResultList(rs, func(id string) (search.Doc, bool) { d, ok := docs[id]; return d, ok })
	}
	var g popupGeometry
	if got := g.visible(list("a", "b")); got != 2 {
		t.Errorf("unmeasured, 2 results: %d drawn", got)
	}
	g = popupGeometry{avail: 100, width: 200, pad: 10}
	g.lineH[0], g.fontPx[0] = 20, 16 // quote
	g.lineH[4], g.fontPx[4] = 18, 14 // title
	// A short result: 10 + 20 + 18 = 48 px; the third starts at 96 < 100.
	if got := g.visible(list("a", "b", "c", "d", "e")); got != 3 {
		t.Errorf("short results: %d drawn, want 3", got)
	}
	// A quote of 200 letters (with its quotation marks) needs at least
	// 200·0.22·16/200 = 3.52 → 4 lines: 10 + 80 + 18 = 108 px.
	long := strings.Repeat("x", 197)
	g.avail = 150
	if got := g.visible(list(long, long+"y", long+"z")); got != 2 {
		t.Errorf("long results: %d drawn, want 2", got)
	}
}

// first drops search's second result, the total.
func first[T any](v T, _ int) T { return v }
