//go:build !wasm

package share

import (
	"bytes"
	"compress/flate"
	"io"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// This file is the native way to make and read share links, with
// compress/flate. It is not built for WebAssembly: app.wasm leaves
// compression to the browser (CompressionStream), which is 164 KB less to
// download. Both write and read the same raw DEFLATE.

// EncodeLink returns the URL fragment ("#import=…") that carries anns on art:
// their W3C collection, compressed with DEFLATE and base64url-encoded.
func EncodeLink(anns []annotation.Annotation, art *article.Article) (string, error) {
	data, err := LinkJSON(anns, art)
	if err != nil {
		return "", err
	}
	return LinkFragment(DeflateRaw(data))
}

// DecodeLink returns the W3C JSON a share-link fragment carries, to be given
// to ParseImport (with LinkImportSource as its file name). The fragment may
// come with or without its "#". Inflating stops at MaxLinkInflated bytes:
// a link that would inflate further is refused.
func DecodeLink(fragment string) ([]byte, error) {
	deflated, err := LinkDeflated(fragment)
	if err != nil {
		return nil, err
	}
	return LinkInflated(InflateRaw(deflated))
}

// DeflateRaw compresses data with raw DEFLATE at the best compression.
func DeflateRaw(data []byte) []byte {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression) // the level is valid
	w.Write(data)                                        // a bytes.Buffer does not fail
	w.Close()
	return buf.Bytes()
}

// InflateRaw inflates raw DEFLATE, reading at most MaxLinkInflated+1 bytes,
// for LinkInflated.
func InflateRaw(deflated []byte) ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(deflated))
	defer r.Close()
	return io.ReadAll(io.LimitReader(r, MaxLinkInflated+1))
}
