package ui

import (
	"errors"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/share"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// makeShareLink gives done (on the UI goroutine) the fragment
// ("#import=…") that carries anns on art, or why there is none: the steps
// of share.EncodeLink, with the browser's own DEFLATE in app.wasm.
func makeShareLink(ctx app.Context, anns []annotation.Annotation, art *article.Article, done func(app.Context, string, error)) {
	data, err := share.LinkJSON(anns, art)
	if err != nil {
		done(ctx, "", err)
		return
	}
	deflateRaw(ctx, data, func(ctx app.Context, deflated []byte, err error) {
		if err != nil {
			done(ctx, "", err)
			return
		}
		frag, err := share.LinkFragment(deflated)
		done(ctx, frag, err)
	})
}

// readShareLink gives done (on the UI goroutine) the W3C JSON a share-link
// fragment carries, or why it cannot be read, with share.DecodeLink's
// checks and messages: inflating stops at share.MaxLinkInflated+1 bytes.
func readShareLink(ctx app.Context, fragment string, done func(app.Context, []byte, error)) {
	deflated, err := share.LinkDeflated(fragment)
	if err != nil {
		done(ctx, nil, err)
		return
	}
	inflateRaw(ctx, deflated, share.MaxLinkInflated+1, func(ctx app.Context, data []byte, err error) {
		if errors.Is(err, errNoStreams) {
			done(ctx, nil, err)
			return
		}
		data, err = share.LinkInflated(data, err)
		done(ctx, data, err)
	})
}

// errNoStreams is the answer of a browser without CompressionStream and
// DecompressionStream, which share links need (link_wasm.go).
var errNoStreams = errors.New("this browser cannot make or read share links; update it, or exchange a W3C file instead")
