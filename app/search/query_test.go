package search

import (
	"reflect"
	"testing"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want Query
	}{
		{"", Query{}},
		{"   ", Query{}},
		{"Inflation  Forecast", Query{Words: []string{"inflation", "forecast"}}},
		{"Café Zürich", Query{Words: []string{"cafe", "zurich"}}},
		{"tag:economy", Query{Tags: []string{"economy"}}},
		{"TAG:Économie gov", Query{Tags: []string{"economie"}, Words: []string{"gov"}}},
		{`tag:"climate change" coal`, Query{Tags: []string{"climate change"}, Words: []string{"coal"}}},
		{"label:question type:statistic verdict:inaccurate article:blinken",
			Query{Labels: []string{"question"}, Types: []string{"statistic"}, Verdicts: []string{"inaccurate"}, Articles: []string{"blinken"}}},
		{"is:orphan is:claim", Query{Orphan: true, Claim: true}},
		{"is:claims", Query{Claim: true}},
		{"is:pretty", Query{Words: []string{"is", "pretty"}}}, // unknown is: value → text
		{"foo:bar", Query{Words: []string{"foo", "bar"}}},     // unknown facet → text
		{"tag:", Query{Words: []string{"tag"}}},               // empty value → text
		{"http://example.com", Query{Words: []string{"http", "example", "com"}}},
		{`"phase down" coal`, Query{Phrases: []Phrase{{Words: []string{"phase", "down"}}}, Words: []string{"coal"}}},
		{`“Phase Down”`, Query{Phrases: []Phrase{{Words: []string{"phase", "down"}}}}},
		{`"rising pri`, Query{Phrases: []Phrase{{Words: []string{"rising", "pri"}, Open: true}}}},
		{`""`, Query{}},
		{`tag:"open ended`, Query{Tags: []string{"open ended"}}},
		{"2.4% rise", Query{Words: []string{"2.4", "rise"}}},
	}
	for _, tt := range tests {
		got := ParseQuery(tt.in)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseQuery(%q) =\n %+v\nwant\n %+v", tt.in, got, tt.want)
		}
	}
}

func TestSearchEmpty(t *testing.T) {
	ix := newCorpusIndex()
	for _, q := range []string{"", "  ", `""`, "…", "--"} {
		if got := ix.Search(q, 10); got != nil {
			t.Errorf("Search(%q) = %v, want nil", q, ids(got))
		}
	}
}

func TestAddReplaceRemove(t *testing.T) {
	ix := NewIndex()
	ix.Add(Doc{ID: "a", Quote: "inflation is falling"})
	ix.Add(Doc{ID: "b", Quote: "inflation is rising"})
	if ix.Len() != 2 {
		t.Fatalf("Len = %d", ix.Len())
	}
	ix.Add(Doc{ID: "a", Quote: "unemployment is falling"}) // replaces a
	if got := ids(ix.Search("inflation", 0)); !reflect.DeepEqual(got, []string{"b"}) {
		t.Errorf("after replace: %v", got)
	}
	if got := ids(ix.Search("unemp", 0)); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("after replace: %v", got)
	}
	ix.Remove("b")
	ix.Remove("missing")
	if got := ix.Search("inflation", 0); len(got) != 0 {
		t.Errorf("after remove: %v", ids(got))
	}
	if ix.Len() != 1 {
		t.Fatalf("Len = %d", ix.Len())
	}
	// Enough removals to compact; what is left is still found.
	for i := range 3000 {
		ix.Add(Doc{ID: string(rune('a'+i%26)) + string(rune(i)), Quote: "filler text"})
	}
	for i := range 3000 {
		ix.Remove(string(rune('a'+i%26)) + string(rune(i)))
	}
	if got := ids(ix.Search("unemployment", 0)); !reflect.DeepEqual(got, []string{"a"}) || ix.Len() != 1 {
		t.Errorf("after compaction: %v, Len %d", got, ix.Len())
	}
	if len(ix.entries) > 1024 {
		t.Errorf("not compacted: %d entries", len(ix.entries))
	}
}

// TestKeystrokes types queries letter by letter: reusing the previous word's
// candidates must give the same results as a fresh index would.
func TestKeystrokes(t *testing.T) {
	typed := newCorpusIndex()
	for _, q := range []string{"goverment", "cliam", "annotattion", "zurich rents", "diplomasy talks", `"phase down"`} {
		for i := 1; i <= len(q); i++ {
			fresh := newCorpusIndex()
			got, want := typed.Search(q[:i], 0), fresh.Search(q[:i], 0)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: typed %v, fresh %v", q[:i], ids(got), ids(want))
			}
		}
	}
}
