package share

import (
	"bytes"
	"encoding/csv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

var csvHeader = []string{"article id", "article title", "id", "kind", "label", "quote", "note",
	"tags", "claim type", "speaker", "verdict", "evidence urls", "rationale", "creator",
	"created", "modified", "anchor status"}

// CSV is the spreadsheet export (.csv): RFC 4180, UTF-8 with a byte order mark, a header row, one row
// per annotation in document order. A cell a spreadsheet would run as a formula
// gets a leading apostrophe.
func (e Export) CSV() ([]byte, string, error) {
	if err := e.check(); err != nil {
		return nil, "", err
	}
	var buf bytes.Buffer
	// A UTF-8 byte order mark: spreadsheet programs that guess a file's
	// encoding then read "Crème brûlée" as it was written.
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true // RFC 4180 line breaks
	if err := w.Write(csvHeader); err != nil {
		return nil, "", err
	}
	for _, it := range e.Items {
		for _, p := range place(it) {
			var claimType, speaker, verdict, evidence, rationale string
			if c := p.Claim; c != nil {
				claimType, speaker, verdict, rationale = claimTypeName(c.Type), c.Speaker, verdictName(c.Verdict), c.Rationale
				urls := make([]string, len(c.Evidence))
				for i, ev := range c.Evidence {
					urls[i] = ev.URL
				}
				evidence = strings.Join(urls, " ")
			}
			row := []string{it.Article.ID, it.Article.Title, p.ID, string(p.Kind), labelName(e.Labels, p.Label),
				p.Quote.Exact, p.Note, strings.Join(p.Tags, "; "), claimType, speaker, verdict,
				evidence, rationale, p.Creator, csvTime(p.Created), csvTime(p.Modified), string(p.Status)}
			for i := range row {
				row[i] = neutraliseCell(row[i])
			}
			if err := w.Write(row); err != nil {
				return nil, "", err
			}
		}
	}
	w.Flush()
	return buf.Bytes(), e.filename(".csv"), w.Error()
}

func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// neutraliseCell keeps a spreadsheet from running a cell as a formula
// (OWASP "CSV injection"): a cell whose first character other than white
// space is = + - or @, in their ASCII, full-width (＝ ＋ － ＠) or small
// (﹦ ﹢ ﹣ ﹫) forms, or that starts with a tab or CR, gets a leading
// apostrophe, which spreadsheets show as text and do not evaluate.
// Spreadsheets skip leading spaces and line breaks before a formula, and
// some read full-width signs as ASCII ones.
func neutraliseCell(s string) string {
	if s == "" {
		return s
	}
	if s[0] == '\t' || s[0] == '\r' {
		return "'" + s
	}
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	if t == "" {
		return s
	}
	r, _ := utf8.DecodeRuneInString(t)
	switch r {
	case '=', '+', '-', '@',
		'＝', '＋', '－', '＠',
		'﹦', '﹢', '﹣', '﹫':
		return "'" + s
	}
	return s
}
