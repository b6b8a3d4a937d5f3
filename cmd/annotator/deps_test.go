//go:build !wasm

package main

import (
	"os/exec"
	"strings"
	"testing"
)

// notInAppWasm are packages app.wasm must not import, and why: every reader
// downloads and compiles app.wasm before the app starts.
var notInAppWasm = []struct{ prefix, why string }{
	{"github.com/yuin/goldmark", "Markdown is parsed in a worker by markdown.wasm (cmd/markdown); goldmark made app.wasm 1.45 MB larger (raw)"},
	{"codeberg.org/readeck/go-readability", "saved web pages are read in a worker by markdown.wasm (cmd/markdown), fetched ones by the host (app/webpage)"},
	{"golang.org/x/net/html", "app.wasm parses no HTML: pasted HTML goes through the browser's DOMParser (app/htmlblocks), saved pages through markdown.wasm"},
	{"github.com/annotator/annotator/app/webpage", "it is readability and an HTML parser: markdown.wasm and the host use it, app.wasm uses app/htmlblocks"},
	{"compress/flate", "share links are compressed with the browser's CompressionStream (app/share/doc.go); compress/flate was 164 KB of app.wasm"},
	{"net/http", "the app fetches with the browser's fetch (app/ui/fetch_wasm.go); go-app is patched not to need it (third_party/go-app/PATCHES.md)"},
	{"crypto", "any crypto/ package links Go's FIPS 140 module (346 KB of app.wasm); hashes come from internal/shasum, ids from math/rand/v2, and go-app is patched (third_party/go-app/PATCHES.md)"},
}

func TestAppWasmImports(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to list app.wasm's packages")
	}
	cmd := exec.Command(goTool, "list", "-deps", ".")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, no := range notInAppWasm {
			if pkg == no.prefix || strings.HasPrefix(pkg, no.prefix+"/") {
				t.Errorf("app.wasm imports %s: %s", pkg, no.why)
			}
		}
	}
}
