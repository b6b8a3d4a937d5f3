//go:build !wasm

package ui

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// getJSON reads a JSON document of the host. Natively (tests, tools) it
// uses net/http; in the browser fetch_wasm.go uses the browser's fetch, which
// keeps net/http and its TLS stack out of app.wasm.
func getJSON(path string, v any) error {
	res, err := http.Get(absoluteURL(path))
	if err != nil {
		return fmt.Errorf("the library could not be reached: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode == http.StatusNotFound {
		return errNoArticle
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("the library answered %s", res.Status)
	}
	data, err := io.ReadAll(io.LimitReader(res.Body, maxJSONBytes))
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}
