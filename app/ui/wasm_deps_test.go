package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestWasmLeavesOutFlate: app.wasm makes share links with the browser's own
// DEFLATE; compress/flate (183 KB of app.wasm) must not come back into its
// imports (see app/share/doc.go).
func TestWasmLeavesOutFlate(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go tool is not on PATH: cannot list app.wasm's packages")
	}
	cmd := exec.Command(gobin, "list", "-deps", "./cmd/annotator")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "compress/flate" {
			t.Errorf("app.wasm imports compress/flate again: share links use the browser's CompressionStream (go list -deps shows what brings it)")
		}
	}
}
