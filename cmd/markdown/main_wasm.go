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

// parse answers {version, article: the article as JSON} or {version,
// error: its kind (see article.ErrorKind), message: the error's text}.
// version is article.WireVersion. A file that makes the parser panic gets
// a message, and the worker lives on for the next.
func parse(_ js.Value, args []js.Value) (answer any) {
	defer func() {
		if r := recover(); r != nil {
			answer = failed("", "this Markdown file could not be read")
		}
	}()
	if len(args) < 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeObject {
		return failed("", "the Markdown worker was called wrongly")
	}
	data := make([]byte, args[1].Get("length").Int())
	js.CopyBytesToGo(data, args[1])
	a, err := article.ParseMarkdown(args[0].String(), data)
	if err != nil {
		return failed(article.ErrorKind(err), err.Error())
	}
	out, err := json.Marshal(a)
	if err != nil {
		return failed("", err.Error())
	}
	return map[string]any{"version": article.WireVersion, "article": string(out)}
}

func failed(kind, message string) map[string]any {
	return map[string]any{"version": article.WireVersion, "error": kind, "message": message}
}
