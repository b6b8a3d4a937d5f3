package anchor

import (
	"testing"
	"unicode/utf8"
)

func checkResult(t *testing.T, text *Text, r Result) {
	t.Helper()
	if r.Start < 0 || r.End > text.Len() || r.Start > r.End {
		t.Fatalf("span outside the text (len %d): %+v", text.Len(), r)
	}
	if r.Score < 0 || r.Score > 1 {
		t.Fatalf("score out of range: %+v", r)
	}
	switch r.Status {
	case Exact, Moved, Fuzzy:
	case Orphan:
		if r.Start != 0 || r.End != 0 {
			t.Fatalf("orphan with a span: %+v", r)
		}
	default:
		t.Fatalf("unknown status %q", r.Status)
	}
}

func FuzzResolve(f *testing.F) {
	f.Add("lorem ipsum dolor amet yada yada", "dolor", "ipsum ", " amet", 12, 17)
	f.Add("Talks 🤝 in Beijing were “candid”.", "candid", "“", "”", 25, 31)
	f.Add("aaaaaaaaaa", "aaa", "aaaa", "aaa", 4, 7)
	f.Add("the quick brown fox jumps over the lazy dog", "quick brwn fox", "the ", " jumps", -3, 900)
	f.Add("\xff\xfeabc", "\xfe", "", "", 1, 2)
	f.Fuzz(func(t *testing.T, s, exact, prefix, suffix string, start, end int) {
		text := NewText(s)
		q := TextQuoteSelector{Type: "TextQuoteSelector", Exact: exact, Prefix: prefix, Suffix: suffix}
		checkResult(t, text, text.Resolve(q, nil))
		r := text.Resolve(q, &TextPositionSelector{Start: start, End: end})
		checkResult(t, text, r)
		a, b := text.SentenceSpan(start, end)
		if a < 0 || b > text.Len() || a > b {
			t.Fatalf("SentenceSpan(%d,%d) = %d,%d outside [0,%d]", start, end, a, b, text.Len())
		}
	})
}

func FuzzDescribeResolve(f *testing.F) {
	f.Add("To annotate or not to annotate.", 22, 26)
	f.Add("aaaaaaaaaa", 4, 7)
	f.Add("a handshake 🤝 deal 🤝 deal", 12, 18)
	f.Add("To annotate or not to annotate", 11, 11)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		if !utf8.ValidString(s) {
			t.Skip("article text is valid UTF-8")
		}
		text := NewText(s)
		q, pos := text.Describe(start, end)
		if m := text.MatchQuote(q); len(m) != 1 || m[0] != [2]int{pos.Start, pos.End} {
			t.Fatalf("Describe(%d,%d) = %+v %+v matches %v", start, end, q, pos, m)
		}
		r := text.Resolve(q, &pos)
		if r.Status != Exact || r.Start != pos.Start || r.End != pos.End {
			t.Fatalf("Resolve(Describe(%d,%d)) = %+v, want exact at %d,%d", start, end, r, pos.Start, pos.End)
		}
		if q.Exact != "" {
			r = text.Resolve(q, nil)
			if r.Start != pos.Start || r.End != pos.End {
				t.Fatalf("Resolve(Describe(%d,%d), nil) = %+v, want %d,%d", start, end, r, pos.Start, pos.End)
			}
		}
	})
}

func FuzzUTF16(f *testing.F) {
	f.Add("Talks 🤝 in Beijing were “candid”.", 7)
	f.Add("Flags 🇨🇳 and 🇺🇸", 3)
	f.Add("\xff\xfe", 1)
	f.Fuzz(func(t *testing.T, s string, cp int) {
		n := utf8.RuneCountInString(s)
		u := CodePointToUTF16(s, cp)
		want := min(max(cp, 0), n)
		if got := UTF16ToCodePoint(s, u); got != want {
			t.Fatalf("UTF16ToCodePoint(CodePointToUTF16(%d)=%d) = %d, want %d", cp, u, got, want)
		}
		b := CodePointToByte(s, cp)
		if got := ByteToCodePoint(s, b); got != want {
			t.Fatalf("ByteToCodePoint(CodePointToByte(%d)=%d) = %d, want %d", cp, b, got, want)
		}
		if utf8.ValidString(s) && NewText(s).Slice(0, want) != s[:b] {
			t.Fatalf("Slice(0,%d) disagrees with byte offset %d", want, b)
		}
		// Any UTF-16 offset maps to a code point whose own UTF-16 offset is not after it.
		if back := CodePointToUTF16(s, UTF16ToCodePoint(s, cp)); back > max(cp, 0) {
			t.Fatalf("UTF-16 %d rounds up to %d", cp, back)
		}
	})
}
