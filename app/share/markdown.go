package share

import (
	"fmt"
	"strings"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
)

// Markdown is the export for people to read (.md): per article its title and
// source, then each annotation in document order: the quote as a blockquote
// (linked to the passage with a text fragment when the source is a web
// address), label, note, tags and the claim. Everything a reader wrote is
// escaped so that it stays text in any Markdown renderer.
func (e Export) Markdown() ([]byte, string, error) {
	if err := e.check(); err != nil {
		return nil, "", err
	}
	var b strings.Builder
	for i, it := range e.Items {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		art := it.Article
		fmt.Fprintf(&b, "# %s\n\n", mdEscape(art.Title))
		var meta []string
		if isWebURL(art.Source) {
			meta = append(meta, "Source: <"+mdURL(art.Source)+">")
		} else if art.Source != "" {
			meta = append(meta, "Source: "+mdEscape(art.Source))
		}
		if art.Author != "" {
			meta = append(meta, "Author: "+mdEscape(art.Author))
		}
		if art.Published != "" {
			meta = append(meta, "Published: "+mdEscape(art.Published))
		}
		for _, m := range meta {
			b.WriteString(m + "  \n")
		}
		anns := place(it)
		var frags *fragmentPage
		if isWebURL(art.Source) {
			frags = newFragmentPage(art)
		}
		if s := claimSummary(anns); s != "" {
			b.WriteString(mdEscape(s) + "  \n")
		}
		fmt.Fprintf(&b, "%d annotations\n", len(anns))
		for n, p := range anns {
			fmt.Fprintf(&b, "\n## %d. %s", n+1, kindName(p.Kind))
			if p.Status == anchor.Orphan {
				b.WriteString(" (orphaned: its text is no longer in the article)")
			}
			b.WriteString("\n\n")
			quote := mdEscape(collapseSpace(p.Quote.Exact))
			if isWebURL(art.Source) && p.Status != anchor.Orphan {
				quote = "[" + quote + "](" + mdURL(FragmentURL(art.Source, frags.fragment(p.Start, p.End))) + ")"
			}
			b.WriteString("> " + quote + "\n\n")
			if p.Label != "" {
				b.WriteString("- Label: " + mdEscape(labelName(e.Labels, p.Label)) + "\n")
			}
			if len(p.Tags) > 0 {
				tags := make([]string, len(p.Tags))
				for i, t := range p.Tags {
					tags[i] = mdEscape(t)
				}
				b.WriteString("- Tags: " + strings.Join(tags, ", ") + "\n")
			}
			if c := p.Claim; c != nil {
				writeMarkdownClaim(&b, c)
			}
			if p.Creator != "" {
				b.WriteString("- By: " + mdEscape(p.Creator) + "\n")
			}
			if p.Note != "" {
				b.WriteString("\n" + mdParagraphs(p.Note) + "\n")
			}
		}
	}
	return []byte(b.String()), e.filename(".md"), nil
}

func writeMarkdownClaim(b *strings.Builder, c *annotation.Claim) {
	if c.Type != "" {
		b.WriteString("- Claim type: " + mdEscape(claimTypeName(c.Type)) + "\n")
	}
	if c.Speaker != "" {
		b.WriteString("- Speaker: " + mdEscape(c.Speaker) + "\n")
	}
	b.WriteString("- Verdict: " + mdEscape(verdictName(c.Verdict)) + "\n")
	for _, ev := range c.Evidence {
		title := ev.Title
		if title == "" {
			title = ev.URL
		}
		line := "- Evidence: " + mdEscape(title)
		if isWebURL(ev.URL) {
			line = "- Evidence: [" + mdEscape(title) + "](" + mdURL(ev.URL) + ")"
		}
		if ev.Quote != "" {
			line += ": “" + mdEscape(collapseSpace(ev.Quote)) + "”"
		}
		b.WriteString(line + "\n")
	}
	if c.Rationale != "" {
		b.WriteString("- Rationale: " + mdEscape(collapseSpace(c.Rationale)) + "\n")
	}
}

// mdEscape backslash-escapes every ASCII punctuation character that Markdown
// (CommonMark) could read as syntax or HTML, and folds line breaks, so the
// string renders as the same text.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '!',
			'<', '>', '&', '|', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdParagraphs escapes a multi-line note, keeping its paragraphs.
func mdParagraphs(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var paras []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			p = mdEscape(p)
			// A paragraph must not start a list, heading or thematic break.
			if strings.IndexByte("-=+", p[0]) >= 0 {
				p = "\\" + p
			} else if i := orderedListStart(p); i > 0 {
				p = p[:i] + "\\" + p[i:]
			}
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// mdURL makes a URL safe inside Markdown link syntax: characters that would
// end the destination are percent-encoded.
func mdURL(u string) string {
	r := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\n", "%0A", "\r", "%0D", "\"", "%22")
	return r.Replace(u)
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// orderedListStart returns the index of the "." or ")" when s starts like
// "12. " or "3) ", else 0.
func orderedListStart(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return i
	}
	return 0
}
