package ui

import (
	"strings"
	"testing"
)

func TestReadShare(t *testing.T) {
	long := strings.Repeat("The council voted to bring back the ferry. ", 10)
	cases := []struct {
		name             string
		title, text, url string
		want             sharedItem
	}{
		{"an address", "Ferry returns", "", "https://example.org/ferry",
			sharedItem{Address: "https://example.org/ferry", Title: "Ferry returns"}},
		{"the address as the text (Android)", "Ferry returns", "https://example.org/ferry", "",
			sharedItem{Address: "https://example.org/ferry", Title: "Ferry returns"}},
		{"a snippet and the address at the end", "", "“It will run hourly.”\nhttps://example.org/ferry#:~:text=hourly", "",
			sharedItem{Address: "https://example.org/ferry#:~:text=hourly"}},
		{"a snippet with the address apart", "Ferry", "It will run hourly.", "https://example.org/ferry",
			sharedItem{Address: "https://example.org/ferry", Title: "Ferry"}},
		{"a long selection is the article, from its page", "Ferry returns", long + "\nhttps://example.org/ferry", "",
			sharedItem{Address: "https://example.org/ferry", Title: "Ferry returns", Text: "Ferry returns\n\n" + strings.TrimSpace(long)}},
		{"text alone", "", "Notes\n\nA first paragraph.", "",
			sharedItem{Text: "Notes\n\nA first paragraph."}},
		{"text alone with a title", "Notes", "A first paragraph.", "",
			sharedItem{Title: "Notes", Text: "Notes\n\nA first paragraph."}},
		{"a title the text already starts with", "Notes", "Notes\n\nA first paragraph.", "",
			sharedItem{Title: "Notes", Text: "Notes\n\nA first paragraph."}},
		{"not an address", "", "", "javascript:alert(1)", sharedItem{}},
		{"nothing", "", "  ", "", sharedItem{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := readShare(c.title, c.text, c.url); got != c.want {
				t.Errorf("got %+v\nwant %+v", got, c.want)
			}
		})
	}
}
