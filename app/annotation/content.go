package annotation

import (
	"encoding/base64"
	"strconv"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/internal/shasum"
)

// FormatMarkdown is the NoteFormat of a Markdown note.
const FormatMarkdown = "text/markdown"

// ContentHash is a short digest of what a reader can change about a:
// the quoted text, kind, label, note and its format, tags, the claim and
// whether it is deleted. Times, creator, provenance and the selectors'
// position and context are left out, so that writing back a resolved
// position (AnchoredAt) is not an edit. Import stores it in Imported; a
// copy whose ContentHash still equals its Imported was not edited since.
func (a Annotation) ContentHash() string {
	// One buffer, sized once: an import hashes every annotation it reads.
	n := len(a.Quote.Exact) + len(a.Kind) + len(a.Label) + len(a.Note) + len(a.NoteFormat) + 64
	for _, t := range a.Tags {
		n += len(t) + 8
	}
	if c := a.Claim; c != nil {
		n += len(c.Type) + len(c.Speaker) + len(c.Verdict) + len(c.Rationale) + 64
		for _, e := range c.Evidence {
			n += len(e.URL) + len(e.Title) + len(e.Quote) + 24
		}
	}
	b := make([]byte, 0, n)
	field := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	field(a.Quote.Exact)
	field(string(a.Kind))
	field(a.Label)
	field(a.Note)
	field(a.NoteFormat)
	field(strconv.Itoa(len(a.Tags)))
	for _, t := range a.Tags {
		field(t)
	}
	if c := a.Claim; c != nil {
		field("claim")
		field(string(c.Type))
		field(c.Speaker)
		field(string(c.Verdict))
		field(c.Rationale)
		field(strconv.Itoa(len(c.Evidence)))
		for _, e := range c.Evidence {
			field(e.URL)
			field(e.Title)
			field(e.Quote)
		}
	}
	if a.Deleted {
		field("deleted")
	}
	sum := shasum.Sum256(b)
	// 72 bits: plenty to tell an edit from none, and 12 characters stored.
	return base64.RawURLEncoding.EncodeToString(sum[:9])
}

// EditedSinceImport reports whether a was imported and has been changed
// since. An annotation made here was never imported and reports false.
func (a Annotation) EditedSinceImport() bool {
	return a.Imported != "" && a.ContentHash() != a.Imported
}

// AnchoredAt returns a with its selectors describing [start,end) of t (code
// points), made on the text whose hash is hash: the quote becomes the text
// there, with fresh context, the position that span. It is how a resolved
// anchor is written back (exact or moved: the quote does not change), and
// how a reader's review of a fuzzy anchor, or attaching an orphan to a new
// selection, is recorded (the quote becomes what the article now says).
// Modified is the caller's: writing back a position is not an edit, a
// review is.
func (a Annotation) AnchoredAt(t *anchor.Text, start, end int, hash string) Annotation {
	a.Quote, a.Position = t.Describe(start, end)
	a.ArticleHash = hash
	return a
}
