package htmlblocks_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/webpage"
	"golang.org/x/net/html"
)

// FuzzBlocks reads any document as blocks: whatever the markup, every
// block has a known kind and text as article keeps it, and the blocks make
// an article. The corpus is in testdata/fuzz/FuzzBlocks.
func FuzzBlocks(f *testing.F) {
	for _, seed := range []string{
		"<p>a<br><br>b</p><ul><li>c<ul><li>d</li></ul>e</li></ul>",
		"<blockquote><table><tr><td>a</td><td><h2>b</h2></td></tr></table></blockquote>",
		"<h1><q>a<h2>b</h2></q></h1><tr><td>x",
		"<div hidden=until-found>a</div><span style=display:none>b</span>\x00\x07\u00ad",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := html.Parse(strings.NewReader(string(data)))
		if err != nil {
			t.Skip()
		}
		blocks := webpage.Blocks(doc)
		for _, b := range blocks {
			switch b.Kind {
			case "p", "h2", "h3", "h4", "h5", "h6", "li", "quote":
			default:
				t.Fatalf("block kind %q", b.Kind)
			}
			if b.Text == "" || b.Text != strings.TrimSpace(b.Text) || strings.Contains(b.Text, "  ") || strings.ContainsAny(b.Text, "\n\t\r") {
				t.Fatalf("block text not collapsed: %q", b.Text)
			}
			if !utf8.ValidString(b.Text) {
				t.Fatalf("block text not UTF-8: %q", b.Text)
			}
			for _, r := range b.Text {
				if r < 0x20 || r == 0x7f || r == 0xad || r == 0xfeff {
					t.Fatalf("block text holds U+%04X: %q", r, b.Text)
				}
			}
		}
		a, err := article.New("fuzz", "Title", blocks, article.Meta{})
		if len(blocks) == 0 {
			if !errors.Is(err, article.ErrNoBody) {
				t.Fatalf("no blocks: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("the blocks make no article: %v", err)
		}
		if len(a.Blocks) != len(blocks) {
			t.Fatalf("article.New changed the blocks: %d → %d", len(blocks), len(a.Blocks))
		}
		for i := range blocks {
			if a.Blocks[i].Text != blocks[i].Text {
				t.Fatalf("article.New changed %q to %q", blocks[i].Text, a.Blocks[i].Text)
			}
		}
	})
}
