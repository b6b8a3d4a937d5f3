//go:build !wasm

package host

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// getVia answers one request through h.
func getVia(t testing.TB, h http.Handler, method, target, accept string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	if accept != "" {
		req.Header.Set("Accept-Encoding", accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

func gunzip(t testing.TB, b []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("gzip stream: %v", err)
	}
	return out
}

// The host's text answers are gzipped for a client that takes gzip, to
// the same bytes; app.wasm keeps its precompressed encoding and length;
// a client that takes no gzip gets the plain answer.
func TestCompressedAnswers(t *testing.T) {
	f := newFixture(t)
	// A style sheet big enough to be worth it (Compressed skips under 1 KB).
	write(t, f.web+"/app.css", strings.Repeat("body { color: #111; margin: 0 auto; }\n", 100))
	h := Compressed(f.host)
	for _, target := range []string{"/", "/read/blinken-beijing-talks", "/web/app.css", "/app.js"} {
		_, plain := getVia(t, f.host, http.MethodGet, target, "")
		res, body := getVia(t, h, http.MethodGet, target, "gzip, deflate, br, zstd")
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", target, res.StatusCode)
			continue
		}
		if got := res.Header.Get("Content-Encoding"); got != "gzip" {
			t.Errorf("%s: Content-Encoding %q, want gzip", target, got)
			continue
		}
		// go-app writes a page's attributes in no fixed order: a page is
		// compared by its length, the other answers byte for byte.
		if got := gunzip(t, body); len(got) != len(plain) || (!strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") && !bytes.Equal(got, plain)) {
			t.Errorf("%s: the gzipped answer (%d bytes) is not the plain one (%d)", target, len(gunzip(t, body)), len(plain))
		}
		if len(body) >= len(plain) {
			t.Errorf("%s: %d bytes gzipped, %d plain", target, len(body), len(plain))
		}
		checkSecurityHeaders(t, target, res.Header)

		res, body = getVia(t, h, http.MethodGet, target, "")
		if res.Header.Get("Content-Encoding") != "" || len(body) != len(plain) {
			t.Errorf("%s without Accept-Encoding: Content-Encoding %q, %d bytes against %d", target, res.Header.Get("Content-Encoding"), len(body), len(plain))
		}
	}

	for accept, want := range map[string][]byte{"br, gzip": f.br, "gzip": f.gz, "": f.raw} {
		res, body := getVia(t, h, http.MethodGet, "/web/app.wasm", accept)
		if !bytes.Equal(body, want) || res.Header.Get("Content-Length") != strconv.Itoa(len(want)) {
			t.Errorf("app.wasm with Accept-Encoding %q: %d bytes (Content-Length %s, Content-Encoding %q), want the %d of its file",
				accept, len(body), res.Header.Get("Content-Length"), res.Header.Get("Content-Encoding"), len(want))
		}
		if got := res.Header.Values("Vary"); len(got) != 1 {
			t.Errorf("app.wasm: Vary %q, want one Accept-Encoding", got)
		}
	}

	// A compressed answer's ETag is not the plain one's.
	plain, _ := getVia(t, h, http.MethodGet, "/wasm_exec.js", "")
	zipped, _ := getVia(t, h, http.MethodGet, "/wasm_exec.js", "gzip")
	if e1, e2 := plain.Header.Get("ETag"), zipped.Header.Get("ETag"); e1 != "" && e1 == e2 {
		t.Errorf("the same ETag %s for the plain and the gzipped answer", e1)
	}
}
