package searchindex

import (
	"testing"

	"github.com/annotator/annotator/internal/searchcorpus"
)

// BenchmarkIndexBuild10k builds the index of 10,000 annotations, as the
// search box's first use does.
func BenchmarkIndexBuild10k(b *testing.B) {
	articles, titles := searchcorpus.Titles(2)
	walk, n := WalkMap(byArticle(searchcorpus.Annotations(10_000, articles)))
	b.ReportAllocs()
	for b.Loop() {
		New(walk, n, titles, nil, nil, nil)
	}
}

// BenchmarkSearch10k searches 10,000 annotations as a reader types.
func BenchmarkSearch10k(b *testing.B) {
	articles, titles := searchcorpus.Titles(2)
	walk, n := WalkMap(byArticle(searchcorpus.Annotations(10_000, articles)))
	x := New(walk, n, titles, nil, nil, nil)
	qs := []string{"g", "go", "gov", "e", "ec", "eco", "econ", "q", "qz", "qzx"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		x.SearchDeferred(qs[i%len(qs)], 50)
	}
}
