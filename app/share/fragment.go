package share

import (
	"strings"

	"github.com/annotator/annotator/app/anchor"
)

// TextFragment returns the URL text fragment ("#:~:text=…") that makes a
// browser scroll to and highlight the quoted passage: [prefix-,]start[,end][,-suffix].
// A short quote is given whole; a long one as its first and last words.
// Up to three whole words of context on each side pick the right occurrence.
func TextFragment(q anchor.TextQuoteSelector) string {
	words := strings.Fields(q.Exact)
	if len(words) == 0 {
		return ""
	}
	// A term never spans blocks, so a quote over several blocks is always
	// given as start and end, each inside its own block.
	var lines [][]string
	for _, l := range strings.FieldsFunc(q.Exact, isLineBreak) {
		if w := strings.Fields(l); len(w) > 0 {
			lines = append(lines, w)
		}
	}
	multiBlock := len(lines) > 1
	firstLine, lastLine := lines[0], lines[len(lines)-1]
	var b strings.Builder
	b.WriteString("#:~:text=")
	if p := contextWords(q.Prefix, true); p != "" {
		b.WriteString(fragmentEncode(p) + "-,")
	}
	const whole, edge = 10, 4
	if len(words) <= whole && !multiBlock {
		b.WriteString(fragmentEncode(strings.Join(words, " ")))
	} else {
		b.WriteString(fragmentEncode(strings.Join(firstLine[:min(edge, len(firstLine))], " ")) + "," +
			fragmentEncode(strings.Join(lastLine[max(len(lastLine)-edge, 0):], " ")))
	}
	if s := contextWords(q.Suffix, false); s != "" {
		b.WriteString(",-" + fragmentEncode(s))
	}
	return b.String()
}

// contextWords takes up to three whole words of a quote's prefix (its last
// words) or suffix (its first words). A word cut by the context's far edge is
// left out, and so is context not separated from the quote by a space (the
// quote then starts or ends inside a word and the words would not match).
func contextWords(s string, isPrefix bool) string {
	const n = 3
	// Context stops at a block boundary, as the browser's matching does.
	if isPrefix {
		if i := strings.LastIndexAny(s, "\n\r"); i >= 0 {
			s = s[i+1:]
		}
	} else if i := strings.IndexAny(s, "\n\r"); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return ""
	}
	if isPrefix && !endsWithSpace(s) || !isPrefix && !startsWithSpace(s) {
		return ""
	}
	w := strings.Fields(s)
	if isPrefix {
		if !startsWithSpace(s) && len(w) > 0 {
			w = w[1:] // the first word may be cut
		}
		if len(w) > n {
			w = w[len(w)-n:]
		}
	} else {
		if !endsWithSpace(s) && len(w) > 0 {
			w = w[:len(w)-1]
		}
		if len(w) > n {
			w = w[:n]
		}
	}
	return strings.Join(w, " ")
}

func startsWithSpace(s string) bool { return s != "" && strings.TrimLeft(s, " \t\r\n") != s }
func endsWithSpace(s string) bool   { return s != "" && strings.TrimRight(s, " \t\r\n") != s }

// fragmentEncode percent-encodes a text directive term: everything but
// ASCII letters, digits and "._~" is encoded as UTF-8 bytes, which covers the
// directive's own syntax characters "-", ",", "&" and "#".
func fragmentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func isLineBreak(r rune) bool { return r == '\n' || r == '\r' }
