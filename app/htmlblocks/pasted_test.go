package htmlblocks_test

import (
	"strings"
	"testing"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/htmlblocks"
	"github.com/annotator/annotator/app/webpage"
	"golang.org/x/net/html"
)

// pasted reads an HTML fragment as the app reads the clipboard's HTML.
func pasted(t *testing.T, src string) (*article.Article, error) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return htmlblocks.Pasted("local-pasted", webpage.Blocks(doc), "")
}

func TestPastedTitle(t *testing.T) {
	long := strings.Repeat("The council met on Tuesday evening and talked for a long time about the ferry ", 3)
	cases := []struct {
		name, html, title, blocks string
	}{
		{"first heading",
			"<h1>Ferry returns</h1><p>The council voted.</p><ul><li>one</li><li>two</li></ul>",
			"Ferry returns", "p: The council voted.\nli: one\nli: two\n"},
		{"heading after a kicker and a date, which stay",
			"<p>Local news</p><p>5 March 2025</p><h2>Ferry returns</h2><p>The council voted.</p>",
			"Ferry returns", "p: Local news\np: 5 March 2025\np: The council voted.\n"},
		{"a heading after a paragraph is a section heading",
			"<p>" + long + "</p><h2>What next</h2><p>More.</p>",
			"The council met on Tuesday evening and talked for a long time about the ferry…",
			"p: " + strings.TrimSpace(long) + "\nh2: What next\np: More.\n"},
		{"no heading: the first line",
			"<p>Ferry returns</p><p>The council voted.</p>",
			"Ferry returns", "p: The council voted.\n"},
		{"Chrome's clipboard wrapping",
			`<html><body><!--StartFragment--><h2 style="color: rgb(0, 0, 0);">Ferry <a href="https://example.org/">returns</a></h2><p>The council voted.</p><!--EndFragment--></body></html>`,
			"Ferry returns", "p: The council voted.\n"},
		{"one paragraph: its first sentence is the title, the paragraph the text",
			"<p>The council voted nine to four. The ferry runs again in May.</p>",
			"The council voted nine to four", "p: The council voted nine to four. The ferry runs again in May.\n"},
		{"one long sentence: cut at a word",
			"<p>" + long + "</p>",
			"The council met on Tuesday evening and talked for a long time about the ferry…",
			"p: " + strings.TrimSpace(long) + "\n"},
		{"quotations and lists stay blocks",
			"<h3>Said</h3><blockquote><p>We will.</p></blockquote><ol><li>a</li></ol>",
			"Said", "quote: We will.\nli: a\n"},
		{"scripts, styles, images and forms dropped",
			`<h1>T</h1><script>alert(1)</script><style>p{}</style><img src="x" alt="pic"><form><input value="v"><button>Go</button>Form text</form><p>Body.</p>`,
			"T", "p: Form text\np: Body.\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := pasted(t, c.html)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.title {
				t.Errorf("title %q, want %q", a.Title, c.title)
			}
			if got := render(a.Blocks); got != c.blocks {
				t.Errorf("blocks\n%s\nwant\n%s", got, c.blocks)
			}
		})
	}
}

func TestPastedNothing(t *testing.T) {
	for _, src := range []string{"", "<script>x</script>", "<img src=x>", "<p>  </p>"} {
		if _, err := pasted(t, src); err == nil {
			t.Errorf("%q made an article", src)
		}
	}
	// A lone heading is a title without text.
	if _, err := pasted(t, "<h1>Only a title</h1>"); err == nil {
		t.Errorf("a lone heading made an article")
	}
}

func TestPastedSource(t *testing.T) {
	a, err := htmlblocks.Pasted("local-x", []article.Block{{Kind: "h2", Text: "T"}, {Kind: "p", Text: "b"}}, "https://example.org/a")
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "https://example.org/a" {
		t.Errorf("source %q", a.Source)
	}
}

// PlainText is what the text box shows: added as typed text, it makes the
// same paragraphs.
func TestPlainTextReadsBack(t *testing.T) {
	a, err := pasted(t, "<h1>Ferry returns</h1><p>The council voted.</p><ul><li>one</li><li>two</li></ul>")
	if err != nil {
		t.Fatal(err)
	}
	text := htmlblocks.PlainText(a)
	if text != "Ferry returns\n\nThe council voted.\n\none\n\ntwo" {
		t.Errorf("PlainText %q", text)
	}
	b, err := article.ParseText("local-x", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != a.Title || b.Text != a.Text {
		t.Errorf("read back: %q / %q", b.Title, b.Text)
	}
}
