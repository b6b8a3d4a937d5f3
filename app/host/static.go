//go:build !wasm

package host

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// StaticReport says what WriteStatic wrote.
type StaticReport struct {
	Dir      string
	Files    int
	Bytes    int64
	Articles int
	Version  string
}

// WriteStatic writes the whole app into dir as plain files that any static
// host (a CDN, object storage, GitHub Pages) serves as the complete app:
//
//	index.html                      the library, prerendered
//	read/{id}/index.html            each article, prerendered with its text
//	share/index.html                the page that receives what a reader
//	                                shares to the installed app (manifest.go)
//	404.html                        the app page for an unknown address: a
//	                                reader's own article (/read/local-…)
//	                                opens in it on hosts that serve 404.html
//	api/library.json                the library index
//	api/articles/{id}.json          each article
//	app.js, app-worker.js, wasm_exec.js, app.css, manifest.webmanifest
//	web/                            app.wasm and markdown.wasm, each with
//	                                its .br and .gz, the Markdown worker's
//	                                script, the stylesheet and the icons
//	_headers                        security headers, for hosts that read it
//	                                (Netlify, Cloudflare Pages)
//
// Articles are folders with an index.html because that is what static hosts
// serve for an extension-less address: /read/{id} is redirected to
// /read/{id}/ and the app routes both. Every file is produced by the host's
// own handler, so the static site and the host serve the same bytes. dir
// is emptied first when it holds a previous build (it must then contain
// index.html and app.js), and refused when it holds anything else.
func (h *Host) WriteStatic(dir string) (StaticReport, error) {
	rep := StaticReport{Dir: dir}
	if err := prepareStaticDir(dir); err != nil {
		return rep, err
	}
	ids := h.lib.IDs()
	rep.Articles = len(ids)

	version, err := Version(h.webDir)
	if err != nil {
		return rep, err
	}
	// The version also covers the library, so that a new build with other
	// articles makes browsers cache the new list for offline use.
	sum := sha256.Sum256([]byte(version + "\n" + strings.Join(ids, "\n")))
	rep.Version = hex.EncodeToString(sum[:8])
	sh := *h
	sh.app = newAppHandler(rep.Version, len(h.wasm.raw), ids, "/", h.markdown != nil)
	sh.logger = h.logger

	write := func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
		rep.Files++
		rep.Bytes += int64(len(data))
		return nil
	}
	get := func(urlPath string, want int) ([]byte, error) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, urlPath, nil)
		sh.ServeHTTP(rec, req)
		if rec.Code != want {
			return nil, fmt.Errorf("static build: %s answered %d, want %d", urlPath, rec.Code, want)
		}
		return rec.Body.Bytes(), nil
	}

	files := map[string]string{ // file → address
		"index.html":           "/",
		"api/library.json":     "/api/library.json",
		"app.js":               "/app.js",
		"app-worker.js":        "/app-worker.js",
		"wasm_exec.js":         "/wasm_exec.js",
		"app.css":              "/app.css",
		"manifest.webmanifest": "/manifest.webmanifest",
		// The share target's page, served at /share/ as the articles' are.
		"share/index.html": SharePath,
	}
	for _, id := range ids {
		files["read/"+id+"/index.html"] = "/read/" + id
		files["api/articles/"+id+".json"] = "/api/articles/" + id + ".json"
	}
	for name, urlPath := range files {
		data, err := get(urlPath, http.StatusOK)
		if err != nil {
			return rep, err
		}
		if err := write(name, data); err != nil {
			return rep, err
		}
	}
	notFound, err := get("/read/"+staticNotFoundID, http.StatusNotFound)
	if err != nil {
		return rep, err
	}
	if err := write("404.html", notFound); err != nil {
		return rep, err
	}

	// web/: everything but app.wasm's and markdown.wasm's encodings, which
	// come from memory (only those that are current, as the host serves
	// them).
	webRoot, err := os.OpenRoot(h.webDir)
	if err != nil {
		return rep, err
	}
	defer webRoot.Close()
	err = fs.WalkDir(webRoot.FS(), ".", func(rel string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		if strings.HasPrefix(rel, "app.wasm") || strings.HasPrefix(rel, "markdown.wasm") || strings.HasPrefix(path.Base(rel), ".") {
			return nil
		}
		// Read as the host serves it (webFiles): a regular file inside
		// the folder, never a link swapped in since the listing.
		f, _, err := openRegular(webRoot, filepath.FromSlash(rel))
		if err != nil {
			return fmt.Errorf("static build: web/%s: %w", rel, err)
		}
		defer f.Close()
		data, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		return write("web/"+rel, data)
	})
	if err != nil {
		return rep, err
	}
	wasms := map[string]*wasmFile{"app.wasm": h.wasm}
	if h.markdown != nil {
		wasms["markdown.wasm"] = h.markdown
	}
	for name, f := range wasms {
		for ext, data := range map[string][]byte{"": f.raw, ".br": f.br, ".gz": f.gz} {
			if data != nil {
				if err := write("web/"+name+ext, data); err != nil {
					return rep, err
				}
			}
		}
	}

	var headers bytes.Buffer
	headers.WriteString("/*\n")
	hdr := http.Header{}
	setSecurityHeaders(hdr)
	for _, k := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy"} {
		fmt.Fprintf(&headers, "  %s: %s\n", k, hdr.Get(k))
	}
	headers.WriteString("/app-worker.js\n  Cache-Control: no-cache\n")
	if err := write("_headers", headers.Bytes()); err != nil {
		return rep, err
	}
	return rep, nil
}

// staticNotFoundID is an article id no library has (ids are file names, and
// a file cannot be named with only a dash and digits by accident), used to
// render 404.html.
const staticNotFoundID = "-404"

// prepareStaticDir makes dir an empty folder, removing a previous build.
func prepareStaticDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	for _, marker := range []string{"index.html", "app.js"} {
		if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
			return fmt.Errorf("static build: %s is not empty and does not look like a previous build (no %s): not overwriting it", dir, marker)
		}
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}
