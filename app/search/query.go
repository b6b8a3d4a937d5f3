package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed search. All parts must hold for an annotation to match.
// Text values are folded (see Fold).
type Query struct {
	// Words are free-text words; each must match a word of some field,
	// exactly, as a prefix, with one typo, or within a word.
	Words []string
	// Phrases are quoted phrases; their words must appear in order in one field.
	Phrases []Phrase
	// Facet filters; several values of one facet must all hold.
	Tags     []string // tag:economy: a tag equal to or starting with the value
	Labels   []string // label:question: the label's key or display name
	Types    []string // type:statistic: the claim type's key or name
	Verdicts []string // verdict:inaccurate: the verdict's key or name
	Articles []string // article:blinken: within the article id or title
	Orphan   bool     // is:orphan
	Claim    bool     // is:claim
}

// Phrase is a quoted phrase. Open means the closing quote has not been typed
// yet, so the last word may still be a prefix of the word being typed.
type Phrase struct {
	Words []string
	Open  bool
}

// Empty reports whether the query asks for nothing.
func (q Query) Empty() bool {
	return len(q.Words) == 0 && len(q.Phrases) == 0 && !q.hasFacets()
}

func (q Query) hasFacets() bool {
	return len(q.Tags)+len(q.Labels)+len(q.Types)+len(q.Verdicts)+len(q.Articles) > 0 || q.Orphan || q.Claim
}

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '„' }

// ParseQuery parses what the reader typed. Facets (tag:, label:, type:,
// verdict:, article:, is:orphan, is:claim) may take a quoted value, and
// their values forgive a typo as words do (verdict:inacurate)
// (tag:"climate change"); "a quoted phrase" matches its words in order; an
// unknown facet, an empty facet value or an unknown is: value is plain text.
func ParseQuery(s string) Query {
	var q Query
	text := func(t string) { q.Words = append(q.Words, words(Fold(t))...) }
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if unicode.IsSpace(r) {
			s = s[size:]
			continue
		}
		if isQuote(r) {
			body, rest, closed := cutQuoted(s[size:])
			s = rest
			if w := words(Fold(body)); len(w) > 0 {
				q.Phrases = append(q.Phrases, Phrase{Words: w, Open: !closed})
			}
			continue
		}
		// A token runs to the next space; a facet value may be quoted.
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		tok := s[:end]
		name, value, ok := strings.Cut(tok, ":")
		if !ok || !isFacet(name) {
			text(tok)
			s = s[end:]
			continue
		}
		rest := s[end:]
		if v, size := utf8.DecodeRuneInString(value); size > 0 && isQuote(v) {
			// Re-read from the quote: the quoted value may hold spaces.
			body, after, _ := cutQuoted(s[len(name)+1+size:])
			value, rest = body, after
		}
		if !q.addFacet(strings.ToLower(name), Fold(strings.TrimSpace(value))) {
			text(tok)
		}
		s = rest
	}
	return q
}

// cutQuoted splits s after an opening quote into the quoted body and the rest.
func cutQuoted(s string) (body, rest string, closed bool) {
	i := strings.IndexFunc(s, isQuote)
	if i < 0 {
		return s, "", false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[:i], s[i+size:], true
}

func isFacet(name string) bool {
	switch strings.ToLower(name) {
	case "tag", "label", "type", "verdict", "article", "is":
		return true
	}
	return false
}

// addFacet records a facet; it reports false when the value makes no facet.
func (q *Query) addFacet(name, value string) bool {
	if value == "" {
		return false
	}
	switch name {
	case "tag":
		q.Tags = append(q.Tags, value)
	case "label":
		q.Labels = append(q.Labels, value)
	case "type":
		q.Types = append(q.Types, value)
	case "verdict":
		q.Verdicts = append(q.Verdicts, value)
	case "article":
		q.Articles = append(q.Articles, value)
	case "is":
		// The values forgive a typo as words do: is:cliam.
		switch {
		case value == "orphaned" || value == "orphan" || typoNames(value, "orphan"):
			q.Orphan = true
		case value == "claims" || value == "claim" || typoNames(value, "claim"):
			q.Claim = true
		default:
			return false
		}
	default:
		return false
	}
	return true
}
