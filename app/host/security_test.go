//go:build !wasm

package host

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// serve runs f's host behind NewServer and Listener, as cmd/annotator does.
func (f *fixture) serve(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(f.host)
	go srv.Serve(Listener(ln))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// rawRequest sends request as written and reads one response.
func rawRequest(t testing.TB, addr, request string) (*http.Response, []byte) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	go io.WriteString(conn, request) // a server may answer before reading it all
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%.40q: %v", request, err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, body
}

func TestMethodsOtherThanGetAndHead(t *testing.T) {
	f := newFixture(t)
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "BREW"} {
		for _, target := range []string{"/", "/read/blinken-beijing-talks", "/web/app.css", "/web/app.wasm", "/api/library.json", "/app.js", "/nothing"} {
			req := httptest.NewRequest(method, target, strings.NewReader("a body"))
			rec := httptest.NewRecorder()
			f.host.ServeHTTP(rec, req)
			what := method + " " + target
			if rec.Code != http.StatusMethodNotAllowed {
				t.Errorf("%s: status %d, want 405", what, rec.Code)
			}
			if got := rec.Header().Get("Allow"); got != "GET, HEAD" {
				t.Errorf("%s: Allow %q", what, got)
			}
			checkSecurityHeaders(t, what, rec.Header())
			if bytes.Contains(rec.Body.Bytes(), []byte("<html")) || bytes.Contains(rec.Body.Bytes(), []byte("body{")) {
				t.Errorf("%s: answered with the resource: %.60s", what, rec.Body.Bytes())
			}
		}
	}
	for _, target := range []string{"/", "/web/app.css", "/api/library.json"} {
		res, _ := f.get(t, target)
		req := httptest.NewRequest(http.MethodHead, target, nil)
		rec := httptest.NewRecorder()
		f.host.ServeHTTP(rec, req)
		if rec.Code != res.StatusCode || rec.Code != 200 {
			t.Errorf("HEAD %s: status %d, GET %d", target, rec.Code, res.StatusCode)
		}
	}
	// "OPTIONS *" reaches the host too, instead of net/http's own 200.
	res, _ := rawRequest(t, f.serve(t), "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("OPTIONS *: status %d, Allow %q", res.StatusCode, res.Header.Get("Allow"))
	}
	checkSecurityHeaders(t, "OPTIONS *", res.Header)
}

// TestServerErrorsCarrySecurityHeaders: the answers Go's server writes by
// itself, before the host sees the request, carry the headers too.
func TestServerErrorsCarrySecurityHeaders(t *testing.T) {
	f := newFixture(t)
	addr := f.serve(t)
	for _, c := range []struct {
		what, request string
		status        int
	}{
		{"a malformed request line", "GARBAGE\r\n\r\n", 400},
		{"a bad header line", "GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n", 400},
		{"no Host", "GET / HTTP/1.1\r\n\r\n", 400},
		{"headers over the limit", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 200<<10) + "\r\n\r\n", 431},
		{"an unknown transfer coding", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: rot13\r\n\r\n", 501},
		{"an unknown HTTP version", "GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505},
		{"an unknown expectation", "GET / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n", 417},
	} {
		res, body := rawRequest(t, addr, c.request)
		if res.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d (%s)", c.what, res.StatusCode, c.status, body)
		}
		checkSecurityHeaders(t, c.what, res.Header)
	}
	// The host's own answers are left alone: one policy each.
	res, body := rawRequest(t, addr, "GET /web/app.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	if res.StatusCode != 200 || len(res.Header.Values("Content-Security-Policy")) != 1 || string(body) != "body{color:#111}" {
		t.Errorf("GET /web/app.css through the listener: %d %v %q", res.StatusCode, res.Header, body)
	}
}

func TestWithSecurityHeaders(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{
		{"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request", true},
		{"HTTP/1.1 417 Expectation Failed\r\nConnection: close\r\nDate: x\r\nContent-Length: 0\r\n\r\n", true},
		{"HTTP/1.1 100 Continue\r\n\r\n", false},
		{"HTTP/1.1 404 Not Found\r\nContent-Security-Policy: x\r\nConnection: close\r\n\r\n", false},
		{"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc", false},   // keeps the connection: not net/http's own
		{"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n", false}, // not a whole head
		{"\x00asm raw wasm bytes", false},
		{"", false},
	} {
		out, ok := withSecurityHeaders([]byte(c.in))
		if ok != c.ok {
			t.Errorf("%.30q: changed %v, want %v", c.in, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		res, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(out)), nil)
		if err != nil {
			t.Fatalf("%.30q became unreadable: %v\n%s", c.in, err, out)
		}
		checkSecurityHeaders(t, c.in[:12], res.Header)
		body, _ := io.ReadAll(res.Body)
		if _, wantBody, _ := strings.Cut(c.in, "\r\n\r\n"); string(body) != wantBody {
			t.Errorf("%.30q: body %q, want %q", c.in, body, wantBody)
		}
	}
}

// TestRangesLimited: several ranges in one request get the file once, whole.
func TestRangesLimited(t *testing.T) {
	f := newFixture(t)
	css := "body{color:#111}"
	var ranges []string
	for i := 0; i < 1001; i++ {
		ranges = append(ranges, fmt.Sprintf("%d-%d", i%len(css), i%len(css)))
	}
	for _, header := range []string{"bytes=" + strings.Join(ranges, ","), "bytes=0-3,5-8", "bytes=0-,0-,0-"} {
		res, body := f.get(t, "/web/app.css", "Range", header)
		if res.StatusCode != 200 || string(body) != css {
			t.Errorf("Range %.30s…: status %d, %d bytes, want 200 and the file once (%d bytes)", header, res.StatusCode, len(body), len(css))
		}
	}
	res, body := f.get(t, "/web/app.css", "Range", "bytes=0-3")
	if res.StatusCode != http.StatusPartialContent || string(body) != "body" {
		t.Errorf("one range: status %d, %q", res.StatusCode, body)
	}
}

// TestWebServesOnlyRegularFiles: /web/ serves the regular files of the
// folder, as the static build copies them: no symbolic link, even to a file
// inside it, and nothing outside it.
func TestWebServesOnlyRegularFiles(t *testing.T) {
	f := newFixture(t)
	links := map[string]string{
		"leak.txt":  filepath.Join(f.root, "secret.txt"),
		"leak-rel":  "../secret.txt",
		"style.css": filepath.Join(f.web, "app.css"),
		"up":        f.root,
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(f.web, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	os.Mkdir(filepath.Join(f.web, "sub"), 0o755)
	write(t, filepath.Join(f.web, "sub", "x.css"), "sub{}")
	for _, target := range []string{"/web/leak.txt", "/web/leak-rel", "/web/style.css", "/web/up/secret.txt", "/web/up/passwd", "/web/sub/", "/web/sub"} {
		res, body := f.get(t, target)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, res.StatusCode)
		}
		if bytes.Contains(body, []byte(secret)) {
			t.Errorf("GET %s served the secret", target)
		}
	}
	if res, body := f.get(t, "/web/sub/x.css"); res.StatusCode != 200 || string(body) != "sub{}" {
		t.Errorf("a file in a subfolder: %d %q", res.StatusCode, body)
	}
}

// TestLibrarySymlinkRace swaps an article file for a symbolic link to a
// file outside the folder, over and over, while the library is read: no
// answer may hold the outside file. (Checking the entry and then reading
// the path served it in about one answer in twelve.)
func TestLibrarySymlinkRace(t *testing.T) {
	f := newFixture(t)
	outside := filepath.Join(f.root, "outside.txt")
	write(t, outside, "An outside file\n\nIt says "+secret+".\n")
	victim := filepath.Join(f.articles, "victim.txt")
	link, file := filepath.Join(f.articles, ".swap-link"), filepath.Join(f.articles, ".swap-file")
	if err := os.Symlink(outside, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Remove(link)

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var swaps atomic.Int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			// A new regular file (new size and time, so the library
			// reads it again), then the link, each renamed over victim.
			os.WriteFile(file, []byte(fmt.Sprintf("Victim %d\n\nAn ordinary paragraph.\n", i)), 0o644)
			os.Chtimes(file, time.Now(), time.Unix(int64(1e9+i), 0))
			os.Rename(file, victim)
			os.Symlink(outside, link)
			os.Rename(link, victim)
			swaps.Add(1)
		}
	}()
	deadline := time.Now().Add(3 * time.Second)
	requests, articles := 0, 0
	for time.Now().Before(deadline) {
		for _, target := range []string{"/api/articles/victim.json", "/read/victim", "/api/library.json"} {
			res, body := f.get(t, target)
			requests++
			if bytes.Contains(body, []byte(secret)) || bytes.Contains(body, []byte("An outside file")) {
				close(stop)
				wg.Wait()
				t.Fatalf("GET %s (status %d) served the file outside the folder after %d requests", target, res.StatusCode, requests)
			}
			if target == "/api/articles/victim.json" && res.StatusCode == 200 {
				articles++
			}
		}
	}
	close(stop)
	wg.Wait()
	if articles == 0 {
		t.Errorf("the victim article was never served in %d requests (%d swaps)", requests, swaps.Load())
	}
	t.Logf("%d requests, %d swaps, the article served %d times", requests, swaps.Load(), articles)
}

// TestSkippedFilesLogged: a file in the articles folder that looks like an
// article but is not served (a bad name, a symbolic link) gets one log line.
func TestSkippedFilesLogged(t *testing.T) {
	f := newFixture(t)
	write(t, filepath.Join(f.articles, "Bad Name.txt"), "A title\n\nA body.\n")
	write(t, filepath.Join(f.articles, "UPPER.md"), "# A title\n\nA body.\n")
	write(t, filepath.Join(f.articles, ".hidden.txt"), "A title\n\nA body.\n")
	write(t, filepath.Join(f.articles, "readme.rst"), "A title\n\nA body.\n")
	if err := os.Symlink(filepath.Join(f.articles, "blinken-beijing-talks.txt"), filepath.Join(f.articles, "linked.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	f.lib.Summaries()
	f.lib.Summaries()
	logs := f.logs.String()
	for _, name := range []string{"Bad Name.txt", "UPPER.md", "linked.txt"} {
		if n := strings.Count(logs, filepath.Join(f.articles, name)+":"); n != 1 {
			t.Errorf("%s is named in %d log lines, want 1; log:\n%s", name, n, logs)
		}
	}
	for _, name := range []string{".hidden.txt", "readme.rst", "notes.json"} {
		if strings.Contains(logs, name) {
			t.Errorf("%s is logged, though it is not meant as an article; log:\n%s", name, logs)
		}
	}
	if !strings.Contains(logs, "symbolic link") {
		t.Errorf("the log does not say the link is skipped for being one:\n%s", logs)
	}
	if ids := strings.Join(f.lib.IDs(), ","); ids != "blinken-beijing-talks,reading-news-closely" {
		t.Errorf("served %s", ids)
	}
}
