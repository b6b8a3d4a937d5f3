package htmlblocks

import (
	"strings"
	"unicode/utf8"

	"github.com/annotator/annotator/app/article"
)

// What a pasted selection's title may be.
const (
	// maxTitleLine is the longest first block taken whole as the title, in
	// characters: a line, not a paragraph.
	maxTitleLine = 150
	// maxLead is how many short blocks (a kicker, a section's name, a
	// date line) may come before the heading that is the title.
	maxLead = 3
	// maxLeadLen is the longest such block, in characters.
	maxLeadLen = 120
	// shortTitle is how long a title made from the start of a paragraph
	// is, at most, in characters.
	shortTitle = 80
)

// Pasted makes an article of the blocks of a pasted selection (Blocks of
// what the browser's DOMParser made of the clipboard's HTML). A selection
// copied from a web page has no separate title, so it is taken from the
// blocks, as a reader would name the page:
//
//   - the first heading, when it comes first or after at most three short
//     lines (a kicker, a section's name, a date), which stay in the text;
//   - else the first block, when it is a line rather than a paragraph;
//   - else the start of the first paragraph, cut at a word and ended with
//     "…", the paragraph itself staying in the text (so a selection of one
//     paragraph is still an article).
//
// source is the page's address when it is known, or "". The errors are
// article.New's.
func Pasted(id string, blocks []article.Block, source string) (*article.Article, error) {
	title, body := pastedTitle(blocks)
	return article.New(id, title, body, article.Meta{Source: source})
}

func pastedTitle(blocks []article.Block) (string, []article.Block) {
	if len(blocks) == 0 {
		return "", nil
	}
	for i, b := range blocks {
		if i > maxLead {
			break
		}
		if isHeading(b.Kind) {
			body := make([]article.Block, 0, len(blocks)-1)
			body = append(body, blocks[:i]...)
			return b.Text, append(body, blocks[i+1:]...)
		}
		if utf8.RuneCountInString(b.Text) > maxLeadLen {
			break
		}
	}
	first := blocks[0]
	if utf8.RuneCountInString(first.Text) <= maxTitleLine && len(blocks) > 1 {
		return first.Text, blocks[1:]
	}
	return shorten(first.Text, shortTitle), blocks
}

func isHeading(kind string) bool { return len(kind) == 2 && kind[0] == 'h' }

// shorten cuts s to at most n characters at a space, ending it with "…";
// the end of the first sentence ends it sooner.
func shorten(s string, n int) string {
	if i := strings.Index(s, ". "); i > 0 && utf8.RuneCountInString(s[:i]) <= n {
		return s[:i]
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	// Keep at most n-1 characters, to leave room for the "…".
	cut, space, k := len(s), 0, 0
	for i, r := range s {
		if k == n-1 {
			cut = i
			break
		}
		if r == ' ' {
			space = i
		}
		k++
	}
	if space > 0 {
		cut = space
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// PlainText is an article's title and blocks as plain text, as the app
// shows a pasted selection in its text box: the title on the first line,
// then each block as a paragraph. Added as it is, it reads (article.ParseText)
// as the same paragraphs, without the headings, lists and quotations.
func PlainText(a *article.Article) string {
	var b strings.Builder
	b.WriteString(a.Title)
	for _, bl := range a.Blocks {
		b.WriteString("\n\n")
		b.WriteString(bl.Text)
	}
	return b.String()
}
