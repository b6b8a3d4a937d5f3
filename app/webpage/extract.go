package webpage

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/htmlblocks"
	"golang.org/x/net/html"
)

// MaxSize is the largest page read, in bytes (htmlblocks.MaxPageSize, so
// that app.wasm can check a file's size without this package). The host
// cuts a longer response here; the app refuses a larger file.
const MaxSize = htmlblocks.MaxPageSize

// MinWords is the fewest words an article may have. Fewer is what is left
// of a paywall's teaser, a login form or a page that builds its text with
// scripts: not what a reader meant to read.
const MinWords = 50

// paywallWords is the fewest words of a page that declares itself not free
// to read (schema.org isAccessibleForFree: false): less is its teaser.
const paywallWords = 250

// ErrLittleText is the error for a page with almost no article text. Its
// text is written for a reader, and says what to do instead.
var ErrLittleText = errors.New("This page has almost no article text — it may need a login. Copy the text from your browser and paste it instead.")

// ErrUnreadable is the error for a page that made the extraction fail.
var ErrUnreadable = errors.New("This page could not be read as an article. Copy the text from your browser and paste it instead.")

// Page says where a document came from.
type Page struct {
	// URL is the page's address after redirects, or nil for a file. It is
	// the article's Source, and relative links are resolved against it.
	URL *url.URL
	// ContentType is the response's Content-Type header, or "" for a file;
	// its charset, if any, decodes the page.
	ContentType string
}

// Extract reads an HTML document as an article with the given id.
//
// The article's Source is page.URL; for a file, the page's canonical
// address (<link rel="canonical">, og:url), else the site's name. Its
// title is the page's (readability's choice among og:title, JSON-LD and
// <title>, without the site's name), else its first heading. A block at
// the start of the text that repeats the title is dropped.
//
// Errors: data that is not text (binary, NULs) wraps article.ErrNotUTF8; a
// document over MaxSize wraps article.ErrTooLarge; a page with fewer than
// MinWords words of article text, or a paywalled page's teaser, is
// ErrLittleText; a bad id wraps article.ErrBadID.
func Extract(id string, data []byte, page Page) (art *article.Article, err error) {
	if !article.ValidID(id) {
		return nil, fmt.Errorf("%w: %.120q", article.ErrBadID, id)
	}
	if len(data) > MaxSize {
		return nil, article.ErrorOfKind("too-large", fmt.Sprintf("This page is larger than the %d MB limit.", MaxSize>>20))
	}
	if binary(data) {
		return nil, article.ErrorOfKind("not-utf8", "This is not a web page: it looks like binary data.")
	}
	doc, err := html.Parse(strings.NewReader(decode(data, page.ContentType)))
	if err != nil { // only a failing reader makes it fail
		return nil, ErrUnreadable
	}
	facts := scan(doc)

	// readability is a large port of Readability.js; a page that trips it
	// up is refused rather than taking the caller (the host, the worker)
	// down with it.
	defer func() {
		if r := recover(); r != nil {
			art, err = nil, ErrUnreadable
		}
	}()
	parser := readability.NewParser()
	// Class names stay, for htmlblocks to recognise the furniture that
	// readability leaves (Wikipedia's "[edit]" links).
	parser.KeepClasses = true
	found, err := parser.ParseAndMutate(doc, page.URL)
	if err != nil {
		return nil, ErrUnreadable
	}
	if found.Node == nil {
		return nil, ErrLittleText
	}
	blocks := blocksOf(found.Node)

	title := cleanTitle(oneLine(found.Title()), facts.h1, oneLine(found.SiteName()))
	switch {
	case len(blocks) > 0 && strings.EqualFold(blocks[0].Text, title):
		blocks = blocks[1:]
	case len(blocks) > 0 && isHeading(blocks[0].Kind) && title == "":
		title, blocks = blocks[0].Text, blocks[1:]
	}
	if title == "" {
		for _, b := range blocks {
			if isHeading(b.Kind) {
				title = b.Text
				break
			}
		}
	}
	if title == "" && page.URL != nil {
		title = page.URL.Host + page.URL.EscapedPath()
	}
	if title == "" {
		title = "Untitled page"
	}

	meta := article.Meta{Author: author(found.Byline())}
	if t, err := found.PublishedTime(); err == nil {
		meta.Published = t.Format("2006-01-02")
	}
	switch {
	case page.URL != nil:
		meta.Source = page.URL.String()
	case facts.canonical != "":
		meta.Source = facts.canonical
	default:
		meta.Source = oneLine(found.SiteName())
	}

	art, err = article.New(id, title, blocks, meta)
	switch {
	case errors.Is(err, article.ErrNoBody):
		return nil, ErrLittleText
	case err != nil:
		return nil, err
	case art.Words < MinWords, facts.paywalled && art.Words < paywallWords:
		return nil, ErrLittleText
	}
	return art, nil
}

func isHeading(kind string) bool { return len(kind) == 2 && kind[0] == 'h' }

// binary reports whether data is not text: a NUL among its first 8 KB, as
// browsers and net/http's sniffer tell, unless a UTF-16 byte order mark
// says why.
func binary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return false
	}
	return bytes.IndexByte(data[:min(len(data), 8<<10)], 0) >= 0
}

// author tidies a byline: one line, without a leading "By", and nothing
// that is an address or too long to be names.
func author(byline string) string {
	s := oneLine(byline)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = strings.TrimSpace(s[3:])
	}
	if len(s) > 200 || strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	return s
}

// oneLine collapses whitespace and drops control characters.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
	}), " ")
}

// facts are what the page says about itself that readability does not
// report.
type facts struct {
	canonical string // its canonical http(s) address
	h1        string // the text of its first h1
	paywalled bool   // it declares isAccessibleForFree false
}

// scan looks through the document (before readability changes it) for its
// canonical address and a paywall's declaration.
func scan(doc *html.Node) facts {
	var f facts
	for n := doc; n != nil; n = next(n) {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "h1":
			if f.h1 == "" {
				f.h1 = oneLine(textOf(n))
			}
		case "link":
			if strings.EqualFold(attr(n, "rel"), "canonical") && f.canonical == "" {
				f.canonical = absoluteHTTP(attr(n, "href"))
			}
		case "meta":
			if strings.EqualFold(attr(n, "property"), "og:url") && f.canonical == "" {
				f.canonical = absoluteHTTP(attr(n, "content"))
			}
			if strings.EqualFold(attr(n, "itemprop"), "isAccessibleForFree") && strings.EqualFold(strings.TrimSpace(attr(n, "content")), "false") {
				f.paywalled = true
			}
		case "script":
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
				s := strings.ToLower(strings.Join(strings.Fields(n.FirstChild.Data), ""))
				if strings.Contains(s, `"isaccessibleforfree":false`) || strings.Contains(s, `"isaccessibleforfree":"false"`) {
					f.paywalled = true
				}
			}
		}
	}
	return f
}

// next is the node after n in document order, without recursion.
func next(n *html.Node) *html.Node {
	if n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != nil; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// absoluteHTTP returns s if it is an absolute http or https address.
func absoluteHTTP(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return ""
	}
	return u.String()
}

// textOf is the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := n; c != nil; c = next(c) {
		if c != n && !within(c, n) {
			break
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// within reports whether n is a descendant of root.
func within(n, root *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == root {
			return true
		}
	}
	return false
}

// cleanTitle drops the site's name from a page's title ("Lighthouse -
// Wikipedia", "Story | The Courier"): the title is the page's first h1 when
// the title is that h1 and more beyond a separator, else the title without
// a separator and the site's name at its end.
func cleanTitle(title, h1, site string) string {
	if title == "" {
		return h1
	}
	for _, sep := range []string{" - ", " | ", " – ", " — ", " · ", " :: ", " » "} {
		if h1 != "" && len(h1) < len(title) && (strings.HasPrefix(title, h1+sep) || strings.HasSuffix(title, sep+h1)) {
			return h1
		}
		if site != "" && strings.HasSuffix(strings.ToLower(title), strings.ToLower(sep+site)) {
			return strings.TrimSpace(title[:len(title)-len(sep+site)])
		}
	}
	return title
}
