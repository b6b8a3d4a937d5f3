//go:build !wasm

package host

import (
	"net/http"

	"github.com/klauspost/compress/gzhttp"
)

// compressedTypes are the answers worth compressing on the fly: the pages
// (prerendered, with the whole article), the style sheet, the scripts, the
// JSON of the API and the manifest, the SVG icon. app.wasm and
// markdown.wasm are not among them: they are compressed once at build time
// (Precompress) and served with their own Content-Encoding, which gzhttp
// leaves alone in any case.
var compressedTypes = []string{
	"text/html",
	"text/css",
	"text/javascript",
	"application/javascript",
	"application/json",
	"application/manifest+json",
	"text/plain",
	"text/markdown",
	"image/svg+xml",
}

// Compressed gzips h's text answers for clients that accept gzip. On a
// phone's slow link this is most of the first paint: the style sheet is
// 46 KB and 10 KB gzipped, an article's prerendered page 3 to 5 times its
// compressed size, and both are on the path to the first paint. Only gzip:
// every browser takes it, and zstd's encoder would be one more for a few
// per cent. A compressed answer's ETag gets "-gzip" added, so that it never
// matches the plain answer's.
func Compressed(h http.Handler) http.Handler {
	wrap, err := gzhttp.NewWrapper(
		gzhttp.ContentTypes(compressedTypes),
		gzhttp.EnableZstd(false),
		gzhttp.SuffixETag("-gzip"),
	)
	if err != nil {
		panic(err) // the options are constants: a mistake in this file
	}
	return wrap(h)
}
