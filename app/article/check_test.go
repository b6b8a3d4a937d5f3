package article

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	a, err := ParseText("notes", []byte("A title\nSource: https://example.org/\n\nFirst paragraph.\n\nSecond “paragraph”, with 😀.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Check(); err != nil {
		t.Fatalf("a parsed article fails Check: %v", err)
	}
	for _, c := range []struct {
		want string
		edit func(a *Article)
	}{
		{"invalid id", func(a *Article) { a.ID = "../x" }},
		{"no title", func(a *Article) { a.Title = "" }},
		{"no text", func(a *Article) { a.Blocks = nil }},
		{"not UTF-8", func(a *Article) { a.Text += "\xff"; a.Hash = HashText(a.Text) }},
		{"content hash", func(a *Article) { a.Text += "x" }},
		{"starts at", func(a *Article) { a.Blocks[1].Start++ }},
		{"starts at", func(a *Article) { a.Blocks[0].Start = -1 }},
		{"unknown kind", func(a *Article) { a.Blocks[0].Kind = "div" }},
		{"do not make up its text", func(a *Article) { a.Blocks[1].Text = strings.ToUpper(a.Blocks[1].Text) }},
	} {
		b := *a
		b.Blocks = append([]Block(nil), a.Blocks...)
		c.edit(&b)
		if err := b.Check(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("want an error saying %q, got %v", c.want, err)
		}
	}
}
