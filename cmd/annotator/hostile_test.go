//go:build !wasm

package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/host"
	"github.com/annotator/annotator/app/ui"
	"golang.org/x/net/html"
)

// Hostile header lines of article files: each payload, if it broke out of
// its attribute or element, would add an element with an id starting
// "pwn" or an on… attribute.
var hostileHeaders = struct{ title, source, author, published string }{
	title:     `Hostile </title><script id=pwn1>alert(1)</script> "no deal" & 'quotes'`,
	source:    `https://example.org/?q="><img id=pwn2 src=x onerror=alert(2)>&x='1'`,
	author:    `A "quoted" author"><svg id=pwn3 onload=alert(3)></svg>`,
	published: `2024-01-01"><iframe id=pwn4 src=javascript:alert(4)></iframe>`,
}

func hostileLibrary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	h := hostileHeaders
	txt := h.title + "\nSource: " + h.source + "\nAuthor: " + h.author + "\nPublished: " + h.published +
		"\n\nA paragraph with <b id=pwn5>markup</b> in it.\n"
	md := "---\ntitle: " + h.title + "\nsource: " + h.source + "\nauthor: " + h.author + "\ndate: " + h.published +
		"\n---\n\nA paragraph of the Markdown article.\n"
	for name, data := range map[string]string{"hostile-text.txt": txt, "hostile-markdown.md": md} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func hostileHost(t *testing.T, articles string) *host.Host {
	t.Helper()
	web := t.TempDir()
	for name, data := range map[string]string{"app.wasm": "\x00asm", "app.css": "body{}"} {
		if err := os.WriteFile(filepath.Join(web, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib, err := host.OpenLibrary(articles, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(lib.IDs()); n != 2 {
		t.Fatalf("the hostile library has %d articles, want 2", n)
	}
	ui.Register(lib)
	t.Cleanup(func() { ui.Register(nil) })
	h, err := host.New(host.Config{Library: lib, WebDir: web})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// checkNoInjection parses page as a browser does and fails on any element
// or attribute that the hostile headers could have added: an id starting
// "pwn", an event handler attribute, a script other than the app's two, a
// frame, or a second Content-Security-Policy. It also checks that the
// values came through whole: the title, and the source link.
func checkNoInjection(t *testing.T, what string, page []byte, article bool) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	var title, ogTitle, sourceHref string
	var csp int
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s> has an injected %s attribute", what, n.Data, a.Key)
				}
				if a.Key == "id" && strings.HasPrefix(a.Val, "pwn") {
					t.Errorf("%s: an injected <%s id=%s> element", what, n.Data, a.Val)
				}
			}
			switch n.Data {
			case "script":
				if src := attr["src"]; src != "/wasm_exec.js" && src != "/app.js" {
					t.Errorf("%s: an injected <script src=%q>", what, src)
				}
			case "iframe", "object", "embed", "base", "svg":
				t.Errorf("%s: an injected <%s>", what, n.Data)
			case "title":
				if n.FirstChild != nil {
					title = n.FirstChild.Data
				}
			case "meta":
				if attr["property"] == "og:title" {
					ogTitle = attr["content"]
				}
				if strings.EqualFold(attr["http-equiv"], "Content-Security-Policy") {
					csp++
					if !strings.Contains(attr["content"], "default-src 'self'") || strings.Contains(attr["content"], "frame-ancestors") {
						t.Errorf("%s: the page's policy is %q", what, attr["content"])
					}
				}
			case "a":
				if attr["data-test-source"] != "" || (n.Parent != nil && hasAttr(n.Parent, "data-meta", "source")) {
					sourceHref = attr["href"]
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if csp != 1 {
		t.Errorf("%s: %d Content-Security-Policy <meta> elements, want 1", what, csp)
	}
	if !article {
		return
	}
	if want := hostileHeaders.title + " · Annotator"; title != want || ogTitle != want {
		t.Errorf("%s: title %q, og:title %q, want %q", what, title, ogTitle, want)
	}
	if sourceHref != hostileHeaders.source {
		t.Errorf("%s: the source link goes to %q, want %q", what, sourceHref, hostileHeaders.source)
	}
}

func hasAttr(n *html.Node, key, val string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Val == val {
			return true
		}
	}
	return false
}

// TestHostileArticleHeadersServed: no header line of an article file, however
// hostile, adds markup to a page the host serves.
func TestHostileArticleHeadersServed(t *testing.T) {
	h := hostileHost(t, hostileLibrary(t))
	for _, c := range []struct {
		target  string
		article bool
	}{
		{"/read/hostile-text", true},
		{"/read/hostile-markdown", true},
		{"/", false},
		{"/read/no-such-article", false},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, c.target, nil))
		if rec.Code != 200 && rec.Code != 404 {
			t.Errorf("GET %s: status %d", c.target, rec.Code)
		}
		checkNoInjection(t, "GET "+c.target, rec.Body.Bytes(), c.article)
	}
}

// TestHostileArticleHeadersStatic: nor does it in any page -static writes.
func TestHostileArticleHeadersStatic(t *testing.T) {
	h := hostileHost(t, hostileLibrary(t))
	dist := filepath.Join(t.TempDir(), "dist")
	if _, err := h.WriteStatic(dist); err != nil {
		t.Fatal(err)
	}
	pages := 0
	err := filepath.WalkDir(dist, func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pages++
		rel, _ := filepath.Rel(dist, p)
		checkNoInjection(t, rel, data, strings.HasPrefix(rel, "read"+string(filepath.Separator)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages != 5 { // index.html, 404.html, share/index.html and two articles
		t.Errorf("checked %d pages, want 5", pages)
	}
}
