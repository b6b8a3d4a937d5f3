//go:build wasm && markdown

package main

import (
	"encoding/json"
	"syscall/js"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/htmlblocks"
	"github.com/annotator/annotator/app/webpage"
)

// main offers annotatorParseFile(id, bytes, name) to the worker's script
// and waits for its calls.
func main() {
	js.Global().Set("annotatorParseFile", js.FuncOf(parse))
	select {}
}

// parse reads a reader's file by its name: a web page (.html, .htm,
// .xhtml) with webpage.Extract, anything else as Markdown. It answers
// {version, article: the article as JSON} or {version, error: its kind
// (see article.ErrorKind), message: the error's text}. version is
// article.WireVersion. A file that makes a parser panic gets a message,
// and the worker lives on for the next.
func parse(_ js.Value, args []js.Value) (answer any) {
	defer func() {
		if r := recover(); r != nil {
			answer = failed("", "this file could not be read")
		}
	}()
	if len(args) < 3 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeObject || args[2].Type() != js.TypeString {
		return failed("", "the file reader was called wrongly")
	}
	data := make([]byte, args[1].Get("length").Int())
	js.CopyBytesToGo(data, args[1])
	id, name := args[0].String(), args[2].String()
	var a *article.Article
	var err error
	if htmlblocks.IsPage(name) {
		a, err = webpage.Extract(id, data, webpage.Page{})
	} else {
		a, err = article.ParseMarkdown(id, data)
	}
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
