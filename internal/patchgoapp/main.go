// Command patchgoapp keeps third_party/go-app, the go-app that Annotator
// builds with (go.mod's replace), equal to the released module patched by
// the series of patch files in third_party/go-app-patches. The patches are
// the source; the tree is generated and committed, so that building needs
// no step of its own. third_party/go-app/PATCHES.md says what each patch
// buys; the Makefile runs this program:
//
//	make go-app            apply: rebuild third_party/go-app from the module
//	                       cache (the version go.mod requires) and the patches
//	make go-app-patches    diff: record edits made in third_party/go-app as
//	                       patch files (INTO=name puts files no patch owns
//	                       yet into that patch, a new one if need be)
//	make go-app-measure    measure: build app.wasm without each patch in turn
//	                       and print what each saves, raw and brotli
//
// "check" reports whether the tree is what apply would make; the package's
// test runs it, so a tree and a series that disagree fail `go test ./...`.
//
// Each file belongs to at most one patch, so that diff knows where an edit
// goes, and the patches apply in any order. VERSION in the patch folder is
// the go-app version the patches were made against; when go.mod asks for
// another (an upgrade), apply rebases the patches onto it with a three-way
// merge and leaves conflict markers in the tree where they do not fit.
//
// It needs the go and git commands, and the module cache or the network.
package main

import (
	"flag"
	"fmt"
	"os"
)

const usage = `usage: go run ./internal/patchgoapp apply | diff [-into NAME] | check | measure

  apply     rebuild third_party/go-app from go-app's release (the version in
            go.mod, from the module cache) and third_party/go-app-patches
  diff      turn third_party/go-app's differences from the release back into
            the patch files; -into NAME takes the changed files that no
            patch owns yet (a new patch NNNN-NAME.patch unless one has that name)
  check     say whether third_party/go-app is what apply would make
  measure   build app.wasm with each patch left out, and print its gain
`

func main() {
	flag.Usage = func() { fmt.Fprint(os.Stderr, usage) }
	flag.Parse()
	if flag.NArg() < 1 {
		flag.Usage()
		os.Exit(2)
	}
	r, err := open()
	if err != nil {
		fail(err)
	}
	switch cmd, args := flag.Arg(0), flag.Args()[1:]; cmd {
	case "apply":
		err = r.apply()
	case "diff":
		fs := flag.NewFlagSet("diff", flag.ExitOnError)
		into := fs.String("into", "", "the patch that takes changed files no patch owns yet")
		fs.Parse(args)
		err = r.diff(*into)
	case "check":
		err = r.check()
		if err == nil {
			fmt.Printf("%s is go-app %s with the patches of %s\n", treeDir, r.version, patchDir)
		}
	case "measure":
		err = r.measure(os.Stdout)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "patchgoapp:", err)
	os.Exit(1)
}
