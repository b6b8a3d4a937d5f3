package annotation

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/article"
)

// span of phrase in text, in code points.
func spanOf(t *testing.T, text, phrase string) (int, int) {
	t.Helper()
	i := strings.Index(text, phrase)
	if i < 0 {
		t.Fatalf("%q not in the text", phrase)
	}
	s := len([]rune(text[:i]))
	return s, s + len([]rune(phrase))
}

func TestSpeakerCandidates(t *testing.T) {
	for _, tc := range []struct {
		name, text, claim string
		first             string   // the most likely speaker
		has, hasNot       []string // among, and not among, the candidates
	}{
		{
			name:   "the speaker named in the claim comes first",
			text:   "The talks went well. Speaking on Friday, Antony Blinken said the trip had three aims. Officials in Beijing agreed.",
			claim:  "Speaking on Friday, Antony Blinken said the trip had three aims.",
			first:  "Antony Blinken",
			hasNot: []string{"Speaking", "Friday", "The", "Officials", "Speaking on Friday", "Beijing"},
		},
		{
			name:   "places and peoples are not speakers (issue 15)",
			text:   "Officials met Qin Gang. Qin told Blinken that China is committed to stability. He raised the Taiwan issue, as Japan and South Korea watched, and Chinese officials in Washington agreed.",
			claim:  "Qin told Blinken that China is committed to stability.",
			first:  "Qin",
			has:    []string{"Blinken", "Qin Gang"},
			hasNot: []string{"China", "Taiwan", "Japan", "South Korea", "Chinese", "Washington"},
		},
		{
			name:   "a place the lists lack is known by its context",
			text:   "Rents rose in Langstrasse, said Maria Keller. Traffic in Langstrasse is heavy.",
			claim:  "Rents rose in Langstrasse, said Maria Keller.",
			first:  "Maria Keller",
			hasNot: []string{"Langstrasse"},
		},
		{
			name:  "a capital that speaks for its government is kept",
			text:  "In a statement, Beijing warned Washington against interference in its affairs.",
			claim: "In a statement, Beijing warned Washington against interference in its affairs.",
			first: "Beijing", hasNot: []string{"Washington"},
		},
		{
			name:   "titles are not part of a name, nor a name alone",
			text:   "US Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang. The President said the talks went well, and Dr Ada Byron agreed.",
			claim:  "The President said the talks went well, and Dr Ada Byron agreed.",
			first:  "Ada Byron",
			has:    []string{"Antony Blinken", "Qin Gang"},
			hasNot: []string{"President", "US Secretary of State Antony Blinken", "Chinese Foreign Minister Qin Gang", "Dr Ada Byron", "US", "Chinese"},
		},
		{
			name:  "organisations speak",
			text:  "Exports fell, the US Department of State says.",
			claim: "Exports fell, the US Department of State says.",
			first: "US Department of State",
		},
		{
			name:  "a speech verb before the name",
			text:  "Prices rose by 4%, said Jane van Dyke. Prices fell, according to Acme Corp.",
			claim: "Prices fell, according to Acme Corp.",
			first: "Acme Corp",
			has:   []string{"Jane van Dyke"},
		},
		{
			name:   "possessives and quotation marks",
			text:   "“We will win,” Maria Lopez’s spokesperson said. China’s economy grew.",
			claim:  "“We will win,” Maria Lopez’s spokesperson said.",
			first:  "Maria Lopez",
			has:    []string{},
			hasNot: []string{"We", "China’s", "Maria Lopez’s"},
		},
		{
			name:  "a sentence-initial name known from elsewhere",
			text:  "Officials met Qin Gang. Qin said relations were stable.",
			claim: "Qin said relations were stable.",
			first: "Qin",
			has:   []string{"Qin Gang"},
		},
		{name: "no names", text: "prices rose. they fell.", claim: "they fell."},
		{
			name:   "days and months are not speakers",
			text:   "On Monday the report by Acme Research said prices rose in May.",
			claim:  "On Monday the report by Acme Research said prices rose in May.",
			first:  "Acme Research",
			hasNot: []string{"Monday", "May", "On Monday"},
		},
		{
			name:  "offsets count code points, not bytes",
			text:  "👍🏽 Café prices rose, said Zoë Ödegaard. Rents fell, said Jan Berg.",
			claim: "Rents fell, said Jan Berg.",
			first: "Jan Berg",
			has:   []string{"Zoë Ödegaard"},
		},
		{
			name:   "no name runs across a paragraph break, and a word that only begins sentences is no name",
			text:   "The minister spoke to Anna\n\nBerg said the talks failed.",
			claim:  "Berg said the talks failed.",
			first:  "Anna",
			hasNot: []string{"Anna Berg", "Berg"},
		},
	} {
		s, e := spanOf(t, tc.text, tc.claim)
		got := SpeakerCandidates(tc.text, s, e)
		if tc.first == "" {
			if len(got) != 0 {
				t.Errorf("%s: %q, want none", tc.name, got)
			}
			continue
		}
		if len(got) == 0 || got[0] != tc.first {
			t.Errorf("%s: %q, want %q first", tc.name, got, tc.first)
		}
		for _, h := range tc.has {
			if !slices.Contains(got, h) {
				t.Errorf("%s: %q lacks %q", tc.name, got, h)
			}
		}
		for _, h := range tc.hasNot {
			if slices.Contains(got, h) {
				t.Errorf("%s: %q has %q", tc.name, got, h)
			}
		}
	}
}

// At most twelve candidates are offered.
func TestSpeakerCandidatesAtMostTwelve(t *testing.T) {
	var b strings.Builder
	for i := range 30 {
		b.WriteString("Prices rose, said Speaker" + string(rune('A'+i)) + " Smith. ")
	}
	if got := SpeakerCandidates(b.String(), 0, 10); len(got) != 12 {
		t.Errorf("%d candidates, want 12: %q", len(got), got)
	}
}

// On the seed article, the claim about the trip's objectives proposes
// Blinken first.
func TestSpeakerCandidatesSeed(t *testing.T) {
	data, err := os.ReadFile("../../articles/blinken-beijing-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse("blinken-beijing-talks", "blinken-beijing-talks.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	s, e := spanOf(t, a.Text, "Speaking at a press conference on Friday")
	got := SpeakerCandidates(a.Text, s, e+200)
	if len(got) == 0 || got[0] != "Blinken" {
		t.Errorf("candidates %q, want Blinken first", got)
	}
	for _, bad := range []string{"Speaking", "Friday", "Beijing", "Taiwan", "China", "US", "Japan", "South Korea", "Philippines", "Washington", "Pacific", "Tokyo"} {
		if slices.Contains(got, bad) {
			t.Errorf("candidates %q include %q", got, bad)
		}
	}
	t.Logf("candidates: %q", got)
}
