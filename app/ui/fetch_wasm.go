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
	data, status, err := fetchBytes(path, maxJSONBytes)
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

// fetchBytes GETs path and returns the body of a 200 answer (at most limit
// bytes) and the status.
func fetchBytes(path string, limit int) ([]byte, int, error) {
	type result struct {
		data   []byte
		status int
		err    error
	}
	done := make(chan result, 1)
	status := 0
	var onResponse, onBody, onError app.Func
	onError = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "network error"
		if len(args) > 0 {
			msg = app.Window().Get("String").Invoke(args[0]).String()
		}
		done <- result{err: errors.New(msg)}
		return nil
	})
	onBody = app.FuncOf(func(this app.Value, args []app.Value) any {
		buf := app.Window().Get("Uint8Array").New(args[0])
		n := buf.Get("length").Int()
		if n > limit {
			done <- result{err: fmt.Errorf("%s is over %d bytes", path, limit)}
			return nil
		}
		data := make([]byte, n)
		app.CopyBytesToGo(data, buf)
		done <- result{data: data, status: status}
		return nil
	})
	onResponse = app.FuncOf(func(this app.Value, args []app.Value) any {
		res := args[0]
		status = res.Get("status").Int()
		if status != 200 {
			done <- result{status: status}
			return nil
		}
		res.Call("arrayBuffer").Call("then", onBody, onError)
		return nil
	})
	app.Window().Call("fetch", path).Call("then", onResponse, onError)
	r := <-done
	onResponse.Release()
	onBody.Release()
	onError.Release()
	return r.data, r.status, r.err
}
