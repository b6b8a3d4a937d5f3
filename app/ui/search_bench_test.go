package ui

import (
	"testing"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/searchindex"
	"github.com/annotator/annotator/internal/searchcorpus"
)

// BenchmarkSearchAndViews10k is a keystroke's work in Go: the search over
// 10,000 annotations and the views of its results (drawing them is the
// browser's, measured by make bench).
func BenchmarkSearchAndViews10k(b *testing.B) {
	ids, titles := searchcorpus.Titles(2)
	byArticle := map[string][]annotation.Annotation{}
	for _, a := range searchcorpus.Annotations(10_000, ids) {
		byArticle[a.Article] = append(byArticle[a.Article], a)
	}
	walk, n := searchindex.WalkMap(byArticle)
	x := searchindex.New(walk, n, titles, nil, nil, nil)
	qs := []string{"g", "go", "gov", "e", "ec", "eco", "econ", "q", "qz", "qzx"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		rs, _ := x.Search(qs[i%len(qs)], maxResults)
		resultViews(rs, x.Doc)
	}
}
