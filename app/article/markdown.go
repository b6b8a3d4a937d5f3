//go:build !wasm || markdown

package article

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownParser is goldmark's CommonMark parser without its HTML renderer:
// the AST is walked here, so the renderer would only add to app.wasm.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
})

// ParseMarkdown parses a Markdown (CommonMark) article.
//
// The title is a front matter "title:", else the first level-1 heading, else
// the first line of the first block. Header lines as in ParseText may follow
// the title; a front matter between "---" lines may give them too. Headings
// become blocks "h2".."h6" (a later level-1 heading is an "h2"), paragraphs
// "p", list items "li", everything in a block quote "quote", and code blocks
// "p" with their whitespace collapsed. Emphasis, links and code spans keep
// only their text; images and raw HTML, block or inline, are dropped.
//
// goldmark takes quadratic time on some shapes of input, which a file of
// MaxSize could use to stall the app for minutes; such a file (see
// quadraticMarkdown) is read as plain text instead, so its words still show.
func ParseMarkdown(id string, data []byte) (*Article, error) {
	s, err := prepare(id, data)
	if err != nil {
		return nil, err
	}
	if quadraticMarkdown(s) {
		return ParseText(id, data)
	}
	var meta Meta
	title, s := frontMatter(s, &meta)
	src := []byte(s)
	doc := markdownParser().Parse(text.NewReader(src))
	w := mdWalker{src: src}
	w.walk(doc, "p")
	blocks := w.blocks

	// Find the title and where header lines may follow it.
	next := 0 // blocks[next:] come after the title
	found := title != ""
	for i := 0; i < len(blocks) && !found; i++ {
		if blocks[i].level == 1 {
			title, found = blocks[i].text, true
			blocks = append(blocks[:i:i], blocks[i+1:]...)
			next = i
		}
	}
	if !found && len(blocks) > 0 {
		// The first line is the title, and header lines may follow it
		// directly; the rest of its block is text.
		lines := strings.Split(blocks[0].text, "\n")
		title = titleLine(lines[0])
		k := 1
		for k < len(lines) && setHeader(&meta, lines[k]) {
			k++
		}
		blocks[0].text = strings.Join(lines[k:], "\n")
		next = 1
	}
	// A paragraph of nothing but header lines right after the title.
	if next < len(blocks) && blocks[next].kind == "p" && blocks[next].level == 0 {
		lines := strings.Split(blocks[next].text, "\n")
		all := true
		for _, l := range lines {
			if _, _, ok := header(l); !ok {
				all = false
				break
			}
		}
		if all {
			for _, l := range lines {
				setHeader(&meta, l)
			}
			blocks = append(blocks[:next:next], blocks[next+1:]...)
		}
	}

	out := make([]Block, 0, len(blocks))
	for _, b := range blocks {
		out = append(out, Block{Kind: b.kind, Text: b.text})
	}
	return New(id, title, out, meta)
}

// mdBlock is a block found in the Markdown AST, its text still holding the
// source's line breaks so a title line and header lines can be split off.
type mdBlock struct {
	kind  string
	level int // heading level of a top-level heading, else 0
	text  string
}

type mdWalker struct {
	src    []byte
	blocks []mdBlock
}

// walk collects the blocks under n; kind is what a paragraph there becomes.
func (w *mdWalker) walk(n ast.Node, kind string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			b := mdBlock{kind: kind, text: w.inline(c)}
			if kind == "p" {
				b.kind = "h" + strconv.Itoa(max(c.Level, 2))
				b.level = c.Level
			}
			w.add(b)
		case *ast.Paragraph, *ast.TextBlock:
			w.add(mdBlock{kind: kind, text: w.inline(c)})
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			var b strings.Builder
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(w.src))
			}
			w.add(mdBlock{kind: kind, text: b.String()})
		case *ast.Blockquote:
			w.walk(c, "quote")
		case *ast.ListItem:
			if kind == "quote" {
				w.walk(c, kind)
				continue
			}
			// The item's first text is its bullet; later paragraphs of the
			// same item follow it as paragraphs.
			before := len(w.blocks)
			w.walk(c, "li")
			for i := before + 1; i < len(w.blocks); i++ {
				if w.blocks[i].kind == "li" && w.blocks[i].level == -1 {
					w.blocks[i].kind = "p"
				}
			}
			for i := before; i < len(w.blocks); i++ {
				if w.blocks[i].level == -1 {
					w.blocks[i].level = 0
				}
			}
		case *ast.HTMLBlock, *ast.ThematicBreak, *ast.LinkReferenceDefinition:
			// Raw HTML is never passed through; the others hold no text.
		default:
			w.walk(c, kind)
		}
	}
}

// add appends a block that has text. A paragraph of a list item is marked
// with level -1 so the item can tell its own paragraphs from nested items'.
func (w *mdWalker) add(b mdBlock) {
	if blank(b.text) && b.level != 1 {
		return // a blank level-1 heading stays, so it is not mistaken for no title
	}
	if b.kind == "li" {
		b.level = -1
	}
	w.blocks = append(w.blocks, b)
}

// inline returns the plain text of n's inline content, with "\n" for line
// breaks.
func (w *mdWalker) inline(n ast.Node) string {
	var b strings.Builder
	w.inlineTo(&b, n)
	return b.String()
}

func (w *mdWalker) inlineTo(b *strings.Builder, n ast.Node) {
	skipUntil := "" // the closing tag of an inline <script> or <style>
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if skipUntil != "" {
			if h, ok := c.(*ast.RawHTML); ok && w.rawHTMLHasPrefix(h, skipUntil) {
				skipUntil = ""
			}
			continue
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(w.src)
			if c.IsRaw() {
				b.Write(v)
			} else {
				unescapeTo(b, v)
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			if c.IsCode() || c.IsRaw() {
				b.Write(c.Value)
			} else {
				unescapeTo(b, c.Value)
			}
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					b.Write(t.Segment.Value(w.src))
				case *ast.String:
					b.Write(t.Value)
				}
			}
		case *ast.AutoLink:
			b.Write(c.Label(w.src))
		case *ast.RawHTML:
			// Raw HTML is never passed through, and what a script or style
			// element holds is not text either.
			for _, tag := range []string{"script", "style"} {
				if w.rawHTMLHasPrefix(c, "<"+tag) {
					skipUntil = "</" + tag
				}
			}
		case *ast.Image:
			// An image is not text.
		default:
			w.inlineTo(b, c)
		}
	}
}

// rawHTMLHasPrefix reports whether inline HTML starts with prefix, in any case.
func (w *mdWalker) rawHTMLHasPrefix(h *ast.RawHTML, prefix string) bool {
	if h.Segments.Len() == 0 {
		return false
	}
	seg := h.Segments.At(0)
	v := seg.Value(w.src)
	return len(v) >= len(prefix) && strings.EqualFold(string(v[:len(prefix)]), prefix)
}

// unescapeTo writes Markdown text as the characters it stands for, in one
// pass as CommonMark reads it: a backslash before ASCII punctuation is dropped,
// and entity and numeric character references are resolved. A reference to a
// control character becomes U+FFFD, as text may not hold one (see checkText).
func unescapeTo(b *strings.Builder, v []byte) {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			b.WriteByte(v[i+1])
			i++
			continue
		}
		if c == '&' {
			if r, n := charRef(v[i:]); n > 0 {
				b.WriteString(r)
				i += n - 1
				continue
			}
		}
		b.WriteByte(c)
	}
}

// charRef decodes the character reference at the start of v ("&amp;",
// "&#8217;", "&#x2019;") and returns its text and length, or n == 0.
func charRef(v []byte) (s string, n int) {
	end := -1
	for i := 1; i < len(v) && i <= 40; i++ {
		if v[i] == ';' {
			end = i
			break
		}
	}
	if end < 2 {
		return "", 0
	}
	body := string(v[1:end])
	if body[0] == '#' {
		digits, base := body[1:], 10
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 || (base == 10 && len(digits) > 7) || (base == 16 && len(digits) > 6) {
			return "", 0
		}
		for _, d := range []byte(digits) {
			if !(util.IsNumeric(d) || base == 16 && util.IsHexDecimal(d)) {
				return "", 0
			}
		}
		u, _ := strconv.ParseUint(digits, base, 32)
		r := rune(u)
		if r == 0 || !utf8.ValidRune(r) || r < 0x20 && !IsSpace(byte(r)) || r == 0x7f {
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	for _, c := range []byte(body) {
		if !util.IsAlphaNumeric(c) {
			return "", 0
		}
	}
	e, ok := util.LookUpHTML5EntityByName(body)
	if !ok {
		return "", 0
	}
	return checkedOrReplacement(string(e.Characters)), end + 1
}

// checkedOrReplacement keeps an entity's characters unless they include a
// control character, which text may not hold.
func checkedOrReplacement(s string) string {
	if checkText(s) != nil {
		return "\uFFFD"
	}
	return s
}

// frontMatter reads a YAML-like front matter ("---" lines around "key: value"
// lines) at the start of s into meta, and returns its title and the rest of s.
// Only the keys title, source, url, published, date and author are read; a
// missing closing "---" means there is no front matter.
func frontMatter(s string, meta *Meta) (title, rest string) {
	if !strings.HasPrefix(s, "---\n") {
		return "", s
	}
	body := s[len("---\n"):]
	var end, after int
	switch {
	case strings.HasPrefix(body, "---\n") || body == "---":
		end, after = 0, min(len(body), 4)
	default:
		i := strings.Index(body, "\n---\n")
		if i < 0 {
			if !strings.HasSuffix(body, "\n---") {
				return "", s
			}
			i = len(body) - len("\n---")
		}
		end, after = i, min(len(body), i+len("\n---\n"))
	}
	lines := strings.Split(body[:end], "\n")
	for _, line := range lines {
		// A "---" line can also open a thematic break: only lines that read
		// as YAML make this a front matter.
		if !blank(line) && !strings.Contains(line, ":") && !strings.HasPrefix(line, " ") &&
			!strings.HasPrefix(line, "\t") && !strings.HasPrefix(line, "- ") && !strings.HasPrefix(line, "#") {
			return "", s
		}
	}
	for _, line := range lines {
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		switch key := strings.ToLower(strings.TrimSpace(k)); key {
		case "title":
			if title == "" {
				title = v
			}
		default:
			setHeader(meta, key+":"+v)
		}
	}
	return title, body[after:]
}

// Limits on the Markdown shapes goldmark parses in quadratic time. Articles
// come nowhere near them.
const (
	maxMarkdownNesting   = 32   // block quotes and lists inside each other
	maxLinkDefinitionRun = 1000 // link reference definitions on consecutive lines
)

// quadraticMarkdown reports whether s nests containers deeper than
// maxMarkdownNesting on some line (counting each '>' or list marker, and each
// two spaces of indentation, as a level) or has a run of more than
// maxLinkDefinitionRun lines that start like a link reference definition.
func quadraticMarkdown(s string) bool {
	run := 0
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		depth, spaces, i := 0, 0, 0
		for i < len(line) {
			switch c := line[i]; {
			case c == ' ':
				spaces++
			case c == '\t':
				spaces += 4
			case c == '>':
				depth++
			case (c == '-' || c == '+' || c == '*') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
				depth++
			case '0' <= c && c <= '9':
				j := i
				for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
					j++
				}
				if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
					depth++
					i = j
				} else {
					i = len(line) - 1 // text starts: stop
				}
			default:
				i = len(line) - 1
			}
			i++
			if depth+spaces/2 > maxMarkdownNesting {
				return true
			}
		}
		if t := strings.TrimLeft(line, " >"); strings.HasPrefix(t, "[") && strings.Contains(t, "]:") {
			run++
			if run > maxLinkDefinitionRun {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
