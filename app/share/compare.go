package share

import (
	"sort"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
)

// ClaimRow is one claim as several people marked it: their claims whose
// resolved spans overlap, and the verdict each gave.
type ClaimRow struct {
	Start, End int    // the union of the matched spans, in code points
	Quote      string // the article's text over Start..End
	// Verdicts maps each creator who marked the claim to their verdict
	// (unverified when they gave none).
	Verdicts map[string]annotation.Verdict
	// Agree is true when everyone who marked it gave the same verdict.
	Agree bool
}

// Compare lines up the claims of several people on one article ("agreement at
// a glance"): byCreator maps a person (the teacher among them) to their
// annotations. Claims are resolved on text; claims whose spans overlap,
// directly or through another's, form one row. Orphaned claims are left out.
// A person with two claims in one row counts with the first.
func Compare(byCreator map[string][]annotation.Annotation, text *anchor.Text) []ClaimRow {
	type span struct {
		start, end int
		who        string
		verdict    annotation.Verdict
	}
	var spans []span
	for who, anns := range byCreator {
		for _, a := range anns {
			if a.Deleted || a.Kind != annotation.KindClaim || a.Claim == nil {
				continue
			}
			pos := a.Position
			r := text.Resolve(a.Quote, &pos)
			if r.Status == anchor.Orphan || r.End <= r.Start {
				continue
			}
			spans = append(spans, span{r.Start, r.End, who, a.Claim.Verdict.OrDefault()})
		}
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		if spans[i].end != spans[j].end {
			return spans[i].end < spans[j].end
		}
		return spans[i].who < spans[j].who
	})
	var rows []ClaimRow
	for _, s := range spans {
		if n := len(rows); n > 0 && s.start < rows[n-1].End {
			row := &rows[n-1]
			row.End = max(row.End, s.end)
			if _, ok := row.Verdicts[s.who]; !ok {
				row.Verdicts[s.who] = s.verdict
			}
			continue
		}
		rows = append(rows, ClaimRow{Start: s.start, End: s.end, Verdicts: map[string]annotation.Verdict{s.who: s.verdict}})
	}
	for i := range rows {
		rows[i].Quote = text.Slice(rows[i].Start, rows[i].End)
		rows[i].Agree = true
		var first annotation.Verdict
		for _, v := range rows[i].Verdicts {
			if first == "" {
				first = v
			} else if v != first {
				rows[i].Agree = false
			}
		}
	}
	return rows
}
