//go:build !wasm

package main

import (
	"os/exec"
	"strings"
	"testing"
)

// notInMarkdownWasm are packages markdown.wasm must not import, and why:
// the service worker downloads it for every reader at install, so that
// their own files open offline.
var notInMarkdownWasm = []struct{ prefix, why string }{
	{"net/http", "the worker never fetches (the host does: app/host/fetch.go); go-readability is patched not to need it (third_party/go-readability/PATCHES.md): it was 346 KB of markdown.wasm's brotli download"},
	{"crypto", "any crypto/ package links Go's FIPS 140 module; hashes come from internal/shasum"},
	{"golang.org/x/text", "saved pages are decoded by the browser's TextDecoder (app/webpage/charset_wasm.go); x/text's legacy encodings and language tables were 334 KB of markdown.wasm's brotli download, and go-shiori/dom is patched not to link them (third_party/go-shiori-dom/PATCHES.md)"},
	{"golang.org/x/net/html/charset", "it links every x/text encoding: app/webpage finds a page's encoding itself (charset.go)"},
	{"github.com/gogs/chardet", "go-shiori/dom's charset detection, left out of WebAssembly by its patch (third_party/go-shiori-dom/PATCHES.md)"},
	{"mime", "a saved page has no Content-Type; app/webpage reads a charset parameter without it in the browser (24 KB brotli)"},
}

func TestMarkdownWasmImports(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to list markdown.wasm's packages")
	}
	cmd := exec.Command(goTool, "list", "-tags", "markdown", "-deps", ".")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	pkgs := strings.Fields(string(out))
	for _, pkg := range pkgs {
		for _, no := range notInMarkdownWasm {
			if pkg == no.prefix || strings.HasPrefix(pkg, no.prefix+"/") {
				t.Errorf("markdown.wasm imports %s: %s", pkg, no.why)
			}
		}
	}
	// What it is for, so that the list above is of the right program.
	for _, want := range []string{"github.com/yuin/goldmark/parser", "github.com/annotator/annotator/app/webpage"} {
		if !strings.Contains("\n"+string(out), "\n"+want+"\n") {
			t.Errorf("markdown.wasm does not import %s", want)
		}
	}
}
