package share

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
)

// A class of 30 compared: each claim's tally, the share giving its most
// given verdict, and a CSV with one row per claim and a column per person.
func TestCompareClass(t *testing.T) {
	art := fixtureArticle(t)
	const s1 = "Sunday’s talks marked the start of the highest-level trip"
	const s2 = "reduce the risk of misperception"
	by := map[string][]annotation.Annotation{}
	var people []string
	for i := range 30 {
		who := fmt.Sprintf("Student %02d", i+1)
		people = append(people, who)
		claim := func(id int, quote string, v annotation.Verdict) annotation.Annotation {
			q, p := span(t, art, quote)
			return annotation.Annotation{ID: uuid(id), Article: art.ID, Kind: annotation.KindClaim, Quote: q, Position: p, Claim: &annotation.Claim{Verdict: v}}
		}
		v1 := annotation.VerdictAccurate
		switch {
		case i < 6:
			v1 = annotation.VerdictInaccurate
		case i < 9:
			v1 = ""
		}
		by[who] = append(by[who], claim(2*i, s1, v1))
		if i == 0 || i == 1 {
			by[who] = append(by[who], claim(2*i+1, s2, annotation.VerdictMixed))
		}
	}
	people = append(people, "Absent")
	rows := Compare(by, anchor.NewText(art.Text))
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	tally := rows[0].Tally()
	want := []VerdictCount{{annotation.VerdictAccurate, 21}, {annotation.VerdictInaccurate, 6}, {annotation.VerdictUnverified, 3}}
	if !slices.Equal(tally, want) {
		t.Errorf("tally %v, want %v", tally, want)
	}
	if a := rows[0].Agreement(); a != 0.7 {
		t.Errorf("agreement %v, want 0.7", a)
	}
	if a := rows[1].Agreement(); a != 1 || !rows[1].Agree {
		t.Errorf("agreement %v, want 1", a)
	}
	// Ties follow the verdict scale; unknown verdicts go last.
	tie := ClaimRow{Verdicts: map[string]annotation.Verdict{"a": "made-up", "b": annotation.VerdictInaccurate, "c": annotation.VerdictAccurate}}
	if got := tie.Tally(); got[0].Verdict != annotation.VerdictAccurate || got[2].Verdict != "made-up" {
		t.Errorf("tie order %v", got)
	}

	data, name, err := CompareCSV(art.ID, people, rows, exportDay)
	if err != nil {
		t.Fatal(err)
	}
	if name != "blinken-beijing-talks-claims-compared-2026-11-26.csv" {
		t.Errorf("name %q", name)
	}
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Error("no byte order mark")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || len(recs[0]) != 3+31+4 {
		t.Fatalf("%d rows of %d cells", len(recs), len(recs[0]))
	}
	if got := strings.Join(recs[0][:4], "|") + "|" + strings.Join(recs[0][34:], "|"); got != "claim|start|end|Student 01|people who marked it|most given verdict|share giving it|agreement" {
		t.Errorf("header %s", got)
	}
	r1, r2 := recs[1], recs[2]
	if r1[3] != "Inaccurate" || r1[3+8] != "Unverified" || r1[3+29] != "Accurate" || r1[3+30] != "" || r1[34] != "30" || r1[35] != "Accurate" || r1[36] != "70%" || r1[37] != "verdicts differ" {
		t.Errorf("first row %q", r1)
	}
	if r2[3] != "Mixed or misleading" || r2[3+2] != "" || r2[34] != "2" || r2[37] != "all agree" {
		t.Errorf("second row %q", r2)
	}
}
