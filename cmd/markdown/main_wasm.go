//go:build wasm && markdown

package main

import (
	"encoding/json"
	"syscall/js"

	"github.com/annotator/annotator/app/article"
)

// main offers annotatorParseMarkdown(id, bytes) to the worker's script and
// waits for its calls.
func main() {
	js.Global().Set("annotatorParseMarkdown", js.FuncOf(parse))
	select {}
}

// parse answers {article: the article as JSON} or {error: its kind (see
// article.ErrorKind), message: the error's text}.
func parse(_ js.Value, args []js.Value) any {
	if len(args) < 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeObject {
		return map[string]any{"error": "", "message": "the Markdown worker was called wrongly"}
	}
	data := make([]byte, args[1].Get("length").Int())
	js.CopyBytesToGo(data, args[1])
	a, err := article.ParseMarkdown(args[0].String(), data)
	if err != nil {
		return map[string]any{"error": article.ErrorKind(err), "message": err.Error()}
	}
	out, err := json.Marshal(a)
	if err != nil {
		return map[string]any{"error": "", "message": err.Error()}
	}
	return map[string]any{"article": string(out)}
}
