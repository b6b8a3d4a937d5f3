//go:build !wasm

package ui

import (
	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// parseArticle parses a reader's file with article.Parse (in the browser,
// Markdown goes to a worker: markdown_wasm.go).
func parseArticle(ctx app.Context, id, name string, data []byte, done func(app.Context, *article.Article, error)) {
	a, err := article.Parse(id, name, data)
	done(ctx, a, err)
}

// markdownProblem: natively Markdown is parsed in-process and cannot fail
// on its own.
func markdownProblem(error) string { return "" }

// prepareMarkdown: natively there is no worker to start.
func prepareMarkdown() {}
