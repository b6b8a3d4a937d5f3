//go:build wasm && !markdown

package main

import "os"

// Without the markdown tag app/article has no Markdown parser, so this
// build only says how to make the right one (make build does).
func main() {
	os.Stderr.WriteString("markdown.wasm must be built with -tags markdown\n")
	os.Exit(1)
}
