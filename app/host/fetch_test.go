//go:build !wasm

package host

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/internal/testpages"
)

// The tests fetch from httptest servers on 127.0.0.1, which the real
// policy refuses. Each test's fetcher allows exactly its own servers'
// addresses and ports (allowOnly) and refuses every other address, so no
// test can connect anywhere else, even by mistake; the real policy,
// publicAddress, is tested on its own (TestPublicAddress) and against the
// test servers, which it must refuse (TestFetchRefusesThisComputer).

// page is a test server's page, and how many requests it answered.
type page struct {
	*httptest.Server
	hits atomic.Int32
}

func serve(t *testing.T, h http.HandlerFunc) *page {
	t.Helper()
	p := &page{}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *page) addr() netip.AddrPort {
	return p.Listener.Addr().(*net.TCPAddr).AddrPort()
}

func allowOnly(pages ...*page) func(netip.AddrPort) bool {
	return func(ap netip.AddrPort) bool {
		for _, p := range pages {
			if ap == p.addr() {
				return true
			}
		}
		return false
	}
}

// testFetcher is an enabled fetcher with the given policy and no rate
// limit (TestFetchRateLimit has one).
func testFetcher(allow func(netip.AddrPort) bool) *fetcher {
	f := newFetcher(http.NotFoundHandler(), FetchConfig{Enabled: true}, allow, fetchTimeout, 5<<20)
	f.limiter = newRateLimiter(1<<30, time.Nanosecond)
	return f
}

// fetchResult is an answer of /api/fetch.
type fetchResult struct {
	status  int
	header  http.Header
	article article.Article
	Error   string `json:"error"`
	Code    string `json:"code"`
}

// ask asks f for GET /api/fetch?url=target, as a client at 192.0.2.1.
func ask(t *testing.T, f http.Handler, target string) fetchResult {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/api/fetch?url="+url.QueryEscape(target), nil)
	req.RemoteAddr = "192.0.2.1:4000"
	rec := httptest.NewRecorder()
	f.ServeHTTP(rec, req)
	res := fetchResult{status: rec.Code, header: rec.Header()}
	if rec.Code == http.StatusNotFound {
		t.Fatalf("/api/fetch answered 404 for %s", target)
	}
	if got := rec.Header().Get("Content-Type"); got != "application/json; charset=utf-8" {
		t.Fatalf("Content-Type %q", got)
	}
	if rec.Header().Get("Cache-Control") != "no-store" || rec.Header().Get("Content-Security-Policy") == "" {
		t.Fatalf("headers: %v", rec.Header())
	}
	body := rec.Body.Bytes()
	if rec.Code == http.StatusOK {
		if err := json.Unmarshal(body, &res.article); err != nil {
			t.Fatalf("the article: %v\n%s", err, body)
		}
		return res
	}
	if rec.Code < 400 || rec.Code >= 500 {
		t.Fatalf("status %d for %s", rec.Code, target)
	}
	if err := json.Unmarshal(body, &res); err != nil || res.Error == "" || res.Code == "" {
		t.Fatalf("refusal without an error message: %v\n%s", err, body)
	}
	return res
}

// refused checks a refusal's status, code and the words of its message.
func (r fetchResult) refused(t *testing.T, status int, code string, words ...string) {
	t.Helper()
	if r.status != status || r.Code != code {
		t.Fatalf("got %d %s (%q), want %d %s", r.status, r.Code, r.Error, status, code)
	}
	for _, w := range words {
		if !strings.Contains(r.Error, w) {
			t.Errorf("the message %q does not say %q", r.Error, w)
		}
	}
}

func readPage(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "webpage", "testdata", "pages", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func htmlPage(data []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	}
}

func TestFetchArticle(t *testing.T) {
	news := readPage(t, "news-article.html")
	var agent, cookie atomic.Value
	var srv *page
	srv = serve(t, func(w http.ResponseWriter, r *http.Request) {
		agent.Store(r.UserAgent())
		cookie.Store(r.Header.Get("Cookie"))
		switch r.URL.Path {
		case "/old":
			http.SetCookie(w, &http.Cookie{Name: "session", Value: "x"})
			http.Redirect(w, r, "/news/ferry", http.StatusMovedPermanently)
		case "/news/ferry":
			htmlPage(news)(w, r)
		default:
			http.NotFound(w, r)
		}
	})
	f := testFetcher(allowOnly(srv))
	res := ask(t, f, srv.URL+"/old")
	if res.status != http.StatusOK {
		t.Fatalf("%d %s", res.status, res.Error)
	}
	a := res.article
	if a.Title != "Town council votes to reopen the old river ferry" || a.Author != "Maria Chen" || a.Published != "2025-03-14" {
		t.Errorf("metadata: %q by %q on %q", a.Title, a.Author, a.Published)
	}
	if want := srv.URL + "/news/ferry"; a.Source != want {
		t.Errorf("Source %q, want the final address %q", a.Source, want)
	}
	// The same shape as /api/articles/{id}.json: a valid article whose
	// derived fields are right.
	again, err := article.New(a.ID, a.Title, a.Blocks, article.Meta{Source: a.Source, Author: a.Author, Published: a.Published})
	if err != nil || again.Text != a.Text || again.Hash != a.Hash || again.Words != a.Words || len(a.Blocks) < 10 {
		t.Fatalf("not a whole article: %v", err)
	}
	if !strings.HasPrefix(a.ID, "local-") {
		t.Errorf("id %q", a.ID)
	}
	if agent.Load() != UserAgent || cookie.Load() != "" {
		t.Errorf("User-Agent %q, Cookie %q", agent.Load(), cookie.Load())
	}
	// The id comes from the final address: the same page, the same id.
	if again := ask(t, f, srv.URL+"/news/ferry"); again.article.ID != a.ID {
		t.Errorf("one page, two ids: %q, %q", a.ID, again.article.ID)
	}
	if other := ask(t, f, srv.URL+"/news/ferry?page=2"); other.article.ID == a.ID {
		t.Errorf("two pages, one id %q", a.ID)
	}
}

func TestFetchPlainText(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		w.Write([]byte("Caf\xe9 notes\nAuthor: Ann\n\nA first paragraph\nover two lines.\n\nA second one.\n"))
	})
	res := ask(t, testFetcher(allowOnly(srv)), srv.URL+"/notes.txt")
	a := res.article
	if res.status != http.StatusOK || a.Title != "Café notes" || a.Author != "Ann" || len(a.Blocks) != 2 ||
		a.Blocks[0].Text != "A first paragraph over two lines." || a.Source != srv.URL+"/notes.txt" {
		t.Fatalf("%d %q: %+v", res.status, res.Error, a)
	}
}

func TestFetchRefusesAddresses(t *testing.T) {
	f := testFetcher(publicAddress)
	for _, c := range []struct{ target, code string }{
		{"", codeBadAddress},
		{"example.com/article", codeBadAddress},
		{"ftp://example.com/article", codeBadAddress},
		{"file:///etc/passwd", codeBadAddress},
		{"javascript:alert(1)", codeBadAddress},
		{"https://user:secret@example.com/", codeBadAddress},
		{"https://example.com/" + strings.Repeat("a", fetchMaxURL), codeBadAddress},
		{"http://10.0.0.1/", codeForbidden},
		{"http://172.16.5.4:8080/admin", codeForbidden},
		{"http://192.168.1.1/", codeForbidden},
		{"http://169.254.169.254/latest/meta-data/", codeForbidden},
		{"http://100.64.0.1/", codeForbidden},
		{"http://0.0.0.0/", codeForbidden},
		{"http://127.0.0.1:8000/", codeForbidden},
		{"http://[::1]/", codeForbidden},
		{"http://[::ffff:127.0.0.1]/", codeForbidden},
		{"http://[::ffff:10.1.2.3]/", codeForbidden},
		{"http://[fe80::1%25eth0]/", codeForbidden},
		{"http://[fd12:3456::1]/", codeForbidden},
		{"http://[64:ff9b::a00:1]/", codeForbidden},
		{"http://[2002:c0a8:101::1]/", codeForbidden},
		{"http://224.0.0.1/", codeForbidden},
	} {
		t.Run(c.target, func(t *testing.T) {
			res := ask(t, f, c.target)
			status := http.StatusBadRequest
			if c.code == codeForbidden {
				status = http.StatusForbidden
			}
			res.refused(t, status, c.code)
		})
	}
}

// The real policy refuses the test servers, which are on this computer,
// however they are named: by IP address (refused before connecting), and
// by a name that resolves to one (refused when dialling, after DNS).
func TestFetchRefusesThisComputer(t *testing.T) {
	srv := serve(t, htmlPage(readPage(t, "news-article.html")))
	port := srv.addr().Port()
	f := testFetcher(publicAddress)
	for _, target := range []string{
		srv.URL + "/",
		fmt.Sprintf("http://localhost:%d/", port),
	} {
		ask(t, f, target).refused(t, http.StatusForbidden, codeForbidden, "127.0.0.1", "paste")
	}
	if n := srv.hits.Load(); n != 0 {
		t.Fatalf("the server on this computer was asked %d times", n)
	}
}

func TestFetchRedirectToPrivateAddress(t *testing.T) {
	inside := serve(t, htmlPage(readPage(t, "news-article.html")))
	outside := serve(t, func(w http.ResponseWriter, r *http.Request) {
		to := map[string]string{
			"/to-private":   "http://192.168.0.10/router",
			"/to-metadata":  "http://169.254.169.254/latest/meta-data/",
			"/to-name":      fmt.Sprintf("http://localhost:%d/", inside.addr().Port()),
			"/to-file":      "file:///etc/passwd",
			"/to-localhost": inside.URL + "/",
		}[r.URL.Path]
		http.Redirect(w, r, to, http.StatusFound)
	})
	// The page asked for is allowed; where it redirects is not.
	f := testFetcher(allowOnly(outside))
	for _, path := range []string{"/to-private", "/to-metadata", "/to-name", "/to-localhost"} {
		ask(t, f, outside.URL+path).refused(t, http.StatusForbidden, codeForbidden, "private network")
	}
	ask(t, f, outside.URL+"/to-file").refused(t, http.StatusBadRequest, codeBadAddress)
	if n := inside.hits.Load(); n != 0 {
		t.Fatalf("the private server was asked %d times", n)
	}
}

func TestFetchRedirects(t *testing.T) {
	news := readPage(t, "news-article.html")
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/hop/%d", &n); err != nil || n == 0 {
			htmlPage(news)(w, r)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
	f := testFetcher(allowOnly(srv))
	if res := ask(t, f, srv.URL+"/hop/5"); res.status != http.StatusOK || res.article.Source != srv.URL+"/hop/0" {
		t.Fatalf("five redirects: %d %s", res.status, res.Error)
	}
	ask(t, f, srv.URL+"/hop/6").refused(t, http.StatusUnprocessableEntity, codeRedirects, "more than 5 times")
}

func TestFetchSlowServer(t *testing.T) {
	release := make(chan struct{})
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/trickle" {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><p>"))
			w.(http.Flusher).Flush()
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	f := newFetcher(http.NotFoundHandler(), FetchConfig{Enabled: true}, allowOnly(srv), 300*time.Millisecond, 5<<20)
	for _, path := range []string{"/no-headers", "/trickle"} {
		start := time.Now()
		ask(t, f, srv.URL+path).refused(t, http.StatusUnprocessableEntity, codeTimeout, "too long")
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: gave up after %v", path, d)
		}
	}
}

func TestFetchHugeBody(t *testing.T) {
	news := readPage(t, "news-article.html")
	var sent atomic.Int64
	pad := []byte("<!--" + strings.Repeat("padding ", 8<<10) + "-->\n")
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		if r.URL.Path == "/article-first" {
			n, _ := w.Write(news[:len(news)-len("</body>\n</html>\n")])
			sent.Add(int64(n))
		}
		for i := 0; i < (50<<20)/len(pad); i++ { // 50 MB
			n, err := w.Write(pad)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	f := testFetcher(allowOnly(srv))
	res := ask(t, f, srv.URL+"/article-first")
	if res.status != http.StatusOK || res.article.Title != "Town council votes to reopen the old river ferry" {
		t.Fatalf("a page cut at 5 MB: %d %s", res.status, res.Error)
	}
	ask(t, f, srv.URL+"/padding-first").refused(t, http.StatusUnprocessableEntity, codeTooLarge, "larger than 5 MB")
	srv.CloseClientConnections()
	if n := sent.Load(); n > 40<<20 {
		t.Errorf("read %d MB of two 50 MB pages", n>>20)
	}
}

func TestFetchNotAPage(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 2000)...)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/file.bin":
			w.Header().Set("Content-Type", "application/octet-stream")
		case "/file.pdf":
			w.Header().Set("Content-Type", "application/pdf")
		case "/lying.html":
			w.Header().Set("Content-Type", "text/html")
		case "/untyped":
			w.Header()["Content-Type"] = nil // no type: the bytes are sniffed
		}
		w.Write(png)
	})
	f := testFetcher(allowOnly(srv))
	ask(t, f, srv.URL+"/file.bin").refused(t, http.StatusUnprocessableEntity, codeNotPage, "binary data", "not a web page")
	ask(t, f, srv.URL+"/file.pdf").refused(t, http.StatusUnprocessableEntity, codeNotPage, "a PDF file")
	ask(t, f, srv.URL+"/lying.html").refused(t, http.StatusUnprocessableEntity, codeNotPage, "binary data")
	ask(t, f, srv.URL+"/untyped").refused(t, http.StatusUnprocessableEntity, codeNotPage, "an image")
}

func TestFetchSiteErrors(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/paywall":
			htmlPage(readPage(t, "paywall-stub.html"))(w, r)
		case "/login":
			http.Error(w, "sign in", http.StatusForbidden)
		case "/broken":
			http.Error(w, "oops", http.StatusInternalServerError)
		default:
			http.NotFound(w, r)
		}
	})
	f := testFetcher(allowOnly(srv))
	ask(t, f, srv.URL+"/paywall").refused(t, http.StatusUnprocessableEntity, codeNoArticle, "almost no article text", "paste")
	ask(t, f, srv.URL+"/missing").refused(t, http.StatusUnprocessableEntity, codeStatus, "no page at this address", "404")
	ask(t, f, srv.URL+"/login").refused(t, http.StatusUnprocessableEntity, codeStatus, "login")
	ask(t, f, srv.URL+"/broken").refused(t, http.StatusUnprocessableEntity, codeStatus, "500")
	// A port nothing listens on: the test server's, once closed.
	closed := serve(t, htmlPage(nil))
	closed.Close()
	ask(t, testFetcher(allowOnly(closed)), closed.URL+"/").refused(t, http.StatusUnprocessableEntity, codeUnreached, "could not be reached")
}

func TestFetchDisabled(t *testing.T) {
	f := newFetcher(http.NotFoundHandler(), FetchConfig{Enabled: false}, publicAddress, fetchTimeout, 5<<20)
	ask(t, f, "https://example.com/article").refused(t, http.StatusForbidden, codeDisabled, "does not fetch", "paste")
}

func TestFetchMethods(t *testing.T) {
	f := testFetcher(publicAddress)
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		rec := httptest.NewRecorder()
		f.ServeHTTP(rec, httptest.NewRequest(m, "/api/fetch?url=https://example.com/", nil))
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: %d, Allow %q", m, rec.Code, rec.Header().Get("Allow"))
		}
	}
}

func TestFetchRateLimit(t *testing.T) {
	f := newFetcher(http.NotFoundHandler(), FetchConfig{Enabled: true}, publicAddress, fetchTimeout, 5<<20)
	for i := 0; i < fetchBurst; i++ {
		ask(t, f, "ftp://example.com/").refused(t, http.StatusBadRequest, codeBadAddress)
	}
	res := ask(t, f, "ftp://example.com/")
	res.refused(t, http.StatusTooManyRequests, codeRateLimit, "Wait a minute")
	if res.header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	// Another client is not held up.
	req := httptest.NewRequest(http.MethodGet, "/api/fetch?url=ftp://example.com/", nil)
	req.RemoteAddr = "[2001:db8::1]:4000"
	rec := httptest.NewRecorder()
	f.ServeHTTP(rec, req)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("another client: %d", rec.Code)
	}
}

// The app asks without an address to learn whether the host fetches
// pages: the answer says so (400 when it does, 403 when fetching is off)
// and costs no part of the client's rate limit.
func TestFetchProbe(t *testing.T) {
	f := newFetcher(http.NotFoundHandler(), FetchConfig{Enabled: true}, publicAddress, fetchTimeout, 5<<20)
	for i := 0; i < 3*fetchBurst; i++ {
		ask(t, f, "").refused(t, http.StatusBadRequest, codeBadAddress, "Give the address")
	}
	ask(t, f, "ftp://example.com/").refused(t, http.StatusBadRequest, codeBadAddress, "Only web addresses")
	off := newFetcher(http.NotFoundHandler(), FetchConfig{Enabled: false}, publicAddress, fetchTimeout, 5<<20)
	ask(t, off, "").refused(t, http.StatusForbidden, codeDisabled, "does not fetch")
}

func TestRateLimiterRefills(t *testing.T) {
	l := newRateLimiter(2, time.Second)
	key := netip.MustParsePrefix("192.0.2.1/32")
	now := time.Unix(1000, 0)
	for i, want := range []bool{true, true, false} {
		if _, ok := l.take(key, now); ok != want {
			t.Fatalf("take %d: %v", i, ok)
		}
	}
	if wait, _ := l.take(key, now); wait != time.Second {
		t.Fatalf("wait %v", wait)
	}
	if _, ok := l.take(key, now.Add(time.Second)); !ok {
		t.Fatal("no token after a second")
	}
	if _, ok := l.take(key, now.Add(time.Second)); ok {
		t.Fatal("two tokens after a second")
	}
}

func TestPublicAddress(t *testing.T) {
	for _, c := range []struct {
		addr   string
		public bool
	}{
		{"93.184.216.34", true},
		{"8.8.8.8", true},
		{"2606:4700::6810:85e5", true},
		{"::ffff:93.184.216.34", true},
		{"64:ff9b::5db8:d822", true}, // NAT64 of 93.184.216.34
		{"2002:5db8:d822::1", true},  // 6to4 of 93.184.216.34
		{"127.0.0.1", false},
		{"127.1.2.3", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.168.0.1", false},
		{"169.254.169.254", false},
		{"100.64.0.1", false},
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"255.255.255.255", false},
		{"224.0.0.251", false},
		{"192.0.0.8", false},
		{"192.0.2.1", false},
		{"198.18.0.1", false},
		{"198.51.100.7", false},
		{"203.0.113.9", false},
		{"240.0.0.1", false},
		{"::", false},
		{"::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:192.168.1.1", false},
		{"::127.0.0.1", false},
		{"fe80::1", false},
		{"fe80::1%eth0", false},
		{"fc00::1", false},
		{"fd00::1", false},
		{"fec0::1", false},
		{"ff02::1", false},
		{"64:ff9b::7f00:1", false},     // NAT64 of 127.0.0.1
		{"64:ff9b:1::a00:1", false},    // local-use NAT64
		{"2002:7f00:1::1", false},      // 6to4 of 127.0.0.1
		{"2002:c0a8:101::1", false},    // 6to4 of 192.168.1.1
		{"2001:db8::1", false},         // documentation
		{"2001:0:4136:e378::1", false}, // Teredo
		{"100::1", false},
	} {
		a := netip.MustParseAddr(c.addr)
		if got := publicAddress(netip.AddrPortFrom(a, 443)); got != c.public {
			t.Errorf("publicAddress(%s) = %v", c.addr, got)
		}
	}
}

// The static site has no /api/fetch, and neither has the Host without
// WithFetch: both answer 404, which the endpoint itself never does, so
// the app can tell a deployment that does not fetch.
func TestStaticSiteHasNoFetch(t *testing.T) {
	fx := newFixture(t)
	if res, _ := fx.get(t, "/api/fetch?url=https://example.com/"); res.StatusCode != http.StatusNotFound {
		t.Fatalf("the Host alone answered %d", res.StatusCode)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := fx.host.WriteStatic(dir); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "api", "fetch*"))
	if len(matches) > 0 {
		t.Fatalf("the static site has %v", matches)
	}
	// And WithFetch passes everything else to the Host.
	h := WithFetch(fx.host, FetchConfig{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/library.json", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("/api/library.json through WithFetch: %d", rec.Code)
	}
}

// The service worker never caches /api/fetch nor answers it from a cache.
func TestServiceWorkerLeavesFetchAlone(t *testing.T) {
	i := strings.Index(serviceWorkerJS, `if (url.pathname === "/api/fetch") {`)
	j := strings.Index(serviceWorkerJS, "event.respondWith")
	if i < 0 || j < 0 || i > j {
		t.Fatal("the worker's fetch handler does not return before responding to /api/fetch")
	}
}

// BenchmarkFetch5000Words is GET /api/fetch end to end on loopback for a
// 5,000-word page (about 400 KB): the request, the fetch from a local
// server, the extraction and the JSON answer. It reports ms per page.
func BenchmarkFetch5000Words(b *testing.B) {
	pageData := testpages.LongPage(5000)
	srv := httptest.NewServer(htmlPage(pageData))
	defer srv.Close()
	ap := srv.Listener.Addr().(*net.TCPAddr).AddrPort()
	f := testFetcher(func(a netip.AddrPort) bool { return a == ap })
	host := httptest.NewServer(f)
	defer host.Close()
	target := host.URL + "/api/fetch?url=" + url.QueryEscape(srv.URL+"/long")
	get := func() {
		res, err := http.Get(target)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			b.Fatalf("%d %s", res.StatusCode, body)
		}
	}
	get()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		get()
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/page")
}
