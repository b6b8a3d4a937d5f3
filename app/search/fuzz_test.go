package search

import (
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"tag:economy gov", `"phase down" is:claim`, `tag:"a b`, "foo:bar:baz", "“x”", "é:é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		for _, w := range q.Words {
			if w == "" {
				t.Fatalf("empty word from %q", s)
			}
		}
	})
}

func FuzzSearch(f *testing.F) {
	f.Add("Rents in Zürich rose 6 per cent", "cafe\u0301 ß", "zurich")
	f.Add("‘A’ 🤝 “b”", "Straße", "strasse")
	f.Add("a", "b", `"a b`)
	f.Fuzz(func(t *testing.T, quote, note, query string) {
		ix := NewIndex()
		ix.Add(Doc{ID: "1", Quote: quote, Note: note, Tags: []string{note}, Modified: time.Unix(1, 0)})
		ix.Add(Doc{ID: "2", Quote: note, Note: quote})
		for _, r := range ix.Search(query, 5) {
			for _, m := range r.Matches {
				n := utf8.RuneCountInString(m.Text)
				last := -1
				for _, rg := range m.Ranges {
					if rg[0] < 0 || rg[1] > n || rg[0] >= rg[1] || rg[0] <= last {
						t.Fatalf("bad range %v in %q (%d code points) for %q: %v", rg, m.Text, n, query, m.Ranges)
					}
					last = rg[1]
				}
			}
		}
	})
}
