package share

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// Share link limits: a link carries a small set, and a link's content may
// never inflate past MaxLinkInflated however it was made.
const (
	LinkPrefix       = "#import="
	MaxLinkAnns      = 50
	MaxLinkChars     = 8000
	MaxLinkInflated  = 1 << 20 // 1 MiB
	maxLinkFragment  = 64 << 10
	LinkImportSource = "share link"
)

// ErrLinkTooLong means the annotations do not fit in a link; export a file.
var ErrLinkTooLong = errors.New("these annotations are too long to share as a link; export a W3C file instead")

// ErrLinkDamaged means a link's bytes do not decode or do not inflate.
var ErrLinkDamaged = errors.New("this link is damaged (it may have been cut short when copied)")

// errLinkTooBig means a link inflates past MaxLinkInflated.
var errLinkTooBig = errors.New("this link holds more than a share link may (over 1 MiB); it was refused")

// A share link is "#import=<base64url(deflate-raw(W3C JSON))>". Making one
// and reading one are each three steps, so that the middle one, raw DEFLATE
// (RFC 1951), can be done by whoever does it best: the browser's own
// CompressionStream/DecompressionStream("deflate-raw") in app.wasm, or
// compress/flate natively (EncodeLink and DecodeLink, link_flate.go).
//
//	data, err := LinkJSON(anns, art)   // checks MaxLinkAnns
//	frag, err := LinkFragment(deflate(data)) // checks MaxLinkChars: ErrLinkTooLong
//
//	deflated, err := LinkDeflated(fragment) // the prefix, the length, base64
//	data, err := LinkInflated(inflate(deflated, MaxLinkInflated+1)) // ErrLinkDamaged, over 1 MiB

// LinkJSON returns the W3C collection a share link for anns on art carries,
// before compression.
func LinkJSON(anns []annotation.Annotation, art *article.Article) ([]byte, error) {
	if art == nil {
		return nil, ErrNothingToExport
	}
	if n := len(live(anns)); n > MaxLinkAnns {
		return nil, fmt.Errorf("a link can carry at most %d annotations, not %d; export a W3C file instead", MaxLinkAnns, n)
	}
	return json.Marshal(buildCollection("urn:annotator:link", "", []Item{{Article: art, Annotations: anns}}, nil))
}

// LinkFragment returns the URL fragment ("#import=…") that carries deflated,
// LinkJSON's output compressed with raw DEFLATE, base64url-encoded. The
// fragment is never sent to a server. A fragment over MaxLinkChars is
// refused with ErrLinkTooLong.
func LinkFragment(deflated []byte) (string, error) {
	frag := LinkPrefix + base64.RawURLEncoding.EncodeToString(deflated)
	if len(frag) > MaxLinkChars {
		return "", ErrLinkTooLong
	}
	return frag, nil
}

// LinkDeflated returns the raw DEFLATE bytes a share-link fragment carries.
// The fragment may come with or without its "#".
func LinkDeflated(fragment string) ([]byte, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	payload, ok := strings.CutPrefix(fragment, strings.TrimPrefix(LinkPrefix, "#"))
	if !ok {
		return nil, errors.New("this link carries no annotations")
	}
	if len(payload) > maxLinkFragment {
		return nil, errors.New("this link is too long to be a share link")
	}
	deflated, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(payload, "="))
	if err != nil {
		return nil, ErrLinkDamaged
	}
	return deflated, nil
}

// LinkInflated checks what inflating a link's bytes gave: data is what was
// inflated, read up to MaxLinkInflated+1 bytes and no further, and err is
// why inflating failed before that, if it did. It returns the W3C JSON, to
// be given to ParseImport (with LinkImportSource as its file name).
func LinkInflated(data []byte, err error) ([]byte, error) {
	if len(data) > MaxLinkInflated {
		return nil, errLinkTooBig
	}
	if err != nil {
		return nil, ErrLinkDamaged
	}
	return data, nil
}
