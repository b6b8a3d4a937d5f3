//go:build !wasm

package host

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
)

// SharePath is the page that receives what a reader shares to the
// installed app (the Web Share Target's action): /share?title=&text=&url=.
// The app adds the article and opens it (app/ui). The host serves the
// app's page there; the static site has share/index.html.
const SharePath = "/share"

// shareTarget is the manifest's share_target: a GET of SharePath with the
// shared title, text and address as query parameters. GET needs no service
// worker code to receive it, so it works offline too: the worker answers
// the navigation with the app's page, and the app reads the address.
var shareTarget = map[string]any{
	"action":  SharePath,
	"method":  "GET",
	"enctype": "application/x-www-form-urlencoded",
	"params": map[string]string{
		"title": "title",
		"text":  "text",
		"url":   "url",
	},
}

// manifestJSON is go-app's web app manifest with Annotator's share_target
// added. go-app's Handler has no field for it; adding it here, where the
// host already adapts go-app's app.js (appjs.go), costs a dozen lines,
// where a patch of go-app's manifest code would be one more patch to carry
// through every go-app upgrade. The static build takes the manifest from
// the host, so it has the share target too.
func manifestJSON(goapp []byte) ([]byte, error) {
	var m map[string]any
	if err := json.Unmarshal(goapp, &m); err != nil {
		return nil, err
	}
	m["share_target"] = shareTarget
	return json.Marshal(m)
}

// serveManifest serves the manifest (manifestJSON).
func (h *Host) serveManifest(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	h.app.ServeHTTP(rec, r)
	body := rec.Body.Bytes()
	if rec.Code == http.StatusOK {
		out, err := manifestJSON(body)
		if err != nil {
			h.logger.Printf("manifest: %v", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		body = out
		rec.Header().Set("Content-Length", strconv.Itoa(len(body)))
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(body)
}
