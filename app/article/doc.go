// Package article owns an article: its metadata, its blocks of plain text, its
// canonical text (the blocks joined by a blank line), the content hash of that
// text, and the parsing of .txt and .md files into it.
//
// Every offset in the program counts Unicode code points into the canonical
// text, so this package fixes that text once: whitespace inside a block is
// collapsed to single spaces (as a browser shows it) and no other character is
// changed. Article text is data, never markup: markup in a .txt file stays
// literal text, and raw HTML in a .md file is dropped.
//
// The package is plain Go (no go-app, no syscall/js) and builds for js/wasm.
// Its Markdown parser (markdown.go, with goldmark) is built natively and,
// for js/wasm, only with the markdown tag: app.wasm leaves it out and
// hands a reader's .md file to markdown.wasm (cmd/markdown) in a worker,
// whose build has the tag. Without the tag ParseMarkdown fails with
// ErrMarkdownElsewhere.
package article
