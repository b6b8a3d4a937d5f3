package webpage

import (
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/article"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/pages")

// render writes what a reader gets from a page, for a golden file: the
// article's metadata and its blocks, one a line, or the error.
func render(a *article.Article, err error) string {
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\nauthor: %s\npublished: %s\nsource: %s\nwords: %d\n\n", a.Title, a.Author, a.Published, a.Source, a.Words)
	for _, bl := range a.Blocks {
		fmt.Fprintf(&b, "%s: %s\n", bl.Kind, bl.Text)
	}
	return b.String()
}

// TestGolden extracts each page of testdata/pages as the host does (with
// the address it was fetched from) and as a saved file (no address), and
// compares the articles with NAME.golden and NAME.file.golden.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/pages/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			addr, _ := url.Parse("https://pages.example.com/" + name)
			for _, c := range []struct {
				golden string
				page   Page
			}{
				{name + ".golden", Page{URL: addr, ContentType: "text/html; charset=utf-8"}},
				{name + ".file.golden", Page{}},
			} {
				a, err := Extract("web-"+name, data, c.page)
				if err == nil {
					checkArticle(t, a)
				}
				got := render(a, err)
				path := filepath.Join("testdata/pages", c.golden)
				if *update {
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to write it)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s--- want\n%s", c.golden, got, want)
				}
			}
		})
	}
}

// checkArticle checks what every extracted article must be: valid for
// article.New again, so its text is canonical, and free of page furniture.
func checkArticle(t *testing.T, a *article.Article) {
	t.Helper()
	again, err := article.New(a.ID, a.Title, a.Blocks, article.Meta{Source: a.Source, Author: a.Author, Published: a.Published})
	if err != nil {
		t.Fatalf("the article is not valid: %v", err)
	}
	if again.Hash != a.Hash {
		t.Fatalf("the article's text is not canonical")
	}
	for _, junk := range []string{"<", "Advertisement", "cookie", "Subscribe", "Reply", "[edit]", "Skip to content", "dataLayer", "^"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("the article's text holds %q", junk)
		}
	}
}

// The reader's message for a page with almost no text is the one the
// issue asks for, word for word.
func TestLittleTextMessage(t *testing.T) {
	const want = "This page has almost no article text — it may need a login. Copy the text from your browser and paste it instead."
	if ErrLittleText.Error() != want {
		t.Fatalf("ErrLittleText reads %q", ErrLittleText)
	}
}

func TestExtractRefuses(t *testing.T) {
	long := strings.Repeat("<p>Some words of a long enough article, said the reader to the writer.</p>\n", 40)
	cases := []struct {
		name string
		data string
		want error
	}{
		{"empty", "", ErrLittleText},
		{"blank", " \n\t ", ErrLittleText},
		{"no body text", "<html><head><title>Hello</title></head><body></body></html>", ErrLittleText},
		{"only scripts", "<title>App</title><div id=root></div><script>render(document.getElementById('root'))</script>", ErrLittleText},
		{"login page", `<title>Sign in</title><h1>Sign in to continue</h1><form><label>Email</label><input name=email><label>Password</label><input type=password><button>Sign in</button></form><p>Forgot your password? <a href="/reset">Reset it</a>.</p>`, ErrLittleText},
		{"short", "<title>Note</title><p>Just one short paragraph of text, far too short to be an article worth reading closely.</p>", ErrLittleText},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + long, article.ErrNotUTF8},
		{"too large", "<p>" + strings.Repeat("a ", MaxSize/2+1), article.ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Extract("x", []byte(c.data), Page{})
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, %v; want %v", a, err, c.want)
			}
		})
	}
	if _, err := Extract("Bad ID", []byte(long), Page{}); !errors.Is(err, article.ErrBadID) {
		t.Fatalf("a bad id: %v", err)
	}
	if _, err := Extract("x", []byte("<title>Long</title>"+long), Page{}); err != nil {
		t.Fatalf("a long enough page: %v", err)
	}
}

func TestEncodings(t *testing.T) {
	body := strings.Repeat("<p>Ein Bär aß Käse und Brötchen, während der Regen über die Dächer der Stadt fiel.</p>", 8)
	const want = "Ein Bär aß Käse"
	latin1 := func(s string) []byte {
		var out []byte
		for _, r := range s {
			out = append(out, byte(r))
		}
		return out
	}
	utf16le := func(s string) []byte {
		out := []byte{0xFF, 0xFE}
		for _, r := range s {
			out = append(out, byte(r), byte(r>>8))
		}
		return out
	}
	cases := []struct {
		name        string
		data        []byte
		contentType string
	}{
		{"utf-8 undeclared", []byte("<title>Käse</title>" + strings.Repeat("<!-- ascii padding -->", 60) + body), ""},
		{"utf-8 with BOM", []byte("\uFEFF<title>Käse</title>" + body), ""},
		{"latin-1 by meta", latin1(`<meta charset="iso-8859-1"><title>Käse</title>` + body), ""},
		{"windows-1252 by header", latin1("<title>Käse</title>" + body), "text/html; charset=windows-1252"},
		{"windows-1252 undeclared", latin1("<title>Käse</title>" + body), ""},
		{"utf-16le with BOM", utf16le("<title>Käse</title>" + body), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Extract("x", c.data, Page{ContentType: c.contentType})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != "Käse" || !strings.HasPrefix(a.Text, want) {
				t.Fatalf("title %q, text %.40q", a.Title, a.Text)
			}
		})
	}
}
