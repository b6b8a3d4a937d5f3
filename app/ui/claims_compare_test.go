package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
)

func TestCompareClaims(t *testing.T) {
	text := anchor.NewText("Prices rose by four percent. Wages fell.")
	claim := func(id, quote, creator, source string, v annotation.Verdict) annotation.Annotation {
		q, pos := text.Describe(strings.Index(text.String(), quote), strings.Index(text.String(), quote)+len(quote))
		return annotation.Annotation{ID: id, Kind: annotation.KindClaim, Quote: q, Position: pos,
			Creator: creator, Source: source, Claim: &annotation.Claim{Verdict: v}}
	}
	mine := claim("m1", "Prices rose by four percent.", "", "", annotation.VerdictAccurate)
	ana := claim("a1", "Prices rose by four percent.", "Ana", "class pack: x", annotation.VerdictInaccurate)
	bo := claim("b1", "Wages fell.", "Bo", "class pack: x", annotation.VerdictAccurate)
	note := annotation.Annotation{ID: "n1", Kind: annotation.KindNote, Creator: "Cy", Source: "file"}

	if people, _ := compareClaims([]annotation.Annotation{mine, note}, text, ""); people != nil {
		t.Errorf("one person's claims compared: %v", people)
	}
	people, rows := compareClaims([]annotation.Annotation{bo, ana, mine, note}, text, "")
	if !slices.Equal(people, []string{"You", "Ana", "Bo"}) {
		t.Errorf("people %v, want the reader first", people)
	}
	if len(rows) != 2 || rows[0].Agree || rows[0].Verdicts["You"] != annotation.VerdictAccurate || len(rows[1].Verdicts) != 1 {
		t.Errorf("rows %+v", rows)
	}
	if got := agreement(rows[0]) + "|" + agreement(rows[1]); got != "≠ verdicts differ|– only one person marked it" {
		t.Errorf("agreement: %s", got)
	}
	// The reader under their own name.
	if people, _ := compareClaims([]annotation.Annotation{ana, mine}, text, "Dee"); !slices.Equal(people, []string{"Dee", "Ana"}) {
		t.Errorf("people %v", people)
	}
}
