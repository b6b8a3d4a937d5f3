//go:build wasm

package main

import "github.com/annotator/annotator/app/ui"

// In the browser there is no host library and nothing to serve.
func openLibrary() ui.ServerLibrary { return nil }
func serve(ui.ServerLibrary)        {}
