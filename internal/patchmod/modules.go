package main

import (
	"path"
	"strings"
)

// module is an upstream Go module that Annotator builds patched: go.mod
// replaces it with tree, which is its release (the version go.mod
// requires) less the files leftOut names, with the patch files of patches
// applied.
type module struct {
	name     string // how commands name it: make patch-files MODULE=go-app
	path     string // its module path
	treeDir  string // the generated tree, relative to Annotator's root
	patchDir string // the patch files and VERSION, relative to Annotator's root
	// leftOut says which of the release's files (by slash-separated path)
	// the tree leaves out; nil for none.
	leftOut func(rel string) bool
	// wasm is what its patches are for: measure builds it with and without
	// each of them.
	wasm *wasmBuild
}

// wasmBuild is one of the WebAssembly programs make build builds, as the
// Makefile builds it; measure rebuilds it with and without patches.
type wasmBuild struct {
	name    string // its file in web/
	pkg     string // its main package
	tags    string // its build tags, "" for none
	gcflags bool   // whether it is built with the Makefile's wasm-gcflags
}

var (
	appWasm      = &wasmBuild{name: "app.wasm", pkg: "./cmd/annotator", gcflags: true}
	markdownWasm = &wasmBuild{name: "markdown.wasm", pkg: "./cmd/markdown", tags: "markdown"}
)

// modules are the patched modules. Each says in its tree's PATCHES.md what
// each patch buys and how to check that a new release still needs it.
var modules = []*module{
	{
		name:     "go-app",
		path:     "github.com/maxence-charriere/go-app/v10",
		treeDir:  "third_party/go-app",
		patchDir: "third_party/go-app-patches",
		// go-app's documentation website: 26 MB of pages and images.
		leftOut: underTop("docs"),
		wasm:    appWasm,
	},
	{
		name:     "go-readability",
		path:     "codeberg.org/readeck/go-readability/v2",
		treeDir:  "third_party/go-readability",
		patchDir: "third_party/go-readability-patches",
		// test-pages/ is 30 MB of saved pages for upstream's tests, which
		// therefore stay out with them; cmd/ is a command-line tool and
		// scripts/ its maintainers' tools, with dependencies of their own;
		// the .re files are re2go's sources of internal/re2go's generated
		// .go files; the dot files and Makefile are upstream's CI and
		// tooling (a .gitignore in the tree would hide Annotator's files).
		leftOut: func(rel string) bool {
			return underTop("test-pages", "cmd", "scripts", "Makefile")(rel) || testOrDotFile(rel) || strings.HasSuffix(rel, ".re")
		},
		wasm: markdownWasm,
	},
	{
		name:     "go-shiori-dom",
		path:     "github.com/go-shiori/dom",
		treeDir:  "third_party/go-shiori-dom",
		patchDir: "third_party/go-shiori-dom-patches",
		// Upstream's CI configuration and .gitignore.
		leftOut: func(rel string) bool { return strings.HasPrefix(path.Base(rel), ".") },
		wasm:    markdownWasm,
	},
}

// underTop leaves out the release's top-level files and folders named.
func underTop(names ...string) func(rel string) bool {
	return func(rel string) bool {
		top, _, _ := strings.Cut(rel, "/")
		for _, n := range names {
			if top == n {
				return true
			}
		}
		return false
	}
}

// testOrDotFile: a Go test file, or a file or folder whose name starts
// with a dot.
func testOrDotFile(rel string) bool {
	base := path.Base(rel)
	return strings.HasSuffix(base, "_test.go") || strings.HasPrefix(base, ".")
}

// moduleNamed returns the module of that name.
func moduleNamed(name string) (*module, bool) {
	for _, m := range modules {
		if m.name == name {
			return m, true
		}
	}
	return nil, false
}

func moduleNames() string {
	var names []string
	for _, m := range modules {
		names = append(names, m.name)
	}
	return strings.Join(names, ", ")
}
