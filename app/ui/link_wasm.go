//go:build wasm

package ui

import (
	"errors"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Share links are compressed with the browser's own raw DEFLATE
// (CompressionStream/DecompressionStream("deflate-raw")), the format
// compress/flate writes and reads, so app.wasm need not carry compress/flate.
// See app/share/doc.go.

// deflateRaw compresses data with raw DEFLATE; done runs on the UI goroutine.
func deflateRaw(ctx app.Context, data []byte, done func(app.Context, []byte, error)) {
	streamBytes("CompressionStream", data, 0, func(out []byte, err error) {
		ctx.Dispatch(func(ctx app.Context) { done(ctx, out, err) })
	})
}

// inflateRaw inflates raw DEFLATE, reading at most limit bytes of it; done
// runs on the UI goroutine with what was read, and an error if the stream
// failed before limit bytes.
func inflateRaw(ctx app.Context, deflated []byte, limit int, done func(app.Context, []byte, error)) {
	streamBytes("DecompressionStream", deflated, limit, func(out []byte, err error) {
		ctx.Dispatch(func(ctx app.Context) { done(ctx, out, err) })
	})
}

// streamPiece is how many bytes are written into a stream at a time. A
// stream transforms one piece only once its reader has taken the output of
// the one before, and DEFLATE inflates at most about 1032 times: however
// its bytes were made, a link costs at most about 1 MiB past the limit
// before the stream is cancelled.
const streamPiece = 1 << 10

// streamBytes pipes in through a new ctor("deflate-raw") and gives done
// (from a JS callback: it must not block) the output, at most limit bytes
// of it when limit > 0, reading chunk by chunk and cancelling the stream
// once it has limit bytes.
func streamBytes(ctor string, in []byte, limit int, done func([]byte, error)) {
	win := app.Window()
	stream, err := newStream(ctor)
	if err != nil {
		done(nil, err)
		return
	}
	// Boolean is a function of the page that does nothing harmful: it takes
	// the rejections of writes and of the cancel, which the reader sees too
	// (or which come after the end), without a Go callback to release.
	quiet := win.Get("Boolean")
	writer := stream.Get("writable").Call("getWriter")
	reader := stream.Get("readable").Call("getReader")
	for off := 0; off < len(in); off += streamPiece {
		piece := in[off:min(off+streamPiece, len(in))]
		arr := win.Get("Uint8Array").New(len(piece))
		app.CopyBytesToJS(arr, piece)
		writer.Call("write", arr).Call("catch", quiet)
	}
	writer.Call("close").Call("catch", quiet)

	var out []byte
	var next, fail app.Func
	finish := func(err error) {
		next.Release()
		fail.Release()
		done(out, err)
	}
	next = app.FuncOf(func(this app.Value, args []app.Value) any {
		r := args[0]
		if r.Get("done").Bool() {
			finish(nil)
			return nil
		}
		chunk := r.Get("value")
		n := chunk.Get("length").Int()
		if limit > 0 {
			n = min(n, limit-len(out))
		}
		at := len(out)
		out = append(out, make([]byte, n)...)
		app.CopyBytesToGo(out[at:], chunk)
		if limit > 0 && len(out) >= limit {
			reader.Call("cancel").Call("catch", quiet)
			finish(nil)
			return nil
		}
		reader.Call("read").Call("then", next, fail)
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "the stream failed"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		finish(errors.New(msg))
		return nil
	})
	reader.Call("read").Call("then", next, fail)
}

// errNoStreams means the browser cannot do raw DEFLATE itself
// (Chromium 103, Firefox 113 and Safari 16.4 can).

// newStream makes ctor("deflate-raw"), or says why it cannot: an older
// browser lacks the constructor, or throws on the format.
func newStream(ctor string) (stream app.Value, err error) {
	c := app.Window().Get(ctor)
	if !c.Truthy() {
		return nil, errNoStreams
	}
	defer func() {
		if r := recover(); r != nil {
			stream, err = nil, fmt.Errorf("%w (%v)", errNoStreams, r)
		}
	}()
	return c.New("deflate-raw"), nil
}
