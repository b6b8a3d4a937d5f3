package store

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/annotator/annotator/app/annotation"
)

// What reading a packed entry checks, and where.
//
// Every annotation the store loads passes check (merge.go): the store's
// own needs, then annotation.Validate. For a packed entry most of that is
// true by construction of the compact decoding, and re-checking it cost a
// third of reading an article (issue 18: 1.1 of 3.6 ms for 1,000
// annotations in WebAssembly). So the decoder vouches for an annotation
// when everything in it is of a kind it can answer for, and decodeArticle
// calls check only on those it does not vouch for: the result, loaded or
// set aside with check's reason, is the same.
//
// True by construction (nothing to check):
//   - an id read as 16 bytes: always a lower-case urn:uuid;
//   - an article hash read as 32 bytes, or a reference to one;
//   - the article id when the annotation names none of its own: the
//     entry's, checked once (compactReader.articleOK);
//   - enumerations read as an index into the tables (selector types,
//     label, claim type, verdict; the kind too, except its empty value);
//   - a tag given as a reference to one already checked (tagOK).
//
// What the stored bytes can still get wrong, checked here:
//   - UTF-8: each string, as str cuts it from the text column (validUTF8);
//   - lengths: a string no longer in bytes than its limit in characters
//     is within it; a longer one is left to Validate;
//   - evidence: how many, and each link (annotation.ValidateEvidenceURL);
//   - an empty quote, an empty kind, a claim on an annotation that is not
//     a claim or the reverse, a position with end <= start or start < 0;
//   - times read as milliseconds outside annotation.MinTime…MaxTime;
//   - the provenance fields (fProvenance): NoteFormat empty or Markdown,
//     the others within their limits by byte count (compactReader.provenance).
//
// Anything else (an id, article id, hash or enumeration spelt out in text,
// a time written in full, a tag too long or blank, an over-long string) is not vouched for, and Validate decides, with the
// message it has always given. The fuzz tests of the decoding hold it to
// that promise (vouchedPassCheck in FuzzCompact, FuzzCompactLossless and
// FuzzDecodeEntry), and vouch_test.go to its edge cases; a rule added to
// annotation.Validate must be added here too.

// minMillis and maxMillis are annotation.MinTime and MaxTime in Unix
// milliseconds.
var (
	minMillis = annotation.MinTime.UnixMilli()
	maxMillis = annotation.MaxTime.UnixMilli()
)

// millis doubts a time read as Unix milliseconds outside the dates an
// annotation may carry.
func (r *compactReader) millis(ms int64) {
	if ms < minMillis || ms > maxMillis {
		r.doubt = true
	}
}

// vouch makes the checks of a decoded annotation that its decoding does
// not make true by construction (the list above), except UTF-8, which
// decodeCompactVouched checks once for the entry.
func (r *compactReader) vouch(a *annotation.Annotation) bool {
	switch a.Kind {
	case annotation.KindHighlight, annotation.KindNote:
		if a.Claim != nil {
			return false
		}
	case annotation.KindClaim:
		c := a.Claim
		if c == nil || len(c.Speaker) > annotation.MaxSpeakerLen || len(c.Rationale) > annotation.MaxRationaleLen ||
			len(c.Evidence) > annotation.MaxEvidence {
			return false
		}
		for _, e := range c.Evidence {
			if len(e.Title) > annotation.MaxEvidenceTitleLen || len(e.Quote) > annotation.MaxEvidenceQuoteLen ||
				!plainWebURL(e.URL) && annotation.ValidateEvidenceURL(e.URL) != nil {
				return false
			}
		}
	default:
		return false
	}
	return a.Quote.Exact != "" && len(a.Quote.Exact) <= annotation.MaxExactLen &&
		len(a.Quote.Prefix) <= annotation.MaxContextLen && len(a.Quote.Suffix) <= annotation.MaxContextLen &&
		len(a.Note) <= annotation.MaxNoteLen && len(a.Tags) <= annotation.MaxTags &&
		len(a.Creator) <= annotation.MaxCreatorLen && len(a.Source) <= annotation.MaxSourceLen &&
		a.Position.Start >= 0 && a.Position.Start < a.Position.End
}

// plainWebURL reports whether s is a web address of the plainest form,
// which annotation.ValidateEvidenceURL always accepts: "https://" or
// "http://", a host of lower-case letters, digits, dots and hyphens, and
// nothing more or a path of letters, digits and -._~/. Evidence links
// mostly are, and url.Parse was a tenth of the decoding's time.
// FuzzPlainWebURL holds it to ValidateEvidenceURL.
func plainWebURL(s string) bool {
	switch {
	case len(s) > annotation.MaxURLLen:
		return false
	case strings.HasPrefix(s, "https://"):
		s = s[len("https://"):]
	case strings.HasPrefix(s, "http://"):
		s = s[len("http://"):]
	default:
		return false
	}
	host := 0
	for host < len(s) && s[host] != '/' {
		if c := s[host]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			return false
		}
		host++
	}
	if host == 0 {
		return false
	}
	for i := host; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
			return false
		}
	}
	return true
}

// validUTF8 is utf8.ValidString, faster on prose: utf8.ValidString
// takes eight ASCII bytes at a time only until the first other byte, and
// one at a time after it, where this goes back to eight after each
// character (quotes are prose with curly quotation marks), and takes the
// common two- and three-byte characters without a call (the store is
// built without inlining in app.wasm).
func validUTF8(s string) bool {
	n := len(s)
	p := unsafe.Pointer(unsafe.StringData(s))
	for i := 0; i < n; {
		// One unaligned 8-byte load (i+8 <= n): a single instruction in
		// WebAssembly, where eight byte loads are eight.
		for i+8 <= n && *(*uint64)(unsafe.Add(p, i))&0x8080808080808080 == 0 {
			i += 8
		}
		if i >= n {
			break
		}
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			i++
			continue
		case 0xC2 <= c && c <= 0xDF && i+1 < n && s[i+1]&0xC0 == 0x80:
			i += 2 // U+0080–U+07FF: any continuation byte
			continue
		case (0xE1 <= c && c <= 0xEC || 0xEE <= c) && c <= 0xEF && i+2 < n && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3 // U+1000–U+CFFF, U+E000–U+FFFF: neither overlong nor surrogates
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}
