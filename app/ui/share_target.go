package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/annotator/annotator/app/article"
)

// sharedItem is what a reader shared to the installed app (the manifest's
// share target, app/host/manifest.go), as the share page reads it.
type sharedItem struct {
	// Address is the page to fetch (when Text is empty) or the page the
	// text came from.
	Address string
	// Title is the shared title, if any.
	Title string
	// Text is the article to add, its title on the first line, when the
	// text itself was shared; empty when the page is to be fetched.
	Text string
}

// snippetLen is the longest shared text, in characters, that goes with a
// shared address as a mere snippet (a title, a sentence the reader
// selected): then the page is fetched. Longer text is the article itself.
const snippetLen = 280

// readShare reads the share target's title, text and url. Browsers and
// apps fill them in different ways: some send the page's address as url,
// others at the end of text (Chrome on Android sends "text\nhttps://…"), a
// shared selection comes as text with its page's address, a note app
// shares text alone. The page is fetched when an address came with no
// more than a snippet; the text is added as the article (its source the
// address, if one came) when it is longer, or when no address came.
func readShare(title, text, url string) sharedItem {
	s := sharedItem{Title: oneLine(title)}
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	if addr, ok := article.WebAddress(url); ok {
		s.Address = addr
	}
	if addr, ok := article.WebAddress(text); ok {
		// The text is only an address.
		if s.Address == "" {
			s.Address = addr
		}
		text = ""
	} else if words := strings.Fields(text); len(words) > 1 {
		// An address at the end of the text.
		if addr, ok := article.WebAddress(words[len(words)-1]); ok {
			if s.Address == "" {
				s.Address = addr
			}
			text = strings.TrimSpace(strings.TrimSuffix(text, addr))
		}
	}
	if text == "" || (s.Address != "" && utf8.RuneCountInString(text) <= snippetLen) {
		return s
	}
	if s.Title != "" && !strings.HasPrefix(text, s.Title) {
		text = s.Title + "\n\n" + text
	}
	s.Text = text
	return s
}

// oneLine collapses a shared title's whitespace.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
