package search

import (
	"slices"
	"testing"
)

// A word that names a kind, label, verdict or claim type finds the
// annotations of that kind, after every annotation whose text matches.
func TestKindWords(t *testing.T) {
	ix := newCorpusIndex()
	renamed := Doc{ID: "r1", Article: "budget-2025", ArticleTitle: "Chancellor’s budget", Quote: "Spending rises in every department",
		Kind: "highlight", LabelKey: "key-point", Label: "Main idea"}
	ix.Add(renamed)
	claims := []string{"b3", "b6", "g2", "g4", "c2", "e2"}
	climate := []string{"c1", "c2", "c3", "c4", "c5"}
	highlights := []string{"b4", "g5", "g8", "z2", "c3", "c5", "e3", "e4", "e6", "r1"}
	tests := []struct {
		query string
		text  []string // matches on text, first, in any order
		kind  []string // then matches on the kind alone, in any order
		not   []string // never among the results
	}{
		// The words: text first (e2's note, e5's quote, and, one
		// typo away, the climate article's title), then every other claim.
		{query: "claim", text: append([]string{"e2", "e5"}, climate...), kind: without(claims, "e2", "c2")},
		{query: "cliam", text: append([]string{"e2", "e5"}, climate...), kind: without(claims, "e2", "c2")},
		{query: "claims", text: []string{"e2", "e5"}, kind: without(claims, "e2")},
		{query: "question", kind: []string{"b2"}},
		{query: "questoin", kind: []string{"b2"}},
		{query: "inaccurate", kind: []string{"b6"}},
		{query: "inacurate", kind: []string{"b6"}},
		{query: "accurate", kind: []string{"b3", "c2", "e2"}, not: []string{"b6"}},
		{query: "evidence", kind: []string{"g7"}},
		{query: "disagree", text: []string{"b6"}, kind: []string{"c5"}}, // b6's note: "DEA figures disagree"
		// A claim type by its name or its key.
		{query: "prediction", kind: []string{"g2"}},
		{query: "causal", kind: []string{"b6"}},
		// The tag "statistics" is text; the claim type is a kind.
		{query: "statistic", text: []string{"z2"}, kind: []string{"b3", "g4", "c2"}},
		// A renamed label by the reader's name, and by the one it had.
		{query: "main idea", kind: []string{"r1"}},
		{query: "key point", kind: []string{"b5", "r1"}},
		{query: "highlight", kind: highlights},
		{query: "highlights", kind: highlights},
		// Kinds and text together: every word must hold.
		{query: "claim chancellor", kind: []string{"g2", "g4"}},
		{query: "question taiwan", text: []string{"b2"}},
		// Inside a word is not a name: "estio" is in question alone.
		{query: "estio", not: []string{"b2"}},
		{query: "ccur", not: []string{"b3", "b6", "c2", "e2"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := ids(ix.Search(tt.query, 0))
			want := len(tt.text) + len(tt.kind)
			if len(got) < want {
				t.Fatalf("got %v, want %v then %v", got, tt.text, tt.kind)
			}
			if head := got[:len(tt.text)]; !sameSet(head, tt.text) {
				t.Errorf("got %v, want %v first", got, tt.text)
			}
			if next := got[len(tt.text):want]; !sameSet(next, tt.kind) {
				t.Errorf("got %v, want %v after %v", got, tt.kind, tt.text)
			}
			for _, id := range tt.not {
				if slices.Contains(got, id) {
					t.Errorf("got %v, which has %s", got, id)
				}
			}
			if len(tt.kind) > 0 && len(got) != want && tt.query != "statistic" {
				t.Errorf("got %v, want only %v then %v", got, tt.text, tt.kind)
			}
		})
	}
}

// The kind fields count after any text: an exact kind word scores below a
// word's letters scattered in a title.
func TestKindRanksAfterText(t *testing.T) {
	weakest := (0.2 + 0.1*4/9) * fieldWeight[fTitle] // 4 letters scattered in a 9-letter word
	if kindWeight*(1+multiFieldBonus*2) >= weakest {
		t.Errorf("a kind match (%.3f) can outrank text (%.3f)", kindWeight, weakest)
	}
}

// Facet values forgive a typo as words do.
func TestFacetTypos(t *testing.T) {
	ix := newCorpusIndex()
	ix.Add(Doc{ID: "m1", Article: "x", Quote: "troops moved south", Tags: []string{"military"}})
	ix.Add(Doc{ID: "m2", Article: "x", Quote: "a naval base", Tags: []string{"military spending"}})
	tests := []struct {
		query string
		want  []string
	}{
		{"verdict:inacurate", []string{"b6"}},
		{"verdict:inaccurate", []string{"b6"}},
		{"verdict:acurate", []string{"b3", "c2", "e2"}},
		{"tag:militray", []string{"m1", "m2"}},
		{"tag:milit", []string{"m1", "m2"}},
		{"tag:econmy", []string{"g1", "g2", "g6", "g8"}},
		{"label:questoin", []string{"b2"}},
		{"label:evidnce", []string{"g7"}},
		{"type:statistc", []string{"b3", "g4", "c2"}},
		{"type:predicton", []string{"g2"}},
		{"article:zuirch", []string{"z1", "z2", "z3", "z4"}},
		{"is:cliam", []string{"b3", "b6", "g2", "g4", "c2", "e2"}},
		{"is:orphna", []string{"o1"}},
		// Not everything is one typo away.
		{"tag:tax", []string{"g3", "g5"}},
		{"tag:tex", nil}, // three letters: no typo but a swap
		{"verdict:xyz", nil},
		{"verdict:accurate is:claim tag:helth", nil},
	}
	for _, tt := range tests {
		got := ids(ix.Search(tt.query, 0))
		if !sameSet(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.query, got, tt.want)
		}
	}
}

// A claim's type and verdict names and its speaker and rationale are one
// line, as shown: a match in either part is marked where it is in it.
func TestClaimFieldHighlights(t *testing.T) {
	ix := newCorpusIndex()
	const line = "Cause and effect · Inaccurate · Antony Blinken"
	for _, tt := range []struct {
		query string
		want  string
	}{
		{"inaccurate", "Inaccurate"},
		{"antony", "Antony"},
		{"causal blinken", "Blinken"},
		{"inaccurate antony", "Inaccurate|Antony"},
	} {
		var got []string
		for _, r := range ix.Search(tt.query, 0) {
			if r.ID != "b6" {
				continue
			}
			for _, m := range r.Matches {
				if m.Field != FieldClaim {
					continue
				}
				if m.Text != line {
					t.Errorf("%s: claim text %q, want %q", tt.query, m.Text, line)
				}
				rs := []rune(m.Text)
				for _, rg := range m.Ranges {
					got = append(got, string(rs[rg[0]:rg[1]]))
				}
			}
		}
		if s := join(got); s != tt.want {
			t.Errorf("%s: marked %q, want %q", tt.query, s, tt.want)
		}
	}
}

func without(ids []string, drop ...string) []string {
	return slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return slices.Contains(drop, id) })
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += "|"
		}
		out += x
	}
	return out
}
