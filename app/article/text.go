package article

import (
	"fmt"
	"path"
	"strings"
)

// Parse parses an article file by its extension: .md (in any case) as
// Markdown, anything else as plain text.
func Parse(id, filename string, data []byte) (*Article, error) {
	if IsMarkdown(filename) {
		return ParseMarkdown(id, data)
	}
	return ParseText(id, data)
}

// IsMarkdown reports whether Parse reads filename as Markdown.
func IsMarkdown(filename string) bool {
	return strings.EqualFold(path.Ext(filename), ".md")
}

// prepare checks a file's bytes and returns them as text with line ends
// normalised to "\n" and a leading byte order mark removed.
func prepare(id string, data []byte) (string, error) {
	if !ValidID(id) {
		return "", fmt.Errorf("%w: %.120q", ErrBadID, id)
	}
	if len(data) > MaxSize {
		return "", fmt.Errorf("%w: %d bytes", ErrTooLarge, len(data))
	}
	s := strings.TrimPrefix(string(data), "\uFEFF")
	if err := checkText(s); err != nil {
		return "", err
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n") // old Mac line ends
	}
	if blank(s) {
		return "", ErrEmpty
	}
	return s, nil
}

// ParseText parses a plain-text article.
//
// The first non-empty line is the title (a "Title: " prefix is dropped). Header
// lines "Source:", "Published:" (or "Date:") and "Author:", with keys in any
// case and order, may follow the title directly or form the first paragraph
// after it. The rest is paragraphs separated by blank lines; within one, line
// breaks and runs of whitespace become single spaces. Everything else, markup
// included, is kept as literal text.
func ParseText(id string, data []byte) (*Article, error) {
	s, err := prepare(id, data)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(s, "\n")
	i := 0
	for i < len(lines) && blank(lines[i]) {
		i++
	}
	title := titleLine(lines[i])
	i++
	var meta Meta
	i = readHeaders(lines, i, &meta)

	var blocks []Block
	var para []string
	flush := func() {
		if len(para) > 0 {
			blocks = append(blocks, Block{Kind: "p", Text: strings.Join(para, " ")})
			para = para[:0]
		}
	}
	for ; i < len(lines); i++ {
		if blank(lines[i]) {
			flush()
			continue
		}
		para = append(para, lines[i])
	}
	flush()
	return New(id, title, blocks, meta)
}

// readHeaders reads the header lines that follow the title at lines[i] and
// returns the index of the first line after them. Headers either follow the
// title directly (then they end at the first line that is not one) or make up
// the whole of the first paragraph after it; a paragraph that merely starts
// with "Source:" is article text.
func readHeaders(lines []string, i int, meta *Meta) int {
	if i < len(lines) && !blank(lines[i]) {
		for i < len(lines) && setHeader(meta, lines[i]) {
			i++
		}
		return i
	}
	j := i
	for j < len(lines) && blank(lines[j]) {
		j++
	}
	k := j
	for k < len(lines) && !blank(lines[k]) {
		if _, _, ok := header(lines[k]); !ok {
			return i
		}
		k++
	}
	for _, l := range lines[j:k] {
		setHeader(meta, l)
	}
	return k
}

// header splits a header line "Key: value" with a known key, and returns the
// key in lower case and the value trimmed.
func header(line string) (key, value string, ok bool) {
	k, v, found := strings.Cut(line, ":")
	if !found {
		return "", "", false
	}
	key = strings.ToLower(strings.TrimSpace(k))
	switch key {
	case "source", "url", "published", "date", "author":
		return key, CollapseSpace(v), true
	}
	return "", "", false
}

// setHeader records a header line in meta, the first of each kind winning, and
// reports whether line was one.
func setHeader(meta *Meta, line string) bool {
	key, value, ok := header(line)
	if !ok {
		return false
	}
	var field *string
	switch key {
	case "source", "url":
		field = &meta.Source
	case "published", "date":
		field = &meta.Published
	case "author":
		field = &meta.Author
	}
	if *field == "" {
		*field = value
	}
	return true
}

// titleLine returns the title written on a line, without a "Title:" key.
func titleLine(line string) string {
	t := CollapseSpace(line)
	if k, v, ok := strings.Cut(t, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "title") && strings.TrimSpace(v) != "" {
		return v
	}
	return t
}

// blank reports whether s holds nothing but whitespace.
func blank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !IsSpace(s[i]) {
			return false
		}
	}
	return true
}
