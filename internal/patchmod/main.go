// Command patchmod keeps each upstream module that Annotator builds patched
// (the table in modules.go) equal
// to its release patched by a series of patch files. For a module, go.mod
// replaces it with its tree, third_party/NAME; the patches are in
// third_party/NAME-patches. The patches are the source; the trees are
// generated and committed, so that building needs no step of its own.
// Each tree's PATCHES.md says what each patch buys. The Makefile runs this
// program (MODULE= names one module; without it, every module):
//
//	make patches [MODULE=name]       apply: rebuild the trees from the module
//	                                 cache (the versions go.mod requires) and
//	                                 the patches
//	make patch-files [MODULE=name]   diff: record edits made in the trees as
//	  [INTO=patch]                   patch files (INTO, with MODULE, puts
//	                                 files no patch owns yet into that patch,
//	                                 a new one if need be)
//	make patches-measure [MODULE=name]
//	                                 measure: build each WebAssembly program
//	                                 the patches are for without each patch
//	                                 in turn, and print what each saves, raw
//	                                 and brotli
//
// "check" reports whether the trees are what apply would make; the
// package's test runs it, so a tree and a series that disagree fail
// `go test ./...`.
//
// Each file belongs to at most one patch of its series, so that diff knows
// where an edit goes, and the patches apply in any order. VERSION in a patch
// folder is the release the patches were made against; when go.mod asks for
// another (an upgrade), apply rebases the patches onto it with a three-way
// merge and leaves conflict markers in the tree where they do not fit.
//
// It needs the go and git commands, and the module cache or the network.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
)

const usage = `usage: go run ./internal/patchmod apply | diff [-into NAME] | check | measure [MODULE...]

  apply     rebuild third_party/MODULE from its release (the version in
            go.mod, from the module cache) and third_party/MODULE-patches
  diff      turn third_party/MODULE's differences from its release back into
            the patch files; -into NAME takes the changed files that no
            patch owns yet (a new patch NNNN-NAME.patch unless one has that
            name), and needs MODULE
  check     say whether third_party/MODULE is what apply would make
  measure   build the WebAssembly program MODULE's patches are for with each
            patch left out, and print its gain

Without a MODULE, each command acts on every patched module: %s.
`

func main() {
	flag.Usage = func() { fmt.Fprintf(os.Stderr, usage, moduleNames()) }
	flag.Parse()
	if flag.NArg() < 1 {
		flag.Usage()
		os.Exit(2)
	}
	cmd := flag.Arg(0)
	fs := flag.NewFlagSet(cmd, flag.ExitOnError)
	fs.Usage = flag.Usage
	into := fs.String("into", "", "the patch that takes changed files no patch owns yet (diff)")
	fs.Parse(flag.Args()[1:])
	if *into != "" && (cmd != "diff" || fs.NArg() != 1) {
		fail(errors.New("-into (INTO=) takes the files of one module: name it (MODULE=)"))
	}
	chosen := modules
	if fs.NArg() > 0 {
		chosen = nil
		for _, name := range fs.Args() {
			m, ok := moduleNamed(name)
			if !ok {
				fail(fmt.Errorf("no patched module is named %q; they are %s", name, moduleNames()))
			}
			chosen = append(chosen, m)
		}
	}
	root, err := annotatorRoot()
	if err != nil {
		fail(err)
	}
	var all []*series
	for _, m := range chosen {
		s, err := open(root, m)
		if err != nil {
			fail(err)
		}
		all = append(all, s)
	}

	var errs []error
	switch cmd {
	case "apply":
		for _, s := range all {
			errs = append(errs, s.apply())
		}
	case "diff":
		for _, s := range all {
			errs = append(errs, s.diff(*into))
		}
	case "check":
		for _, s := range all {
			err := s.check()
			if err == nil {
				fmt.Printf("%s is %s %s with the patches of %s\n", s.treeDir, s.name, s.version, s.patchDir)
			}
			errs = append(errs, err)
		}
	case "measure":
		errs = append(errs, measureAll(root, all))
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err := errors.Join(errs...); err != nil {
		fail(err)
	}
}

// measureAll measures each WebAssembly program that the chosen series are
// for, with every module patched for it (not only the chosen ones), since
// one module's patch may need another's.
func measureAll(root string, chosen []*series) error {
	var wasms []*wasmBuild
	for _, s := range chosen {
		if !slices.Contains(wasms, s.wasm) {
			wasms = append(wasms, s.wasm)
		}
	}
	for i, wasm := range wasms {
		var group []*series
		for _, m := range modules {
			if m.wasm != wasm {
				continue
			}
			s, err := open(root, m)
			if err != nil {
				return err
			}
			group = append(group, s)
		}
		if i > 0 {
			fmt.Println()
		}
		if err := measure(os.Stdout, wasm, group); err != nil {
			return err
		}
	}
	return nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "patchmod:", err)
	os.Exit(1)
}
