//go:build wasm && searchbench

package ui

import (
	"strings"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/searchindex"
	"github.com/annotator/annotator/app/store"
	"github.com/annotator/annotator/internal/searchcorpus"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The search benchmark's hook (e2e/search_bench_test.go). It is in app.wasm
// only when built with -tags searchbench, as the benchmark builds it:
// readers never download it, nor the corpus it generates
// (internal/searchcorpus). On a page opened with ?searchbench=1 it makes
// window.annotatorSearchBench callable, and has each search recorded in
// the performance timeline.

// startBench registers the hook when the page asks for it.
func startBench() {
	if !strings.Contains(app.Window().Get("location").Get("search").String(), "searchbench=1") {
		return
	}
	ws.benchMode = true
	if app.Window().Get("annotatorSearchBench").Truthy() {
		return
	}
	// seed(n) writes n generated annotations to the store (the benchmark
	// then reloads the page); index(n) replaces the search index with n
	// generated annotations held in memory only (100,000 do not fit in
	// localStorage) and returns the build time in milliseconds; size() is
	// the number of annotations in the index.
	obj := app.Window().Get("Object").New()
	obj.Set("seed", app.FuncOf(func(this app.Value, args []app.Value) any {
		return benchSeed(args[0].Int())
	}))
	obj.Set("index", app.FuncOf(func(this app.Value, args []app.Value) any {
		return benchIndex(args[0].Int())
	}))
	obj.Set("size", app.FuncOf(func(this app.Value, args []app.Value) any {
		if !ws.search.Built() {
			return 0
		}
		x, _ := ws.search.Index()
		return x.Len()
	}))
	app.Window().Set("annotatorSearchBench", obj)
}

// benchSeed writes n generated annotations to the store, spread over the
// bundled articles.
func benchSeed(n int) string {
	var ids []string
	for _, s := range ws.bundled {
		ids = append(ids, s.ID)
	}
	if len(ids) == 0 {
		ids = []string{"bench-0"}
	}
	if err := ws.Store().Apply(store.Batch{Annotations: byArticle(searchcorpus.Annotations(n, ids))}); err != nil {
		return err.Error()
	}
	return ""
}

// benchIndex replaces the search index with n generated annotations and
// returns the build time in milliseconds.
func benchIndex(n int) float64 {
	ids, titles := searchcorpus.Titles(200)
	walk, size := searchindex.WalkMap(byArticle(searchcorpus.Annotations(n, ids)))
	x := searchindex.New(walk, size, titles, nil, nil, nil)
	ws.search.Replace(x)
	return float64(x.Built.Microseconds()) / 1000
}

func byArticle(list []annotation.Annotation) map[string][]annotation.Annotation {
	out := map[string][]annotation.Annotation{}
	for _, a := range list {
		out[a.Article] = append(out[a.Article], a)
	}
	return out
}
