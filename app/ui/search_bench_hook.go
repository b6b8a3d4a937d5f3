//go:build !wasm || searchbench

package ui

import (
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// The search benchmark's hook (e2e/search_bench_test.go): on a page opened
// with ?searchbench=1 it fills the store or the index with a generated
// corpus (search_corpus.go) and times each keystroke. It is in app.wasm
// only when built with -tags searchbench, as the benchmark builds it:
// readers never download it. Natively it is always built, for the Go
// benchmarks of app/ui.

// startBench registers the hook (window.annotatorSearchBench).
func startBench() {
	benchMode = true
	registerBench(benchSeed, benchIndex, benchSize)
}

// benchSeed writes n generated annotations to the store, spread over the
// bundled articles (the benchmark then reloads the page).
func benchSeed(n int) string {
	var ids []string
	for _, s := range ws.bundled {
		ids = append(ids, s.ID)
	}
	if len(ids) == 0 {
		ids = []string{"bench-0"}
	}
	byArticle := map[string][]annotation.Annotation{}
	for _, a := range corpusAnnotations(n, ids) {
		byArticle[a.Article] = append(byArticle[a.Article], a)
	}
	for id, list := range byArticle {
		if err := ws.Store().PutMany(id, list); err != nil {
			return err.Error()
		}
	}
	return ""
}

// benchIndex replaces the search index with n generated annotations held in
// memory only (100,000 do not fit in localStorage) and returns the build
// time in milliseconds.
func benchIndex(n int) float64 {
	ids, titles := corpusTitles(200)
	byArticle := map[string][]annotation.Annotation{}
	for _, a := range corpusAnnotations(n, ids) {
		byArticle[a.Article] = append(byArticle[a.Article], a)
	}
	t0 := time.Now()
	walk, size := walkOf(byArticle)
	x := newAnnotationIndex(walk, size, titles, nil, nil, nil)
	x.built = time.Since(t0)
	x.generated = true
	searchIdx = x
	return float64(x.built.Microseconds()) / 1000
}

// benchSize is the number of annotations in the search index.
func benchSize() int {
	if searchIdx == nil {
		return 0
	}
	return searchIdx.ix.Len()
}
