// Command annotator is the whole program. Built for js/wasm it is the app
// that runs in the reader's browser; built natively it is the host that
// serves it (server.go).
package main

import (
	"github.com/annotator/annotator/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	lib := openLibrary() // nil in the browser
	ui.Register(lib)
	app.RunWhenOnBrowser()
	serve(lib)
}
