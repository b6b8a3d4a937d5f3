package webpage

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// A page's bytes become text in two steps. Which encoding the page is in is
// found here, in plain Go, as golang.org/x/net/html/charset's
// DetermineEncoding finds it (the tests hold the two to the same answers).
// The decoding itself is the build's: natively golang.org/x/text's
// decoders (charset_other.go); in the browser, the browser's own
// TextDecoder (charset_wasm.go), which knows every encoding of the WHATWG
// Encoding Standard, so that the worker that reads a reader's saved pages
// (markdown.wasm) carries none of x/text's tables: the Japanese, Chinese
// and Korean ones and the language tables that come with them were 325 KB
// of its brotli download (docs/performance.md). Both builds name an
// encoding by its WHATWG name ("utf-8", "windows-1252", "shift_jis",
// "gbk", ...), which encodingName gives for any of its labels.

// decode returns the page as UTF-8 text. The encoding is found as a
// browser finds it, except that a page with no declared encoding is read as
// UTF-8 when it is valid UTF-8 (most are), not only when its first 1,024
// bytes show it. Invalid UTF-8 is left for the walk to replace.
func decode(data []byte, contentType string) string {
	name, certain := determineEncoding(data, contentType)
	s := ""
	switch {
	case name == "utf-8", !certain && name == "windows-1252" && utf8.Valid(data):
		s = string(data)
	default:
		var ok bool
		if s, ok = decodeAs(name, data); !ok {
			s = string(data)
		}
	}
	return strings.TrimPrefix(s, "\uFEFF")
}

// replacementLabels are the labels of the WHATWG "replacement" encoding:
// encodings a page must not be read in (ISO-2022-KR and the like, which can
// hide markup); its text is then one U+FFFD. Browsers' TextDecoder refuses
// these labels rather than name them, so both builds know them here.
var replacementLabels = map[string]bool{
	"csiso2022kr": true, "hz-gb-2312": true, "iso-2022-cn": true,
	"iso-2022-cn-ext": true, "iso-2022-kr": true, "replacement": true,
}

// determineEncoding returns the WHATWG name of the encoding of an HTML
// document, and whether it is certain: a byte order mark, else the
// Content-Type's charset (both certain), else a <meta> in the first 1,024
// bytes, else UTF-8 if those bytes are UTF-8 with some non-ASCII, else
// windows-1252. It is x/net/html/charset's DetermineEncoding with the
// build's encodingName for its label lookup.
func determineEncoding(content []byte, contentType string) (name string, certain bool) {
	if len(content) > 1024 {
		content = content[:1024]
	}
	for _, b := range []struct {
		bom  string
		name string
	}{{"\xfe\xff", "utf-16be"}, {"\xff\xfe", "utf-16le"}, {"\xef\xbb\xbf", "utf-8"}} {
		if bytes.HasPrefix(content, []byte(b.bom)) {
			return b.name, true
		}
	}
	if cs := charsetParam(contentType); cs != "" {
		if name = labelName(cs); name != "" {
			return name, true
		}
	}
	if len(content) > 0 {
		if name = prescan(content); name != "" {
			return name, false
		}
	}
	// UTF-8, when the bytes seen are UTF-8 (a rune cut at their end aside)
	// and not all ASCII.
	for i := len(content) - 1; i >= 0 && i > len(content)-4; i-- {
		b := content[i]
		if b < 0x80 {
			break
		}
		if utf8.RuneStart(b) {
			content = content[:i]
			break
		}
	}
	hasHighBit := false
	for _, c := range content {
		if c >= 0x80 {
			hasHighBit = true
			break
		}
	}
	if hasHighBit && utf8.Valid(content) {
		return "utf-8", false
	}
	return "windows-1252", false
}

// labelName is the WHATWG name of the encoding a label names, or "" for
// none. Labels are matched without case and surrounding white space.
func labelName(label string) string {
	label = strings.ToLower(strings.Trim(label, "\t\n\f\r "))
	if label == "" {
		return ""
	}
	if replacementLabels[label] {
		return "replacement"
	}
	return encodingName(label)
}

// prescan looks for the encoding a <meta> declares in the start of a
// document, as the HTML standard's prescan does (x/net/html/charset's
// prescan, step by step): <meta charset>, or <meta http-equiv=content-type
// content="...; charset=..."> when both attributes are there. A UTF-16
// declaration means UTF-8: a document read this far as ASCII is not UTF-16.
func prescan(content []byte) string {
	z := html.NewTokenizer(bytes.NewReader(content))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tagName, hasAttr := z.TagName()
			if !bytes.Equal(tagName, []byte("meta")) {
				continue
			}
			seen := map[string]bool{}
			gotPragma := false
			const (
				dontKnow = iota
				doNeedPragma
				doNotNeedPragma
			)
			needPragma := dontKnow
			name := ""
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				ks := string(key)
				if seen[ks] {
					continue
				}
				seen[ks] = true
				for i, c := range val {
					if 'A' <= c && c <= 'Z' {
						val[i] = c + 0x20
					}
				}
				switch ks {
				case "http-equiv":
					if bytes.Equal(val, []byte("content-type")) {
						gotPragma = true
					}
				case "content":
					if name == "" {
						if label := fromMetaElement(string(val)); label != "" {
							if name = labelName(label); name != "" {
								needPragma = doNeedPragma
							}
						}
					}
				case "charset":
					name = labelName(string(val))
					needPragma = doNotNeedPragma
				}
			}
			if needPragma == dontKnow || needPragma == doNeedPragma && !gotPragma {
				continue
			}
			if strings.HasPrefix(name, "utf-16") {
				name = "utf-8"
			}
			if name != "" {
				return name
			}
		}
	}
}

// fromMetaElement is the charset of a <meta>'s content attribute
// ("text/html; charset=shift_jis"), or "".
func fromMetaElement(s string) string {
	for s != "" {
		csLoc := strings.Index(s, "charset")
		if csLoc == -1 {
			return ""
		}
		s = s[csLoc+len("charset"):]
		s = strings.TrimLeft(s, " \t\n\f\r")
		if !strings.HasPrefix(s, "=") {
			continue
		}
		s = s[1:]
		s = strings.TrimLeft(s, " \t\n\f\r")
		if s == "" {
			return ""
		}
		if q := s[0]; q == '"' || q == '\'' {
			s = s[1:]
			closeQuote := strings.IndexRune(s, rune(q))
			if closeQuote == -1 {
				return ""
			}
			return s[:closeQuote]
		}
		end := strings.IndexAny(s, "; \t\n\f\r")
		if end == -1 {
			end = len(s)
		}
		return s[:end]
	}
	return ""
}
