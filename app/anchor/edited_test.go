package anchor

import (
	"encoding/json"
	"os"
	"testing"
)

// loadTestdata decodes a JSON file of testdata/ (whose SOURCE.txt files
// say where each came from).
func loadTestdata(t testing.TB, rel string, v any) {
	t.Helper()
	data, err := os.ReadFile(rel)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
}

type editedCase struct {
	ID       int     `json:"id"`
	Exact    string  `json:"exact"`
	Prefix   string  `json:"prefix"`
	Suffix   string  `json:"suffix"`
	Position [2]int  `json:"position"`
	Expected *[2]int `json:"expected"`
	Remnant  *[2]int `json:"remnant"`
	Status   string  `json:"status"`
}

type editedArticle struct {
	Original string       `json:"original"`
	Edited   string       `json:"edited"`
	Cases    []editedCase `json:"cases"`
}

func (c editedCase) selectors() (TextQuoteSelector, *TextPositionSelector) {
	return TextQuoteSelector{Type: "TextQuoteSelector", Exact: c.Exact, Prefix: c.Prefix, Suffix: c.Suffix},
		&TextPositionSelector{Type: "TextPositionSelector", Start: c.Position[0], End: c.Position[1]}
}

func iou(a, b [2]int) float64 {
	inter := min(a[1], b[1]) - max(a[0], b[0])
	if inter <= 0 {
		return 0
	}
	union := max(a[1], b[1]) - min(a[0], b[0])
	return float64(inter) / float64(union)
}

type editedScore struct {
	correct, exact, notFound, wrong, wrongOnRemnant int
}

// scoreEdited judges each answer as the data set's "scoring" field says.
func scoreEdited(t *testing.T, art editedArticle, text *Text) editedScore {
	var s editedScore
	for _, c := range art.Cases {
		q, pos := c.selectors()
		r := text.Resolve(q, pos)
		found := r.Status != Orphan
		span := [2]int{r.Start, r.End}
		switch {
		case !found && c.Expected == nil:
			s.correct++
		case !found:
			s.notFound++
			t.Logf("not found: case %d (%s) len %d expected %v", c.ID, c.Status, len(c.Exact), *c.Expected)
		case c.Expected == nil:
			s.wrong++
			if c.Status == "mostly_deleted" && c.Remnant != nil && iou(span, *c.Remnant) >= 0.5 {
				s.wrongOnRemnant++
			}
			t.Logf("wrong: case %d (%s) len %d attached to %v %s score %.2f remnant %v", c.ID, c.Status, len(c.Exact), span, r.Status, r.Score, c.Remnant)
		case iou(span, *c.Expected) >= 0.5:
			s.correct++
			if span == *c.Expected {
				s.exact++
			}
		default:
			s.wrong++
			t.Logf("wrong: case %d (%s) found %v expected %v", c.ID, c.Status, span, *c.Expected)
		}
	}
	return s
}

func TestEditedArticle1000(t *testing.T) {
	var art editedArticle
	loadTestdata(t, "testdata/anchoring/edited-article-1000.json", &art)
	orig := NewText(art.Original)
	for _, c := range art.Cases {
		q, pos := c.selectors()
		if r := orig.Resolve(q, pos); r.Status != Exact || r.Start != c.Position[0] || r.End != c.Position[1] {
			t.Errorf("case %d on the original: %+v, want exact at %v", c.ID, r, c.Position)
		}
	}
	s := scoreEdited(t, art, NewText(art.Edited))
	t.Logf("edited: correct %d (exact spans %d) not_found %d wrong %d wrong_on_remnant %d",
		s.correct, s.exact, s.notFound, s.wrong, s.wrongOnRemnant)
	if s.wrong != 0 {
		t.Errorf("%d quotes attached to the wrong text, want 0", s.wrong)
	}
	if s.correct < 1000 {
		t.Errorf("correct %d, want 1000", s.correct)
	}
}
