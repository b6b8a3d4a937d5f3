package anchor

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sentenceTexts splits s with Sentences and returns the sentences' text.
func sentenceTexts(s string) []string {
	r := []rune(s)
	var out []string
	for _, sp := range Sentences(s) {
		out = append(out, string(r[sp[0]:sp[1]]))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "One. Two! Three?", []string{"One.", "Two!", "Three?"}},
		{"titles", "Mr. Smith met Dr. Jones. They talked.", []string{"Mr. Smith met Dr. Jones.", "They talked."}},
		{"inner-period abbreviations", "The U.S. and the U.K. agreed, e.g. on trade, i.e. tariffs. Then they left.", []string{"The U.S. and the U.K. agreed, e.g. on trade, i.e. tariffs.", "Then they left."}},
		{"U.S. before a capital", "The U.S. Department of State said so. Next.", []string{"The U.S. Department of State said so.", "Next."}},
		{"etc. ends a sentence before a capital", "Apples, pears, etc. Then plums.", []string{"Apples, pears, etc.", "Then plums."}},
		{"etc. mid-sentence", "Apples, pears, etc. are fruit.", []string{"Apples, pears, etc. are fruit."}},
		{"month", "It began on Jan. 5 in Rome. It ended.", []string{"It began on Jan. 5 in Rome.", "It ended."}},
		{"initials", "John F. Kennedy spoke. J. R. R. Tolkien wrote.", []string{"John F. Kennedy spoke.", "J. R. R. Tolkien wrote."}},
		{"decimal", "Growth was 3.5 per cent. Prices rose 0.2%.", []string{"Growth was 3.5 per cent.", "Prices rose 0.2%."}},
		{"ellipsis then lower case", "Well... maybe not. Fine.", []string{"Well... maybe not.", "Fine."}},
		{"ellipsis then capital", "He paused… Then he spoke.", []string{"He paused…", "Then he spoke."}},
		{"straight quotes", `He said "Stop." She did.`, []string{`He said "Stop."`, "She did."}},
		{"curly quotes", "“Why?” he asked. “Because.” She left.", []string{"“Why?” he asked.", "“Because.”", "She left."}},
		{"closing bracket", "It rose (by a lot.) Then it fell.", []string{"It rose (by a lot.)", "Then it fell."}},
		{"paragraph break ends a sentence", "A heading\n\nBody text here. More", []string{"A heading", "Body text here.", "More"}},
		{"paragraph break with spaces", "No stop \n  \nNext line", []string{"No stop", "Next line"}},
		{"single newline does not", "Line one\nstill one. Two.", []string{"Line one\nstill one.", "Two."}},
		{"interrobang run", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"leading and trailing space", "  Hello there.   ", []string{"Hello there."}},
		{"empty", "", nil},
		{"only space", " \n\n ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sentenceTexts(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSentencesSeedArticle(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "seed", "000_a607a4e39c22fff8.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := sentenceTexts(string(data))
	for _, want := range []string{
		"‘A real conversation’: Blinken has ‘constructive’ talks in China",
		"US Secretary of State Antony Blinken has held “candid, substantive, and constructive” talks with Chinese Foreign Minister Qin Gang in Beijing, the US Department of State says.",
		"“The secretary emphasised the importance of diplomacy and maintaining open channels of communication across the full range of issues to reduce the risk of misperception and miscalculation,” State Department spokesperson Matthew Miller said.",
		"Qin told Blinken that China is committed to building a “stable, predictable, and constructive” relationship with the United States, state media reported.",
		"“If we want to make sure, as we do, that the competition that we have with China doesn’t veer into conflict, the place you start is with communicating,” Blinken said.",
		"Related posts",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing sentence %q", want)
		}
	}
	if len(got) != 16 {
		t.Errorf("%d sentences, want 16: %q", len(got), got)
	}
}

func TestSentenceSpan(t *testing.T) {
	s := "First one here. Mr. Blinken said “candid” things. Third.\n\nNew paragraph."
	text := NewText(s)
	at := func(sub string) int { return ByteToCodePoint(s, strings.Index(s, sub)) }
	second := [2]int{at("Mr."), at(" Third")}
	tests := []struct {
		name       string
		start, end int
		want       [2]int
	}{
		{"word inside second sentence", at("Blinken"), at("Blinken") + 7, second},
		{"collapsed inside", at("said"), at("said"), second},
		{"across two sentences", at("one here"), at("Blinken"), [2]int{0, second[1]}},
		{"space between takes the next", at(" Mr."), at(" Mr.") + 1, second},
		{"across the paragraph break", at("Third"), at("New") + 2, [2]int{at("Third"), text.Len()}},
		{"out of range clamps", -5, 1000, [2]int{0, text.Len()}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := text.SentenceSpan(tc.start, tc.end)
			if [2]int{a, b} != tc.want {
				t.Errorf("SentenceSpan(%d,%d) = %d,%d %q, want %v %q", tc.start, tc.end, a, b, text.Slice(a, b), tc.want, text.Slice(tc.want[0], tc.want[1]))
			}
		})
	}
	if a, b := NewText("").SentenceSpan(0, 0); a != 0 || b != 0 {
		t.Errorf("empty text: %d,%d", a, b)
	}
}
