package annotation

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// W3C Web Annotation vocabulary used here.
const (
	W3CContext = "http://www.w3.org/ns/anno.jsonld"

	MotivationHighlighting = "highlighting"
	MotivationCommenting   = "commenting"
	MotivationAssessing    = "assessing"

	PurposeCommenting  = "commenting"
	PurposeTagging     = "tagging"
	PurposeClassifying = "classifying"
	PurposeAssessing   = "assessing"
	PurposeLinking     = "linking"
	PurposeDescribing  = "describing"
)

// How bodies are told apart (see the package documentation). A body
// cannot carry an id here: the W3C test suite takes any body with an id for
// an External Web Resource, which may not have a purpose. So the machine
// value is the body's value, with a prefix where two kinds share a purpose,
// and rdfs:label ("label") carries the display name or the body's role.
const (
	labelPrefix     = "label:"
	claimTypePrefix = "claim-type:"
	speakerRole     = "Speaker"
	rationaleRole   = "Rationale"
	// niSHA256 starts an RFC 6920 "named information" URI for a SHA-256
	// digest; the target's state names the exact article text this way.
	niSHA256 = "ni:///sha-256;"
)

// W3CAnnotation is a Web Annotation in the JSON-LD form of the W3C model.
// ToW3C fills it; DecodeW3C reads any of the model's alternative shapes
// (single object or array, IRI string or object) into it.
type W3CAnnotation struct {
	Context    any       `json:"@context,omitempty"`
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Motivation string    `json:"motivation,omitempty"`
	Created    string    `json:"created,omitempty"`
	Modified   string    `json:"modified,omitempty"`
	Creator    *W3CAgent `json:"creator,omitempty"`
	// Canonical and Via are the model's provenance IRIs: the annotation's
	// canonical IRI, and the one it was copied from.
	Canonical string    `json:"canonical,omitempty"`
	Via       string    `json:"via,omitempty"`
	Body      []W3CBody `json:"body,omitempty"`
	// BodyValue is the model's shorthand for a single plain-text comment.
	// ToW3C never writes it; FromW3C reads it as the note.
	BodyValue string    `json:"bodyValue,omitempty"`
	Target    W3CTarget `json:"target"`

	// Read by DecodeW3C, never written: every motivation given (Motivation
	// is the one that decides the kind) and every target (Target is the
	// first that quotes text, else the first).
	Motivations []string    `json:"-"`
	Targets     []W3CTarget `json:"-"`
}

// W3CAgent is the creator of an annotation.
type W3CAgent struct {
	ID       string `json:"id,omitempty"`
	Type     string `json:"type,omitempty"` // "Person"
	Name     string `json:"name,omitempty"`
	Nickname string `json:"nickname,omitempty"`
}

// W3CBody is one body: a TextualBody (Value set), a SpecificResource
// (Source set), an External Web Resource (only ID set) or, when read, a
// Choice (Items set).
type W3CBody struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"` // "TextualBody" or "SpecificResource"
	Purpose string `json:"purpose,omitempty"`
	Value   string `json:"value,omitempty"`
	// Label is rdfs:label: the display name beside a machine value, or the
	// role of a free-text body ("Speaker", "Rationale").
	Label    string        `json:"label,omitempty"`
	Format   string        `json:"format,omitempty"`
	Source   *W3CSource    `json:"source,omitempty"`
	Selector []W3CSelector `json:"selector,omitempty"`
	// Items are a Choice's alternatives (read only).
	Items []W3CBody `json:"-"`
}

// W3CSource is the source of a SpecificResource body: an IRI, written as a
// plain string unless it has a Label (rdfs:label, e.g. a page title), in
// which case it is an External Web Resource object {"id", "label"}.
type W3CSource struct {
	ID    string
	Label string
}

// W3CTarget is the annotation's target: a SpecificResource on the article.
type W3CTarget struct {
	Type     string        `json:"type,omitempty"` // "SpecificResource"
	Source   string        `json:"source"`
	Selector []W3CSelector `json:"selector,omitempty"`
	// State names the exact text the selectors were made on: an RFC 6920
	// URI "ni:///sha-256;<base64url digest>" of the article's canonical
	// text, so a reader can tell that the text has changed since.
	State string `json:"state,omitempty"`
	// Ignored names, when read, the selectors Annotator cannot use
	// ("CssSelector", "a selector given by its address").
	Ignored []string `json:"-"`
	// Whole is set, when read, for a target that is a whole resource given
	// by its IRI (no selector at all).
	Whole bool `json:"-"`
}

// W3CSelector is a TextQuoteSelector or a TextPositionSelector.
type W3CSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
	// Refined is set, when read, for a quote found in another selector's
	// refinedBy (a quote inside a fragment of the page).
	Refined bool `json:"-"`
}

// ToW3C encodes a as a W3C Web Annotation whose target source is the IRI
// source (the caller decides how articles are named). It does not validate
// a; call Validate first. The mapping is described in the package
// documentation. The TextPositionSelector is written only when a.Position
// selects something (0 <= start < end), the state only when ArticleHash is
// set: an export clears both for an anchor it could not place.
func ToW3C(a Annotation, source string) W3CAnnotation {
	return ToW3CNamed(a, source, nil)
}

// ToW3CNamed is ToW3C with the reader's names for labels: a label body's
// rdfs:label is the name the reader gave it ("Main idea" for Key point),
// else the default name. Its value, "label:<key>", is what a program reads.
func ToW3CNamed(a Annotation, source string, labels LabelNames) W3CAnnotation {
	w := W3CAnnotation{
		Context:  W3CContext,
		ID:       a.ID,
		Type:     "Annotation",
		Created:  formatTime(a.Created),
		Modified: formatTime(a.Modified),
	}
	switch a.Kind {
	case KindClaim:
		w.Motivation = MotivationAssessing
	case KindNote:
		w.Motivation = MotivationCommenting
	default:
		w.Motivation = MotivationHighlighting
	}
	if a.Creator != "" || a.CreatorID != "" {
		w.Creator = &W3CAgent{ID: a.CreatorID, Type: "Person"}
		if a.Creator != a.CreatorID {
			w.Creator.Name = a.Creator
		}
	}
	w.Canonical, w.Via = a.Canonical, a.Via

	text := func(purpose, value, label string) W3CBody {
		return W3CBody{Type: "TextualBody", Purpose: purpose, Value: value, Label: label, Format: "text/plain"}
	}
	if a.Note != "" {
		b := text(PurposeCommenting, a.Note, "")
		if a.NoteFormat != "" {
			b.Format = a.NoteFormat
		}
		w.Body = append(w.Body, b)
	}
	if a.Label != "" {
		w.Body = append(w.Body, text(PurposeClassifying, labelPrefix+a.Label, labels.Name(a.Label)))
	}
	if c := a.Claim; c != nil {
		if c.Type != "" {
			name := string(c.Type)
			if i, ok := c.Type.Info(); ok {
				name = i.Name
			}
			w.Body = append(w.Body, text(PurposeClassifying, claimTypePrefix+string(c.Type), name))
		}
		v := c.Verdict.OrDefault()
		label := string(v)
		if i, ok := v.Info(); ok {
			label = i.Label
		}
		w.Body = append(w.Body, text(PurposeAssessing, string(v), label))
		if c.Speaker != "" {
			w.Body = append(w.Body, text(PurposeDescribing, c.Speaker, speakerRole))
		}
		for _, e := range c.Evidence {
			b := W3CBody{Type: "SpecificResource", Purpose: PurposeLinking, Source: &W3CSource{ID: e.URL, Label: e.Title}}
			if e.Quote != "" {
				b.Selector = []W3CSelector{{Type: "TextQuoteSelector", Exact: e.Quote}}
			}
			w.Body = append(w.Body, b)
		}
		if c.Rationale != "" {
			w.Body = append(w.Body, text(PurposeCommenting, c.Rationale, rationaleRole))
		}
	}
	for _, t := range a.Tags {
		w.Body = append(w.Body, text(PurposeTagging, t, ""))
	}

	w.Target = W3CTarget{
		Type:     "SpecificResource",
		Source:   source,
		Selector: []W3CSelector{{Type: "TextQuoteSelector", Exact: a.Quote.Exact, Prefix: a.Quote.Prefix, Suffix: a.Quote.Suffix}},
		State:    hashToNI(a.ArticleHash),
	}
	// A position that selects nothing is not written: the share package
	// clears it for an anchor it could not place on the article (an orphan,
	// an unreviewed fuzzy match), whose old position would mislead.
	if start, end := a.Position.Start, a.Position.End; 0 <= start && start < end {
		w.Target.Selector = append(w.Target.Selector, W3CSelector{Type: "TextPositionSelector", Start: &start, End: &end})
	}
	return w
}

// labelNamed, claimTypeNamed and verdictNamed recognise a display name or a
// key written by another tool, ignoring case.
func labelNamed(s string) (string, bool) {
	for _, l := range labels {
		if strings.EqualFold(s, l.Name) || strings.EqualFold(s, l.Key) {
			return l.Key, true
		}
	}
	return "", false
}

func claimTypeNamed(s string) (ClaimType, bool) {
	for _, c := range claimTypes {
		if strings.EqualFold(s, c.Name) || strings.EqualFold(s, string(c.Type)) {
			return c.Type, true
		}
	}
	return "", false
}

func verdictNamed(s string) (Verdict, bool) {
	for _, v := range verdicts {
		if strings.EqualFold(s, v.Label) || strings.EqualFold(s, string(v.Verdict)) {
			return v.Verdict, true
		}
	}
	return "", false
}

// formatTime writes t as an xsd:dateTime in UTC; the zero time is omitted.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// parseTime reads an xsd:dateTime; one without a timezone is taken as UTC.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		var err2 error
		if t, err2 = time.Parse("2006-01-02T15:04:05.999999999", s); err2 != nil {
			return time.Time{}, fmt.Errorf("“%s” is not a date and time", truncate(s, 40))
		}
	}
	return t.UTC(), nil
}

// hashToNI turns "sha256:<hex>" into an RFC 6920 ni URI; anything else
// (including an empty hash) gives "".
func hashToNI(h string) string {
	hexDigits, ok := strings.CutPrefix(h, "sha256:")
	if !ok {
		return ""
	}
	b, err := hex.DecodeString(hexDigits)
	if err != nil || len(b) != 32 {
		return ""
	}
	return niSHA256 + base64.RawURLEncoding.EncodeToString(b)
}

// niToHash is the inverse of hashToNI; it returns "" for any other state.
func niToHash(ni string) string {
	d, ok := strings.CutPrefix(ni, niSHA256)
	if !ok {
		return ""
	}
	b, err := base64.RawURLEncoding.DecodeString(d)
	if err != nil || len(b) != 32 {
		return ""
	}
	return "sha256:" + hex.EncodeToString(b)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// MarshalJSON writes the source as an IRI string, or as an object when it
// has a label.
func (s W3CSource) MarshalJSON() ([]byte, error) {
	if s.Label == "" {
		return json.Marshal(s.ID)
	}
	return json.Marshal(struct {
		ID    string `json:"id"`
		Label string `json:"label"`
	}{s.ID, s.Label})
}
