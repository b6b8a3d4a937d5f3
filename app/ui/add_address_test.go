package ui

import (
	"strings"
	"testing"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// Fetching a page again re-anchors its annotations as the reader page
// will, and the message says which moved, changed or are gone.
func TestReanchorAfterFetchingAgain(t *testing.T) {
	old, err := article.New("local-a", "T", []article.Block{
		{Text: "The council voted nine to four to bring back the ferry."},
		{Text: "It will run hourly at weekends."},
		{Text: "Critics said the cost was too high."},
	}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	newer, err := article.New("local-a", "T", []article.Block{
		{Text: "Updated: a correction was made."},
		{Text: "The council voted nine to four to bring back the ferry."},
		{Text: "It will run hourly on weekends."},
	}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	text := anchor.NewText(old.Text)
	ann := func(quote string) annotation.Annotation {
		i := strings.Index(old.Text, quote)
		start := len([]rune(old.Text[:i]))
		q, pos := text.Describe(start, start+len([]rune(quote)))
		return annotation.Annotation{Quote: q, Position: pos}
	}
	c := reanchor(newer, []annotation.Annotation{
		ann("nine to four"),           // moved: a paragraph came before it
		ann("run hourly at weekends"), // changed
		ann("the cost was too high"),  // gone
	})
	if c != (anchorCounts{Moved: 1, Fuzzy: 1, Orphan: 1}) {
		t.Fatalf("counts %+v", c)
	}
	msg := replacedMessage("T", c)
	for _, want := range []string{"0 in place, 1 moved", "1 on text that changed (marked “needs review”)", "1 on text that is gone (listed under Orphaned annotations)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q does not say %q", msg, want)
		}
	}
	if m := replacedMessage("T", anchorCounts{Exact: 3}); strings.Contains(m, "Your annotations") {
		t.Errorf("%q", m)
	}
}

// A link dragged onto the add box carries its address in text/uri-list
// (comments and several addresses allowed), or in its plain text only.
func TestDroppedAddress(t *testing.T) {
	for _, c := range []struct {
		uriList, plain, want string
		ok                   bool
	}{
		{"https://example.org/a", "", "https://example.org/a", true},
		{"# a comment\r\nhttps://example.org/a\r\nhttps://example.org/b", "x", "https://example.org/a", true},
		{"", " https://example.org/p?q=1 ", "https://example.org/p?q=1", true},
		{"file:///home/me/notes.md", "", "", false},
		{"", "A line of text, not an address", "", false},
		{"", "", "", false},
	} {
		got, ok := droppedAddress(c.uriList, c.plain)
		if got != c.want || ok != c.ok {
			t.Errorf("droppedAddress(%q, %q) = %q, %v; want %q, %v", c.uriList, c.plain, got, ok, c.want, c.ok)
		}
	}
}
