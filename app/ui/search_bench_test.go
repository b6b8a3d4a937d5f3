//go:build !wasm || searchbench

package ui

import (
	"testing"

	"github.com/annotator/annotator/app/annotation"
)

func BenchmarkIndexBuild10k(b *testing.B) {
	ids, titles := corpusTitles(2)
	byArticle := map[string][]annotation.Annotation{}
	for _, a := range corpusAnnotations(10_000, ids) {
		byArticle[a.Article] = append(byArticle[a.Article], a)
	}
	b.ReportAllocs()
	for b.Loop() {
		walk, n := walkOf(byArticle)
		newAnnotationIndex(walk, n, titles, nil, nil, nil)
	}
}

func BenchmarkSearchAndViews10k(b *testing.B) {
	ids, titles := corpusTitles(2)
	byArticle := map[string][]annotation.Annotation{}
	for _, a := range corpusAnnotations(10_000, ids) {
		byArticle[a.Article] = append(byArticle[a.Article], a)
	}
	walk, n := walkOf(byArticle)
	x := newAnnotationIndex(walk, n, titles, nil, nil, nil)
	qs := []string{"g", "go", "gov", "e", "ec", "eco", "econ", "q", "qz", "qzx"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		rs, _ := x.search(qs[i%len(qs)], maxResults)
		resultViews(rs, x.doc)
	}
}
