package anchor

import (
	"slices"
	"testing"
)

func TestMatchQuoteVectors(t *testing.T) {
	var file struct {
		Cases []struct {
			Name     string            `json:"name"`
			Text     string            `json:"text"`
			Selector TextQuoteSelector `json:"selector"`
			Expected [][2]int          `json:"expected"`
		} `json:"cases"`
	}
	loadTestdata(t, "testdata/anchoring/text-quote-match.json", &file)
	if len(file.Cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range file.Cases {
		t.Run(c.Name, func(t *testing.T) {
			got := NewText(c.Text).MatchQuote(c.Selector)
			if !slices.Equal(got, c.Expected) {
				t.Errorf("MatchQuote(%+v) = %v, want %v", c.Selector, got, c.Expected)
			}
		})
	}
}

func TestDescribeVectors(t *testing.T) {
	var file struct {
		Cases []struct {
			Name    string            `json:"name"`
			Text    string            `json:"text"`
			Range   [2]int            `json:"range"`
			Minimal TextQuoteSelector `json:"minimal"`
		} `json:"cases"`
	}
	loadTestdata(t, "testdata/anchoring/text-quote-describe.json", &file)
	if len(file.Cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range file.Cases {
		t.Run(c.Name, func(t *testing.T) {
			text := NewText(c.Text)
			want := [][2]int{c.Range}
			if got := text.MatchQuote(c.Minimal); !slices.Equal(got, want) {
				t.Fatalf("the vector's own minimal selector matches %v, want %v", got, want)
			}
			q, pos := text.Describe(c.Range[0], c.Range[1])
			if got := text.MatchQuote(q); !slices.Equal(got, want) {
				t.Errorf("Describe gave %+v, which matches %v, want %v", q, got, want)
			}
			if q.Type != "TextQuoteSelector" || pos.Type != "TextPositionSelector" || pos.Start != c.Range[0] || pos.End != c.Range[1] {
				t.Errorf("selectors %+v %+v", q, pos)
			}
			// Describe's context contains the minimal context: it is at least as specific.
			if !hasSuffix(q.Prefix, c.Minimal.Prefix) || !hasPrefix(q.Suffix, c.Minimal.Suffix) {
				t.Errorf("Describe context %q/%q shorter than minimal %q/%q", q.Prefix, q.Suffix, c.Minimal.Prefix, c.Minimal.Suffix)
			}
			r := text.Resolve(q, &pos)
			if r.Status != Exact || r.Start != c.Range[0] || r.End != c.Range[1] {
				t.Errorf("Resolve(Describe) = %+v, want exact at %v", r, c.Range)
			}
		})
	}
}

func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }
func hasPrefix(s, pre string) bool { return len(s) >= len(pre) && s[:len(pre)] == pre }

func TestUnicodeOffsetVectors(t *testing.T) {
	var file struct {
		Cases []struct {
			Name       string `json:"name"`
			Text       string `json:"text"`
			Exact      string `json:"exact"`
			CodePoints [2]int `json:"codePoints"`
			UTF16      [2]int `json:"utf16"`
			UTF8Bytes  [2]int `json:"utf8Bytes"`
		} `json:"cases"`
	}
	loadTestdata(t, "testdata/anchoring/unicode-offsets.json", &file)
	if len(file.Cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range file.Cases {
		t.Run(c.Name, func(t *testing.T) {
			for k := range 2 {
				cp, u16, b := c.CodePoints[k], c.UTF16[k], c.UTF8Bytes[k]
				if got := UTF16ToCodePoint(c.Text, u16); got != cp {
					t.Errorf("UTF16ToCodePoint(%d) = %d, want %d", u16, got, cp)
				}
				if got := CodePointToUTF16(c.Text, cp); got != u16 {
					t.Errorf("CodePointToUTF16(%d) = %d, want %d", cp, got, u16)
				}
				if got := ByteToCodePoint(c.Text, b); got != cp {
					t.Errorf("ByteToCodePoint(%d) = %d, want %d", b, got, cp)
				}
				if got := CodePointToByte(c.Text, cp); got != b {
					t.Errorf("CodePointToByte(%d) = %d, want %d", cp, got, b)
				}
			}
			text := NewText(c.Text)
			if got := text.Slice(c.CodePoints[0], c.CodePoints[1]); got != c.Exact {
				t.Errorf("Slice = %q, want %q", got, c.Exact)
			}
			if got := c.Text[c.UTF8Bytes[0]:c.UTF8Bytes[1]]; got != c.Exact {
				t.Errorf("bytes hold %q, want %q", got, c.Exact)
			}
			q, pos := text.Describe(c.CodePoints[0], c.CodePoints[1])
			if q.Exact != c.Exact {
				t.Errorf("Describe exact %q, want %q", q.Exact, c.Exact)
			}
			if r := text.Resolve(q, &pos); r.Status != Exact || r.Start != c.CodePoints[0] || r.End != c.CodePoints[1] {
				t.Errorf("Resolve = %+v", r)
			}
			// Without the position, the quote and its context still find it.
			if r := text.Resolve(q, nil); r.Start != c.CodePoints[0] || r.End != c.CodePoints[1] {
				t.Errorf("Resolve without position = %+v", r)
			}
		})
	}
}
