//go:build !wasm

package main

import (
	"os"
	"os/exec"
	"regexp"
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
	{"github.com/annotator/annotator/internal/searchcorpus", "the search benchmark's generated corpus is built into app.wasm only with -tags searchbench (app/ui/search_bench_hook.go)"},
	{"golang.org/x/text", "the text-fragment tests' reference matcher folds case with it (app/share/fragment_test.go); the app's own folding is app/search/fold.go"},
	{"github.com/rivo/uniseg", "the text-fragment tests' reference matcher splits words with it (app/share/fragment_test.go)"},
	{"github.com/klauspost/compress", "the host gzips its answers with it (app/host/compress.go); the browser decompresses them"},
	{"github.com/pierrec/lz4", "the reference LZ4 checks internal/lz4 in tests only; it would add 94 KB to app.wasm"},
	{"github.com/annotator/annotator/internal/realistic", "the benchmarks' generator embeds 575 KB of prose that no reader needs"},
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

// layers are the packages of app/, lowest first: each may import only
// those before it, and only those marked may know go-app (store only in
// its browser adapter, built for wasm). docs/architecture.md draws them.
var layers = []struct {
	pkg    string
	goApp  bool // may import go-app
	native bool // may import go-app natively too, not only in app.wasm
}{
	{"app/article", false, false},
	{"app/htmlblocks", false, false},
	{"app/webpage", false, false},
	{"app/anchor", false, false},
	{"app/annotation", false, false},
	{"app/search", false, false},
	{"app/searchindex", false, false},
	{"app/store", true, false},
	{"app/share", false, false},
	{"app/host", true, true},
	{"app/ui", true, true},
}

func TestLayers(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to list imports")
	}
	const module = "github.com/annotator/annotator/"
	rank := map[string]int{}
	for i, l := range layers {
		rank[module+l.pkg] = i + 1
	}
	for _, wasm := range []bool{false, true} {
		cmd := exec.Command(goTool, "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"app/...")
		if wasm {
			cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list: %v\n%s", err, out)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			f := strings.Fields(line)
			r := rank[f[0]]
			if r == 0 {
				t.Errorf("%s is not in the layers of deps_test.go (and docs/architecture.md)", f[0])
				continue
			}
			l := layers[r-1]
			for _, imp := range f[1:] {
				if ir := rank[imp]; strings.HasPrefix(imp, module+"app/") && (ir == 0 || ir >= r) {
					t.Errorf("%s imports %s, which is not below it", l.pkg, strings.TrimPrefix(imp, module))
				}
				if strings.HasPrefix(imp, "github.com/maxence-charriere/go-app/") && (!l.goApp || (!wasm && !l.native)) {
					t.Errorf("%s imports go-app (wasm build: %v): only the ui, the host and store's browser adapter may", l.pkg, wasm)
				}
			}
		}
	}
}

// TestArchitectureDiagram checks that the picture of the packages in
// docs/architecture.md draws exactly the imports among app/ packages.
func TestArchitectureDiagram(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to list imports")
	}
	doc, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	_, diagram, ok := strings.Cut(string(doc), "```mermaid")
	diagram, _, _ = strings.Cut(diagram, "```")
	if !ok {
		t.Fatal("docs/architecture.md has no mermaid diagram")
	}
	// Nodes are named "short[app/pkg]" once, then by their short name.
	names := map[string]string{}
	node := regexp.MustCompile(`(\w+)\[(app/\w+)\]`)
	for _, m := range node.FindAllStringSubmatch(diagram, -1) {
		names[m[1]] = m[2]
	}
	drawn := map[string]bool{}
	edge := regexp.MustCompile(`(?m)^\s*(\w+)(?:\[[^\]]*\])? --> (\w+)`)
	for _, m := range edge.FindAllStringSubmatch(diagram, -1) {
		drawn[names[m[1]]+" -> "+names[m[2]]] = true
	}
	const module = "github.com/annotator/annotator/"
	imports := map[string]bool{}
	for _, env := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		cmd := exec.Command(goTool, "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"app/...")
		cmd.Env = append(cmd.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list: %v\n%s", err, out)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			f := strings.Fields(line)
			for _, imp := range f[1:] {
				if strings.HasPrefix(imp, module+"app/") {
					imports[strings.TrimPrefix(f[0], module)+" -> "+strings.TrimPrefix(imp, module)] = true
				}
			}
		}
	}
	for e := range imports {
		if !drawn[e] {
			t.Errorf("docs/architecture.md does not draw %s", e)
		}
	}
	for e := range drawn {
		if !imports[e] {
			t.Errorf("docs/architecture.md draws %s, which is not an import", e)
		}
	}
}
