package annotation

import (
	"flag"
	"time"

	"github.com/annotator/annotator/app/anchor"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

const (
	testHash   = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	testSource = "http://localhost:8080/articles/seed-annotations"
)

var (
	t0 = time.Date(2024, 5, 3, 12, 0, 0, 0, time.UTC)
	t1 = time.Date(2024, 5, 4, 8, 15, 30, 250_000_000, time.UTC)
)

func quote(exact, prefix, suffix string, start int) (anchor.TextQuoteSelector, anchor.TextPositionSelector) {
	n := len([]rune(exact))
	return anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: exact, Prefix: prefix, Suffix: suffix},
		anchor.TextPositionSelector{Type: "TextPositionSelector", Start: start, End: start + n}
}

func highlightFixture() Annotation {
	q, p := quote("Annotations are typically used", "Abstract. ", " to convey information", 412)
	return Annotation{
		ID: "urn:uuid:0b6c1f9e-3d2a-4c5b-8e7f-1a2b3c4d5e6f", Article: "seed-annotations", ArticleHash: testHash,
		Quote: q, Position: p, Kind: KindHighlight, Label: LabelKeyPoint,
		Created: t0, Modified: t0,
	}
}

func noteFixture() Annotation {
	q, p := quote("the “curly” quotes — and a café", "with ", ".", 1200)
	return Annotation{
		ID: "urn:uuid:5d1e2f3a-4b5c-4d6e-9f70-8192a3b4c5d6", Article: "local-my-notes", ArticleHash: testHash,
		Quote: q, Position: p, Kind: KindNote, Label: LabelQuestion,
		Note:    "Is this <script>alert(1)</script> safe?\nSecond line, ünïcödé.",
		Tags:    []string{"unicode", "Typography", "to check"},
		Creator: "Ada Lovelace", Created: t0, Modified: t1,
	}
}

func claimFixture() Annotation {
	q, p := quote("Unemployment fell to 3.4 percent in January.", "economy. ", " Economists", 2045)
	return Annotation{
		ID: "urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", Article: "seed-annotations", ArticleHash: testHash,
		Quote: q, Position: p, Kind: KindClaim, Tags: []string{"economy"},
		Note: "Check the seasonal adjustment.",
		Claim: &Claim{
			Type: ClaimStatistic, Speaker: "Julie Su", Verdict: VerdictMostlyAccurate,
			Evidence: []Evidence{
				{URL: "https://www.bls.gov/news.release/empsit.nr0.htm", Title: "Employment Situation Summary", Quote: "The unemployment rate, at 3.4 percent, changed little."},
				{URL: "https://fred.stlouisfed.org/series/UNRATE"},
			},
			Rationale: "The official figure is 3.4%, but it is seasonally adjusted & rounded.",
		},
		Creator: "Fact Checker", Created: t0, Modified: t1,
	}
}
