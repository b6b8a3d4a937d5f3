package annotation

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on what one annotation may hold, in Unicode code points. They keep
// a careless paste from filling the browser's storage and are shown to the
// reader in the messages.
const (
	MaxExactLen         = 20000 // quoted text
	MaxContextLen       = 2000  // prefix and suffix each
	MaxNoteLen          = 20000
	MaxTags             = 50
	MaxTagLen           = 64
	MaxSpeakerLen       = 200
	MaxCreatorLen       = 200
	MaxSourceLen        = 500
	MaxRationaleLen     = 20000
	MaxEvidence         = 20
	MaxURLLen           = 2048
	MaxEvidenceTitleLen = 500
	MaxEvidenceQuoteLen = 20000
)

// The kinds of validation error; an *Error unwraps to one of them, so
// callers can test with errors.Is.
var (
	ErrMissing   = errors.New("missing")   // a required value is empty
	ErrTooLong   = errors.New("too long")  // a length limit is exceeded
	ErrUnknown   = errors.New("unknown")   // not one of the known values (kind, label, verdict, claim type)
	ErrMalformed = errors.New("malformed") // present but not in the required form
)

// Error is one problem with one field. Field names the field as the JSON
// form spells it ("note", "tags[2]", "claim.evidence[0].url"); Msg is a
// sentence to show beside that field.
type Error struct {
	Field string
	Kind  error // ErrMissing, ErrTooLong, ErrUnknown or ErrMalformed
	Msg   string
}

func (e *Error) Error() string { return e.Field + ": " + e.Msg }

// Unwrap returns the error's kind.
func (e *Error) Unwrap() error { return e.Kind }

// FieldErrors returns every *Error inside err (as returned by Validate,
// which joins them), in order. It returns nil for a nil err.
func FieldErrors(err error) []*Error {
	var out []*Error
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if e, ok := err.(*Error); ok {
			out = append(out, e)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		if e := errors.Unwrap(err); e != nil {
			walk(e)
		}
	}
	walk(err)
	return out
}

// The shapes of ids (IsID) and hashes are checked by hand rather than with
// regexp: compiling three patterns at package initialisation cost about
// 8 ms of the app's start-up in the browser.

// isArticleID reports whether s is one or more of a-z, 0-9 and '-'.
func isArticleID(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// ValidArticleID reports whether s may name an article: one to
// MaxArticleIDLen of a-z, 0-9 and '-' (what Validate requires of Article).
func ValidArticleID(s string) bool {
	return len(s) <= MaxArticleIDLen && isArticleID(s)
}

// isArticleHash reports whether s is "sha256:" and 64 lowercase hex digits.
func isArticleHash(s string) bool {
	const prefix = "sha256:"
	if len(s) != len(prefix)+64 || s[:len(prefix)] != prefix {
		return false
	}
	return notHex(s[len(prefix):]) == 0
}

func isLowerHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' }

// MaxArticleIDLen bounds an article id.
const MaxArticleIDLen = 200

// Validate checks everything about a that can be checked without the
// article: id, article id, selectors, kind, label, lengths, and the claim.
// app/store's compactReader.vouch repeats, for the stored form, the checks
// its decoding does not make true by construction: a rule added here must
// be added there too (app/store's fuzz tests hold the two together).
// It returns nil or an error joining one *Error per problem (see
// FieldErrors); errors.As(err, &e) finds the first.
func (a *Annotation) Validate() error {
	return a.validate(true)
}

// validate has a pointer receiver, and calls p's methods directly rather
// than through method values (add := p.add), so that neither the
// annotation (350 bytes) is copied again nor p moved to the heap: reading
// a stored article validates every annotation in it (issue 18: reading
// 1,000 took 2.4 ms in WebAssembly, half of it here).
func (a *Annotation) validate(checkArticle bool) error {
	var p problems

	switch {
	case a.ID == "":
		p.add("id", ErrMissing, "The annotation has no id.")
	case !IsID(a.ID):
		p.add("id", ErrMalformed, "The id must be a urn:uuid: in lowercase.")
	}
	if checkArticle {
		switch {
		case a.Article == "":
			p.add("article", ErrMissing, "The annotation names no article.")
		case !ValidArticleID(a.Article):
			p.add("article", ErrMalformed, "An article id has only lowercase letters, digits and hyphens.")
		}
	}
	if a.ArticleHash != "" && !isArticleHash(a.ArticleHash) {
		p.add("articleHash", ErrMalformed, `The article hash must be "sha256:" and 64 lowercase hex digits.`)
	}

	if a.Quote.Type != "" && a.Quote.Type != "TextQuoteSelector" {
		p.add("quote.type", ErrMalformed, "The quote selector must be a TextQuoteSelector.")
	}
	if a.Quote.Exact == "" {
		p.add("quote.exact", ErrMissing, "The annotation quotes no text.")
	}
	p.text("quote.exact", a.Quote.Exact, MaxExactLen, "The selection")
	p.text("quote.prefix", a.Quote.Prefix, MaxContextLen, "The text before the selection")
	p.text("quote.suffix", a.Quote.Suffix, MaxContextLen, "The text after the selection")
	if a.Position.Type != "" && a.Position.Type != "TextPositionSelector" {
		p.add("position.type", ErrMalformed, "The position selector must be a TextPositionSelector.")
	}
	if a.Position.Start < 0 || a.Position.Start >= a.Position.End {
		p.add("position", ErrMalformed, "The position must have 0 <= start < end.")
	}

	switch a.Kind {
	case KindHighlight, KindNote, KindClaim:
	case "":
		p.add("kind", ErrMissing, "The annotation has no kind.")
	default:
		p.add("kind", ErrUnknown, "Unknown kind of annotation.")
	}
	if _, ok := LabelByKey(a.Label); a.Label != "" && !ok {
		p.add("label", ErrUnknown, "Unknown label.")
	}
	p.text("note", a.Note, MaxNoteLen, "The note")

	if len(a.Tags) > MaxTags {
		p.add("tags", ErrTooLong, "Too many tags: "+itoa(len(a.Tags))+", at most "+itoa(MaxTags)+".")
	}
	for i, t := range a.Tags {
		switch {
		case strings.TrimSpace(t) == "":
			p.add("tags["+itoa(i)+"]", ErrMissing, "A tag cannot be empty.")
		case !isText(t, MaxTagLen): // the field's name is made only for a problem
			p.text("tags["+itoa(i)+"]", t, MaxTagLen, "The tag")
		}
	}
	for _, d := range []struct {
		field string
		t     time.Time
	}{{"created", a.Created}, {"modified", a.Modified}} {
		if !ValidTime(d.t) {
			p.add(d.field, ErrMalformed, "The date "+d.t.UTC().Format("2006-01-02")+" is not between 1970 and 8999.")
		}
	}
	p.text("creator", a.Creator, MaxCreatorLen, "The name")
	p.text("creatorId", a.CreatorID, MaxURLLen, "The creator's address")
	p.text("source", a.Source, MaxSourceLen, "The import source")
	p.text("via", a.Via, MaxURLLen, "The original id")
	p.text("canonical", a.Canonical, MaxURLLen, "The canonical id")
	p.text("imported", a.Imported, 64, "The imported copy's hash")
	switch a.NoteFormat {
	case "", FormatMarkdown:
	default:
		p.add("noteFormat", ErrUnknown, "A note is plain text or Markdown.")
	}

	switch {
	case a.Kind == KindClaim && a.Claim == nil:
		p.add("claim", ErrMissing, "A claim annotation has no claim.")
	case a.Kind != KindClaim && a.Claim != nil:
		p.add("claim", ErrMalformed, "Only a claim annotation can hold a claim.")
	case a.Claim != nil:
		a.Claim.validate(&p)
	}
	return errors.Join(p...)
}

func (c *Claim) validate(p *problems) {
	if _, ok := c.Type.Info(); c.Type != "" && !ok {
		p.add("claim.type", ErrUnknown, "Unknown type of claim.")
	}
	if _, ok := c.Verdict.Info(); !ok {
		p.add("claim.verdict", ErrUnknown, "Unknown verdict.")
	}
	p.text("claim.speaker", c.Speaker, MaxSpeakerLen, "The speaker's name")
	p.text("claim.rationale", c.Rationale, MaxRationaleLen, "The rationale")
	if len(c.Evidence) > MaxEvidence {
		p.add("claim.evidence", ErrTooLong, "Too many evidence links: "+itoa(len(c.Evidence))+", at most "+itoa(MaxEvidence)+".")
	}
	for i, e := range c.Evidence {
		f := "claim.evidence[" + itoa(i) + "]."
		if err := ValidateEvidenceURL(e.URL); err != nil {
			fe := *err.(*Error)
			fe.Field = f + fe.Field
			*p = append(*p, &fe)
		}
		p.text(f+"title", e.Title, MaxEvidenceTitleLen, "The title")
		p.text(f+"quote", e.Quote, MaxEvidenceQuoteLen, "The quoted passage")
	}
}

// problems collects the *Errors found by Validate.
type problems []error

func (p *problems) add(field string, kind error, msg string) {
	*p = append(*p, &Error{Field: field, Kind: kind, Msg: msg})
}

// isText reports whether s is UTF-8 text of at most max code points.
func isText(s string, max int) bool {
	// Fewer bytes than max cannot be more code points: no need to count.
	return utf8.ValidString(s) && (len(s) <= max || utf8.RuneCountInString(s) <= max)
}

// text checks that s is UTF-8 text of at most max code points.
func (p *problems) text(field, s string, max int, what string) {
	if !utf8.ValidString(s) {
		p.add(field, ErrMalformed, what+" is not valid UTF-8 text.")
	} else if len(s) > max { // fewer bytes than max cannot be more code points: no need to count
		if n := utf8.RuneCountInString(s); n > max {
			p.add(field, ErrTooLong, what+" is too long: "+itoa(n)+" characters, at most "+itoa(max)+".")
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// NormalizeTags trims each tag, collapses runs of white space inside it to
// one space, drops empty tags and keeps only the first spelling of tags that
// differ only in case. It returns nil when no tag is left.
func NormalizeTags(tags []string) []string {
	var out []string
	seen := make(map[string]bool, len(tags))
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" {
			continue
		}
		k := strings.ToLower(t)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}
