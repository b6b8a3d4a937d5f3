//go:build !wasm && !e2efetch

package host

import (
	"net/http"
	"testing"
)

// The host readers run ignores the end-to-end tests' setting: only a
// binary built with -tags e2efetch reads it (fetch_e2e.go).
func TestReleaseIgnoresE2EFetchServer(t *testing.T) {
	p := serve(t, htmlPage(readPage(t, "news-article.html")))
	t.Setenv("ANNOTATOR_E2E_FETCH_SERVER", p.addr().String())
	if _, ok := e2eFetchServer(); ok {
		t.Fatal("this build reads ANNOTATOR_E2E_FETCH_SERVER")
	}
	f := WithFetch(http.NotFoundHandler(), FetchConfig{Enabled: true})
	ask(t, f, p.URL+"/").refused(t, http.StatusForbidden, codeForbidden, "this computer")
	if p.hits.Load() != 0 {
		t.Errorf("the page was fetched")
	}
}
