package share

import (
	"bytes"
	"encoding/csv"
	"sort"
	"strconv"
	"time"

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

// VerdictCount is how many people gave one verdict on a claim.
type VerdictCount struct {
	Verdict annotation.Verdict
	N       int
}

// Tally counts the verdicts given on the claim, the most given first;
// ties go in the verdict scale's order (annotation.Verdicts), and verdicts
// the scale does not know after it.
func (r ClaimRow) Tally() []VerdictCount {
	count := map[annotation.Verdict]int{}
	for _, v := range r.Verdicts {
		count[v.OrDefault()]++
	}
	rank := map[annotation.Verdict]int{}
	for i, info := range annotation.Verdicts() {
		rank[info.Verdict] = i + 1
	}
	out := make([]VerdictCount, 0, len(count))
	for v, n := range count {
		out = append(out, VerdictCount{v, n})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.N != b.N {
			return a.N > b.N
		}
		ra, rb := rank[a.Verdict], rank[b.Verdict]
		if (ra == 0) != (rb == 0) {
			return rb == 0
		}
		if ra != rb {
			return ra < rb
		}
		return a.Verdict < b.Verdict
	})
	return out
}

// Agreement is the share of the people who marked the claim who gave its
// most given verdict: 1 when all agree, 0 when nobody marked it.
func (r ClaimRow) Agreement() float64 {
	t := r.Tally()
	if len(t) == 0 {
		return 0
	}
	return float64(t[0].N) / float64(len(r.Verdicts))
}

// CompareCSV is the comparison as a spreadsheet (.csv, RFC 4180, UTF-8
// with a byte order mark, as Export.CSV): a header row, then one row per
// claim with its passage, where it is, each person's verdict (empty where
// they did not mark it), how many marked it, the most given verdict and
// its share, and whether all agree. It is named
// "<article id>-claims-compared-<YYYY-MM-DD>.csv".
func CompareCSV(articleID string, people []string, rows []ClaimRow, date time.Time) ([]byte, string, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	head := append([]string{"claim", "start", "end"}, people...)
	head = append(head, "people who marked it", "most given verdict", "share giving it", "agreement")
	write := func(cells []string) error {
		for i := range cells {
			cells[i] = neutraliseCell(cells[i])
		}
		return w.Write(cells)
	}
	if err := write(head); err != nil {
		return nil, "", err
	}
	for _, r := range rows {
		cells := []string{r.Quote, strconv.Itoa(r.Start), strconv.Itoa(r.End)}
		for _, p := range people {
			v, ok := r.Verdicts[p]
			if !ok {
				cells = append(cells, "")
				continue
			}
			cells = append(cells, verdictName(v.OrDefault()))
		}
		most := ""
		if t := r.Tally(); len(t) > 0 {
			most = verdictName(t[0].Verdict)
		}
		cells = append(cells, strconv.Itoa(len(r.Verdicts)), most,
			strconv.Itoa(int(r.Agreement()*100+0.5))+"%", agreementWords(r))
		if err := write(cells); err != nil {
			return nil, "", err
		}
	}
	w.Flush()
	return buf.Bytes(), articleID + "-claims-compared-" + date.Format("2006-01-02") + ".csv", w.Error()
}

// agreementWords says whether the verdicts on a claim agree.
func agreementWords(r ClaimRow) string {
	switch {
	case len(r.Verdicts) < 2:
		return "only one person marked it"
	case r.Agree:
		return "all agree"
	}
	return "verdicts differ"
}
