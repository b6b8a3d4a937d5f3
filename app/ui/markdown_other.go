//go:build !wasm

package ui

import (
	"errors"

	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// parseArticle parses a reader's file with article.Parse (in the browser,
// Markdown goes to a worker: markdown_wasm.go).
func parseArticle(ctx app.Context, id, name string, data []byte, done func(app.Context, *article.Article, error)) {
	a, err := article.Parse(id, name, data)
	done(ctx, a, err)
}

var errMarkdownUnavailable = errors.New("markdown reader unavailable")
