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

// measure builds wasm as make build does (Go's output, the Makefile's flags
// for it) with every patch of the modules patched for it (group), without
// each patch in turn, and with none, and prints each build's size raw and
// brotli-compressed, and how much larger it is than the build with every
// patch: what a patch buys. A build that fails says so: Annotator, or
// another patch, needs the patch left out to compile.
func measure(w io.Writer, wasm *wasmBuild, group []*series) error {
	if len(group) == 0 {
		return fmt.Errorf("no module is patched for %s", wasm.name)
	}
	root := group[0].root
	var versions []string
	for _, s := range group {
		if s.base != s.version {
			return fmt.Errorf("the patches of %s were made against %s, go.mod requires %s: run `%s` first", s.name, s.base, s.version, s.applyCmd())
		}
		versions = append(versions, s.name+" "+s.version)
	}
	var flags []string
	if wasm.gcflags {
		out, err := run(root, "make", "-s", "--no-print-directory", "wasm-gcflags")
		if err != nil {
			return err
		}
		flags = strings.Fields(out)
	}
	if wasm.tags != "" {
		flags = append(flags, "-tags", wasm.tags)
	}

	// A variant leaves out, of each series, the patches it names.
	type variant struct {
		name string
		skip map[*series][]string
	}
	variants := []variant{{name: "every patch"}}
	none := variant{name: "no patch (the releases)", skip: map[*series][]string{}}
	for _, s := range group {
		for _, p := range s.patches {
			variants = append(variants, variant{name: "without " + s.name + " " + p.name, skip: map[*series][]string{s: {p.name}}})
			none.skip[s] = append(none.skip[s], p.name)
		}
	}
	if len(variants) > 2 { // with one patch, "without it" is the release
		variants = append(variants, none)
	}

	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s, %s\traw bytes\tbrotli bytes\tthe patch saves, raw\tbrotli\t\n", wasm.name, strings.Join(versions, ", "))
	var raw0, br0 int
	var failed strings.Builder
	for i, v := range variants {
		raw, br, err := buildWasm(root, wasm, flags, group, v.skip)
		if err != nil {
			fmt.Fprintf(tw, "%s\tdoes not build\t\t\t\t\n", v.name)
			fmt.Fprintf(&failed, "%s: %s\n", v.name, compileError(err.Error()))
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
	if failed.Len() > 0 {
		fmt.Fprintf(w, "\nBuilds that fail need the patch left out to compile (Annotator's code or another patch calls what it adds or keeps):\n%s", failed.String())
	}
	return nil
}

// buildWasm builds wasm with each module of group replaced by its release
// patched without the patches skip names for it, the other modules as
// go.mod says, and returns its size raw and brotli-compressed as the host
// serves it.
func buildWasm(root string, wasm *wasmBuild, flags []string, group []*series, skip map[*series][]string) (raw, br int, err error) {
	tmp, err := os.MkdirTemp("", "patchmod-measure-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(tmp)
	// A go.mod of its own whose replaces point at the staged trees.
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return 0, 0, err
		}
		if err := os.WriteFile(filepath.Join(tmp, "annotator."+strings.TrimPrefix(f, "go.")), data, 0o644); err != nil {
			return 0, 0, err
		}
	}
	modfile := filepath.Join(tmp, "annotator.mod")
	for _, s := range group {
		st, err := s.applied(s.version, skip[s]...)
		if err != nil {
			return 0, 0, err
		}
		defer os.RemoveAll(st)
		if _, err := run(root, "go", "mod", "edit", "-modfile="+modfile, "-replace="+s.path+"="+st); err != nil {
			return 0, 0, err
		}
	}
	out := filepath.Join(tmp, wasm.name)
	args := append([]string{"build", "-modfile=" + modfile, "-trimpath", "-ldflags=-s -w"}, flags...)
	args = append(args, "-o", out, wasm.pkg)
	if _, err := runEnv(root, []string{"GOOS=js", "GOARCH=wasm"}, "go", args...); err != nil {
		return 0, 0, err
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return 0, 0, err
	}
	var compressed bytes.Buffer
	bw := brotli.NewWriterLevel(&compressed, brotli.BestCompression)
	bw.Write(data)
	if err := bw.Close(); err != nil {
		return 0, 0, err
	}
	return len(data), compressed.Len(), nil
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
