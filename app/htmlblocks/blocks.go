package htmlblocks

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annotator/annotator/app/article"
)

// Kind is what a Node is.
type Kind uint8

const (
	// Other is a comment, a doctype or anything else without text: skipped.
	Other Kind = iota
	// Text is a text node.
	Text
	// Element is an element.
	Element
	// Document is a document or a fragment: its children are walked.
	Document
)

// Node is a node of a document tree, as an HTML parser or a browser's DOM
// gives it. N is the implementing type itself, so that a walk over
// *html.Node or js.Value wrappers allocates nothing per node.
type Node[N any] interface {
	Kind() Kind
	// Tag is an element's name in lower case ("p", "h2"); "" for others.
	Tag() string
	// Data is a text node's text.
	Data() string
	// Attr returns the value of an element's attribute and whether the
	// element has it.
	Attr(name string) (string, bool)
	FirstChild() (N, bool)
	NextSibling() (N, bool)
	Parent() (N, bool)
}

// Blocks reads the tree under root (root included) as an article's blocks,
// by the rules of the package comment. Each block has a Kind and a Text
// with no blank lines and no leading or trailing space; Start is left 0
// for article.New to set.
func Blocks[N Node[N]](root N) []article.Block {
	w := &walker[N]{}
	walk(root, w.enter, w.leave)
	w.flush()
	return w.blocks
}

// walk visits the tree under root in document order without recursion:
// enter is called on each node and returns whether to walk its children
// (and then call leave on it); leave is called after its children.
func walk[N Node[N]](root N, enter func(N) bool, leave func(N)) {
	if !enter(root) {
		return
	}
	n, depth := root, 0
	for {
		if c, ok := n.FirstChild(); ok {
			n = c
			depth++
			if enter(n) {
				continue
			}
		} else {
			leave(n)
		}
		// n is done: go on with its next sibling, or finish its parent.
		for {
			if depth == 0 {
				return
			}
			if s, ok := n.NextSibling(); ok {
				n = s
				if enter(n) {
					break
				}
				continue
			}
			p, ok := n.Parent()
			if !ok {
				return
			}
			n = p
			depth--
			leave(n)
		}
	}
}

// role is what an element does to the blocks.
type role uint8

const (
	inline role = iota
	skipped
	block
	heading
	listItem
	quotation
	row
	cell
	lineBreak
	inlineQuote
)

func roleOf(tag string) role {
	if r, ok := roles[tag]; ok {
		return r
	}
	return inline
}

// roles are the elements that are not inline. A map made from lists of
// names rather than a switch on strings: the switch compiled to 11 KB of
// code in app.wasm, the lists are a few hundred bytes of data, and a map
// lookup is as fast.
var roles = func() map[string]role {
	m := map[string]role{}
	for r, names := range roleNames {
		for _, name := range strings.Fields(names) {
			m[name] = role(r)
		}
	}
	return m
}()

var roleNames = [...]string{
	skipped: "script style template noscript svg math canvas " +
		"iframe frame frameset object embed applet param " +
		"video audio img image picture source track map area " +
		"input button select option optgroup datalist textarea " +
		"label legend output progress meter " +
		"nav aside footer dialog " +
		"head title meta link base noembed noframes " +
		"rt rp slot",
	block: "p div section article main header hgroup search " +
		"address center pre listing xmp plaintext " +
		"figure figcaption dl dt dd ul ol menu dir " +
		"details summary table thead tbody tfoot caption " +
		"form fieldset body html hr",
	heading:     "h1 h2 h3 h4 h5 h6",
	listItem:    "li",
	quotation:   "blockquote",
	row:         "tr",
	cell:        "td th",
	lineBreak:   "br",
	inlineQuote: "q",
}

// hidden reports whether an element is not shown, or is a kind of page
// furniture that its ARIA role or a well-known class name gives away.
func hidden[N Node[N]](n N) bool {
	if v, ok := n.Attr("hidden"); ok && !strings.EqualFold(strings.TrimSpace(v), "until-found") {
		return true
	}
	if v, ok := n.Attr("aria-hidden"); ok && strings.EqualFold(strings.TrimSpace(v), "true") {
		return true
	}
	if v, ok := n.Attr("style"); ok && hiddenStyle(v) {
		return true
	}
	if v, ok := n.Attr("role"); ok {
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "navigation", "complementary", "banner", "contentinfo", "search",
			"dialog", "alertdialog", "menu", "menubar", "toolbar", "button", "img":
			return true
		}
	}
	if v, ok := n.Attr("class"); ok && v != "" {
		for _, c := range strings.Fields(v) {
			switch c {
			case "mw-editsection", "mw-cite-backlink":
				return true
			}
		}
	}
	return false
}

// hiddenStyle reports whether a style attribute hides its element.
func hiddenStyle(style string) bool {
	if !strings.Contains(style, ":") {
		return false
	}
	s := strings.ToLower(strings.Join(strings.Fields(style), ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

type walker[N Node[N]] struct {
	blocks []article.Block
	buf    strings.Builder
	brs    int // line breaks since the last text

	quote    int    // open blockquotes
	atomic   int    // open headings and data rows: their inner blocks are spaces
	headings int    // open headings
	level    int    // level of the outermost open heading
	items    []bool // per open list item: whether it has had its first block
	rows     []int  // per open row: -1 for a layout row, else its cells so far
}

func (w *walker[N]) enter(n N) bool {
	switch n.Kind() {
	case Text:
		w.text(n.Data())
		return true
	case Document:
		return true
	case Element:
	default:
		return false
	}
	r := roleOf(n.Tag())
	if r == skipped || hidden(n) {
		return false
	}
	switch r {
	case block:
		w.boundary()
	case heading:
		w.boundary()
		if w.headings == 0 {
			w.level = int(n.Tag()[1] - '0')
		}
		w.headings++
		w.atomic++
	case listItem:
		w.boundary()
		w.items = append(w.items, false)
	case quotation:
		w.boundary()
		w.quote++
	case row:
		w.boundary()
		if dataRow(n) {
			w.rows = append(w.rows, 0)
			w.atomic++
		} else {
			w.rows = append(w.rows, -1)
		}
	case cell:
		if k := len(w.rows) - 1; k >= 0 && w.rows[k] >= 0 {
			if w.rows[k] > 0 {
				w.buf.WriteString(" | ")
			}
			w.rows[k]++
		} else {
			w.boundary()
		}
	case lineBreak:
		w.lineBreak()
	case inlineQuote:
		w.buf.WriteString("“")
	}
	return true
}

func (w *walker[N]) leave(n N) {
	if n.Kind() != Element {
		return
	}
	switch roleOf(n.Tag()) {
	case block:
		w.boundary()
	case heading:
		w.atomic--
		if w.headings == 1 {
			w.boundary() // ends the block as a heading
			w.level = 0
		}
		w.headings--
	case listItem:
		w.boundary()
		w.items = w.items[:len(w.items)-1]
	case quotation:
		w.boundary()
		w.quote--
	case row:
		k := len(w.rows) - 1
		if w.rows[k] >= 0 {
			w.atomic--
		}
		w.rows = w.rows[:k]
		w.boundary()
	case cell:
		if k := len(w.rows) - 1; k < 0 || w.rows[k] < 0 {
			w.boundary()
		}
	case inlineQuote:
		w.buf.WriteString("”")
	}
}

// dataRow reports whether a table row's cells hold only inline content, so
// that the row reads as one line rather than as the blocks of a layout.
func dataRow[N Node[N]](tr N) bool {
	data := true
	walk(tr, func(n N) bool {
		if !data || n.Kind() != Element {
			return false
		}
		if n.Tag() == "tr" {
			return true // the row itself
		}
		switch r := roleOf(n.Tag()); {
		case r == skipped || hidden(n):
			return false
		case r == block || r == heading || r == listItem || r == quotation || r == row:
			data = false
			return false
		}
		return true
	}, func(N) {})
	return data
}

// boundary ends the current block, or inside a heading or a data row adds
// a space.
func (w *walker[N]) boundary() {
	if w.atomic > 0 {
		w.buf.WriteByte(' ')
		return
	}
	w.flush()
}

// lineBreak: one is a space, two in a row end the paragraph.
func (w *walker[N]) lineBreak() {
	if w.atomic > 0 {
		w.buf.WriteByte(' ')
		return
	}
	w.brs++
	if w.brs >= 2 {
		w.flush()
		return
	}
	w.buf.WriteByte(' ')
}

// flush ends the current block.
func (w *walker[N]) flush() {
	w.brs = 0
	if w.buf.Len() == 0 {
		return
	}
	text := article.CollapseSpace(w.buf.String())
	w.buf.Reset()
	if text == "" {
		return
	}
	w.blocks = append(w.blocks, article.Block{Kind: w.kind(), Text: text})
}

// kind is the kind of the block being ended.
func (w *walker[N]) kind() string {
	switch {
	case w.quote > 0:
		return "quote"
	case len(w.items) > 0:
		top := &w.items[len(w.items)-1]
		if !*top {
			*top = true
			return "li"
		}
		return "p"
	case w.headings > 0:
		return "h" + strconv.Itoa(max(w.level, 2))
	}
	return "p"
}

// text adds a text node's text, without the characters that are not shown
// (see the package comment).
func (w *walker[N]) text(s string) {
	seen := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case article.IsSpace(c):
				w.buf.WriteByte(c)
			case c < 0x20 || c == 0x7f:
				// a control character: dropped
			default:
				w.buf.WriteByte(c)
				seen = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			w.buf.WriteRune(utf8.RuneError)
			seen = true
		case r >= 0x80 && r <= 0x9f, r == 0xad, r == 0xfeff:
			// C1 controls, soft hyphens and byte order marks: dropped
		default:
			w.buf.WriteString(s[i : i+size])
			seen = true
		}
		i += size
	}
	if seen {
		w.brs = 0
	}
}
