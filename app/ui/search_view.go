package ui

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/search"
)

// The search results are drawn straight into the DOM (search_dom_wasm.go)
// from these plain views, built here in plain Go so they can be tested
// natively. Their texts go into text nodes, never into markup.

// maxResults is how many results are built for display.
const maxResults = 20

// segment is a run of a result's text, marked when the query matched it.
type segment struct {
	Text string
	Mark bool
}

// resultPart is one line of a result: its class, a prefix for screen
// readers and the eye ("Note: "), and its text.
type resultPart struct {
	Class  string
	Prefix string
	Segs   []segment
}

// resultView is one search result as shown.
type resultView struct {
	DOMID   string // the <li>'s id
	ID      string // the annotation's
	Article string
	Href    string
	Parts   []resultPart
}

// annotationHref is the reader's address of an annotation: the reader
// scrolls to it and focuses it (see openTarget).
func annotationHref(articleID, id string) string {
	return "/read/" + articleID + "#" + targetPrefix + url.PathEscape(id)
}

// targetPrefix starts the fragment that names an annotation to open.
const targetPrefix = "annotation="

// targetOf reads the annotation id out of a reader URL's fragment.
func targetOf(fragment string) string {
	id, ok := strings.CutPrefix(fragment, targetPrefix)
	if !ok {
		return ""
	}
	if u, err := url.PathUnescape(id); err == nil {
		id = u
	}
	return id
}

// resultList is the top results of a search. Their views are built when
// first asked for: those the popup shows at once inside the input event,
// the others after the paint.
type resultList struct {
	docs  []search.Doc
	res   []search.Result
	views []resultView
	// matches, when set, builds a result's highlights, which a deferred
	// search leaves out: only the results drawn pay for them.
	matches func(id string) []search.Match
}

// viewSource is what drawResults draws from.
type viewSource interface {
	Len() int
	View(i int) resultView
}

// newResultList keeps the results whose document doc finds.
func newResultList(results []search.Result, doc func(id string) (search.Doc, bool)) *resultList {
	l := &resultList{res: results[:0:0], docs: make([]search.Doc, 0, len(results))}
	for _, r := range results {
		if d, ok := doc(r.ID); ok {
			l.res, l.docs = append(l.res, r), append(l.docs, d)
		}
	}
	return l
}

func (l *resultList) Len() int {
	if l == nil {
		return 0
	}
	return len(l.res)
}

// View is the view of the i-th result.
func (l *resultList) View(i int) resultView {
	for len(l.views) <= i {
		j := len(l.views)
		if l.matches != nil && l.res[j].Matches == nil {
			l.res[j].Matches = l.matches(l.res[j].ID)
		}
		l.views = append(l.views, resultViewOf(j, l.res[j], l.docs[j]))
	}
	return l.views[i]
}

// resultViews builds the views of the top results.
func resultViews(results []search.Result, doc func(id string) (search.Doc, bool)) []resultView {
	l := newResultList(results, doc)
	for i := range l.Len() {
		l.View(i)
	}
	return l.views
}

// popupGeometry is what the results popup measured after a paint: enough
// to tell, without laying anything out, which results may be seen at once.
type popupGeometry struct {
	avail  float64                 // the popup's greatest height, px
	width  float64                 // a result line's width, px
	pad    float64                 // a result's height without its lines
	lineH  [numResultLines]float64 // line height per line class (0: unknown)
	fontPx [numResultLines]float64 // font size per line class
}

// narrowGlyph is the width of the narrowest letters of a proportional font
// ("i", "l"), in ems: no line holds more characters than its width allows
// at this width, so the estimate below never takes a result for taller than
// it is.
const narrowGlyph = 0.22

// visible is how many of the results may be seen at once in the popup,
// scrolled to its top: a result's height is at least its padding plus, per
// line, as many lines as its characters need at the narrowest glyph width,
// and at least one. Without a measure it is firstDrawn.
func (g popupGeometry) visible(views viewSource) int {
	n := views.Len()
	if g.avail <= 0 || g.width <= 0 {
		return min(n, firstDrawn)
	}
	var minH, minFont float64
	for k := range g.lineH {
		if g.lineH[k] > 0 && (minH == 0 || g.lineH[k] < minH) {
			minH = g.lineH[k]
		}
		if g.fontPx[k] > 0 && (minFont == 0 || g.fontPx[k] < minFont) {
			minFont = g.fontPx[k]
		}
	}
	if minH <= 0 || minFont <= 0 {
		return min(n, firstDrawn)
	}
	y := 0.0
	for i := range n {
		if y >= g.avail {
			return i
		}
		h := g.pad
		for _, p := range views.View(i).Parts {
			k := resultLineOf(p.Class)
			lh, font := g.lineH[k], g.fontPx[k]
			if lh <= 0 || font <= 0 {
				lh, font = minH, minFont
			}
			chars := utf8.RuneCountInString(p.Prefix)
			for _, s := range p.Segs {
				chars += utf8.RuneCountInString(s.Text)
			}
			lines := math.Ceil(float64(chars) * narrowGlyph * font / g.width)
			h += max(1, lines) * lh
		}
		y += h
	}
	return n
}

// firstDrawn is how many results are drawn inside the input event before
// the popup was measured.
const firstDrawn = 10

func resultViewOf(i int, r search.Result, d search.Doc) resultView {
	matched := map[search.Field]search.Match{}
	for _, m := range r.Matches {
		matched[m.Field] = m
	}
	field := func(f search.Field, text string, max int) []segment {
		if m, ok := matched[f]; ok && m.Text == text {
			return segments(text, m.Ranges, max)
		}
		return segments(text, nil, max)
	}
	v := resultView{
		DOMID:   resultDOMID(i),
		ID:      d.ID,
		Article: d.Article,
		Href:    annotationHref(d.Article, d.ID),
	}
	quote := field(search.FieldQuote, d.Quote, 180)
	quote = append([]segment{{Text: "“"}}, append(quote, segment{Text: "”"})...)
	v.Parts = append(v.Parts, resultPart{Class: "result-quote", Segs: quote})
	if d.Note != "" {
		v.Parts = append(v.Parts, resultPart{Class: "result-note", Prefix: "Note: ", Segs: field(search.FieldNote, d.Note, 140)})
	}
	var kind resultPart
	switch {
	case d.IsClaim:
		kind = resultPart{Class: "result-kind", Prefix: "Claim" + verdictSymbol(d.Verdict) + ": ",
			Segs: field(search.FieldClaim, claimText(d), 120)}
	case d.Label != "":
		kind = resultPart{Class: "result-kind", Prefix: "Label: ", Segs: field(search.FieldLabel, d.Label, 60)}
	}
	if d.Orphan {
		kind.Class = "result-kind"
		kind.Prefix = "Orphaned (the text is gone) · " + kind.Prefix
	}
	if kind.Class != "" {
		v.Parts = append(v.Parts, kind)
	}
	if len(d.Tags) > 0 {
		v.Parts = append(v.Parts, resultPart{Class: "result-tags", Prefix: "Tags: ", Segs: field(search.FieldTags, strings.Join(d.Tags, ", "), 120)})
	}
	v.Parts = append(v.Parts, resultPart{Class: "result-title", Prefix: "In ", Segs: field(search.FieldTitle, d.ArticleTitle, 120)})
	return v
}

// claimText is a claim's searchable text as the search package joins it.
func claimText(d search.Doc) string {
	var parts []string
	for _, p := range []string{d.ClaimTypeName, d.VerdictName, d.Speaker, d.Rationale} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

func verdictSymbol(v string) string {
	if info, ok := annotation.Verdict(v).Info(); ok {
		return " " + info.Symbol
	}
	return ""
}

// segments cuts text into marked and unmarked runs. ranges are [start,end)
// in code points of text (search.Match.Ranges), sorted. A text longer than
// max code points is cut to a window of max around the first match, with
// an ellipsis where it was cut.
// (limit <= 0: no cut.)
func segments(text string, ranges [][2]int, limit int) []segment {
	runes := []rune(text)
	lo, hi := 0, len(runes)
	if limit > 0 && hi > limit {
		if len(ranges) > 0 {
			lo = ranges[0][0] - limit/4
		}
		lo = min(max(lo, 0), len(runes)-limit)
		hi = lo + limit
	}
	var out []segment
	add := func(s string, mark bool) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Mark == mark {
			out[n-1].Text += s
			return
		}
		out = append(out, segment{Text: s, Mark: mark})
	}
	if lo > 0 {
		add("…", false)
	}
	at := lo
	for _, r := range ranges {
		a, z := max(r[0], at), min(r[1], hi)
		if a >= z {
			continue
		}
		add(string(runes[at:a]), false)
		add(string(runes[a:z]), true)
		at = z
	}
	add(string(runes[at:hi]), false)
	if hi < len(runes) {
		add("…", false)
	}
	return out
}

// resultsSummary is what the live region says about the results.
func resultsSummary(query string, shown, total int) string {
	switch {
	case strings.TrimSpace(query) == "":
		return ""
	case total == 0:
		return "No annotations match"
	case total == 1:
		return "1 result"
	case shown < total:
		return fmt.Sprintf("%d results, showing the best %d", total, shown)
	}
	return fmt.Sprintf("%d results", total)
}

// The lines a result can have, in the order shown: each is a <span> of
// this class in the result's link.
var resultLineClasses = [...]string{"result-quote", "result-note", "result-kind", "result-tags", "result-title"}

const numResultLines = len(resultLineClasses)

// resultLineOf is the index of a line's class in resultLineClasses.
func resultLineOf(class string) int {
	for i, c := range resultLineClasses {
		if c == class {
			return i
		}
	}
	panic("search: no result line of class " + class)
}

// resultDOMID is the id of the i-th result's <li>.
func resultDOMID(i int) string { return "search-result-" + strconv.Itoa(i) }

// lineRuns splits a line's segments into the runs its DOM holds: plain
// text and marked text by turns, plain[0], marked[0], plain[1], …,
// plain[len(marked)], where plain runs may be empty. It reuses the buffers.
func lineRuns(segs []segment, plain, marked []string) ([]string, []string) {
	plain, marked = append(plain[:0], ""), marked[:0]
	for _, s := range segs {
		if s.Mark {
			marked = append(marked, s.Text)
			plain = append(plain, "")
		} else {
			plain[len(plain)-1] += s.Text
		}
	}
	return plain, marked
}
