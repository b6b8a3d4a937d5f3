//go:build !wasm

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoMarkupSinks: no file of the app's UI writes HTML strings into the
// page; everything untrusted reaches it as text nodes and attribute values
// (docs/security.md).
func TestNoMarkupSinks(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "createContextualFragment", "DOMParser", "app.Raw(", `Get("document").Call("write`} {
			if strings.Contains(string(data), bad) {
				t.Errorf("%s uses %s: the page is written as text and attributes only", f, bad)
			}
		}
	}
}
