package article

import (
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annotator/annotator/internal/shasum"
)

// Meta is the optional metadata of an article, from header lines such as
// "Source: …" or a Markdown front matter.
type Meta struct {
	Source    string // a URL or a publication's name
	Author    string
	Published string // as written, ideally YYYY-MM-DD
}

// blockKinds are the kinds a Block may have; the UI renders each as an element.
var blockKinds = map[string]bool{
	"p": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "quote": true,
}

// New builds an article from its parts and computes everything derived from
// them: each block's Start, the canonical Text, its Hash and Words.
//
// Whitespace in the title, the metadata and each block is collapsed to single
// spaces and trimmed; no other character is changed. Blocks left empty are
// dropped, and a block of kind "" is a paragraph ("p"). The errors wrap
// ErrBadID, ErrNoTitle, ErrNoBody or ErrNotUTF8; an unknown block kind is an
// error too, as it is a programming mistake.
func New(id, title string, blocks []Block, meta Meta) (*Article, error) {
	if !ValidID(id) {
		return nil, fmt.Errorf("%w: %.120q", ErrBadID, id)
	}
	a := &Article{
		ID:        id,
		Title:     CollapseSpace(title),
		Source:    CollapseSpace(meta.Source),
		Author:    CollapseSpace(meta.Author),
		Published: CollapseSpace(meta.Published),
		Blocks:    make([]Block, 0, len(blocks)),
	}
	for _, s := range []string{a.Title, a.Source, a.Author, a.Published} {
		if err := checkText(s); err != nil {
			return nil, err
		}
	}
	if a.Title == "" {
		return nil, ErrNoTitle
	}
	var text strings.Builder
	start := 0
	for _, b := range blocks {
		if b.Kind == "" {
			b.Kind = "p"
		}
		if !blockKinds[b.Kind] {
			return nil, fmt.Errorf("article: unknown block kind %q", b.Kind)
		}
		b.Text = CollapseSpace(b.Text)
		if b.Text == "" {
			continue
		}
		if err := checkText(b.Text); err != nil {
			return nil, err
		}
		if len(a.Blocks) > 0 {
			text.WriteString("\n\n")
			start += 2
		}
		b.Start = start
		start += utf8.RuneCountInString(b.Text)
		text.WriteString(b.Text)
		a.Blocks = append(a.Blocks, b)
	}
	if len(a.Blocks) == 0 {
		return nil, ErrNoBody
	}
	a.Text = text.String()
	a.Hash = HashText(a.Text)
	a.Words = CountWords(a.Text)
	return a, nil
}

// HashText returns the content hash of a canonical text: "sha256:" and the
// hex of the SHA-256 of its UTF-8 bytes. Annotations carry it to notice that
// the text they were made on has changed.
func HashText(text string) string {
	sum := shasum.Sum256([]byte(text))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// CountWords counts the words of a text: each whitespace-separated token with
// a letter or digit in it is one word ("military-to-military" and "Sunday’s"
// are one, a lone dash is none), and each Han, Hiragana or Katakana character
// is one, as those scripts do not separate words with spaces.
func CountWords(text string) int {
	n := 0
	alnum := false // the current token has a letter or digit outside those scripts
	for _, r := range text {
		if r < utf8.RuneSelf { // the common case, without table look-ups
			switch c := byte(r); {
			case IsSpace(c):
				if alnum {
					n++
				}
				alnum = false
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
				alnum = true
			}
			continue
		}
		switch {
		case unicode.IsSpace(r):
			if alnum {
				n++
			}
			alnum = false
		case r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n++
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			alnum = true
		}
	}
	if alnum {
		n++
	}
	return n
}

// IsSpace reports the ASCII whitespace a browser collapses in normal text
// (plus vertical tab, which would otherwise be an invisible control).
func IsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// CollapseSpace turns every run of ASCII whitespace (IsSpace) into one space
// and trims both ends, as New does to every block (app/htmlblocks uses it
// too). It changes no other character, so curly quotes, dashes and
// non-breaking spaces stay exactly as written.
func CollapseSpace(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if IsSpace(s[i]) && (s[i] != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if IsSpace(c) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// checkText refuses text a reader's file could not sensibly hold: invalid
// UTF-8, NUL and the other control characters but whitespace. Those are the
// marks of binary data (or of UTF-16, which is full of NULs).
func checkText(s string) error {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && !IsSpace(c)) || c == 0x7f {
				return fmt.Errorf("%w: control character U+%04X at byte %d", ErrNotUTF8, c, i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Errorf("%w: invalid UTF-8 at byte %d", ErrNotUTF8, i)
		}
		i += size
	}
	return nil
}
