package share

import (
	"fmt"
	"html"
	"sort"
	"strings"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// htmlStyle is the whole stylesheet: the file has no remote resources.
// Highlights are drawn as the reader draws them (web/app.css): each label
// in its own colour, light or dark with the reader's system, and its own
// underline style, so that no label rests on colour alone; a claim is
// underlined in its verdict's colour and style.
func htmlStyle() string {
	var b strings.Builder
	b.WriteString(`body{font:17px/1.6 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#111;background:#fff}
header{border-bottom:1px solid #999;margin-bottom:1.5em}
.meta,.summary,.legend{color:#444;font-size:.9em}
mark{color:inherit;padding:0 .05em;border-radius:2px;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:.2em;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none}
mark mark{box-shadow:inset 0 -.35em 0 rgba(0,0,0,.12)}
mark.hl{background:#ececec;text-decoration-color:#4f5559}
.legend mark{margin-right:.6em}
.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;border:1px solid #888;border-radius:2px;vertical-align:-.05em}
`)
	for _, l := range annotation.Labels() {
		c := "label-" + cssName(l.Key)
		fmt.Fprintf(&b, "mark.%s{background:%s;text-decoration-style:%s;text-decoration-color:currentColor}.swatch.%s{background:%s}\n", c, l.Light, l.Underline, c, l.Light)
	}
	b.WriteString("mark.claim{background:none;text-decoration-thickness:3px}\n")
	for _, v := range annotation.Verdicts() {
		fmt.Fprintf(&b, "mark.v-%s{text-decoration-color:%s;text-decoration-style:%s}\n", cssName(string(v.Verdict)), v.Colour, verdictUnderline(v.Verdict))
	}
	b.WriteString(`sup.ref{font-size:.7em;color:#555}
aside{border-left:3px solid #ccc;margin:.3em 0 1.2em;padding:.2em .8em;font-size:.88em;color:#222}
aside ol{margin:0;padding-left:1.4em}
.tags,.by{color:#555}
.orphans{border-top:1px solid #999;margin-top:2em}
article + article{border-top:2px solid #000;margin-top:3em}
@media (prefers-color-scheme:dark){body{color:#ecebe7;background:#151719}a{color:#8cc4ff}.meta,.summary,.legend,sup.ref,.tags,.by{color:#b5b9bc}aside{color:#ecebe7;border-color:#3a3f43}mark.hl{background:#3b3b3b;text-decoration-color:#b5b9bc}mark mark{box-shadow:inset 0 -.35em 0 rgba(255,255,255,.15)}
`)
	for _, l := range annotation.Labels() {
		c := "label-" + cssName(l.Key)
		fmt.Fprintf(&b, "mark.%s,.swatch.%s{background:%s}", c, c, l.Dark)
	}
	b.WriteString(`mark.claim{background:none}}
@media print{body{max-width:none;margin:0;color:#111;background:#fff}mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit}}
`)
	return b.String()
}

// verdictUnderline is the underline style of a claim with verdict v, as
// the reader draws it: dotted until verified, solid when accurate, dashed
// when mixed, wavy when inaccurate.
func verdictUnderline(v annotation.Verdict) string {
	switch v {
	case annotation.VerdictUnverified:
		return "dotted"
	case annotation.VerdictMixed:
		return "dashed"
	case annotation.VerdictMostlyInaccurate, annotation.VerdictInaccurate:
		return "wavy"
	}
	return "solid"
}

// markClass is the class of an annotation's <mark>: its label's (a
// highlight without one, or with a label this app does not know, is grey),
// or a claim's verdict's.
func markClass(a annotation.Annotation) string {
	if a.Kind == annotation.KindClaim {
		v := annotation.VerdictUnverified
		if a.Claim != nil {
			v = a.Claim.Verdict.OrDefault()
		}
		return "claim v-" + cssName(string(v))
	}
	if _, ok := annotation.LabelByKey(a.Label); ok {
		return "hl label-" + cssName(a.Label)
	}
	return "hl"
}

// HTML is the annotated article for people (.html): one self-contained file
// with no scripts and no remote resources. Highlights and claims are <mark>s
// placed by resolving their selectors (overlaps split into nested marks, one
// id each), notes below each paragraph, orphans listed apart with their
// quotes, and a claims summary. Every piece of text is escaped.
func (e Export) HTML() ([]byte, string, error) {
	if err := e.check(); err != nil {
		return nil, "", err
	}
	title := "Annotations"
	if len(e.Items) == 1 {
		title = e.Items[0].Article.Title
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", esc(title), htmlStyle())
	for _, it := range e.Items {
		writeHTMLArticle(&b, it, e.Labels)
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String()), e.filename(".html"), nil
}

func esc(s string) string { return html.EscapeString(s) }

func writeHTMLArticle(b *strings.Builder, it Item, labels annotation.LabelNames) {
	art := it.Article
	anns := place(it)
	number := map[string]int{}
	var anchored, orphans []placed
	for i, p := range anns {
		number[p.ID] = i + 1
		if p.Status == anchor.Orphan {
			orphans = append(orphans, p)
		} else {
			anchored = append(anchored, p)
		}
	}
	b.WriteString("<article>\n<header>\n")
	fmt.Fprintf(b, "<h1>%s</h1>\n", esc(art.Title))
	var meta []string
	if isWebURL(art.Source) {
		meta = append(meta, fmt.Sprintf("Source: <a href=\"%s\">%s</a>", esc(art.Source), esc(art.Source)))
	} else if art.Source != "" {
		meta = append(meta, "Source: "+esc(art.Source))
	}
	if art.Author != "" {
		meta = append(meta, "By "+esc(art.Author))
	}
	if art.Published != "" {
		meta = append(meta, esc(art.Published))
	}
	if len(meta) > 0 {
		fmt.Fprintf(b, "<p class=\"meta\">%s</p>\n", strings.Join(meta, " · "))
	}
	summary := fmt.Sprintf("%d annotations", len(anns))
	if s := claimSummary(anns); s != "" {
		summary += "; " + s
	}
	fmt.Fprintf(b, "<p class=\"summary\">%s</p>\n", esc(summary))
	writeHTMLLegend(b, anns, labels)
	b.WriteString("</header>\n")

	for _, blk := range art.Blocks {
		writeHTMLBlock(b, blk, anchored, number, labels)
	}
	if len(orphans) > 0 {
		b.WriteString("<section class=\"orphans\">\n<h2 id=\"orphans\">Orphaned annotations</h2>\n")
		b.WriteString("<p>Their text is no longer in the article; each is shown with its quote.</p>\n<ol>\n")
		for _, p := range orphans {
			fmt.Fprintf(b, "<li value=\"%d\"><blockquote>%s</blockquote>%s</li>\n", number[p.ID], esc(p.Quote.Exact), htmlNoteBody(p.Annotation, labels))
		}
		b.WriteString("</ol>\n</section>\n")
	}
	b.WriteString("</article>\n")
}

func blockTag(kind string) string {
	switch kind {
	case "h2", "h3", "h4", "h5", "h6":
		return kind
	case "quote":
		return "blockquote"
	}
	return "p"
}

// writeHTMLBlock writes one block with its marks, then the notes of the
// annotations that start in it.
func writeHTMLBlock(b *strings.Builder, blk article.Block, anchored []placed, number map[string]int, labels annotation.LabelNames) {
	runes := []rune(blk.Text)
	start, end := blk.Start, blk.Start+len(runes)
	var here []placed
	cuts := []int{start, end}
	for _, p := range anchored {
		if p.End > start && p.Start < end && p.End > p.Start {
			here = append(here, p)
			cuts = append(cuts, max(p.Start, start), min(p.End, end))
		}
	}
	sort.Ints(cuts)
	tag := blockTag(blk.Kind)
	fmt.Fprintf(b, "<%s>", tag)
	if blk.Kind == "li" {
		b.WriteString("• ")
	}
	for i := 0; i+1 < len(cuts); i++ {
		x, y := cuts[i], cuts[i+1]
		if x == y {
			continue
		}
		var open []placed
		for _, p := range here {
			if p.Start <= x && p.End >= y {
				open = append(open, p)
			}
		}
		for _, p := range open {
			fmt.Fprintf(b, "<mark class=\"%s\" data-annotation-id=\"%s\" data-anchor=\"%s\">", markClass(p.Annotation), esc(p.ID), esc(string(p.Status)))
		}
		b.WriteString(esc(string(runes[x-start : y-start])))
		for j := len(open) - 1; j >= 0; j-- {
			b.WriteString("</mark>")
		}
		// The reference number goes where the annotation ends.
		for _, p := range open {
			if p.End == y {
				fmt.Fprintf(b, "<sup class=\"ref\">[%d]</sup>", number[p.ID])
			}
		}
	}
	fmt.Fprintf(b, "</%s>\n", tag)

	var notes []placed
	for _, p := range here {
		if p.Start >= start {
			notes = append(notes, p)
		}
	}
	if len(notes) == 0 {
		return
	}
	b.WriteString("<aside><ol>\n")
	for _, p := range notes {
		fmt.Fprintf(b, "<li value=\"%d\">%s</li>\n", number[p.ID], htmlNoteBody(p.Annotation, labels))
	}
	b.WriteString("</ol></aside>\n")
}

// htmlNoteBody is what a reader recorded on an annotation, escaped.
func htmlNoteBody(a annotation.Annotation, labels annotation.LabelNames) string {
	var parts []string
	head := esc(kindName(a.Kind))
	if a.Label != "" {
		head += " · " + swatch(a.Label) + esc(labelName(labels, a.Label))
	}
	parts = append(parts, "<strong>"+head+"</strong>")
	if c := a.Claim; c != nil {
		var facts []string
		if c.Type != "" {
			facts = append(facts, "Type: "+esc(claimTypeName(c.Type)))
		}
		if c.Speaker != "" {
			facts = append(facts, "Speaker: "+esc(c.Speaker))
		}
		facts = append(facts, "Verdict: "+esc(verdictName(c.Verdict)))
		parts = append(parts, strings.Join(facts, " · "))
		for _, ev := range c.Evidence {
			title := ev.Title
			if title == "" {
				title = ev.URL
			}
			link := esc(title)
			if isWebURL(ev.URL) {
				link = fmt.Sprintf("<a href=\"%s\" rel=\"noopener noreferrer\">%s</a>", esc(ev.URL), esc(title))
			}
			if ev.Quote != "" {
				link += ": “" + esc(ev.Quote) + "”"
			}
			parts = append(parts, "Evidence: "+link)
		}
		if c.Rationale != "" {
			parts = append(parts, "Rationale: "+esc(c.Rationale))
		}
	}
	if a.Note != "" {
		parts = append(parts, strings.ReplaceAll(esc(a.Note), "\n", "<br>"))
	}
	if len(a.Tags) > 0 {
		tags := make([]string, len(a.Tags))
		for i, t := range a.Tags {
			tags[i] = "#" + esc(t)
		}
		parts = append(parts, "<span class=\"tags\">"+strings.Join(tags, " ")+"</span>")
	}
	if a.Creator != "" {
		parts = append(parts, "<span class=\"by\">"+esc(a.Creator)+"</span>")
	}
	return strings.Join(parts, "<br>\n")
}

// swatch is a square of a label's colour, beside its name, which ties the
// name to the marks drawn in that colour; "" for a label this app does
// not know.
func swatch(key string) string {
	if _, ok := annotation.LabelByKey(key); !ok {
		return ""
	}
	return "<span class=\"swatch label-" + cssName(key) + "\" aria-hidden=\"true\"></span>"
}

// writeHTMLLegend writes the key to the marks: each label used, by the
// reader's name for it, drawn as its highlights are.
func writeHTMLLegend(b *strings.Builder, anns []placed, names annotation.LabelNames) {
	used := map[string]bool{}
	for _, p := range anns {
		if p.Kind != annotation.KindClaim && p.Label != "" {
			used[p.Label] = true
		}
	}
	var keys []string
	for _, l := range annotation.Labels() {
		if used[l.Key] {
			keys = append(keys, l.Key)
		}
	}
	if len(keys) == 0 {
		return
	}
	b.WriteString("<p class=\"legend\">Labels: ")
	for _, k := range keys {
		fmt.Fprintf(b, "<mark class=\"hl label-%s\">%s</mark>", cssName(k), esc(labelName(names, k)))
	}
	b.WriteString("</p>\n")
}

// cssName keeps letters, digits and dashes of a machine value for a class name.
func cssName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r == '_' || r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}
