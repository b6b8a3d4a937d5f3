//go:build wasm

package app

// fileServer is empty in the browser: nothing is served there, and leaving
// net/http out keeps crypto/tls, crypto/x509 and math/big out of app.wasm
// (annotator patch; see resource_fs.go).
type fileServer interface{}

func newFileServer(string) fileServer { return nil }
