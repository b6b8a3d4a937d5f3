//go:build wasm && !markdown

package article

import "errors"

// ErrMarkdownElsewhere is what ParseMarkdown returns in app.wasm.
var ErrMarkdownElsewhere = errors.New("Markdown is parsed by markdown.wasm in this build")

// ParseMarkdown only fails in app.wasm, which is built without the markdown
// tag: there a reader's .md file is parsed by markdown.wasm (cmd/markdown,
// built with -tags markdown) in a worker, so that goldmark, which
// markdown.go imports, is not in the code every reader downloads.
func ParseMarkdown(id string, data []byte) (*Article, error) {
	return nil, ErrMarkdownElsewhere
}
