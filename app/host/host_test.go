//go:build !wasm

package host

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The host's tests register stand-in routes: the real pages are app/ui's,
// which host must not import (cmd/annotator tests those).
type stubPage struct{ app.Compo }

func (*stubPage) Render() app.UI { return app.Main().Text("page") }

var registerOnce sync.Once

func registerStubRoutes() {
	registerOnce.Do(func() {
		app.Route("/", func() app.Composer { return &stubPage{} })
		app.Route(SharePath, func() app.Composer { return &stubPage{} })
		app.RouteWithRegexp(`^/read/[a-z0-9-]{1,100}$`, func() app.Composer { return &stubPage{} })
	})
}

// secret is in files beside the served folders; no response may hold it.
const secret = "TOP-SECRET-d41d8cd98f00b204"

const blinken = "‘A real conversation’: Blinken has ‘constructive’ talks\n" +
	"Published: 2023-06-18\n" +
	"Source: https://example.org/blinken\n\n" +
	"US Secretary of State said the talks were “candid” — and useful.\n\n" +
	"A second paragraph.\n"

const markdown = "# Reading news closely\n\nA *first* paragraph.\n\n- an item\n"

// fixture is a folder laid out as the host's: articles/ and web/ side by
// side, with secret files next to them and inside web's parent.
type fixture struct {
	root, articles, web string
	logs                *syncBuffer
	lib                 *Library
	host                *Host
	raw, br, gz         []byte
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	registerStubRoutes()
	root := t.TempDir()
	f := &fixture{root: root, articles: filepath.Join(root, "articles"), web: filepath.Join(root, "web"), logs: &syncBuffer{}}
	for _, d := range []string{f.articles, f.web} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(root, "secret.txt"), secret)
	write(t, filepath.Join(root, "go.mod"), "module "+secret)
	write(t, filepath.Join(root, "passwd"), secret)
	write(t, filepath.Join(f.articles, "blinken-beijing-talks.txt"), blinken)
	write(t, filepath.Join(f.articles, "reading-news-closely.md"), markdown)
	write(t, filepath.Join(f.articles, "notes.json"), secret) // not an article: never served
	write(t, filepath.Join(f.web, "app.css"), "body{color:#111}")
	write(t, filepath.Join(f.web, "icon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>")
	f.raw = bytes.Repeat([]byte("\x00asm raw wasm bytes "), 500)
	f.br = []byte("brotli-bytes")
	f.gz = []byte("gzip-bytes, a little longer")
	write(t, filepath.Join(f.web, "app.wasm"), string(f.raw))
	write(t, filepath.Join(f.web, "app.wasm.br"), string(f.br))
	write(t, filepath.Join(f.web, "app.wasm.gz"), string(f.gz))
	logger := log.New(f.logs, "", 0)
	var err error
	f.lib, err = OpenLibrary(f.articles, logger)
	if err != nil {
		t.Fatal(err)
	}
	f.host, err = New(Config{Library: f.lib, WebDir: f.web, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func write(t testing.TB, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// get answers one request through the handler.
func (f *fixture) get(t testing.TB, target string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	f.host.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

// rawGet sends target exactly as written, over TCP, to a real server: no
// client or test helper cleans or re-escapes it on the way.
func rawGet(t testing.TB, srv *httptest.Server, target string) (*http.Response, []byte) {
	t.Helper()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n", target)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %q: %v", target, err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, body
}

func checkSecurityHeaders(t testing.TB, what string, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("%s: Content-Security-Policy %q lacks %q", what, csp, want)
		}
	}
	for _, bad := range []string{"http:", "https:", "'unsafe-inline'", "'unsafe-eval'", "*"} {
		if strings.Contains(csp, bad) {
			t.Errorf("%s: Content-Security-Policy %q allows %s", what, csp, bad)
		}
	}
	for name, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "no-referrer",
		"X-Frame-Options":        "DENY",
	} {
		if got := h.Get(name); got != want {
			t.Errorf("%s: %s = %q, want %q", what, name, got, want)
		}
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		target string
		status int
		header []string
	}{
		{"/", 200, nil},
		{"/read/blinken-beijing-talks", 200, nil},
		{"/read/nope", 404, nil},
		{"/api/library.json", 200, nil},
		{"/api/articles/blinken-beijing-talks.json", 200, nil},
		{"/api/articles/nope.json", 404, nil},
		{"/web/app.css", 200, nil},
		{"/web/icon.svg", 200, nil},
		{"/web/missing.css", 404, nil},
		{"/web/", 404, nil},
		{"/web/app.wasm", 200, nil},
		{"/web/app.wasm", 200, []string{"Accept-Encoding", "br"}},
		{"/web/app.wasm", 200, []string{"Accept-Encoding", "gzip"}},
		{"/app.js", 200, nil},
		{"/app-worker.js", 200, nil},
		{"/manifest.webmanifest", 200, nil},
		{"/manifest.json", 200, nil},
		{"/share?title=T&text=Some%20text&url=https%3A%2F%2Fexample.org%2F", 200, nil},
		{"/nothing-here", 404, nil},
		{"/read/..%2f..%2fgo.mod", 404, nil},
	} {
		res, _ := f.get(t, c.target, c.header...)
		what := fmt.Sprintf("GET %s %v", c.target, c.header)
		if res.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d", what, res.StatusCode, c.status)
		}
		checkSecurityHeaders(t, what, res.Header)
	}
	// Conditional requests answered 304 carry them too.
	res, _ := f.get(t, "/api/library.json")
	res2, _ := f.get(t, "/api/library.json", "If-None-Match", res.Header.Get("ETag"))
	if res2.StatusCode != http.StatusNotModified {
		t.Errorf("library with its ETag: status %d, want 304", res2.StatusCode)
	}
	checkSecurityHeaders(t, "304 library", res2.Header)
	res, _ = f.get(t, "/web/app.wasm", "Accept-Encoding", "br")
	res2, _ = f.get(t, "/web/app.wasm", "Accept-Encoding", "br", "If-None-Match", res.Header.Get("ETag"))
	if res2.StatusCode != http.StatusNotModified {
		t.Errorf("app.wasm with its ETag: status %d, want 304", res2.StatusCode)
	}
	checkSecurityHeaders(t, "304 app.wasm", res2.Header)
}

// TestNoWasmPreload: no page asks for app.wasm before app.js does, which
// waits for the page to be painted (issue 18: on a slow link a preload of
// app.wasm delayed the prerendered text's paint).
func TestNoWasmPreload(t *testing.T) {
	f := newFixture(t)
	for _, target := range []string{"/", "/read/blinken-beijing-talks", "/read/nope"} {
		res, _ := f.get(t, target, "Sec-Fetch-Dest", "document")
		if link := res.Header.Get("Link"); strings.Contains(link, "app.wasm") {
			t.Errorf("GET %s: Link %q preloads app.wasm", target, link)
		}
	}
	_, body := f.get(t, "/app.js")
	if !strings.Contains(string(body), "await annotatorPagePainted();") {
		t.Error("app.js does not wait for the page to be painted before fetching app.wasm")
	}
}

func TestPathSafety(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.host)
	defer srv.Close()
	for _, target := range []string{
		"/read/..",
		"/read/%2e%2e",
		"/read/%2E%2E/secret",
		"/read/..%2f..%2fsecret.txt",
		"/read/blinken-beijing-talks%2f..%2f..%2fsecret.txt",
		"/read/..\\..\\secret.txt",
		"/read/%5c..%5csecret.txt",
		"/read/blinken-beijing-talks%00",
		"/read/%00",
		"/read/" + strings.Repeat("a", 101),
		"/read/" + strings.Repeat("a-", 3000),
		"/" + strings.Repeat("x/", 2000),
		"/read/Blinken-Beijing-Talks",
		"/read/blinken_beijing_talks",
		"/read/blinken-beijing-talks/",
		"/read/blinken-beijing-talks.txt",
		"/read/../../etc/passwd",
		"/read/../../passwd",
		"/read/%2e%2e/%2e%2e/passwd",
		"/web/../go.mod",
		"/web/%2e%2e/go.mod",
		"/web/..%2fgo.mod",
		"/web/..%5cgo.mod",
		"/web/../secret.txt",
		"/web/./app.css/../../secret.txt",
		"//secret.txt",
		"/web//../secret.txt",
		"/api/articles/..%2f..%2fgo.mod.json",
		"/api/articles/../../go.mod.json",
		"/api/articles/%2e%2e%2fsecret.json",
		"/api/articles/notes.json",
		"/api/articles/.json",
		"/api/articles/blinken-beijing-talks.txt",
		"/api/articles/blinken-beijing-talks.json%00",
		"/api/articles/BLINKEN-BEIJING-TALKS.json",
		"/api/library.json/..",
		"/articles/blinken-beijing-talks.txt",
		"/secret.txt",
		"/go.mod",
		"/passwd",
		"/web/app.wasm/../../secret.txt",
		"/.%2e/secret.txt",
	} {
		res, body := rawGet(t, srv, target)
		if res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 404", target, res.StatusCode)
		}
		if bytes.Contains(body, []byte(secret)) {
			t.Errorf("GET %s served the secret file", target)
		}
		if res.StatusCode == http.StatusNotFound {
			checkSecurityHeaders(t, "GET "+target, res.Header)
		}
	}
	// The 404 page is the app's: a link back to the library.
	res, body := rawGet(t, srv, "/nothing-here")
	if res.StatusCode != 404 || !bytes.Contains(body, []byte(`href="/"`)) || !bytes.Contains(body, []byte("/web/app.css")) {
		t.Errorf("404 page: status %d, body %s", res.StatusCode, body)
	}
	// Markup in the path is shown as text.
	_, body = rawGet(t, srv, "/%3Cscript%3Ealert(1)%3C/script%3E")
	if bytes.Contains(body, []byte("<script>")) {
		t.Errorf("404 page echoes markup: %s", body)
	}
}

// A symbolic link in the articles folder to a file outside it is not an article.
func TestSymlinkOutOfArticlesIgnored(t *testing.T) {
	f := newFixture(t)
	if err := os.Symlink(filepath.Join(f.root, "secret.txt"), filepath.Join(f.articles, "leak.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, target := range []string{"/api/articles/leak.json", "/read/leak", "/api/library.json"} {
		res, body := f.get(t, target)
		if bytes.Contains(body, []byte(secret)) {
			t.Errorf("GET %s (status %d) served the linked secret", target, res.StatusCode)
		}
	}
}

func TestUnknownID(t *testing.T) {
	f := newFixture(t)
	res, body := f.get(t, "/api/articles/no-such-article.json")
	if res.StatusCode != 404 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Errorf("unknown article JSON: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var e map[string]string
	if err := json.Unmarshal(body, &e); err != nil || e["error"] == "" {
		t.Errorf("unknown article JSON body %q: %v", body, err)
	}
	res, _ = f.get(t, "/read/no-such-article")
	if res.StatusCode != 404 {
		t.Errorf("unknown article page: status %d, want 404", res.StatusCode)
	}
}

func TestLibraryIndexAndArticleJSON(t *testing.T) {
	f := newFixture(t)
	res, body := f.get(t, "/api/library.json")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("library: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if got := res.Header.Get("Content-Length"); got != strconv.Itoa(len(body)) {
		t.Errorf("library Content-Length %s, body %d bytes", got, len(body))
	}
	var sums []article.Summary
	if err := json.Unmarshal(body, &sums); err != nil {
		t.Fatal(err)
	}
	if len(sums) != 2 {
		t.Fatalf("library lists %d articles, want 2: %+v", len(sums), sums)
	}
	// Sorted by title.
	if sums[0].ID != "blinken-beijing-talks" || sums[1].ID != "reading-news-closely" {
		t.Errorf("library order: %s, %s", sums[0].ID, sums[1].ID)
	}
	b := sums[0]
	if b.Title != "‘A real conversation’: Blinken has ‘constructive’ talks" || b.Published != "2023-06-18" ||
		b.Source != "https://example.org/blinken" || b.Words == 0 || !strings.HasPrefix(b.Hash, "sha256:") || b.Origin != "bundled" {
		t.Errorf("library entry: %+v", b)
	}
	if sums[1].Title != "Reading news closely" {
		t.Errorf("markdown title %q", sums[1].Title)
	}

	res, body = f.get(t, "/api/articles/blinken-beijing-talks.json")
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "no-cache" || res.Header.Get("ETag") == "" {
		t.Fatalf("article: %d, headers %v", res.StatusCode, res.Header)
	}
	var a article.Article
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatal(err)
	}
	want, err := article.Parse("blinken-beijing-talks", "blinken-beijing-talks.txt", []byte(blinken))
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != want.Text || a.Hash != want.Hash || article.HashText(a.Text) != a.Hash || len(a.Blocks) != 2 {
		t.Errorf("article JSON: %+v", a)
	}
	if !strings.Contains(a.Text, "“candid” — and useful") {
		t.Errorf("article text lost its quotes and dashes: %q", a.Text)
	}
	if !bytes.Contains(body, []byte("“candid”")) {
		t.Errorf("article JSON escapes curly quotes: %s", body)
	}
}

func TestWasmPrecompressed(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		accept string
		enc    string
	}{
		{"br, gzip", "br"},
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"deflate, gzip;q=0.5", "gzip"},
		{"", ""},
		{"identity", ""},
		{"deflate", ""},
		{"br;q=0, gzip", "gzip"},
		{"br; q=0, gzip;q=1.0", "gzip"},
		{"br;q=0.0, gzip;q=0", ""},
		{"BR;Q=0, GZIP", "gzip"},
		{"gzip;q=0", ""},
		{"br;q=0.001", "br"},
	} {
		res, body := f.get(t, "/web/app.wasm", "Accept-Encoding", c.accept)
		what := fmt.Sprintf("Accept-Encoding %q", c.accept)
		want := map[string][]byte{"br": f.br, "gzip": f.gz, "": f.raw}[c.enc]
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d", what, res.StatusCode)
			continue
		}
		if got := res.Header.Get("Content-Encoding"); got != c.enc {
			t.Errorf("%s: Content-Encoding %q, want %q", what, got, c.enc)
		}
		if !bytes.Equal(body, want) {
			t.Errorf("%s: body of %d bytes is not the %q file", what, len(body), c.enc)
		}
		if got := res.Header.Get("Content-Length"); got != strconv.Itoa(len(want)) {
			t.Errorf("%s: Content-Length %s, want %d", what, got, len(want))
		}
		if got := res.Header.Values("Vary"); len(got) != 1 || got[0] != "Accept-Encoding" {
			t.Errorf("%s: Vary %q", what, got)
		}
		if got := res.Header.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("%s: Content-Type %q", what, got)
		}
	}
	// The ETag differs by encoding, so a cache never mixes them up.
	r1, _ := f.get(t, "/web/app.wasm", "Accept-Encoding", "br")
	r2, _ := f.get(t, "/web/app.wasm", "Accept-Encoding", "gzip")
	r3, _ := f.get(t, "/web/app.wasm")
	if e1, e2, e3 := r1.Header.Get("ETag"), r2.Header.Get("ETag"), r3.Header.Get("ETag"); e1 == e2 || e2 == e3 || e1 == e3 {
		t.Errorf("ETags %s %s %s", e1, e2, e3)
	}
	// A HEAD answers the same length.
	req := httptest.NewRequest(http.MethodHead, "/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "br")
	rec := httptest.NewRecorder()
	f.host.ServeHTTP(rec, req)
	if rec.Header().Get("Content-Length") != strconv.Itoa(len(f.br)) || rec.Body.Len() != 0 {
		t.Errorf("HEAD: Content-Length %s, body %d", rec.Header().Get("Content-Length"), rec.Body.Len())
	}
}

func TestStaleCompressedWasmIgnored(t *testing.T) {
	f := newFixture(t)
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(f.web, "app.wasm.br"), old, old); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(f.web, "app.wasm.gz"))
	logs := &syncBuffer{}
	h, err := New(Config{Library: f.lib, WebDir: f.web, Logger: log.New(logs, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	f.host = h
	res, body := f.get(t, "/web/app.wasm", "Accept-Encoding", "br, gzip")
	if res.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, f.raw) || res.Header.Get("Content-Length") != strconv.Itoa(len(f.raw)) {
		t.Errorf("stale .br and missing .gz: Content-Encoding %q, %d bytes", res.Header.Get("Content-Encoding"), len(body))
	}
	if !strings.Contains(logs.String(), "app.wasm.br is older") || !strings.Contains(logs.String(), "app.wasm.gz is missing") {
		t.Errorf("no warning about the stale or missing files: %q", logs.String())
	}
}

func TestMissingWasm(t *testing.T) {
	f := newFixture(t)
	os.Remove(filepath.Join(f.web, "app.wasm"))
	_, err := New(Config{Library: f.lib, WebDir: f.web})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(f.web, "app.wasm")) || !strings.Contains(err.Error(), "make build") {
		t.Errorf("New without app.wasm: %v", err)
	}
}

func TestLibraryReloadsEditedFile(t *testing.T) {
	f := newFixture(t)
	path := filepath.Join(f.articles, "blinken-beijing-talks.txt")
	first, _ := f.lib.Article("blinken-beijing-talks")

	// A change of size.
	write(t, path, strings.Replace(blinken, "A second paragraph.", "A second, longer paragraph.", 1))
	a, ok := f.lib.Article("blinken-beijing-talks")
	if !ok || !strings.Contains(a.Text, "A second, longer paragraph.") {
		t.Fatalf("edited article not re-read: %v %q", ok, a.Text)
	}
	// Same size, new modification time.
	write(t, path, strings.Replace(blinken, "A second paragraph.", "A changed paragraph", 1))
	later := time.Now().Add(time.Minute)
	os.Chtimes(path, later, later)
	a, _ = f.lib.Article("blinken-beijing-talks")
	if !strings.Contains(a.Text, "A changed paragraph") || a.Hash == first.Hash {
		t.Fatalf("same-size edit not re-read: %q", a.Text)
	}
	res, body := f.get(t, "/api/articles/blinken-beijing-talks.json")
	if res.StatusCode != 200 || !bytes.Contains(body, []byte("A changed paragraph")) {
		t.Errorf("endpoint serves the old text: %s", body)
	}
	// A new file appears, a removed one goes.
	write(t, filepath.Join(f.articles, "third-one.txt"), "Third\n\nBody.\n")
	os.Remove(filepath.Join(f.articles, "reading-news-closely.md"))
	ids := f.lib.IDs()
	if strings.Join(ids, ",") != "third-one,blinken-beijing-talks" && strings.Join(ids, ",") != "blinken-beijing-talks,third-one" {
		t.Errorf("after adding and removing files: %v", ids)
	}
	if _, ok := f.lib.Article("reading-news-closely"); ok {
		t.Error("removed article still served")
	}
}

func TestLibraryLeavesOutBadFiles(t *testing.T) {
	f := newFixture(t)
	bad := map[string][]byte{
		"empty.txt":     nil,
		"blank.md":      []byte("  \n\n \t\n"),
		"binary.txt":    {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0xff, 0xfe},
		"latin-1.txt":   []byte("Caf\xe9 cr\xe8me\n\nUn paragraphe en ISO-8859-1.\n"),
		"too-large.txt": append([]byte("Big\n\n"), bytes.Repeat([]byte("word "), article.MaxSize/5+1)...),
		"title-only.md": []byte("# Only a title\n"),
	}
	for name, data := range bad {
		if err := os.WriteFile(filepath.Join(f.articles, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ids := f.lib.IDs()
	if strings.Join(ids, ",") != "blinken-beijing-talks,reading-news-closely" {
		t.Errorf("library with bad files: %v", ids)
	}
	logs := f.logs.String()
	for name := range bad {
		if !strings.Contains(logs, filepath.Join(f.articles, name)) {
			t.Errorf("no log line names %s; log:\n%s", name, logs)
		}
	}
	// A bad file is reported once, not on every request.
	f.lib.Summaries()
	f.lib.Summaries()
	if n := strings.Count(f.logs.String(), "empty.txt"); n != 1 {
		t.Errorf("empty.txt reported %d times", n)
	}
	res, body := f.get(t, "/api/library.json")
	if res.StatusCode != 200 || bytes.Contains(body, []byte("latin-1")) {
		t.Errorf("library: %d %s", res.StatusCode, body)
	}
	if res, _ := f.get(t, "/read/empty"); res.StatusCode != 404 {
		t.Errorf("a bad file's page: status %d", res.StatusCode)
	}
	// Fixed, it comes back.
	write(t, filepath.Join(f.articles, "empty.txt"), "Now a title\n\nAnd a body.\n")
	if _, ok := f.lib.Article("empty"); !ok {
		t.Error("a fixed file is not read again")
	}
}

func TestOpenLibraryMissingOrUnreadable(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "no-such-articles")
	_, err := OpenLibrary(dir, nil)
	if err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("missing folder: %v", err)
	}
	file := filepath.Join(t.TempDir(), "a-file")
	write(t, file, "x")
	_, err = OpenLibrary(file, nil)
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("a file, not a folder: %v", err)
	}
	locked := filepath.Join(t.TempDir(), "locked")
	os.Mkdir(locked, 0o000)
	defer os.Chmod(locked, 0o755)
	if _, err := os.ReadDir(locked); err == nil {
		t.Log("running as root: an unreadable folder cannot be made here")
		return
	}
	_, err = OpenLibrary(locked, nil)
	if err == nil || !strings.Contains(err.Error(), locked) {
		t.Errorf("unreadable folder: %v", err)
	}
}

func TestParseAcceptEncoding(t *testing.T) {
	got := parseAcceptEncoding(" gzip ;q=0.8, BR , deflate;q=0 ,identity; Q=0")
	if !got["gzip"] || !got["br"] || got["deflate"] || got["identity"] {
		t.Errorf("parseAcceptEncoding: %v", got)
	}
}

// BenchmarkLibraryIndex is the host's time to answer GET /api/library.json.
func BenchmarkLibraryIndex(b *testing.B) {
	f := newFixture(b)
	req := httptest.NewRequest(http.MethodGet, "/api/library.json", nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		f.host.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

// BenchmarkArticleJSON is the host's time to answer one article's JSON.
func BenchmarkArticleJSON(b *testing.B) {
	f := newFixture(b)
	req := httptest.NewRequest(http.MethodGet, "/api/articles/blinken-beijing-talks.json", nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		f.host.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

// markdown.wasm, the Markdown worker's parser, is served precompressed like
// app.wasm and cached by the service worker for offline use; a host whose
// web folder lacks it says so and still serves the app.
func TestMarkdownWasm(t *testing.T) {
	f := newFixture(t)
	if !strings.Contains(f.logs.String(), "markdown.wasm") {
		t.Errorf("no word in the log about the missing markdown.wasm: %q", f.logs.String())
	}
	if _, sw := f.get(t, "/app-worker.js"); strings.Contains(cachedList(sw), "markdown.wasm") {
		t.Errorf("the service worker caches a markdown.wasm the host does not have")
	}
	if res, _ := f.get(t, "/web/markdown.wasm"); res.StatusCode != http.StatusNotFound {
		t.Errorf("a missing markdown.wasm: status %d", res.StatusCode)
	}

	raw := bytes.Repeat([]byte("\x00asm markdown "), 300)
	write(t, filepath.Join(f.web, "markdown.wasm"), string(raw))
	write(t, filepath.Join(f.web, "markdown.wasm.br"), "md-brotli")
	write(t, filepath.Join(f.web, "markdown.wasm.gz"), "md-gzip")
	write(t, filepath.Join(f.web, "markdown-worker.js"), "importScripts('/wasm_exec.js');")
	h, err := New(Config{Library: f.lib, WebDir: f.web, Logger: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	f.host = h
	res, body := f.get(t, "/web/markdown.wasm", "Accept-Encoding", "br, gzip")
	if res.StatusCode != 200 || string(body) != "md-brotli" || res.Header.Get("Content-Encoding") != "br" || res.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("markdown.wasm: status %d, %q, Content-Encoding %q, Content-Type %q", res.StatusCode, body, res.Header.Get("Content-Encoding"), res.Header.Get("Content-Type"))
	}
	checkSecurityHeaders(t, "markdown.wasm", res.Header)
	if _, body := f.get(t, "/web/markdown.wasm"); !bytes.Equal(body, raw) {
		t.Errorf("markdown.wasm without an encoding is not the raw file")
	}
	_, sw := f.get(t, "/app-worker.js")
	for _, want := range []string{`"/web/markdown.wasm"`, `"/web/markdown-worker.js"`, `"/wasm_exec.js"`} {
		if !strings.Contains(cachedList(sw), want) {
			t.Errorf("the service worker does not cache %s", want)
		}
	}
}

// cachedList is the service worker's list of what it caches at install.
func cachedList(worker []byte) string {
	for _, line := range strings.Split(string(worker), "\n") {
		if strings.HasPrefix(line, "const resourcesToCache =") {
			return line
		}
	}
	return ""
}

// TestPageContentSecurityPolicyMeta: every page carries the header's policy
// as a <meta> too (for static hosts that send no headers), without
// frame-ancestors, which only works as a header.
func TestPageContentSecurityPolicyMeta(t *testing.T) {
	if want := metaContentSecurityPolicy + "; frame-ancestors 'none'"; contentSecurityPolicy != want {
		t.Errorf("the header's policy %q is not the meta's and frame-ancestors", contentSecurityPolicy)
	}
	if strings.Contains(metaContentSecurityPolicy, "frame-ancestors") {
		t.Errorf("the meta policy holds frame-ancestors, which browsers ignore there")
	}
	meta := strings.ReplaceAll(metaContentSecurityPolicy, "'", "&#39;")
	f := newFixture(t)
	for _, target := range []string{"/", "/read/blinken-beijing-talks", "/read/nope", "/nothing-here"} {
		_, body := f.get(t, target)
		if n := bytes.Count(body, []byte(`http-equiv="Content-Security-Policy"`)); n != 1 {
			t.Errorf("GET %s: %d Content-Security-Policy metas, want 1", target, n)
		}
		if !bytes.Contains(body, []byte(`content="`+meta+`"`)) {
			t.Errorf("GET %s: no meta with the policy %q", target, metaContentSecurityPolicy)
		}
	}
}
