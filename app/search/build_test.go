package search

import (
	"slices"
	"testing"
)

// FuzzAddASCII checks that the one-pass ASCII path of building the index
// finds the same words as folding and splitting do.
func FuzzAddASCII(f *testing.F) {
	for _, s := range []string{"Rents rose 2.4 per cent, to 1,000.", "A.B,C 1.2.3 ,5 5, x9.y", "", "...", "GOV.UK's 3,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		ix := NewIndex()
		ix.addASCII(fQuote, 0, s)
		var got []string
		for _, id := range ix.seqBuf[:ix.seqLen] {
			got = append(got, ix.words[id])
		}
		if want := words(Fold(s)); !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
			t.Fatalf("%q: one pass %q, fold and split %q", s, got, want)
		}
	})
}
