package searchindex

import (
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/search"
)

const limit = 50

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

func zurich(t *testing.T) *article.Article {
	t.Helper()
	art, err := article.New("zurich", "Notes from Zürich", []article.Block{{Kind: "p", Text: "The café by the lake serves the best coffee."}}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	return art
}

// checker runs queries on an index and compares the ids found.
func checker(t *testing.T, x *Index) func(q string, want ...string) {
	return func(q string, want ...string) {
		t.Helper()
		got, total := x.Search(q, limit)
		if strings.Join(ids(got), ",") != strings.Join(want, ",") || total != len(want) {
			t.Errorf("%q: %v (total %d), want %v", q, ids(got), total, want)
		}
	}
}

// The index follows changes one article at a time: an edit, a delete, an
// orphan the reader resolved, a title that arrived late, a renamed label.
func TestIndexSync(t *testing.T) {
	art := zurich(t)
	at := func(id string) (*article.Article, bool) { return art, id == "zurich" }
	a1 := testAnnotation("a1", "zurich", "The café by the lake", "quokka sighting", "travel")
	a2 := testAnnotation("a2", "zurich", "a passage that is gone", "platypus")
	b1 := testAnnotation("b1", "other", "Claims about trade", "tariffs rise", "economy")
	b1.Kind, b1.Label = annotation.KindClaim, ""
	b1.Claim = &annotation.Claim{Type: annotation.ClaimStatistic, Verdict: annotation.VerdictInaccurate}
	walk, n := WalkMap(map[string][]annotation.Annotation{"zurich": {a1, a2}, "other": {b1}})
	x := New(walk, n, map[string]string{"zurich": art.Title}, nil, at, nil)
	if x.Len() != 3 || x.Built <= 0 {
		t.Errorf("Len %d, Built %v", x.Len(), x.Built)
	}
	check := checker(t, x)
	check("cafe", "a1")
	check("zurich", "a1", "a2") // the title
	check("qoukka", "a1")
	check("is:orphan", "a2") // resolved against the article at hand

	// The reader page's own resolution, when there is one, is taken as it is.
	readers := Anchors{"zurich": {"a1": {Status: anchor.Orphan}, "a2": {Status: anchor.Fuzzy}}}
	y := New(walk, n, map[string]string{"zurich": art.Title}, nil, at, readers)
	if got, _ := y.Search("is:orphan", limit); strings.Join(ids(got), ",") != "a1" {
		t.Errorf("with the reader's anchors, is:orphan finds %v, want a1", ids(got))
	}
	check("verdict:inaccurate", "b1")
	check("type:statistic tarifs", "b1")
	check("label:question", "a1", "a2")
	if d, _ := x.Doc("b1"); d.ArticleTitle != "other" || d.VerdictName != "Inaccurate" || d.ClaimTypeName == "" {
		t.Errorf("b1 indexed as %+v", d)
	}

	// An edit: the new word is found, the old one is not.
	a1.Note, a1.Modified = "wombat sighting", a1.Modified.Add(time.Minute)
	x.Sync("zurich", []annotation.Annotation{a1, a2}, nil, at)
	check("wombat", "a1")
	check("quokka")
	// A delete, and the reader's own anchors.
	x.Sync("zurich", []annotation.Annotation{a1}, map[string]anchor.Result{"a1": {Status: anchor.Orphan}}, at)
	check("platypus")
	check("is:orphan", "a1")
	// The library's titles arrive; a label is renamed.
	x.Refresh(map[string]string{"other": "Trade figures"}, annotation.LabelNames{annotation.LabelQuestion: "Puzzle"})
	check("article:trade", "b1")
	check("puzzle", "a1")
	if d, _ := x.Doc("a1"); d.Label != "Puzzle" || d.ArticleTitle != "Notes from Zürich" {
		t.Errorf("a1 indexed as %+v", d)
	}
	// Every annotation of an article gone.
	x.Sync("zurich", nil, nil, at)
	check("zurich")
	if x.Len() != 1 {
		t.Errorf("Len %d after the article's annotations went, want 1", x.Len())
	}
	// The deferred search finds the same and highlights on demand.
	rs, total, matches := x.SearchDeferred("tarifs", limit)
	if len(rs) != 1 || total != 1 || len(matches("b1")) == 0 {
		t.Errorf("SearchDeferred: %v, %d, %v", ids(rs), total, matches("b1"))
	}
}

// An article whose text changed since an annotation was indexed is read
// again: its annotations are resolved against the new text.
func TestIndexFollowsArticleText(t *testing.T) {
	art := zurich(t)
	at := func(id string) (*article.Article, bool) { return art, id == "zurich" }
	a := testAnnotation("a1", "zurich", "serves the best coffee", "")
	walk, n := WalkMap(map[string][]annotation.Annotation{"zurich": {a}})
	x := New(walk, n, nil, nil, at, nil)
	check := checker(t, x)
	check("is:orphan")
	edited, err := article.New("zurich", "Notes from Zürich", []article.Block{{Kind: "p", Text: "The lake is cold."}}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	art = edited
	a.Modified = a.Modified.Add(time.Minute)
	x.Sync("zurich", []annotation.Annotation{a}, nil, at)
	check("is:orphan", "a1")
}

func TestDocOf(t *testing.T) {
	c := testAnnotation("c1", "a", "Prices rose 4%", "check the source", "economy")
	c.Kind, c.Label = annotation.KindClaim, ""
	c.Claim = &annotation.Claim{Type: annotation.ClaimStatistic, Speaker: "Ada", Rationale: "The figure is 3%."}
	d := DocOf(&c, "Title", nil)
	if !d.IsClaim || d.Verdict != "unverified" || d.VerdictName == "" || d.Speaker != "Ada" || d.Rationale == "" || d.ClaimType != "statistic" || d.Label != "" {
		t.Errorf("claim as %+v", d)
	}
	h := testAnnotation("h1", "a", "q", "")
	h.Kind = annotation.KindHighlight
	if d := DocOf(&h, "Title", annotation.LabelNames{annotation.LabelQuestion: "Puzzle"}); d.LabelKey != annotation.LabelQuestion || d.Label != "Puzzle" || d.IsClaim || d.Kind != "highlight" {
		t.Errorf("highlight as %+v", d)
	}
}

// The words of issue 15: a kind, a label (the reader's name for it too), a
// verdict or a claim type finds the annotations of that kind, after those
// whose text has the word; facet values forgive typos.
func TestKindWords(t *testing.T) {
	hl := testAnnotation("h1", "a", "Troops moved to the border", "", "militray")
	hl.Kind, hl.Label, hl.Tags = annotation.KindHighlight, annotation.LabelKeyPoint, []string{"military"}
	q := testAnnotation("q1", "a", "Who pays for the bridge", "")
	q.Kind = annotation.KindHighlight
	n := testAnnotation("n1", "a", "The minister made a claim about exports", "a claim worth checking")
	n.Kind, n.Label = annotation.KindNote, ""
	c := testAnnotation("c1", "a", "Exports rose by ten percent", "")
	c.Kind, c.Label = annotation.KindClaim, ""
	c.Claim = &annotation.Claim{Type: annotation.ClaimStatistic, Verdict: annotation.VerdictInaccurate}
	walk, size := WalkMap(map[string][]annotation.Annotation{"a": {hl, q, n, c}})
	x := New(walk, size, nil, annotation.LabelNames{annotation.LabelKeyPoint: "Main idea"}, nil, nil)
	check := checker(t, x)
	check("claim", "n1", "c1") // the note's text first, then the claim
	check("cliam", "n1", "c1")
	check("question", "q1")
	check("inaccurate", "c1")
	check("statistic", "c1")
	check("main idea", "h1") // the reader's name for Key point
	check("verdict:inacurate", "c1")
	check("tag:militray", "h1")
	check("label:main", "h1")
}
