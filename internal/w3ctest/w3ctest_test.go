package w3ctest

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// The checker passes the valid examples and fails the invalid ones.
func TestCheckerExamples(t *testing.T) {
	valid, _ := filepath.Glob(filepath.Join("testdata", "w3c", "examples", "valid", "*.json"))
	if len(valid) == 0 {
		t.Fatal("no valid examples")
	}
	Check(t, -1, valid...)

	invalid, _ := filepath.Glob(filepath.Join("testdata", "w3c", "examples", "invalid", "*.json"))
	checker, schemas := Checker(t)
	for _, f := range invalid {
		out, err := exec.Command(checker, "-schemas", schemas, f).CombinedOutput()
		if err == nil {
			t.Errorf("%s passed the checker:\n%s", f, out)
		}
	}
}
