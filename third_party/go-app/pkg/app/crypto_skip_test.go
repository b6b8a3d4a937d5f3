package app

import (
	"runtime"
	"testing"
)

// skipWithoutEncryption skips a test of encrypted state in the browser
// build, which has none (Annotator patch, crypto_wasm.go).
func skipWithoutEncryption(t *testing.T) {
	t.Helper()
	if runtime.GOARCH == "wasm" {
		t.Skip("encrypted state is not built into the wasm build (Annotator patch, PATCHES.md)")
	}
}
