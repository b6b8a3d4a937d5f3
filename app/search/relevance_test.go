package search

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// corpus is a fixed set of annotations a reader might make on news articles.
func corpus() []Doc {
	day := func(n int) time.Time { return time.Date(2025, 3, n, 12, 0, 0, 0, time.UTC) }
	const (
		blinken  = "blinken-china"
		budget   = "budget-2025"
		zurich   = "zurich-housing"
		climate  = "climate-summit"
		election = "election-night"
	)
	titles := map[string]string{
		blinken:  "‘A real conversation’: Blinken has ‘constructive’ talks in China",
		budget:   "Chancellor’s budget: what it means for your money",
		zurich:   "Zürich’s housing crunch pushes rents to record",
		climate:  "Climate summit ends with a deal on coal",
		election: "Election night: how the votes were counted",
	}
	d := func(id, article, quote, note string, tags []string, mod int) Doc {
		return Doc{ID: id, Article: article, ArticleTitle: titles[article], Quote: quote, Note: note, Tags: tags, Modified: day(mod)}
	}
	claim := func(doc Doc, typ, typName, verdict, verdictName, speaker string) Doc {
		doc.IsClaim, doc.ClaimType, doc.ClaimTypeName, doc.Verdict, doc.VerdictName, doc.Speaker = true, typ, typName, verdict, verdictName, speaker
		return doc
	}
	label := func(doc Doc, key, name string) Doc { doc.LabelKey, doc.Label = key, name; return doc }
	return []Doc{
		d("b1", blinken, "Blinken has “candid, substantive, and constructive” talks with Wang Yi", "Tone is warmer than last year", []string{"diplomacy"}, 1),
		label(d("b2", blinken, "core interests – including the Taiwan issue", "Is Taiwan the sticking point?", []string{"taiwan", "diplomacy"}, 2), "question", "Question"),
		claim(d("b3", blinken, "China's exports rose 7 per cent in the first quarter", "Check against customs data", []string{"trade"}, 3), "statistic", "Quantity or statistic", "accurate", "Accurate", "Wang Yi"),
		d("b4", blinken, "The two sides agreed to keep channels of communication open", "", []string{"diplomacy"}, 4),
		label(d("b5", blinken, "Beijing warned Washington against interference", "Standard wording", nil, 5), "key-point", "Key point"),
		claim(d("b6", blinken, "Fentanyl shipments have fallen by half since the agreement", "Source unclear; DEA figures disagree", []string{"drugs"}, 6), "causal", "Cause and effect", "inaccurate", "Inaccurate", "Antony Blinken"),
		d("g1", budget, "The government will borrow £20bn more than planned", "Borrowing up again", []string{"economy", "fiscal"}, 7),
		claim(d("g2", budget, "Inflation will fall to 2.4% by the end of next year", "OBR forecast, not a promise", []string{"economy", "inflation"}, 8), "prediction", "Prediction", "unverifiable", "Unverifiable", "Chancellor"),
		d("g3", budget, "Income tax thresholds stay frozen until 2028", "A stealth tax rise", []string{"tax"}, 9),
		claim(d("g4", budget, "This is the biggest investment in the NHS in its history", "Not in real terms per head", []string{"health"}, 10), "statistic", "Quantity or statistic", "misleading", "Misleading", "Chancellor"),
		d("g5", budget, "Fuel duty is frozen for another year", "", []string{"tax", "motoring"}, 11),
		d("g6", budget, "Government departments must find efficiency savings", "Which departments? Cuts by another name", []string{"economy"}, 12),
		label(d("g7", budget, "The annotation of costs in the appendix is incomplete", "Appendix B lacks totals", nil, 13), "evidence", "Evidence"),
		d("g8", budget, "Public sector net debt is forecast to peak at 97 per cent of GDP", "", []string{"economy", "debt"}, 14),
		d("z1", zurich, "Rents in Zürich rose 6 per cent last year", "Highest rise in a decade", []string{"housing"}, 15),
		d("z2", zurich, "Vacancy rates fell below 0.1% in the city", "", []string{"housing", "statistics"}, 16),
		d("z3", zurich, "A café owner on Langstrasse said she may have to close", "Human angle", nil, 17),
		d("z4", zurich, "The canton plans to build 10,000 new flats", "Ambitious; check the timeline", []string{"housing", "policy"}, 18),
		d("c1", climate, "Delegates agreed to phase down unabated coal power", "“Phase down” not “phase out”", []string{"climate", "energy"}, 19),
		claim(d("c2", climate, "Global emissions must fall 43% by 2030 to keep 1.5C alive", "IPCC figure", []string{"climate"}, 20), "statistic", "Quantity or statistic", "accurate", "Accurate", "UN Secretary-General"),
		d("c3", climate, "Island nations walked out of the final session", "", []string{"climate", "protest"}, 21),
		d("c4", climate, "A fund for loss and damage was announced", "No numbers attached", []string{"climate", "finance"}, 22),
		label(d("c5", climate, "Coal remains the largest source of electricity in Asia", "", []string{"energy"}, 23), "disagree", "Disagree"),
		d("e1", election, "Turnout was the lowest since 1885", "Check the historical series", []string{"elections"}, 24),
		claim(d("e2", election, "Every vote was counted by hand in the marginal seats", "Claim from the returning officer", []string{"elections"}, 25), "quotation", "Quotation", "accurate", "Accurate", "Returning officer"),
		d("e3", election, "Polling stations closed at 10pm", "", nil, 26),
		d("e4", election, "The governor conceded shortly after midnight", "", []string{"elections"}, 27),
		{ID: "o1", Article: election, ArticleTitle: titles[election], Quote: "Exit polls overstated the swing", Note: "This passage was removed from the article", Orphan: true, Modified: day(28)},
		d("e5", election, "Annotations by volunteers flagged two claims as false", "Annotated copy in the shared drive", []string{"fact-check"}, 29),
		d("e6", election, "Counting in the capital was delayed by a power cut", "", nil, 30),
	}
}

func newCorpusIndex() *Index {
	ix := NewIndex()
	for _, d := range corpus() {
		ix.Add(d)
	}
	return ix
}

func ids(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

func TestRelevance(t *testing.T) {
	ix := newCorpusIndex()
	tests := []struct {
		query string
		first []string // these ids first, in any order
		none  bool     // no results at all
		only  bool     // exactly the first ids, nothing else
	}{
		{query: "blinken", first: []string{"b1"}}, // quote and title beat speaker and title
		{query: "taiwan", first: []string{"b2"}, only: true},
		{query: "tai", first: []string{"b2"}},
		{query: "cliam", first: []string{"e2", "e5"}},           // transposed: claim(s)
		{query: "goverment", first: []string{"g1", "g6"}},       // dropped letter
		{query: "annotattion", first: []string{"g7"}},           // doubled letter
		{query: "inflaiton", first: []string{"g2"}},             // transposed
		{query: "electricty", first: []string{"c5"}},            // dropped letter in a long word
		{query: "diplomasy", first: []string{"b1", "b2", "b4"}}, // wrong letter in a long word
		{query: "gov", first: []string{"g6", "g1", "e4"}},       // short prefix
		{query: "cafe", first: []string{"z3"}, only: true},      // accent folding
		{query: "zurich rents", first: []string{"z1"}},          // accents, AND
		{query: "qzx", none: true},                              // no word holds these letters
		{query: "tag:economy", first: []string{"g8", "g6", "g2", "g1"}, only: true},
		{query: "tag:housing rent", first: []string{"z1"}}, // facet and text; the title says rents too
		{query: "is:claim verdict:accurate", first: []string{"e2", "c2", "b3"}, only: true},
		{query: "type:statistic", first: []string{"c2", "g4", "b3"}, only: true},
		{query: "is:orphan", first: []string{"o1"}, only: true},
		{query: "label:question", first: []string{"b2"}, only: true},
		{query: `"phase down"`, first: []string{"c1"}, only: true},
		{query: `"down phase"`, none: true}, // a phrase is in order
		{query: "article:zurich cafe", first: []string{"z3"}, only: true},
		{query: "frozen tax", first: []string{"g3", "g5"}},
		{query: "tax", first: []string{"g3", "g5"}}, // tagged tax
		{query: "2.4", first: []string{"g2"}},
		{query: "coal", first: []string{"c5", "c1"}}, // newest first when equal
		{query: "constructive", first: []string{"b1"}},
		{query: "foo:bar", none: true}, // unknown facet is text
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := ids(ix.Search(tt.query, 10))
			if tt.none {
				if len(got) != 0 {
					t.Fatalf("got %v, want nothing", got)
				}
				return
			}
			if len(got) < len(tt.first) {
				t.Fatalf("got %v, want %v first", got, tt.first)
			}
			head := slices.Clone(got[:len(tt.first)])
			want := slices.Clone(tt.first)
			slices.Sort(head)
			slices.Sort(want)
			if !slices.Equal(head, want) {
				t.Fatalf("got %v, want %v first", got, tt.first)
			}
			if tt.only && len(got) != len(tt.first) {
				t.Fatalf("got %v, want only %v", got, tt.first)
			}
		})
	}
}

// TestRelevanceOrder checks that the exact order, not just the head, follows
// recency when scores tie.
func TestRelevanceOrder(t *testing.T) {
	ix := newCorpusIndex()
	got := fmt.Sprint(ids(ix.Search("tag:economy", 0)))
	if want := "[g8 g6 g2 g1]"; got != want {
		t.Errorf("tag:economy = %s, want %s (newest first)", got, want)
	}
}
