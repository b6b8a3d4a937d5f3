package share

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// hypothesisAnnotation is the part of a Hypothesis API annotation we read.
type hypothesisAnnotation struct {
	ID      string   `json:"id"`
	Created string   `json:"created"`
	Updated string   `json:"updated"`
	User    string   `json:"user"`
	URI     string   `json:"uri"`
	Text    string   `json:"text"`
	Tags    []string `json:"tags"`
	Target  []struct {
		Source   string            `json:"source"`
		Selector []json.RawMessage `json:"selector"`
	} `json:"target"`
}

// looksHypothesis tells a Hypothesis annotation from a W3C one: it has "uri"
// and "user" and no JSON-LD "type".
func looksHypothesis(raw json.RawMessage) bool {
	var probe struct {
		Type json.RawMessage `json:"type"`
		URI  *string         `json:"uri"`
		User *string         `json:"user"`
	}
	return json.Unmarshal(raw, &probe) == nil && probe.URI != nil && probe.User != nil && probe.Type == nil
}

func (s *ImportSet) readHypothesis(raws []json.RawMessage, known []article.Summary) error {
	s.Format = FormatHypothesis
	if len(raws) > MaxImportAnnotations {
		return tooMany(len(raws))
	}
	for i, raw := range raws {
		var h hypothesisAnnotation
		if err := json.Unmarshal(raw, &h); err != nil {
			s.reject(i, "not a Hypothesis annotation: "+err.Error())
			continue
		}
		a, reason := fromHypothesis(h, known)
		if reason != "" {
			s.reject(i, reason)
			continue
		}
		s.accept(i, a)
	}
	return nil
}

// fromHypothesis converts one Hypothesis annotation, or says why it cannot.
func fromHypothesis(h hypothesisAnnotation, known []article.Summary) (annotation.Annotation, string) {
	if h.ID == "" {
		return annotation.Annotation{}, "it has no id"
	}
	uri := h.URI
	var selectors []json.RawMessage
	if len(h.Target) > 0 {
		if h.Target[0].Source != "" {
			uri = h.Target[0].Source
		}
		selectors = h.Target[0].Selector
	}
	var art article.Summary
	found := false
	for _, k := range known {
		if k.Source != "" && (k.Source == uri || k.Source == h.URI) {
			art, found = k, true
			break
		}
	}
	if !found {
		return annotation.Annotation{}, fmt.Sprintf("it is on %q, which is not the source of any article in your library", clip(uri))
	}
	a := annotation.Annotation{
		ID:          hypothesisID(h.ID),
		Article:     art.ID,
		ArticleHash: art.Hash,
		Kind:        annotation.KindHighlight,
		Note:        h.Text,
		Tags:        annotation.NormalizeTags(h.Tags),
		Creator:     hypothesisUser(h.User),
	}
	for _, raw := range selectors {
		var sel struct {
			Type   string `json:"type"`
			Exact  string `json:"exact"`
			Prefix string `json:"prefix"`
			Suffix string `json:"suffix"`
			Start  *int   `json:"start"`
			End    *int   `json:"end"`
		}
		if json.Unmarshal(raw, &sel) != nil {
			continue
		}
		switch sel.Type {
		case "TextQuoteSelector":
			a.Quote = anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: sel.Exact, Prefix: sel.Prefix, Suffix: sel.Suffix}
		case "TextPositionSelector":
			if sel.Start != nil && sel.End != nil && *sel.Start >= 0 && *sel.End >= *sel.Start {
				a.Position = anchor.TextPositionSelector{Type: "TextPositionSelector", Start: *sel.Start, End: *sel.End}
			}
		}
	}
	if a.Quote.Exact == "" {
		return annotation.Annotation{}, "it quotes no text (a page note or a reply), so it has nothing to attach to"
	}
	if a.Position.Type == "" {
		// Only a hint for the resolver, which checks it before searching
		// for the quote; an annotation must have one.
		a.Position = anchor.TextPositionSelector{Type: "TextPositionSelector", Start: 0, End: utf8.RuneCountInString(a.Quote.Exact)}
	}
	if strings.TrimSpace(a.Note) != "" {
		a.Kind = annotation.KindNote
	}
	var err error
	if a.Created, err = parseTime(h.Created); err != nil {
		return annotation.Annotation{}, "its created date is not a date: " + clip(h.Created)
	}
	if a.Modified, err = parseTime(h.Updated); err != nil {
		return annotation.Annotation{}, "its updated date is not a date: " + clip(h.Updated)
	}
	if a.Modified.IsZero() {
		a.Modified = a.Created
	}
	return a, ""
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t.UTC(), err
}

// hypothesisUser turns "acct:alice@hypothes.is" into "alice".
func hypothesisUser(u string) string {
	u = strings.TrimPrefix(u, "acct:")
	if name, _, ok := strings.Cut(u, "@"); ok {
		u = name
	}
	return clipRunes(u, annotation.MaxCreatorLen)
}

// hypothesisID maps a Hypothesis id to the id of its address (a
// name-based UUID), so importing the same export twice gives the same ids.
func hypothesisID(id string) string {
	return annotation.NameID(annotation.URLNamespace, "https://hypothes.is/a/"+id)
}
