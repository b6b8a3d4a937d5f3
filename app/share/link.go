package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

// EncodeLink returns the URL fragment ("#import=…") that carries anns on art:
// their W3C collection, compressed with DEFLATE and base64url-encoded. The
// fragment is never sent to a server.
func EncodeLink(anns []annotation.Annotation, art *article.Article) (string, error) {
	if art == nil {
		return "", ErrNothingToExport
	}
	if n := len(live(anns)); n > MaxLinkAnns {
		return "", fmt.Errorf("a link can carry at most %d annotations, not %d; export a W3C file instead", MaxLinkAnns, n)
	}
	c := buildCollection("urn:annotator:link", "", []Item{{art, anns}})
	data, err := json.Marshal(c)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression) // the level is valid
	w.Write(data)
	if err := w.Close(); err != nil {
		return "", err
	}
	frag := LinkPrefix + base64.RawURLEncoding.EncodeToString(buf.Bytes())
	if len(frag) > MaxLinkChars {
		return "", ErrLinkTooLong
	}
	return frag, nil
}

// DecodeLink returns the W3C JSON a share-link fragment carries, to be given
// to ParseImport (with LinkImportSource as its file name). The fragment may
// come with or without its "#". Inflating stops at MaxLinkInflated bytes:
// a link that would inflate further is refused.
func DecodeLink(fragment string) ([]byte, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	payload, ok := strings.CutPrefix(fragment, strings.TrimPrefix(LinkPrefix, "#"))
	if !ok {
		return nil, errors.New("this link carries no annotations")
	}
	if len(payload) > maxLinkFragment {
		return nil, errors.New("this link is too long to be a share link")
	}
	compressed, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(payload, "="))
	if err != nil {
		return nil, errors.New("this link is damaged (it may have been cut short when copied)")
	}
	r := flate.NewReader(bytes.NewReader(compressed))
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, MaxLinkInflated+1))
	if err != nil {
		return nil, errors.New("this link is damaged (it may have been cut short when copied)")
	}
	if len(data) > MaxLinkInflated {
		return nil, errors.New("this link holds more than a share link may (over 1 MiB); it was refused")
	}
	return data, nil
}
