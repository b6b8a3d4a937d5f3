package share

import (
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

var (
	t0        = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	exportDay = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
)

// fixtureArticle is a small article with a web source and non-ASCII text.
func fixtureArticle(t testing.TB) *article.Article {
	t.Helper()
	a, err := article.New("blinken-beijing-talks", "‘A real conversation’: Blinken has talks in China", []article.Block{
		{Kind: "p", Text: "US Secretary of State Antony Blinken has held “candid, substantive, and constructive” talks with Chinese Foreign Minister Qin Gang in Beijing, the US Department of State says."},
		{Kind: "h2", Text: "Open channels"},
		{Kind: "p", Text: "Sunday’s talks marked the start of the highest-level trip by a US official to China in nearly five years."},
		{Kind: "quote", Text: "“We want to reduce the risk of misperception,” a spokesperson said — 减少误判."},
	}, article.Meta{Source: "https://example.com/news/blinken-talks", Author: "Staff & Agencies", Published: "2023-06-18"})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// span makes an annotation's selectors for the first occurrence of quote.
func span(t testing.TB, art *article.Article, quote string) (anchor.TextQuoteSelector, anchor.TextPositionSelector) {
	t.Helper()
	i := strings.Index(art.Text, quote)
	if i < 0 {
		t.Fatalf("%q not in the article", quote)
	}
	start := anchor.ByteToCodePoint(art.Text, i)
	end := start + len([]rune(quote))
	return anchor.NewText(art.Text).Describe(start, end)
}

func uuid(n int) string {
	return "urn:uuid:00000000-0000-4000-8000-" + strings.Repeat("0", 12-len(itoa(n))) + itoa(n)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

// fixtureAnnotations: a highlight, a note with tags and Unicode, an
// overlapping highlight, a claim with two evidence links, an orphan, and a
// hostile note.
func fixtureAnnotations(t testing.TB, art *article.Article) []annotation.Annotation {
	t.Helper()
	mk := func(n int, kind annotation.Kind, quote string) annotation.Annotation {
		q, p := span(t, art, quote)
		return annotation.Annotation{ID: uuid(n), Article: art.ID, ArticleHash: art.Hash, Quote: q, Position: p,
			Kind: kind, Creator: "Ada", Created: t0.Add(time.Duration(n) * time.Minute), Modified: t0.Add(time.Duration(n) * time.Hour)}
	}
	hl := mk(1, annotation.KindHighlight, "candid, substantive, and constructive")
	hl.Label = annotation.LabelKeyPoint

	note := mk(2, annotation.KindNote, "Qin Gang")
	note.Note = "Foreign minister — 秦刚. Named “Qin” in most reports ✓"
	note.Tags = []string{"people", "中国"}

	overlap := mk(3, annotation.KindHighlight, "and constructive” talks with Chinese")
	overlap.Label = annotation.LabelQuestion

	claim := mk(4, annotation.KindClaim, "Sunday’s talks marked the start of the highest-level trip by a US official to China in nearly five years.")
	claim.Claim = &annotation.Claim{Type: annotation.ClaimStatistic, Speaker: "US Department of State",
		Verdict: annotation.VerdictMostlyAccurate, Rationale: "Blinken's visit was the first since 2018.",
		Evidence: []annotation.Evidence{
			{URL: "https://example.org/pompeo-2018", Title: "Pompeo visits Beijing (2018)", Quote: "Pompeo met Wang Yi in October 2018"},
			{URL: "https://example.org/timeline?year=2023&topic=us-china", Title: "US–China timeline"},
		}}

	orphan := annotation.Annotation{ID: uuid(5), Article: art.ID, ArticleHash: art.Hash,
		Quote:    anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: "This sentence was removed by the editors.", Prefix: "says. ", Suffix: " Sunday"},
		Position: anchor.TextPositionSelector{Type: "TextPositionSelector", Start: 170, End: 211},
		Kind:     annotation.KindNote, Note: "Where did this go?", Creator: "Ada", Created: t0, Modified: t0}

	hostile := mk(6, annotation.KindNote, "Open channels")
	hostile.Note = "<script>alert(1)</script> & <b>bold</b>"
	hostile.Tags = []string{`=HYPERLINK("http://evil.example","click")`, "-2+3", "@sum"}
	hostile.Creator = "+Mallory"

	claim2 := mk(7, annotation.KindClaim, "reduce the risk of misperception")
	claim2.Claim = &annotation.Claim{Type: annotation.ClaimQuotation, Verdict: annotation.VerdictUnverified}

	anns := []annotation.Annotation{hl, note, overlap, claim, orphan, hostile, claim2}
	for i, a := range anns {
		if err := a.Validate(); err != nil {
			t.Fatalf("fixture %d invalid: %v", i, err)
		}
	}
	return anns
}

func anchorQuote(exact, prefix, suffix string) anchor.TextQuoteSelector {
	return anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: exact, Prefix: prefix, Suffix: suffix}
}
