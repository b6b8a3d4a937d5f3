package search

import (
	"fmt"
	"testing"
)

// SearchTotal counts every match while building only the top results.
func TestSearchTotal(t *testing.T) {
	ix := NewIndex()
	for i := range 30 {
		ix.Add(Doc{ID: fmt.Sprint(i), Article: "a", Quote: "the budget vote", Tags: []string{fmt.Sprint("t", i%3)}})
	}
	for _, c := range []struct {
		q            string
		limit, shown int
		total        int
	}{
		{"budget", 20, 20, 30}, {"budget", 0, 30, 30}, {"tag:t1", 5, 5, 10}, {"qzx", 20, 0, 0}, {"", 20, 0, 0},
	} {
		rs, total := ix.SearchTotal(ParseQuery(c.q), c.limit)
		if len(rs) != c.shown || total != c.total {
			t.Errorf("%q limit %d: %d shown of %d, want %d of %d", c.q, c.limit, len(rs), total, c.shown, c.total)
		}
	}
}
