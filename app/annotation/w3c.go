package annotation

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
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
	Body       []W3CBody `json:"body,omitempty"`
	// BodyValue is the model's shorthand for a single plain-text comment.
	// ToW3C never writes it; FromW3C reads it as the note.
	BodyValue string    `json:"bodyValue,omitempty"`
	Target    W3CTarget `json:"target"`
}

// W3CAgent is the creator of an annotation.
type W3CAgent struct {
	ID       string `json:"id,omitempty"`
	Type     string `json:"type,omitempty"` // "Person"
	Name     string `json:"name,omitempty"`
	Nickname string `json:"nickname,omitempty"`
}

// W3CBody is one body: a TextualBody (Value set) or a SpecificResource
// (Source set).
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
}

// W3CSelector is a TextQuoteSelector or a TextPositionSelector.
type W3CSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
}

// ToW3C encodes a as a W3C Web Annotation whose target source is the IRI
// source (the caller decides how articles are named). It does not validate
// a; call Validate first. The mapping is described in the package
// documentation.
func ToW3C(a Annotation, source string) W3CAnnotation {
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
	if a.Creator != "" {
		w.Creator = &W3CAgent{Type: "Person", Name: a.Creator}
	}

	text := func(purpose, value, label string) W3CBody {
		return W3CBody{Type: "TextualBody", Purpose: purpose, Value: value, Label: label, Format: "text/plain"}
	}
	if a.Note != "" {
		w.Body = append(w.Body, text(PurposeCommenting, a.Note, ""))
	}
	if a.Label != "" {
		name := a.Label
		if l, ok := LabelByKey(a.Label); ok {
			name = l.Name
		}
		w.Body = append(w.Body, text(PurposeClassifying, labelPrefix+a.Label, name))
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

	start, end := a.Position.Start, a.Position.End
	w.Target = W3CTarget{
		Type:   "SpecificResource",
		Source: source,
		Selector: []W3CSelector{
			{Type: "TextQuoteSelector", Exact: a.Quote.Exact, Prefix: a.Quote.Prefix, Suffix: a.Quote.Suffix},
			{Type: "TextPositionSelector", Start: &start, End: &end},
		},
		State: hashToNI(a.ArticleHash),
	}
	return w
}

// FromW3C decodes a Web Annotation into an Annotation and returns the
// target's source IRI, which the caller maps to an article id and stores in
// a.Article. It reads what ToW3C writes exactly, and annotations from other
// tools as well as it can (see the package documentation). The result is
// validated, except for the article id, which is the caller's to set.
func FromW3C(w W3CAnnotation) (a Annotation, source string, err error) {
	if w.Type != "Annotation" {
		return Annotation{}, "", fmt.Errorf("not a W3C annotation (type %q)", truncate(w.Type, 40))
	}
	if w.ID == "" {
		return Annotation{}, "", errors.New("the annotation has no id")
	}
	a.ID = idFor(w.ID)
	if a.Created, err = parseTime(w.Created); err != nil {
		return Annotation{}, "", fmt.Errorf("created: %w", err)
	}
	if a.Modified, err = parseTime(w.Modified); err != nil {
		return Annotation{}, "", fmt.Errorf("modified: %w", err)
	}
	if c := w.Creator; c != nil {
		a.Creator = c.Name
		if a.Creator == "" {
			a.Creator = c.Nickname
		}
		if a.Creator == "" {
			a.Creator = c.ID
		}
	}

	// Target.
	source = w.Target.Source
	var quote, position *W3CSelector
	for i := range w.Target.Selector {
		s := &w.Target.Selector[i]
		switch {
		case s.Type == "TextQuoteSelector" && quote == nil:
			quote = s
		case s.Type == "TextPositionSelector" && position == nil && s.Start != nil && s.End != nil:
			position = s
		}
	}
	if quote == nil {
		return Annotation{}, source, errors.New("the annotation's target has no TextQuoteSelector")
	}
	a.Quote = anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: quote.Exact, Prefix: quote.Prefix, Suffix: quote.Suffix}
	a.Position = anchor.TextPositionSelector{Type: "TextPositionSelector"}
	if position != nil {
		a.Position.Start, a.Position.End = *position.Start, *position.End
	} else {
		// No position: point at the start of the text. The resolver tries
		// the position first, finds another text there and searches for the
		// quote, which is what it would do anyway.
		a.Position.End = utf8.RuneCountInString(quote.Exact)
	}
	a.ArticleHash = niToHash(w.Target.State)

	// Bodies.
	var (
		notes, rationales []string
		tags              []string
		claim             Claim
		isClaim           bool
	)
	if w.BodyValue != "" {
		notes = append(notes, w.BodyValue)
	}
	for _, b := range w.Body {
		if b.Source != nil {
			if b.Purpose == PurposeLinking {
				e := Evidence{URL: b.Source.ID, Title: b.Source.Label}
				for _, s := range b.Selector {
					if s.Type == "TextQuoteSelector" {
						e.Quote = s.Exact
						break
					}
				}
				claim.Evidence = append(claim.Evidence, e)
			}
			continue
		}
		if b.Value == "" {
			continue
		}
		switch b.Purpose {
		case PurposeTagging:
			tags = append(tags, b.Value)
		case PurposeClassifying:
			key, isLabel := strings.CutPrefix(b.Value, labelPrefix)
			typ, isType := strings.CutPrefix(b.Value, claimTypePrefix)
			_, labelKnown := LabelByKey(key)
			_, typeKnown := ClaimType(typ).Info()
			switch {
			case isLabel && labelKnown:
				a.Label = key
			case isType && typeKnown:
				claim.Type, isClaim = ClaimType(typ), true
			default:
				if l, ok := labelNamed(b.Value); ok && a.Label == "" {
					a.Label = l
				} else if t, ok := claimTypeNamed(b.Value); ok && claim.Type == "" {
					claim.Type, isClaim = t, true
				} else {
					// Another tool's classification: keep it where the reader
					// can see and search it.
					tags = append(tags, b.Value)
				}
			}
		case PurposeAssessing:
			isClaim = true
			if v, ok := verdictNamed(b.Value); ok {
				claim.Verdict = v
			} else {
				// A free-text assessment is the reason for a verdict.
				rationales = append(rationales, b.Value)
			}
		case PurposeDescribing:
			if strings.EqualFold(b.Label, speakerRole) {
				claim.Speaker = b.Value
			} else {
				notes = append(notes, b.Value)
			}
		default: // commenting, none, or another purpose: a comment
			if strings.EqualFold(b.Label, rationaleRole) {
				rationales = append(rationales, b.Value)
			} else {
				notes = append(notes, b.Value)
			}
		}
	}
	a.Note = strings.Join(notes, "\n\n")
	claim.Rationale = strings.Join(rationales, "\n\n")
	a.Tags = NormalizeTags(tags)

	switch w.Motivation {
	case MotivationAssessing:
		a.Kind = KindClaim
	case MotivationHighlighting:
		a.Kind = KindHighlight
	case MotivationCommenting:
		a.Kind = KindNote
	default:
		switch {
		case isClaim:
			a.Kind = KindClaim
		case a.Note != "":
			a.Kind = KindNote
		default:
			a.Kind = KindHighlight
		}
	}
	if a.Kind == KindClaim {
		claim.Verdict = claim.Verdict.OrDefault()
		a.Claim = &claim
	} else if claim.Rationale != "" {
		// Not a claim after all: keep the assessment text as a note.
		a.Note = strings.Join(append(notes, claim.Rationale), "\n\n")
		if a.Kind == KindHighlight {
			a.Kind = KindNote
		}
	}
	if err := a.validate(false); err != nil {
		return Annotation{}, source, err
	}
	return a, source, nil
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
			return time.Time{}, fmt.Errorf("%q is not a date and time", truncate(s, 40))
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

// DecodeW3C reads one annotation in the W3C JSON-LD form, accepting the
// model's alternatives: body and target as an object, an array or an IRI
// string; selector, motivation, purpose and type as one value or an array;
// creator as an IRI or an agent. It checks the JSON shape only; FromW3C
// checks the content.
func DecodeW3C(data []byte) (W3CAnnotation, error) {
	var w W3CAnnotation
	if err := json.Unmarshal(data, &w); err != nil {
		return W3CAnnotation{}, fmt.Errorf("not a W3C annotation: %w", err)
	}
	return w, nil
}

// many splits a JSON value that may be one value or an array of values.
// Absent and null give none.
func many(raw json.RawMessage) ([]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if raw[0] == '[' {
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, err
		}
		return list, nil
	}
	return []json.RawMessage{raw}, nil
}

// stringsOf reads a string or an array of strings; other values are skipped.
func stringsOf(raw json.RawMessage) ([]string, error) {
	list, err := many(raw)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, r := range list {
		var s string
		if json.Unmarshal(r, &s) == nil {
			out = append(out, s)
		}
	}
	return out, nil
}

// pick returns want if it is in list, else the first entry, else "".
func pick(list []string, want ...string) string {
	for _, w := range want {
		for _, s := range list {
			if s == w {
				return s
			}
		}
	}
	if len(list) > 0 {
		return list[0]
	}
	return ""
}

func isString(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '"'
}

// UnmarshalJSON reads an annotation in any of the model's shapes.
func (w *W3CAnnotation) UnmarshalJSON(data []byte) error {
	var r struct {
		Context    any             `json:"@context"`
		ID         json.RawMessage `json:"id"`
		Type       json.RawMessage `json:"type"`
		Motivation json.RawMessage `json:"motivation"`
		Created    json.RawMessage `json:"created"`
		Modified   json.RawMessage `json:"modified"`
		Creator    json.RawMessage `json:"creator"`
		Body       json.RawMessage `json:"body"`
		BodyValue  json.RawMessage `json:"bodyValue"`
		Target     json.RawMessage `json:"target"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	*w = W3CAnnotation{Context: r.Context}
	var err error
	str := func(raw json.RawMessage, want ...string) string {
		list, e := stringsOf(raw)
		if e != nil && err == nil {
			err = e
		}
		return pick(list, want...)
	}
	w.ID = str(r.ID)
	w.Type = str(r.Type, "Annotation")
	w.Motivation = str(r.Motivation, MotivationAssessing, MotivationCommenting, MotivationHighlighting)
	w.Created = str(r.Created)
	w.Modified = str(r.Modified)
	w.BodyValue = str(r.BodyValue)
	if err != nil {
		return err
	}

	if creators, err := many(r.Creator); err != nil {
		return err
	} else if len(creators) > 0 {
		var c W3CAgent
		if isString(creators[0]) {
			json.Unmarshal(creators[0], &c.ID)
		} else if err := json.Unmarshal(creators[0], &c); err != nil {
			return fmt.Errorf("creator: %w", err)
		}
		w.Creator = &c
	}

	bodies, err := many(r.Body)
	if err != nil {
		return fmt.Errorf("body: %w", err)
	}
	for _, raw := range bodies {
		var b W3CBody
		if err := json.Unmarshal(raw, &b); err != nil {
			return fmt.Errorf("body: %w", err)
		}
		w.Body = append(w.Body, b)
	}

	targets, err := many(r.Target)
	if err != nil {
		return fmt.Errorf("target: %w", err)
	}
	// Of several targets, the first with a quote is the one this model
	// can hold.
	for i, raw := range targets {
		var t W3CTarget
		if err := json.Unmarshal(raw, &t); err != nil {
			return fmt.Errorf("target: %w", err)
		}
		hasQuote := false
		for _, s := range t.Selector {
			hasQuote = hasQuote || s.Type == "TextQuoteSelector"
		}
		if i == 0 || hasQuote {
			w.Target = t
		}
		if hasQuote {
			break
		}
	}
	return nil
}

// UnmarshalJSON reads an agent, ignoring fields of the wrong shape.
func (c *W3CAgent) UnmarshalJSON(data []byte) error {
	var r struct {
		ID       json.RawMessage `json:"id"`
		Type     json.RawMessage `json:"type"`
		Name     json.RawMessage `json:"name"`
		Nickname json.RawMessage `json:"nickname"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	first := func(raw json.RawMessage, want ...string) string {
		list, _ := stringsOf(raw)
		return pick(list, want...)
	}
	*c = W3CAgent{ID: first(r.ID), Type: first(r.Type, "Person"), Name: first(r.Name), Nickname: first(r.Nickname)}
	return nil
}

// UnmarshalJSON reads a body given as an IRI string or an object.
func (b *W3CBody) UnmarshalJSON(data []byte) error {
	if isString(data) {
		// An External Web Resource named only by its IRI.
		*b = W3CBody{}
		return json.Unmarshal(data, &b.ID)
	}
	var r struct {
		ID       json.RawMessage `json:"id"`
		Type     json.RawMessage `json:"type"`
		Purpose  json.RawMessage `json:"purpose"`
		Value    json.RawMessage `json:"value"`
		Label    json.RawMessage `json:"label"`
		Format   json.RawMessage `json:"format"`
		Source   json.RawMessage `json:"source"`
		Selector json.RawMessage `json:"selector"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	first := func(raw json.RawMessage, want ...string) string {
		list, _ := stringsOf(raw)
		return pick(list, want...)
	}
	*b = W3CBody{
		ID:      first(r.ID),
		Type:    first(r.Type, "TextualBody", "SpecificResource"),
		Purpose: first(r.Purpose, PurposeLinking, PurposeAssessing, PurposeClassifying, PurposeTagging, PurposeDescribing, PurposeCommenting),
		Value:   first(r.Value),
		Label:   first(r.Label),
		Format:  first(r.Format),
	}
	if len(bytes.TrimSpace(r.Source)) > 0 && string(bytes.TrimSpace(r.Source)) != "null" {
		var s W3CSource
		if err := json.Unmarshal(r.Source, &s); err != nil {
			return fmt.Errorf("source: %w", err)
		}
		if s.ID != "" {
			b.Source = &s
		}
	}
	sel, err := selectors(r.Selector)
	if err != nil {
		return err
	}
	b.Selector = sel
	return nil
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

// UnmarshalJSON reads a source given as an IRI string or an object with an
// id and, optionally, a label (or, from other tools, a title or name).
func (s *W3CSource) UnmarshalJSON(data []byte) error {
	*s = W3CSource{}
	if isString(data) {
		return json.Unmarshal(data, &s.ID)
	}
	var r struct {
		ID    json.RawMessage `json:"id"`
		Label json.RawMessage `json:"label"`
		Title json.RawMessage `json:"title"`
		Name  json.RawMessage `json:"name"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	first := func(raw json.RawMessage) string {
		list, _ := stringsOf(raw)
		return pick(list)
	}
	s.ID = first(r.ID)
	for _, raw := range []json.RawMessage{r.Label, r.Title, r.Name} {
		if s.Label = first(raw); s.Label != "" {
			break
		}
	}
	return nil
}

// UnmarshalJSON reads a target given as an IRI string (the whole resource,
// with no selector) or a SpecificResource object.
func (t *W3CTarget) UnmarshalJSON(data []byte) error {
	*t = W3CTarget{}
	if isString(data) {
		return json.Unmarshal(data, &t.Source)
	}
	var r struct {
		Type     json.RawMessage `json:"type"`
		Source   json.RawMessage `json:"source"`
		Selector json.RawMessage `json:"selector"`
		State    json.RawMessage `json:"state"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return err
	}
	first := func(raw json.RawMessage, want ...string) string {
		list, _ := stringsOf(raw)
		return pick(list, want...)
	}
	t.Type = first(r.Type, "SpecificResource")
	if len(bytes.TrimSpace(r.Source)) > 0 {
		var s W3CSource
		if err := json.Unmarshal(r.Source, &s); err != nil {
			return fmt.Errorf("source: %w", err)
		}
		t.Source = s.ID
	}
	// Of several states, the one naming the text by its hash.
	states, _ := stringsOf(r.State)
	for _, s := range states {
		if strings.HasPrefix(s, niSHA256) {
			t.State = s
			break
		}
	}
	sel, err := selectors(r.Selector)
	if err != nil {
		return err
	}
	t.Selector = sel
	return nil
}

// selectors reads a selector or an array of them, keeping the text quote
// and text position selectors and skipping the rest (RangeSelector, IRIs,
// other types, malformed ones).
func selectors(raw json.RawMessage) ([]W3CSelector, error) {
	list, err := many(raw)
	if err != nil {
		return nil, fmt.Errorf("selector: %w", err)
	}
	var out []W3CSelector
	for _, r := range list {
		var s struct {
			Type   json.RawMessage `json:"type"`
			Exact  *string         `json:"exact"`
			Prefix json.RawMessage `json:"prefix"`
			Suffix json.RawMessage `json:"suffix"`
			Start  json.RawMessage `json:"start"`
			End    json.RawMessage `json:"end"`
		}
		if isString(r) || json.Unmarshal(r, &s) != nil {
			continue
		}
		types, _ := stringsOf(s.Type)
		switch pick(types, "TextQuoteSelector", "TextPositionSelector") {
		case "TextQuoteSelector":
			if s.Exact == nil {
				continue
			}
			var prefix, suffix string
			json.Unmarshal(s.Prefix, &prefix)
			json.Unmarshal(s.Suffix, &suffix)
			out = append(out, W3CSelector{Type: "TextQuoteSelector", Exact: *s.Exact, Prefix: prefix, Suffix: suffix})
		case "TextPositionSelector":
			start, ok1 := count(s.Start)
			end, ok2 := count(s.End)
			if ok1 && ok2 {
				out = append(out, W3CSelector{Type: "TextPositionSelector", Start: &start, End: &end})
			}
		}
	}
	return out, nil
}

// count reads a non-negative JSON integer that fits an int.
func count(raw json.RawMessage) (int, bool) {
	n, err := strconv.Atoi(string(bytes.TrimSpace(raw)))
	return n, err == nil && n >= 0
}
