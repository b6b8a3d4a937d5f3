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
	"github.com/annotator/annotator/app/searchindex"
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

// A result is shown with its quote, its note with the matched letters
// marked, what it is, its tags and its article.
func TestResultView(t *testing.T) {
	art, err := article.New("zurich", "Notes from Zürich", []article.Block{{Kind: "p", Text: "The café by the lake serves the best coffee."}}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	a1 := annotation.Annotation{
		ID: "a1", Article: "zurich", Kind: annotation.KindNote, Label: annotation.LabelQuestion,
		Quote:    anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: "The café by the lake"},
		Position: anchor.TextPositionSelector{Type: "TextPositionSelector", Start: 0, End: 20},
		Note:     "wombat sighting", Tags: []string{"travel"}, Created: at, Modified: at,
	}
	walk, n := searchindex.WalkMap(map[string][]annotation.Annotation{"zurich": {a1}})
	x := searchindex.New(walk, n, map[string]string{"zurich": art.Title}, annotation.LabelNames{annotation.LabelQuestion: "Puzzle"},
		func(string) (*article.Article, bool) { return art, true }, searchindex.Anchors{"zurich": {"a1": {Status: anchor.Orphan}}})
	rs, _ := x.Search("wombat", 1)
	if len(rs) == 0 {
		t.Fatal("no result for wombat")
	}
	d, _ := x.Doc("a1")
	v := resultViewOf(0, rs[0], d)
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
// end test TestSearchFindsAndOpens searches for a note full of markup). So
// does every other file of the UI (docs/security.md).
func TestResultsNeverMarkup(t *testing.T) {
	const pasteReader = "add_dom_wasm.go"
	if _, err := os.Stat(pasteReader); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("*.go")
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
		for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "createContextualFragment", "DOMParser", "app.Raw", `Get("document").Call("write`} {
			if strings.Contains(string(data), bad) && !(bad == "DOMParser" && f == pasteReader) {
				t.Errorf("%s uses %s: results must be drawn as text", f, bad)
			}
		}
		if f != pasteReader {
			continue
		}
		// The one HTML parser: the clipboard's HTML of a pasted selection
		// is parsed into a document of its own, which runs no script and
		// loads nothing, and only its text and attributes are read out.
		// Nothing of it may enter the page.
		for _, bad := range []string{"appendChild", "importNode", "adoptNode", "insertBefore", "replaceWith", "replaceChildren", `Call("append`, `Call("prepend`, "cloneNode"} {
			if strings.Contains(string(data), bad) {
				t.Errorf("%s uses %s: the pasted document must stay out of the page", f, bad)
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
