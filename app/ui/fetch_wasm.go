//go:build wasm

package ui

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// getJSON reads a JSON document of the host with the browser's fetch. Go's
// net/http would do the same through the Fetch API, but it brings its whole
// client and TLS stack into app.wasm (about 3 MB of code). It must not run on
// the UI goroutine: it waits for the browser's promise.
func getJSON(path string, v any) error {
	status, data, err := fetchHost(path, "default")
	if err != nil {
		return fmt.Errorf("the library could not be reached: %w", err)
	}
	switch status {
	case 200:
		return json.Unmarshal(data, v)
	case 404:
		return errNoArticle
	default:
		return fmt.Errorf("the library answered %d", status)
	}
}

// fetchHost GETs path from the host with the browser's fetch and the
// cache mode given ("default", or "no-store" for what must not come from
// a cache), and returns the status and the body of any status (at most
// maxJSONBytes), or an error when no answer came (offline, the host down).
// It must not run on the UI goroutine: it waits for the browser's promise.
func fetchHost(path, cache string) (status int, body []byte, err error) {
	type result struct {
		status int
		data   []byte
		err    error
	}
	done := make(chan result, 1)
	var onResponse, onBody, onError app.Func
	onError = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "network error"
		if len(args) > 0 {
			msg = app.Window().Get("String").Invoke(args[0]).String()
		}
		done <- result{status: status, err: errors.New(msg)}
		return nil
	})
	onBody = app.FuncOf(func(this app.Value, args []app.Value) any {
		buf := app.Window().Get("Uint8Array").New(args[0])
		n := buf.Get("length").Int()
		if n > maxJSONBytes {
			done <- result{status: status, err: fmt.Errorf("%s is over %d bytes", path, maxJSONBytes)}
			return nil
		}
		data := make([]byte, n)
		app.CopyBytesToGo(data, buf)
		done <- result{status: status, data: data}
		return nil
	})
	onResponse = app.FuncOf(func(this app.Value, args []app.Value) any {
		status = args[0].Get("status").Int()
		args[0].Call("arrayBuffer").Call("then", onBody, onError)
		return nil
	})
	app.Window().Call("fetch", path, map[string]any{"cache": cache}).Call("then", onResponse, onError)
	r := <-done
	onResponse.Release()
	onBody.Release()
	onError.Release()
	return r.status, r.data, r.err
}
