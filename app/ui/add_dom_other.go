//go:build !wasm

package ui

import (
	"errors"

	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Inert twins of add_dom_wasm.go, for the host's prerendering and native
// tests: there is no browser to fetch with, no network to watch and no
// clipboard.

func fetchAPI(path string) (int, []byte, error) {
	return 0, nil, errors.New("no browser")
}

func browserOnline() bool           { return true }
func watchOnline(ctx app.Context)   {}
func currentPath() string           { return "" }
func queryParam(name string) string { return "" }
func replaceAddress(path string)    {}
func listenPaste(ctx app.Context, id string, pasted func(app.Context, *article.Article, string)) func() {
	return func() {}
}
func listenAddDrop(ctx app.Context, zone, boxID string, limit int, dropped func(app.Context, droppedOnAdd)) func() {
	return func() {}
}
