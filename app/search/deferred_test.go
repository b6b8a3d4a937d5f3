package search

import (
	"reflect"
	"testing"
)

// SearchDeferred finds what SearchTotal finds, and its Highlighter builds
// the same highlights, also after the index changed in between.
func TestSearchDeferred(t *testing.T) {
	docs := benchDocs(2_000)
	ix := NewIndex()
	for _, d := range docs {
		ix.Add(d)
	}
	qs := append(benchQueries(), `"the budget"`, `"minister of`, "tag:econ gov", "tag:health", "gov tax", "")
	for _, q := range qs {
		pq := ParseQuery(q)
		want, wantTotal := ix.SearchTotal(pq, 20)
		got, total, h := ix.SearchDeferred(pq, 20)
		if total != wantTotal || len(got) != len(want) {
			t.Fatalf("%q: %d of %d, want %d of %d", q, len(got), total, len(want), wantTotal)
		}
		for i := range got {
			if got[i].Matches != nil {
				t.Fatalf("%q: deferred result has matches", q)
			}
			got[i].Matches = h.Matches(got[i].ID)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: deferred\n%v\nwant\n%v", q, got, want)
		}
	}
	// The index changes between the search and the highlights.
	pq := ParseQuery("gover")
	want, _ := ix.SearchTotal(pq, 5)
	got, _, h := ix.SearchDeferred(pq, 5)
	ix.Add(Doc{ID: "new", Quote: "a governor and a new word zyzzyva"})
	ix.Remove(got[1].ID)
	for i := range got {
		got[i].Matches = h.Matches(got[i].ID)
	}
	want[1].Matches = nil // removed
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after a change: deferred\n%v\nwant\n%v", got, want)
	}
}
