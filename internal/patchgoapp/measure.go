package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/andybalholm/brotli"
)

// measure builds app.wasm as make build does (Go's output, the Makefile's
// compiler flags) with every patch, without each patch in turn, and with
// none, and prints each build's size raw and brotli-compressed, and how much
// larger it is than the build with every patch: what a patch buys. A patch
// whose absence does not build says so (Annotator needs it to compile).
func (r *repo) measure(w io.Writer) error {
	if r.base != r.version {
		return fmt.Errorf("the patches were made against go-app %s, go.mod requires %s: run `make go-app` first", r.base, r.version)
	}
	flags, err := run(r.root, "make", "-s", "--no-print-directory", "wasm-gcflags")
	if err != nil {
		return err
	}
	type variant struct {
		name string
		skip []string
	}
	all := make([]string, len(r.patches))
	variants := []variant{{name: "every patch"}}
	for i, p := range r.patches {
		all[i] = p.name
		variants = append(variants, variant{name: "without " + p.name, skip: []string{p.name}})
	}
	variants = append(variants, variant{name: "no patch (the release)", skip: all})

	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "app.wasm, go-app %s\traw bytes\tbrotli bytes\tthe patch saves, raw\tbrotli\t\n", r.version)
	var raw0, br0 int
	var w2 strings.Builder
	for i, v := range variants {
		raw, br, err := r.buildWasm(v.skip, strings.Fields(flags))
		if err != nil {
			fmt.Fprintf(tw, "%s\tdoes not build\t\t\t\t\n", v.name)
			fmt.Fprintf(&w2, "%s: %s\n", v.name, compileError(err.Error()))
			continue
		}
		if i == 0 {
			raw0, br0 = raw, br
			fmt.Fprintf(tw, "%s\t%d\t%d\t\t\t\n", v.name, raw, br)
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t\n", v.name, raw, br, raw-raw0, br-br0)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if w2.Len() > 0 {
		fmt.Fprintf(w, "\nBuilds that fail need the patch to compile Annotator:\n%s", w2.String())
	}
	return nil
}

// buildWasm builds app.wasm against the release patched without skip, and
// returns its size raw and brotli-compressed as the host serves it.
func (r *repo) buildWasm(skip, gcflags []string) (raw, br int, err error) {
	st, err := r.applied(r.version, skip...)
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(st)
	// A go.mod of its own whose replace points at this tree.
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(r.root, f))
		if err != nil {
			return 0, 0, err
		}
		if err := os.WriteFile(filepath.Join(st, ".annotator."+strings.TrimPrefix(f, "go.")), data, 0o644); err != nil {
			return 0, 0, err
		}
	}
	modfile := filepath.Join(st, ".annotator.mod")
	if _, err := run(r.root, "go", "mod", "edit", "-modfile="+modfile, "-replace="+modulePath+"="+st); err != nil {
		return 0, 0, err
	}
	wasm := filepath.Join(st, "app.wasm")
	args := append([]string{"build", "-modfile=" + modfile, "-trimpath", "-ldflags=-s -w"}, gcflags...)
	args = append(args, "-o", wasm, "./cmd/annotator")
	if _, err := runEnv(r.root, []string{"GOOS=js", "GOARCH=wasm"}, "go", args...); err != nil {
		return 0, 0, err
	}
	data, err := os.ReadFile(wasm)
	if err != nil {
		return 0, 0, err
	}
	var out bytes.Buffer
	bw := brotli.NewWriterLevel(&out, brotli.BestCompression)
	bw.Write(data)
	if err := bw.Close(); err != nil {
		return 0, 0, err
	}
	return len(data), out.Len(), nil
}

// compileError is the first compiler message of a failed build's output.
func compileError(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, ".go:") {
			return strings.TrimSpace(line)
		}
	}
	line, _, _ := strings.Cut(s, "\n")
	return line
}
