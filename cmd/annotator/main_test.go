//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/annotator/annotator/app/host"
	"github.com/annotator/annotator/app/ui"
)

// TestMain doubles as the program: with ANNOTATOR_RUN_MAIN=1 the test binary
// runs main() with its arguments, so the tests can watch the real program
// start, fail and stop without building it.
func TestMain(m *testing.M) {
	if os.Getenv("ANNOTATOR_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// program starts this test binary as the annotator program.
func program(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "ANNOTATOR_RUN_MAIN=1")
	return cmd
}

// fakeWeb is a web folder with a stand-in app.wasm.
func fakeWeb(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{
		"app.wasm": "\x00asm stand-in",
		"app.css":  "body{}",
		"icon.svg": "<svg/>",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestMissingArticlesFolderExits(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-articles-here")
	cmd := program(t, "-addr", "127.0.0.1:0", "-articles", missing, "-web", fakeWeb(t))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if code := cmd.ProcessState.ExitCode(); err == nil || code == 0 {
		t.Fatalf("exit code %d (%v), want non-zero", code, err)
	}
	if !strings.Contains(stderr.String(), missing) {
		t.Errorf("the message does not name the folder %s: %q", missing, stderr.String())
	}
}

func TestArticlesNotAFolderExits(t *testing.T) {
	file := filepath.Join(t.TempDir(), "articles.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	cmd := program(t, "-addr", "127.0.0.1:0", "-articles", file, "-web", fakeWeb(t))
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), file) {
		t.Errorf("articles is a file: %v, %q", err, out)
	}
}

var listening = regexp.MustCompile(`at (http://[0-9.:]+)/`)

func TestSIGTERMStopsCleanly(t *testing.T) {
	cmd := program(t, "-addr", "127.0.0.1:0", "-articles", "../../articles", "-web", fakeWeb(t))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var url string
	select {
	case line := <-lines:
		m := listening.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("first line %q names no address", line)
		}
		url = m[1]
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("no address printed; stderr %q", stderr.String())
	}
	res, err := http.Get(url + "/api/library.json")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("serving: %v %v", res, err)
	}
	res.Body.Close()
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after SIGTERM: %v; stderr %q", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 10 s after SIGTERM")
	}
	var rest []string
	for l := range lines {
		rest = append(rest, l)
	}
	if !strings.Contains(strings.Join(rest, "\n"), "Annotator stopped.") {
		t.Errorf("no goodbye after SIGTERM: %q", rest)
	}
	if _, err := http.Get(url + "/"); err == nil {
		t.Error("still answering after it stopped")
	}
}

// The host with the app's real routes (ui.Register), over the bundled library.
var (
	appOnce sync.Once
	appHost *host.Host
	appLib  *host.Library
	appErr  error
)

func appHandler(t testing.TB) *host.Host {
	t.Helper()
	appOnce.Do(func() {
		var lib *host.Library
		lib, appErr = host.OpenLibrary("../../articles", nil)
		if appErr != nil {
			return
		}
		appLib = lib
		dir, err := os.MkdirTemp("", "annotator-web-")
		if err != nil {
			appErr = err
			return
		}
		// The host holds app.wasm in memory; the folder can go at once.
		defer os.RemoveAll(dir)
		for name, data := range map[string]string{"app.wasm": "\x00asm", "app.css": "body{}"} {
			os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644)
		}
		appHost, appErr = host.New(host.Config{Library: lib, WebDir: dir})
	})
	if appErr != nil {
		t.Fatal(appErr)
	}
	ui.Register(appLib) // again: another test may have registered its own library
	return appHost
}

func getPage(t testing.TB, target string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	appHandler(t).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body)
}

// articleParagraph is a paragraph of the seed article with curly quotes.
func articleParagraph(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("../../articles/blinken-beijing-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range strings.Split(string(data), "\n\n") {
		if strings.Contains(p, "“candid") {
			return strings.TrimSpace(p)
		}
	}
	t.Fatal("the seed article has no “candid” paragraph")
	return ""
}

func TestPrerenderedArticle(t *testing.T) {
	code, body := getPage(t, "/read/blinken-beijing-talks")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	para := articleParagraph(t)
	// The text is in the HTML itself, inside <article>, quotes as written.
	i := strings.Index(body, para)
	if i < 0 {
		t.Fatalf("the page lacks the paragraph %q:\n%s", para, body)
	}
	if a := strings.Index(body, "<article"); a < 0 || a > i || !strings.Contains(body[i:], "</article>") {
		t.Errorf("the paragraph is not inside <article>")
	}
	title := "‘A real conversation’: Blinken has ‘constructive’ talks in China"
	if !strings.Contains(body, title) {
		t.Errorf("the page lacks the title %q", title)
	}
	for _, bad := range []string{"&#8216;", "&#8220;", `\u2018`, `\u201c`, "â€"} {
		if strings.Contains(body, bad) {
			t.Errorf("curly quotes mangled as %q", bad)
		}
	}
	if strings.Contains(body, "Related posts") || strings.Contains(body, "Leave a Comment") {
		t.Error("the page shows the scrape's site residue")
	}
}

func TestPrerenderedLibrary(t *testing.T) {
	code, body := getPage(t, "/")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	for _, want := range []string{
		`href="/read/blinken-beijing-talks"`, "Blinken has ‘constructive’ talks in China",
		`href="/read/reading-news-closely"`, "How to read a news story closely",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the library page lacks %q", want)
		}
	}
}

func TestPrerenderedNotFound(t *testing.T) {
	for _, target := range []string{"/read/nope", "/read/BAD_ID", "/read/..%2fgo.mod", "/no-such-page"} {
		code, body := getPage(t, target)
		if code != 404 {
			t.Errorf("%s: status %d, want 404", target, code)
		}
		if target == "/read/nope" && !strings.Contains(body, "Article not found") {
			t.Errorf("%s: no “Article not found”:\n%s", target, body)
		}
		if !strings.Contains(body, `href="/"`) || !strings.Contains(body, "Back to the library") {
			t.Errorf("%s: no link back to the library", target)
		}
		if strings.Contains(body, "module github.com") {
			t.Errorf("%s: served go.mod", target)
		}
	}
}

// BenchmarkPrerenderedArticle is the host's time to answer GET
// /read/blinken-beijing-talks: the article page prerendered with its text.
func BenchmarkPrerenderedArticle(b *testing.B) {
	h := appHandler(b)
	req := httptest.NewRequest(http.MethodGet, "/read/blinken-beijing-talks", nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

// BenchmarkPrerenderedLibrary is the same for the library page.
func BenchmarkPrerenderedLibrary(b *testing.B) {
	h := appHandler(b)
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
