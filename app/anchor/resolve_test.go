package anchor

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// article is a few paragraphs of news prose, canonical form (blocks joined by a blank line).
const article = "‘A real conversation’: Blinken has ‘constructive’ talks in China\n\n" +
	"US Secretary of State Antony Blinken has held “candid, substantive, and constructive” talks with Chinese Foreign Minister Qin Gang in Beijing, the US Department of State says.\n\n" +
	"Sunday’s talks marked the start of the highest-level trip by a US official to China in nearly five years as the rival superpowers aim to stabilise strained relations.\n\n" +
	"Qin told Blinken that China is committed to building a “stable, predictable, and constructive” relationship with the United States, state media reported.\n\n" +
	"He also made clear China’s concerns regarding its core interests – including the Taiwan issue, describing it as the self-ruled island of Taiwan, which China claims as its own.\n\n" +
	"They are also at odds over issues ranging from trade, US efforts to hold back China’s semiconductor industry and Beijing’s human rights track record."

// describe makes selectors for the first occurrence of quote in text.
func describe(t *testing.T, text, quote string) (TextQuoteSelector, TextPositionSelector) {
	t.Helper()
	b := strings.Index(text, quote)
	if b < 0 {
		t.Fatalf("%q not in text", quote)
	}
	start := ByteToCodePoint(text, b)
	end := ByteToCodePoint(text, b+len(quote))
	return NewText(text).Describe(start, end)
}

// spanOf is the code point span of the first occurrence of s in text.
func spanOf(t *testing.T, text, s string) [2]int {
	t.Helper()
	b := strings.Index(text, s)
	if b < 0 {
		t.Fatalf("%q not in text", s)
	}
	return [2]int{ByteToCodePoint(text, b), ByteToCodePoint(text, b+len(s))}
}

func TestResolveEdits(t *testing.T) {
	paras := strings.Split(article, "\n\n")
	tests := []struct {
		name   string
		quote  string // quoted in article
		edited string
		want   Status
		found  string // the text it must resolve to in edited ("" for an orphan)
	}{
		{
			name:   "unchanged",
			quote:  "committed to building a “stable, predictable, and constructive” relationship",
			edited: article,
			want:   Exact,
			found:  "committed to building a “stable, predictable, and constructive” relationship",
		},
		{
			name:   "sentences inserted before",
			quote:  "the highest-level trip by a US official to China",
			edited: strings.Replace(article, "Sunday’s talks", "The visit had been postponed in February. Officials on both sides played down expectations. Sunday’s talks", 1),
			want:   Moved,
			found:  "the highest-level trip by a US official to China",
		},
		{
			name:   "paragraph moved",
			quote:  "describing it as the self-ruled island of Taiwan",
			edited: strings.Join([]string{paras[0], paras[4], paras[1], paras[2], paras[3], paras[5]}, "\n\n"),
			want:   Moved,
			found:  "describing it as the self-ruled island of Taiwan",
		},
		{
			name:   "words changed inside the quote",
			quote:  "marked the start of the highest-level trip by a US official to China in nearly five years",
			edited: strings.Replace(article, "the highest-level trip by a US official", "the most senior visit by an American official", 1),
			want:   Fuzzy,
			found:  "marked the start of the most senior visit by an American official to China in nearly five years",
		},
		{
			name:   "quote deleted",
			quote:  "He also made clear China’s concerns regarding its core interests",
			edited: strings.Join([]string{paras[0], paras[1], paras[2], paras[3], paras[5]}, "\n\n"),
			want:   Orphan,
		},
		{
			name:   "most of the quote deleted",
			quote:  "including the Taiwan issue, describing it as the self-ruled island of Taiwan, which China claims as its own",
			edited: strings.Replace(article, ", describing it as the self-ruled island of Taiwan, which China claims as its own", "", 1),
			want:   Orphan,
		},
		{
			name:  "look-alike inserted nearby does not steal an edited quote",
			quote: "talks with Chinese Foreign Minister Qin Gang in Beijing",
			edited: strings.Replace(
				strings.Replace(article, "talks with Chinese Foreign Minister Qin Gang in Beijing", "talks with Chinese Foreign Minister Qin Gang in the capital Beijing", 1),
				"Sunday’s talks", "Earlier, aides held talks with Chinese Foreign Minister Qin Gang in Beijing too. Sunday’s talks", 1),
			want:  Fuzzy,
			found: "talks with Chinese Foreign Minister Qin Gang in the capital Beijing",
		},
		{
			name:  "look-alike sentence nearby does not steal an intact quote",
			quote: "state media reported",
			edited: strings.Replace(article, "He also made clear",
				"Chinese state media reported the same. He also made clear", 1),
			want:  Exact,
			found: "state media reported",
		},
		{
			name:   "short quote whose sentence was deleted does not attach elsewhere",
			quote:  "He also",
			edited: strings.Join([]string{paras[0], paras[1], paras[2], paras[3], paras[5], "He also said nothing."}, "\n\n"),
			want:   Orphan,
		},
		{
			name:   "astral-plane emoji inserted before shifts code points by one each",
			quote:  "“candid, substantive, and constructive”",
			edited: strings.Replace(article, "US Secretary", "🤝🇺🇸 US Secretary", 1),
			want:   Moved,
			found:  "“candid, substantive, and constructive”",
		},
		{
			name:   "curly quotes straightened",
			quote:  "a “stable, predictable, and constructive” relationship with the United States",
			edited: strings.Replace(article, "a “stable, predictable, and constructive” relationship", "a \"stable, predictable, and constructive\" relationship", 1),
			want:   Fuzzy,
			found:  "a \"stable, predictable, and constructive\" relationship with the United States",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, pos := describe(t, article, tc.quote)
			text := NewText(tc.edited)
			r := text.Resolve(q, &pos)
			if r.Status != tc.want {
				t.Fatalf("status %s (%+v %q), want %s", r.Status, r, text.Slice(r.Start, r.End), tc.want)
			}
			if r.Start < 0 || r.End > text.Len() || r.Start > r.End || r.Score < 0 || r.Score > 1 {
				t.Fatalf("result out of bounds: %+v", r)
			}
			if tc.want == Orphan {
				if r.Start != 0 || r.End != 0 {
					t.Errorf("orphan with span %+v", r)
				}
				return
			}
			want := spanOf(t, tc.edited, tc.found)
			if tc.name == "look-alike sentence nearby does not steal an intact quote" {
				want = [2]int{pos.Start, pos.End}
			}
			got := [2]int{r.Start, r.End}
			if iou(got, want) < 0.9 {
				t.Errorf("resolved to %v %q, want %v %q", got, text.Slice(r.Start, r.End), want, tc.found)
			}
		})
	}
}

func TestResolveEmptyAndOdd(t *testing.T) {
	text := NewText("lorem ipsum dolor amet yada yada")
	tests := []struct {
		name string
		q    TextQuoteSelector
		pos  *TextPositionSelector
		want Result
	}{
		{"empty quote with context", TextQuoteSelector{Prefix: "lorem ", Suffix: "ipsum"}, nil, Result{6, 6, Exact, 0.9}},
		{"empty quote nothing known", TextQuoteSelector{}, nil, Result{Status: Orphan}},
		{"position out of range", TextQuoteSelector{Exact: "yada", Prefix: "amet "}, &TextPositionSelector{Start: 500, End: 504}, Result{23, 27, Moved, 1}},
		{"negative position", TextQuoteSelector{Exact: "dolor"}, &TextPositionSelector{Start: -3, End: 2}, Result{12, 17, Moved, 1}},
		{"quote longer than text", TextQuoteSelector{Exact: strings.Repeat("zq", 40)}, nil, Result{Status: Orphan}},
		{"no context picks nearest of several", TextQuoteSelector{Exact: "yada"}, &TextPositionSelector{Start: 27, End: 31}, Result{28, 32, Moved, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := text.Resolve(tc.q, tc.pos); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// semiGlobal is the textbook DP for the best edit distance of p against any substring of s.
func semiGlobal(p, s []rune) int {
	prev := make([]int, len(s)+1)
	cur := make([]int, len(s)+1)
	for i := 1; i <= len(p); i++ {
		cur[0] = i
		for j := 1; j <= len(s); j++ {
			c := prev[j-1]
			if p[i-1] != s[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
		prev[0] = i
	}
	best := len(p)
	for _, v := range prev {
		best = min(best, v)
	}
	return best
}

func TestMyersMatchesDP(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ab cé🤝")
	randRunes := func(n int) []rune {
		out := make([]rune, n)
		for i := range out {
			out[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return out
	}
	for _, m := range []int{1, 2, 63, 64, 65, 127, 128, 129, 200} {
		for range 20 {
			p, s := randRunes(m), randRunes(rng.IntN(300))
			if rng.IntN(2) == 0 && len(s) > m {
				at := rng.IntN(len(s) - m)
				copy(s[at:], p)
				s[at+m/2] = 'x'
			}
			_, got := newMyersPattern(p).search(s)
			if want := semiGlobal(p, s); got != want {
				t.Fatalf("m=%d n=%d: myers %d, dp %d", m, len(s), got, want)
			}
		}
	}
}

func TestOffsetConversionsClamp(t *testing.T) {
	s := "a🤝b" // code points a,🤝,b; UTF-16 units 1,2,1; bytes 1,4,1
	tests := []struct {
		name     string
		fn       func(string, int) int
		in, want int
	}{
		{"utf16 negative", UTF16ToCodePoint, -1, 0},
		{"utf16 inside surrogate pair rounds down", UTF16ToCodePoint, 2, 1},
		{"utf16 after pair", UTF16ToCodePoint, 3, 2},
		{"utf16 past end", UTF16ToCodePoint, 99, 3},
		{"cp to utf16", CodePointToUTF16, 2, 3},
		{"cp to utf16 past end", CodePointToUTF16, 99, 4},
		{"byte inside rune rounds down", ByteToCodePoint, 3, 1},
		{"byte past end", ByteToCodePoint, 99, 3},
		{"cp to byte", CodePointToByte, 2, 5},
		{"cp to byte negative", CodePointToByte, -5, 0},
		{"cp to byte past end", CodePointToByte, 99, 6},
	}
	for _, tc := range tests {
		if got := tc.fn(s, tc.in); got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestDescribeIsUniqueAndWordAligned(t *testing.T) {
	text := NewText(article)
	for _, quote := range []string{"the", "constructive", "China", "US", "talks"} {
		for b := 0; ; {
			i := strings.Index(article[b:], quote)
			if i < 0 {
				break
			}
			start := ByteToCodePoint(article, b+i)
			q, pos := text.Describe(start, start+len([]rune(quote)))
			if got := text.MatchQuote(q); len(got) != 1 || got[0] != [2]int{pos.Start, pos.End} {
				t.Errorf("Describe(%q at %d) = %+v matches %v", quote, start, q, got)
			}
			pre, suf := []rune(q.Prefix), []rune(q.Suffix)
			if len(pre) < describeContext && pos.Start-len(pre) != 0 {
				t.Errorf("prefix %q too short", q.Prefix)
			}
			if len(pre) > 0 && pos.Start-len(pre) > 0 && isWordRune(pre[0]) && isWordRune(text.runes[pos.Start-len(pre)-1]) {
				t.Errorf("prefix %q starts inside a word", q.Prefix)
			}
			if len(suf) > 0 && pos.End+len(suf) < text.Len() && isWordRune(suf[len(suf)-1]) && isWordRune(text.runes[pos.End+len(suf)]) {
				t.Errorf("suffix %q ends inside a word", q.Suffix)
			}
			b += i + len(quote)
		}
	}
}

// A fuzzy span of a quote that begins and ends on whole words never begins
// or ends inside a word of the new text.
func TestFuzzySpansKeepWholeWords(t *testing.T) {
	orig := "US Secretary of State Antony Blinken has held “candid, substantive, and constructive” talks with Chinese Foreign Minister Qin Gang in Beijing."
	q, pos := NewText(orig).Describe(47, 84)
	if q.Exact != "candid, substantive, and constructive" {
		t.Fatalf("describe gave %q", q.Exact)
	}
	for _, edited := range []string{
		"US Secretary of State Antony Blinken has held “candid, expansive, and constructive” talks with Chinese Foreign Minister Qin Gang in Beijing.",
		"US Secretary of State Antony Blinken has held “frank, substantive, and constructive” talks with Chinese Foreign Minister Qin Gang in Beijing.",
		"US Secretary of State Antony Blinken has held “long, extensive, and constructive” talks with Chinese Foreign Minister Qin Gang in Beijing.",
		"US Secretary of State Antony Blinken has held “candid, substantive, and productive” talks with Chinese Foreign Minister Qin Gang in Beijing.",
	} {
		text := NewText(edited)
		r := text.Resolve(q, &pos)
		if r.Status != Fuzzy {
			continue
		}
		runes := []rune(edited)
		if r.Start > 0 && isWordRune(runes[r.Start-1]) && isWordRune(runes[r.Start]) {
			t.Errorf("%q: the span %q starts inside a word", edited, text.Slice(r.Start, r.End))
		}
		if r.End < len(runes) && isWordRune(runes[r.End-1]) && isWordRune(runes[r.End]) {
			t.Errorf("%q: the span %q ends inside a word", edited, text.Slice(r.Start, r.End))
		}
	}
}
