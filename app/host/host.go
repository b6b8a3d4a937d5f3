//go:build !wasm

package host

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Config says what a Host serves.
type Config struct {
	Library *Library
	// WebDir holds app.wasm and markdown.wasm (with .br and .gz beside
	// them), the Markdown worker's script, app.css and the icons.
	WebDir string
	Logger *log.Logger
}

// Host answers every request of the app. The go-app routes must be
// registered (ui.Register) before the first request.
type Host struct {
	lib    *Library
	webDir string
	logger *log.Logger
	app    *app.Handler
	wasm   *wasmFile
	// markdown is markdown.wasm, the parser of a reader's .md files that the
	// app runs in a worker (cmd/markdown); nil when it was not built.
	markdown *wasmFile
	static   http.Handler
}

// Theme colours, shared by the manifest and the stylesheet.
const (
	themeColor      = "#1f4e5f"
	backgroundColor = "#fbfaf7"
)

// New prepares a Host. It fails when app.wasm is missing, or when go-app's
// app.js no longer has the shape Annotator's patch of it expects (appjs.go).
func New(cfg Config) (*Host, error) {
	if cfg.Logger == nil {
		cfg.Logger = log.Default()
	}
	wasm, warnings, err := loadWasm(filepath.Join(cfg.WebDir, "app.wasm"))
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		cfg.Logger.Print(w)
	}
	markdown, warnings, err := loadWasm(filepath.Join(cfg.WebDir, "markdown.wasm"))
	if err != nil {
		cfg.Logger.Printf("%v: readers cannot open their own .md files", err)
		markdown = nil
	}
	for _, w := range warnings {
		cfg.Logger.Print(w)
	}
	version, err := Version(cfg.WebDir)
	if err != nil {
		return nil, err
	}
	h := &Host{
		lib:      cfg.Library,
		webDir:   cfg.WebDir,
		logger:   cfg.Logger,
		wasm:     wasm,
		markdown: markdown,
		static:   http.StripPrefix("/web", http.FileServer(webFiles{cfg.WebDir})),
	}
	h.app = NewAppHandler(version, len(wasm.raw), cfg.Library.IDs(), markdown != nil)
	if err := h.checkAppJS(); err != nil {
		return nil, err
	}
	return h, nil
}

// NewAppHandler is go-app's Handler for Annotator: its name, local icons,
// theme, version and the resources the service worker caches for offline
// use (with the Markdown worker when markdown.wasm was built). It is shared
// by the host and the static build.
func NewAppHandler(version string, wasmSize int, articleIDs []string, markdown bool) *app.Handler {
	return newAppHandler(version, wasmSize, articleIDs, "", markdown)
}

// newAppHandler caches each article's page at "/read/"+id+pageSuffix: the
// static build's pages are read/{id}/index.html, served at /read/{id}/.
func newAppHandler(version string, wasmSize int, articleIDs []string, pageSuffix string, markdown bool) *app.Handler {
	cacheable := []string{"/api/library.json", "/web/app.css", "/web/icon.svg"}
	if markdown {
		cacheable = append(cacheable, "/web/markdown-worker.js", "/web/markdown.wasm")
	}
	for _, id := range articleIDs {
		cacheable = append(cacheable, "/read/"+id+pageSuffix, "/api/articles/"+id+".json")
	}
	return &app.Handler{
		Name:        "Annotator",
		ShortName:   "Annotator",
		Title:       "Annotator",
		Description: "Read an article closely: highlight, note, tag and check its claims, offline, in your own browser.",
		Lang:        "en",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable.png",
			SVG:      "/web/icon.svg",
		},
		ThemeColor:            themeColor,
		BackgroundColor:       backgroundColor,
		LoadingLabel:          "Loading Annotator… {progress}%",
		Styles:                []string{"/web/app.css"},
		CacheableResources:    cacheable,
		Version:               version,
		WasmContentLength:     strconv.Itoa(wasmSize),
		ServiceWorkerTemplate: serviceWorkerJS,
		ContentSecurityPolicy: metaContentSecurityPolicy,
	}
}

// Version is a content hash of what the host serves from webDir, so a restart
// of the same build keeps the browser's caches and a new build replaces them.
func Version(webDir string) (string, error) {
	sum := sha256.New()
	fmt.Fprint(sum, "go-app v10.1.10\n", serviceWorkerJS, appJSFetch)
	var files []string
	err := filepath.WalkDir(webDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && !strings.HasSuffix(p, ".br") && !strings.HasSuffix(p, ".gz") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("web folder %q: %w", webDir, err)
	}
	sort.Strings(files)
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(webDir, p)
		fmt.Fprintf(sum, "%s %d\n", filepath.ToSlash(rel), len(data))
		sum.Write(data)
	}
	return hex.EncodeToString(sum.Sum(nil))[:16], nil
}

// ServeHTTP routes a request.
func (h *Host) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// Nothing here takes a body or changes anything.
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed: this host answers GET and HEAD only", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !cleanPath(r) {
		h.notFound(w, r)
		return
	}
	switch {
	case p == "/api/library.json":
		h.serveJSON(w, r, h.lib.Summaries())
	case strings.HasPrefix(p, "/api/articles/") && strings.HasSuffix(p, ".json"):
		id := strings.TrimSuffix(strings.TrimPrefix(p, "/api/articles/"), ".json")
		a, ok := h.lib.Article(id)
		if !ok {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprintln(w, `{"error":"no such article"}`)
			return
		}
		h.serveJSON(w, r, a)
	case p == "/web/app.wasm" || p == "/app.wasm":
		h.wasm.ServeHTTP(w, r)
	case p == "/web/markdown.wasm" && h.markdown != nil:
		h.markdown.ServeHTTP(w, r)
	case strings.HasPrefix(p, "/web/"):
		w.Header().Set("Cache-Control", "no-cache")
		h.static.ServeHTTP(w, singleRange(r))
	case p == "/":
		h.servePage(w, r, http.StatusOK)
	case strings.HasPrefix(p, "/read/"):
		id := strings.TrimPrefix(p, "/read/")
		if !article.ValidID(id) {
			h.notFound(w, r)
			return
		}
		status := http.StatusOK
		if _, ok := h.lib.Article(id); !ok {
			// The page is still the app: the reader's own articles live
			// in their browser, where the app looks for this id.
			status = http.StatusNotFound
		}
		h.servePage(w, r, status)
	case p == SharePath:
		// What a reader shares to the app (manifest.go); the app reads
		// the query.
		h.servePage(w, r, http.StatusOK)
	case p == "/app.js":
		h.serveAppJS(w, r)
	case p == "/manifest.webmanifest" || p == "/manifest.json":
		h.serveManifest(w, r)
	case goappResource(p):
		h.app.ServeHTTP(w, r)
	default:
		h.notFound(w, r)
	}
}

func goappResource(p string) bool {
	switch p {
	case "/app.js", "/app-worker.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest", "/manifest.json":
		return true
	}
	return false
}

// cleanPath accepts only plain paths: no encoded slashes, dot segments, NULs
// or very long paths, so that no request can name a file outside the folders
// served.
func cleanPath(r *http.Request) bool {
	p := r.URL.Path
	if len(p) > 512 || !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\x00\\") {
		return false
	}
	if raw := strings.ToLower(r.URL.RawPath); strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") {
		return false
	}
	if path.Clean(p) != p && p != "/" {
		return false
	}
	return !strings.Contains(p, "/.")
}

// servePage answers with the prerendered app page. go-app answers 304 to any
// request whose If-None-Match holds the build's version; pages carry article
// text that changes without a new build, so they are always sent whole.
func (h *Host) servePage(w http.ResponseWriter, r *http.Request, status int) {
	r2 := r.Clone(r.Context())
	r2.Header.Del("If-None-Match")
	h.app.ServeHTTP(&pageWriter{ResponseWriter: w, status: status}, r2)
}

// pageWriter sets the page's status and drops go-app's version ETag.
type pageWriter struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
}

func (pw *pageWriter) WriteHeader(code int) {
	if pw.wroteHeader {
		return
	}
	pw.wroteHeader = true
	pw.Header().Del("ETag")
	if code == http.StatusOK {
		code = pw.status
	}
	pw.ResponseWriter.WriteHeader(code)
}

func (pw *pageWriter) Write(b []byte) (int, error) {
	if !pw.wroteHeader {
		pw.WriteHeader(http.StatusOK)
	}
	return pw.ResponseWriter.Write(b)
}

func (h *Host) serveJSON(w http.ResponseWriter, r *http.Request, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		h.logger.Printf("encoding %s: %v", r.URL.Path, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	// Revalidated on every load, so an edited article is seen on reload.
	w.Header().Set("Cache-Control", "no-cache")
	sum := sha256.Sum256(data)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}

var notFoundPage = template.Must(template.New("404").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{{.CSP}}"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not found · Annotator</title><link rel="stylesheet" href="/web/app.css"><link rel="icon" href="/web/icon.svg"></head>
<body><main class="page notfound"><h1>Page not found</h1>
<p>There is no page at <code>{{.Path}}</code>.</p>
<p><a href="/">Back to the library</a></p></main></body></html>
`))

func (h *Host) notFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusNotFound)
	shown := r.URL.Path
	if len(shown) > 80 {
		shown = shown[:80] + "…"
	}
	notFoundPage.Execute(w, struct{ CSP, Path string }{metaContentSecurityPolicy, strings.ToValidUTF8(shown, "�")})
}

// singleRange drops a Range header that asks for several ranges, so the
// file is sent whole, once: http.ServeContent answers a multi-range request
// with every range asked for (1,001 ranges of a file were 7 times its size).
// No browser asks /web/ files for more than one range; RFC 9110 lets a
// server ignore Range.
func singleRange(r *http.Request) *http.Request {
	if !strings.Contains(r.Header.Get("Range"), ",") && len(r.Header.Values("Range")) <= 1 {
		return r
	}
	r2 := r.Clone(r.Context())
	r2.Header.Del("Range")
	return r2
}
