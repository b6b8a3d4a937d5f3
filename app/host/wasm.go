//go:build !wasm

package host

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// Precompress writes path+".br" and path+".gz" beside path, at the highest
// levels: brotli at quality 11 takes seconds, so it is done once at build
// time and never per request.
func Precompress(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var br bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	if _, err := bw.Write(data); err != nil {
		return err
	}
	if err := bw.Close(); err != nil {
		return err
	}
	var gz bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if _, err := gw.Write(data); err != nil {
		return err
	}
	if err := gw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(path+".br", br.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(path+".gz", gz.Bytes(), 0o644)
}

// wasmFile is app.wasm in the encodings found beside it, held in memory.
type wasmFile struct {
	modTime time.Time
	raw     []byte
	br, gz  []byte // nil when missing or older than raw
}

func loadWasm(path string) (*wasmFile, []string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w (build it with `make build`)", path, err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	w := &wasmFile{modTime: info.ModTime(), raw: raw}
	var warnings []string
	load := func(ext string) []byte {
		ci, err := os.Stat(path + ext)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("%s%s is missing: serving %s without it", path, ext, path))
			return nil
		}
		if ci.ModTime().Before(info.ModTime()) {
			warnings = append(warnings, fmt.Sprintf("%s%s is older than %s: ignoring it (run `make build`)", path, ext, path))
			return nil
		}
		b, err := os.ReadFile(path + ext)
		if err != nil {
			warnings = append(warnings, err.Error())
			return nil
		}
		return b
	}
	w.br = load(".br")
	w.gz = load(".gz")
	return w, warnings, nil
}

// ServeHTTP picks the smallest encoding the client accepts. It answers
// whole files only (no ranges): http.ServeContent would drop Content-Length
// from an encoded answer, and the app's loader shows its progress by it.
func (f *wasmFile) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	if !slices.Contains(h.Values("Vary"), "Accept-Encoding") { // Compressed adds it too
		h.Add("Vary", "Accept-Encoding")
	}
	h.Set("Cache-Control", "no-cache")
	body, enc := f.raw, ""
	accept := parseAcceptEncoding(r.Header.Get("Accept-Encoding"))
	switch {
	case f.br != nil && accept["br"]:
		body, enc = f.br, "br"
	case f.gz != nil && accept["gzip"]:
		body, enc = f.gz, "gzip"
	}
	etag := strconv.Quote(fmt.Sprintf("%x-%d-%s", f.modTime.UnixNano(), len(f.raw), enc))
	h.Set("ETag", etag)
	h.Set("Last-Modified", f.modTime.UTC().Format(http.TimeFormat))
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// etagMatch reports whether an If-None-Match header names etag (weakly, as
// RFC 9110 asks for GET).
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

// parseAcceptEncoding returns the codings the client accepts (q > 0).
// Coding and parameter names are case-insensitive.
func parseAcceptEncoding(v string) map[string]bool {
	out := map[string]bool{}
	for _, part := range strings.Split(strings.ToLower(v), ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		accepted := true
		for _, p := range strings.Split(params, ";") {
			k, val, ok := strings.Cut(p, "=")
			if ok && strings.TrimSpace(k) == "q" {
				q, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
				accepted = err == nil && q > 0
			}
		}
		if accepted {
			out[name] = true
		}
	}
	return out
}
