// Package sharedtest finds the project's shared test material, ../shared
// beside the module root: the anchoring vectors, the seed article and the
// W3C checker. A user's clone has no ../shared, so a test that needs it is
// skipped with a message; under CI=true it fails instead, since CI always
// has it.
package sharedtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// Missing skips the test with msg, or fails it when CI=true.
func Missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (CI=true: the shared test material must be there)")
	}
	t.Skip(msg)
}

// ModuleRoot is the folder holding go.mod, found upwards from the test's
// working directory.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above " + dir)
		}
		dir = parent
	}
}

// Dir returns ../shared beside the module root.
func Dir(t testing.TB) string {
	t.Helper()
	shared := filepath.Join(filepath.Dir(ModuleRoot(t)), "shared")
	if fi, err := os.Stat(shared); err != nil || !fi.IsDir() {
		Missing(t, "the shared test material is not beside the checkout: "+shared)
	}
	return shared
}

// Read returns a file of the shared material, by its path inside it.
func Read(t testing.TB, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(Dir(t), rel))
	if err != nil {
		Missing(t, "shared test data missing: "+err.Error())
	}
	return data
}

var (
	checkerOnce sync.Once
	checkerBin  string
	checkerErr  string
)

// W3CChecker builds ../shared/w3c's checker once per test binary and returns
// its path and the schemas folder it takes with -schemas.
func W3CChecker(t testing.TB) (bin, schemas string) {
	t.Helper()
	w3c := filepath.Join(Dir(t), "w3c")
	checkerOnce.Do(func() {
		dir, err := os.MkdirTemp("", "w3ccheck")
		if err != nil {
			checkerErr = err.Error()
			return
		}
		bin := filepath.Join(dir, "w3ccheck")
		cmd := exec.Command("go", "build", "-o", bin, ".")
		cmd.Dir = filepath.Join(w3c, "cmd", "w3ccheck")
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			checkerErr = "cannot build the W3C checker: " + err.Error() + "\n" + string(out)
			return
		}
		checkerBin = bin
	})
	if checkerErr != "" {
		Missing(t, checkerErr)
	}
	return checkerBin, filepath.Join(w3c, "schemas")
}
