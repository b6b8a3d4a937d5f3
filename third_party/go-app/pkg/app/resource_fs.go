//go:build !wasm

package app

import "net/http"

// fileServer is what a LocalDir resolver embeds to serve its directory: an
// http.Handler, so that Handler serves the resources itself (http.go checks
// Resources.(http.Handler)). Split out of resource.go (annotator patch) so
// that the wasm build does not import net/http.
type fileServer = http.Handler

func newFileServer(directory string) fileServer {
	return http.FileServer(http.Dir(directory))
}
