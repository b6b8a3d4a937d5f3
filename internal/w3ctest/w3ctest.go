// Package w3ctest runs the W3C Web Annotation conformance checker in tests:
// every W3C export must pass it (app/annotation, app/share, e2e).
//
// The checker is w3ccheck, which runs the MUST assertions of the W3C test
// suite's own JSON Schemas. It is a small Go module of its own, kept
// unchanged in testdata/w3c (copied from the team's shared test material;
// testdata/w3c/README.md says what it checks and testdata/w3c/schemas/SOURCE.txt
// where the schemas come from), so that it runs on any clone. Being a
// separate module under testdata/, it adds nothing to this module's
// dependencies: Check builds it with the go tool once per test binary,
// which fetches its one dependency (a JSON Schema validator) like any other
// module.
package w3ctest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var (
	once   sync.Once
	bin    string
	failed string
)

// dir is this package's testdata/w3c, found from the module root above
// the test's working directory (not from this file's compiled-in path,
// which -trimpath makes relative).
func dir(t testing.TB) string {
	t.Helper()
	d, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for !fileExists(filepath.Join(d, "go.mod")) {
		parent := filepath.Dir(d)
		if parent == d {
			t.Fatal("w3ctest: no go.mod above the test's folder")
		}
		d = parent
	}
	return filepath.Join(d, "internal", "w3ctest", "testdata", "w3c")
}

// Checker builds the checker once per test binary and returns its path and
// the schemas folder it takes with -schemas.
func Checker(t testing.TB) (checker, schemas string) {
	t.Helper()
	w3c := dir(t)
	once.Do(func() {
		tmp, err := os.MkdirTemp("", "w3ccheck")
		if err != nil {
			failed = err.Error()
			return
		}
		out := filepath.Join(tmp, "w3ccheck")
		cmd := exec.Command("go", "build", "-o", out, ".")
		cmd.Dir = filepath.Join(w3c, "cmd", "w3ccheck")
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if msg, err := cmd.CombinedOutput(); err != nil {
			failed = "cannot build the W3C checker: " + err.Error() + "\n" + string(msg)
			return
		}
		bin = out
	})
	if failed != "" {
		t.Fatal(failed)
	}
	return bin, filepath.Join(w3c, "schemas")
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Check runs the checker on files and fails the test unless it checked
// annotations annotations (a negative number: any) and all of them passed.
func Check(t testing.TB, annotations int, files ...string) {
	t.Helper()
	checker, schemas := Checker(t)
	out, err := exec.Command(checker, append([]string{"-schemas", schemas}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("the W3C checker failed (%v):\n%s", err, out)
	}
	want := " annotations, 0 failed"
	if annotations >= 0 {
		want = "checked " + strconv.Itoa(annotations) + want
	}
	if !strings.Contains(string(out), want) {
		t.Errorf("the W3C checker said:\n%s\nwant %q", out, want)
	}
}
