package ui

import (
	"errors"
	"fmt"

	"github.com/annotator/annotator/app/article"
)

// The host's article library, read over HTTP with getJSON: the browser's
// fetch in app.wasm (fetch_wasm.go, which keeps net/http out of it),
// net/http natively (fetch_other.go).

// maxJSONBytes bounds a library or article document.
const maxJSONBytes = 8 << 20

// errNoArticle is getJSON's answer to a 404.
var errNoArticle = errors.New("no such article")

// fetchLibrary reads the bundled library index. It runs off the UI goroutine.
func fetchLibrary() ([]article.Summary, error) {
	var out []article.Summary
	err := getJSON("/api/library.json", &out)
	return out, err
}

// fetchArticle reads one bundled article. It runs off the UI goroutine.
func fetchArticle(id string) (*article.Article, error) {
	var a article.Article
	if err := getJSON("/api/articles/"+id+".json", &a); err != nil {
		return nil, err
	}
	if a.ID != id || article.HashText(a.Text) != a.Hash {
		return nil, fmt.Errorf("article %s arrived damaged", id)
	}
	return &a, nil
}
