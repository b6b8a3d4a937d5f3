//go:build !wasm

package ui

import (
	"github.com/annotator/annotator/app/share"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The host and native tests have no browser: these twins of link_wasm.go
// use compress/flate (share.DeflateRaw, share.InflateRaw), which writes and
// reads the same raw DEFLATE, and answer at once.

func deflateRaw(ctx app.Context, data []byte, done func(app.Context, []byte, error)) {
	done(ctx, share.DeflateRaw(data), nil)
}

func inflateRaw(ctx app.Context, deflated []byte, limit int, done func(app.Context, []byte, error)) {
	data, err := share.InflateRaw(deflated)
	if len(data) > limit {
		data = data[:limit]
	}
	done(ctx, data, err)
}
