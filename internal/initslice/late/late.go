// Package late is initslice's second cut in the start of app.wasm: it
// imports app/search (and so is initialised after it) and, in
// WebAssembly, yields to the browser in its init.
package late

import (
	_ "github.com/annotator/annotator/app/search"
	"github.com/annotator/annotator/internal/initslice"
)

func init() { initslice.Yield() }
