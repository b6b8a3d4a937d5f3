package annotation

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
)

// Reading W3C annotations from any tool.
//
// An item is decoded once, into Go's generic JSON values, and then walked:
// the model allows almost every property as one value or an array, an IRI
// string or an object, and decoding each level again as raw JSON (as typed
// UnmarshalJSON methods do) scans the deepest parts of an annotation once
// per level. One pass keeps an import of 20,000 annotations linear and fast.

// DecodeW3C reads one annotation in the W3C JSON-LD form, accepting the
// model's alternatives: body and target as an object, an array or an IRI
// string; selector, motivation, purpose and type as one value or an array;
// creator as an IRI or an agent; a Choice of bodies; selectors inside
// refinedBy. It checks the JSON shape only; ReadW3C checks the content.
// Its errors are plain sentences.
func DecodeW3C(data []byte) (W3CAnnotation, error) {
	v, err := ParseJSON(data)
	if err != nil {
		return W3CAnnotation{}, err
	}
	return W3CFromJSON(v)
}

// W3CFromJSON reads an annotation already decoded into Go's generic JSON
// values (map[string]any, []any, string, float64, bool, nil).
func W3CFromJSON(v any) (W3CAnnotation, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return W3CAnnotation{}, fmt.Errorf("it is %s, not an annotation (a JSON object)", JSONKind(v))
	}
	return readAnnotation(m), nil
}

// UnmarshalJSON reads an annotation in any of the model's shapes.
func (w *W3CAnnotation) UnmarshalJSON(data []byte) error {
	a, err := DecodeW3C(data)
	if err != nil {
		return err
	}
	*w = a
	return nil
}

// JSONKind names a generic JSON value's kind in plain words, for messages
// that say what a file holds where something else was expected.
func JSONKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "true or false"
	case float64:
		return "a number"
	case string:
		return "text"
	case []any:
		return "a list"
	}
	return "an object"
}

// list is v as a list: an array's items, one value alone, nothing for null.
func list(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

// strs are the strings in v (one string or a list; other values skipped).
func strs(v any) []string {
	var out []string
	for _, x := range list(v) {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// str picks one string of v: the first of want that is there, else the first.
func str(v any, want ...string) string {
	return pick(strs(v), want...)
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

// count reads a non-negative whole JSON number that fits an int.
func count(v any) (int, bool) {
	f, ok := v.(float64)
	if !ok || f < 0 || f != math.Trunc(f) || f > math.MaxInt32 {
		return 0, false
	}
	return int(f), true
}

func readAnnotation(m map[string]any) W3CAnnotation {
	w := W3CAnnotation{
		Context:     m["@context"],
		ID:          str(m["id"]),
		Type:        str(m["type"], "Annotation"),
		Motivations: strs(m["motivation"]),
		Created:     str(m["created"]),
		Modified:    str(m["modified"]),
		Canonical:   str(m["canonical"]),
		Via:         str(m["via"]),
		BodyValue:   str(m["bodyValue"]),
	}
	w.Motivation = pick(w.Motivations, MotivationAssessing, MotivationCommenting, MotivationHighlighting)
	if cs := list(m["creator"]); len(cs) > 0 {
		w.Creator = readAgent(cs[0])
	}
	for _, b := range list(m["body"]) {
		w.Body = append(w.Body, readBody(b, 0))
	}
	first := -1
	for _, t := range list(m["target"]) {
		tt := readTarget(t)
		w.Targets = append(w.Targets, tt)
		if first < 0 && tt.hasQuote() {
			first = len(w.Targets) - 1
		}
	}
	if first < 0 && len(w.Targets) > 0 {
		first = 0
	}
	if first >= 0 {
		w.Target = w.Targets[first]
	}
	return w
}

func readAgent(v any) *W3CAgent {
	if s, ok := v.(string); ok {
		return &W3CAgent{ID: s}
	}
	m, _ := v.(map[string]any)
	return &W3CAgent{ID: str(m["id"]), Type: str(m["type"], "Person"), Name: str(m["name"]), Nickname: str(m["nickname"])}
}

// readBody reads a body; depth bounds Choices inside Choices.
func readBody(v any, depth int) W3CBody {
	if s, ok := v.(string); ok {
		return W3CBody{ID: s} // an External Web Resource named by its IRI
	}
	m, _ := v.(map[string]any)
	b := W3CBody{
		ID:      str(m["id"]),
		Type:    str(m["type"], "TextualBody", "SpecificResource", "Choice"),
		Purpose: str(m["purpose"], PurposeLinking, PurposeAssessing, PurposeClassifying, PurposeTagging, PurposeDescribing, PurposeCommenting),
		Value:   str(m["value"]),
		Label:   str(m["label"]),
		Format:  str(m["format"]),
	}
	if src := readSource(m["source"]); src.ID != "" {
		b.Source = &src
	}
	if b.Type == "Choice" && depth < 4 {
		for _, it := range list(m["items"]) {
			b.Items = append(b.Items, readBody(it, depth+1))
		}
	}
	var t W3CTarget
	for _, s := range list(m["selector"]) {
		t.addSelector(s, false, 0)
	}
	b.Selector = t.Selector
	return b
}

// readSource reads a source given as an IRI string or an object with an id
// and, optionally, a label (or, from other tools, a title or name).
func readSource(v any) W3CSource {
	if s, ok := v.(string); ok {
		return W3CSource{ID: s}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return W3CSource{}
	}
	s := W3CSource{ID: str(m["id"])}
	for _, k := range []string{"label", "title", "name"} {
		if s.Label = str(m[k]); s.Label != "" {
			break
		}
	}
	return s
}

// readTarget reads a target given as an IRI string (the whole resource),
// an External Web Resource object (id, no selector), or a SpecificResource.
func readTarget(v any) W3CTarget {
	if s, ok := v.(string); ok {
		return W3CTarget{Source: s, Whole: true}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return W3CTarget{Whole: true}
	}
	t := W3CTarget{Type: str(m["type"], "SpecificResource")}
	t.Source = readSource(m["source"]).ID
	for _, s := range list(m["selector"]) {
		t.addSelector(s, false, 0)
	}
	if t.Source == "" && m["selector"] == nil {
		// An External Web Resource: the resource itself, by its id.
		t.Source, t.Whole = str(m["id"]), true
		if items := list(m["items"]); len(items) > 0 {
			t.Ignored = append(t.Ignored, "a target of several resources ("+str(m["type"])+")")
		}
	}
	// Of several states, the one naming the text by its hash.
	for _, s := range list(m["state"]) {
		if st, ok := s.(string); ok && strings.HasPrefix(st, niSHA256) {
			t.State = st
			break
		}
	}
	return t
}

func (t *W3CTarget) hasQuote() bool {
	for _, s := range t.Selector {
		if s.Type == "TextQuoteSelector" {
			return true
		}
	}
	return false
}

// addSelector keeps a text quote or text position selector. Other
// selectors are followed into their refinedBy, where a quote still names
// the passage's words, but a position counts from the start of the element
// the outer selector picks, not from the start of the text, so it is not
// kept. What is not kept is named in t.Ignored.
func (t *W3CTarget) addSelector(v any, refined bool, depth int) {
	m, ok := v.(map[string]any)
	if !ok {
		t.Ignored = append(t.Ignored, "a selector given by its address")
		return
	}
	typ := str(m["type"], "TextQuoteSelector", "TextPositionSelector")
	switch typ {
	case "TextQuoteSelector":
		exact, ok := m["exact"].(string)
		if !ok {
			t.Ignored = append(t.Ignored, "a TextQuoteSelector without its exact text")
			return
		}
		prefix, _ := m["prefix"].(string)
		suffix, _ := m["suffix"].(string)
		t.Selector = append(t.Selector, W3CSelector{Type: typ, Exact: exact, Prefix: prefix, Suffix: suffix, Refined: refined})
	case "TextPositionSelector":
		start, ok1 := count(m["start"])
		end, ok2 := count(m["end"])
		switch {
		case !ok1 || !ok2:
			t.Ignored = append(t.Ignored, "a TextPositionSelector without a whole start and end")
		case refined:
			t.Ignored = append(t.Ignored, "a TextPositionSelector inside another selector")
		default:
			t.Selector = append(t.Selector, W3CSelector{Type: typ, Start: &start, End: &end})
		}
	default:
		if typ == "" {
			typ = "a selector of no known type"
		}
		t.Ignored = append(t.Ignored, typ)
		if r := m["refinedBy"]; r != nil && depth < 8 {
			for _, s := range list(r) {
				t.addSelector(s, true, depth+1)
			}
		}
	}
}

// W3CRead is what ReadW3C makes of an annotation from any tool.
type W3CRead struct {
	// Annotation is its content: id, kind, label, note, tags, claim,
	// creator, times, via and canonical. Article, Quote, Position and
	// ArticleHash are per target (see Targets and W3CTextTarget.Apply).
	Annotation Annotation
	// Targets are the annotation's targets that name a passage of text, in
	// order. Each becomes an annotation of its own.
	Targets []W3CTextTarget
	// Warnings say, in plain words, what the annotation carries that
	// Annotator does not keep, or keeps in another form.
	Warnings []string
}

// W3CTextTarget is one target naming a passage of text: a quote, a
// position, or both.
type W3CTextTarget struct {
	// Source is the target's source IRI, "" when the file gave none (an
	// annotation made inside one page, as Recogito writes them).
	Source   string
	Quote    *anchor.TextQuoteSelector
	Position *anchor.TextPositionSelector
	// Hash is the article hash named by the target's state, if any.
	Hash string
}

// DerivedID is the id of the n-th (from 1) extra annotation made from an
// annotation with several text targets: a name-based UUID of its id and n,
// so that importing the same file twice gives the same ids.
func DerivedID(id string, n int) string {
	return idFor(id + "#target-" + strconv.Itoa(n))
}

// plainHTMLFormats are the body formats turned into plain text.
func isHTML(format string) bool {
	f := strings.ToLower(strings.TrimSpace(format))
	return f == "text/html" || f == "application/xhtml+xml"
}

// ReadW3C reads an annotation from any tool: what ToW3C writes exactly, and
// everything else the W3C model allows as well as Annotator can hold it
// (the package documentation lists the mapping). It fails only when nothing
// can be kept: not an annotation, no id, a date that is not a date, no
// target naming a passage of text. Errors are plain sentences.
func ReadW3C(w W3CAnnotation) (W3CRead, error) {
	var r W3CRead
	warn := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		for _, m := range r.Warnings {
			if m == msg {
				return
			}
		}
		r.Warnings = append(r.Warnings, msg)
	}
	if w.Type != "Annotation" {
		if w.Type == "" {
			return r, errors.New("it is not a W3C annotation: it has no type")
		}
		return r, fmt.Errorf("it is not a W3C annotation: its type is “%s”", truncate(w.Type, 40))
	}
	if w.ID == "" {
		return r, errors.New("the annotation has no id")
	}
	a := &r.Annotation
	a.ID = idFor(w.ID)
	switch {
	case isAbsoluteIRI(w.ID) && !IsID(strings.ToLower(w.ID)):
		a.Via = w.ID
	case isAbsoluteIRI(w.Via):
		a.Via = w.Via
	}
	if isAbsoluteIRI(w.Canonical) {
		a.Canonical = w.Canonical
	}
	var err error
	if a.Created, err = parseTime(w.Created); err != nil {
		return r, fmt.Errorf("its creation date: %w", err)
	}
	if a.Modified, err = parseTime(w.Modified); err != nil {
		return r, fmt.Errorf("its modification date: %w", err)
	}
	if c := w.Creator; c != nil {
		a.Creator, a.CreatorID = agentName(c), c.ID
		if !isAbsoluteIRI(a.CreatorID) || utf8.RuneCountInString(a.CreatorID) > MaxURLLen {
			a.CreatorID = ""
		}
		a.Creator = clipRunes(a.Creator, MaxCreatorLen)
	}

	// Targets.
	targets := w.Targets
	if len(targets) == 0 && (w.Target.Source != "" || len(w.Target.Selector) > 0 || w.Target.Whole) {
		targets = []W3CTarget{w.Target}
	}
	var notText []string
	for i, t := range targets {
		var tt W3CTextTarget
		tt.Source = t.Source
		for _, s := range t.Selector {
			switch {
			case s.Type == "TextQuoteSelector" && tt.Quote == nil:
				tt.Quote = &anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: s.Exact, Prefix: s.Prefix, Suffix: s.Suffix}
			case s.Type == "TextPositionSelector" && tt.Position == nil:
				tt.Position = &anchor.TextPositionSelector{Type: "TextPositionSelector", Start: *s.Start, End: *s.End}
			}
		}
		if tt.Quote != nil && tt.Quote.Exact == "" {
			tt.Quote = nil // an empty quote names no passage
		}
		if tt.Position != nil && tt.Position.Start >= tt.Position.End {
			tt.Position = nil
		}
		if tt.Quote == nil && tt.Position == nil {
			notText = append(notText, describeTarget(i, len(targets), t))
			continue
		}
		tt.Hash = niToHash(t.State)
		r.Targets = append(r.Targets, tt)
	}
	switch {
	case len(targets) == 0:
		return r, errors.New("it has no target: it is not about any text")
	case len(r.Targets) == 0:
		return r, errors.New(notText[0])
	}
	for _, n := range notText {
		warn("not kept: %s", n)
	}
	if len(r.Targets) > 1 {
		warn("its %d passages became %d annotations, one for each", len(r.Targets), len(r.Targets))
	}

	// Bodies.
	rd := bodyReader{warn: warn, tagging: hasString(w.Motivations, "tagging")}
	if w.BodyValue != "" {
		rd.notes = append(rd.notes, w.BodyValue)
	}
	for _, b := range w.Body {
		rd.body(b)
	}
	for _, m := range w.Motivations {
		switch m {
		case MotivationHighlighting, MotivationCommenting, MotivationAssessing,
			"tagging", PurposeClassifying, PurposeDescribing:
		default:
			warn("its motivation “%s” is not kept: Annotator keeps highlights, notes and claims", truncate(m, 60))
		}
	}
	rd.finish(a, w.Motivation)
	if err := a.validateContent(); err != nil {
		return r, err
	}
	return r, nil
}

// describeTarget says in plain words why a target names no passage of text.
func describeTarget(i, n int, t W3CTarget) string {
	which := "its target"
	if n > 1 {
		which = "its " + ordinal(i+1) + " target"
	}
	where := ""
	if t.Source != "" {
		where = " (" + truncate(t.Source, 80) + ")"
	}
	if len(t.Ignored) > 0 {
		return fmt.Sprintf("%s%s marks its passage with %s, which Annotator cannot find in an article's text; it needs a TextQuoteSelector or a TextPositionSelector", which, where, joinAnd(t.Ignored))
	}
	if strings.HasPrefix(t.Source, "#") {
		return fmt.Sprintf("%s%s is another annotation, not a passage of text", which, where)
	}
	return fmt.Sprintf("%s%s is a whole document, not a passage of text", which, where)
}

func ordinal(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return strconv.Itoa(n) + "th"
	case n%10 == 1:
		return strconv.Itoa(n) + "st"
	case n%10 == 2:
		return strconv.Itoa(n) + "nd"
	case n%10 == 3:
		return strconv.Itoa(n) + "rd"
	}
	return strconv.Itoa(n) + "th"
}

func joinAnd(l []string) string {
	seen := map[string]bool{}
	var u []string
	for _, s := range l {
		if !seen[s] {
			seen[s] = true
			u = append(u, s)
		}
	}
	if len(u) == 1 {
		return u[0]
	}
	return strings.Join(u[:len(u)-1], ", ") + " and " + u[len(u)-1]
}

func hasString(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// agentName is the name to show for a creator: its name, nickname, the
// account name of an acct: IRI, or its IRI.
func agentName(c *W3CAgent) string {
	switch {
	case c.Name != "":
		return c.Name
	case c.Nickname != "":
		return c.Nickname
	}
	return AccountName(c.ID)
}

// AccountName turns "acct:alice@hypothes.is" into "alice"; anything else is
// returned as it is.
func AccountName(id string) string {
	if rest, ok := strings.CutPrefix(id, "acct:"); ok {
		if name, _, ok := strings.Cut(rest, "@"); ok && name != "" {
			return name
		}
	}
	return id
}

// isAbsoluteIRI reports whether s starts with a URI scheme ("https:",
// "urn:", "acct:").
func isAbsoluteIRI(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 || strings.ContainsAny(s, " \t\r\n<>\"{}|\\^`") {
		return false
	}
	for j := 0; j < i; j++ {
		c := s[j]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || j > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return i+1 < len(s)
}

func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// bodyReader gathers what an annotation's bodies say.
type bodyReader struct {
	warn              func(string, ...any)
	tagging           bool // the motivation is tagging: a plain body is a tag
	notes, rationales []string
	tags              []string
	links             []Evidence
	claim             Claim
	isClaim           bool
	label             string
	markdown          bool
}

func (rd *bodyReader) body(b W3CBody) {
	if b.Type == "Choice" || len(b.Items) > 0 {
		if len(b.Items) == 0 {
			return
		}
		pickAt := 0
		for i, it := range b.Items {
			if it.Value != "" && it.Source == nil {
				pickAt = i
				break
			}
		}
		if len(b.Items) > 1 {
			rd.warn("kept one of %d alternative bodies (a Choice) and not the others", len(b.Items))
		}
		it := b.Items[pickAt]
		if it.Purpose == "" {
			it.Purpose = b.Purpose
		}
		rd.body(it)
		return
	}
	if b.Source == nil && b.Value == "" && b.ID != "" {
		// An External Web Resource: a link.
		b.Source = &W3CSource{ID: b.ID, Label: b.Label}
	}
	if b.Source != nil {
		rd.link(b)
		return
	}
	value := b.Value
	if value == "" {
		if b.Type != "" && b.Type != "TextualBody" {
			rd.warn("dropped a body with no text and no address (a %s)", truncate(b.Type, 40))
		}
		return
	}
	switch {
	case isHTML(b.Format):
		value = htmlText(value)
		rd.warn("kept an HTML body as plain text")
		if value == "" {
			return
		}
	case strings.EqualFold(b.Format, FormatMarkdown):
		rd.markdown = true
	}
	switch b.Purpose {
	case PurposeTagging:
		rd.tags = append(rd.tags, value)
	case PurposeClassifying:
		key, isLabel := strings.CutPrefix(value, labelPrefix)
		typ, isType := strings.CutPrefix(value, claimTypePrefix)
		_, labelKnown := LabelByKey(key)
		_, typeKnown := ClaimType(typ).Info()
		switch {
		case isLabel && labelKnown:
			rd.label = key
		case isType && typeKnown:
			rd.claim.Type, rd.isClaim = ClaimType(typ), true
		default:
			if l, ok := labelNamed(value); ok && rd.label == "" {
				rd.label = l
			} else if t, ok := claimTypeNamed(value); ok && rd.claim.Type == "" {
				rd.claim.Type, rd.isClaim = t, true
			} else {
				// Another tool's classification: keep it where the reader
				// can see and search it.
				rd.tags = append(rd.tags, value)
			}
		}
	case PurposeAssessing:
		rd.isClaim = true
		if v, ok := verdictNamed(value); ok {
			rd.claim.Verdict = v
		} else {
			// A free-text assessment is the reason for a verdict.
			rd.rationales = append(rd.rationales, value)
		}
	case PurposeDescribing:
		if strings.EqualFold(b.Label, speakerRole) {
			rd.claim.Speaker = value
		} else {
			rd.notes = append(rd.notes, value)
		}
	case "":
		if rd.tagging {
			rd.tags = append(rd.tags, value) // motivation tagging, a plain body: a tag
		} else if strings.EqualFold(b.Label, rationaleRole) {
			rd.rationales = append(rd.rationales, value)
		} else {
			rd.notes = append(rd.notes, value)
		}
	default: // commenting, replying, questioning, editing…: a comment
		if strings.EqualFold(b.Label, rationaleRole) {
			rd.rationales = append(rd.rationales, value)
		} else {
			rd.notes = append(rd.notes, value)
		}
	}
}

// link keeps a body that is a resource: a tag (purpose tagging or
// classifying), else a link, which a claim keeps as evidence and any other
// annotation in its note.
func (rd *bodyReader) link(b W3CBody) {
	url, title := b.Source.ID, b.Source.Label
	if title == "" {
		title = b.Label
	}
	switch b.Purpose {
	case PurposeTagging, PurposeClassifying:
		tag := title
		if tag == "" {
			tag = url
		}
		rd.tags = append(rd.tags, tag)
		return
	}
	e := Evidence{URL: url, Title: title}
	for _, s := range b.Selector {
		if s.Type == "TextQuoteSelector" {
			e.Quote = s.Exact
			break
		}
	}
	rd.links = append(rd.links, e)
}

// finish decides the kind and fills a from what the bodies said.
func (rd *bodyReader) finish(a *Annotation, motivation string) {
	switch motivation {
	case MotivationAssessing:
		a.Kind = KindClaim
	case MotivationHighlighting:
		a.Kind = KindHighlight
	case MotivationCommenting:
		a.Kind = KindNote
	default:
		switch {
		case rd.isClaim:
			a.Kind = KindClaim
		case len(rd.notes) > 0 || len(rd.links) > 0:
			a.Kind = KindNote
		default:
			a.Kind = KindHighlight
		}
	}
	a.Label = rd.label
	if a.Kind == KindClaim {
		for _, e := range rd.links {
			if ValidateEvidenceURL(e.URL) == nil && len(rd.claim.Evidence) < MaxEvidence &&
				utf8.RuneCountInString(e.Title) <= MaxEvidenceTitleLen && utf8.RuneCountInString(e.Quote) <= MaxEvidenceQuoteLen {
				rd.claim.Evidence = append(rd.claim.Evidence, e)
			} else {
				rd.notes = append(rd.notes, linkLine(e))
				rd.warn("kept a link (%s) in the note rather than as evidence", truncate(e.URL, 80))
			}
		}
		rd.claim.Verdict = rd.claim.Verdict.OrDefault()
		rd.claim.Rationale = strings.Join(rd.rationales, "\n\n")
		c := rd.claim
		a.Claim = &c
	} else {
		if rd.isClaim && (rd.claim.Type != "" || rd.claim.Verdict != "" || rd.claim.Speaker != "") {
			rd.warn("kept its assessment in the note: it is not a claim")
			if rd.claim.Speaker != "" {
				rd.notes = append(rd.notes, "Speaker: "+rd.claim.Speaker)
			}
			if rd.claim.Verdict != "" {
				rd.notes = append(rd.notes, "Verdict: "+verdictLabel(rd.claim.Verdict))
			}
			if rd.claim.Type != "" {
				rd.tags = append(rd.tags, claimTypeLabel(rd.claim.Type))
			}
		}
		// Not a claim after all: keep the assessment text as a note.
		rd.notes = append(rd.notes, rd.rationales...)
		for _, e := range rd.links {
			rd.notes = append(rd.notes, linkLine(e))
			rd.warn("kept a link (%s) in the note", truncate(e.URL, 80))
		}
	}
	// Tags that do not fit the limits go to the note, said so.
	tags := NormalizeTags(rd.tags)
	var kept, moved []string
	for _, t := range tags {
		if utf8.RuneCountInString(t) > MaxTagLen || len(kept) >= MaxTags {
			moved = append(moved, t)
		} else {
			kept = append(kept, t)
		}
	}
	if len(moved) > 0 {
		rd.notes = append(rd.notes, "Tags: "+strings.Join(moved, ", "))
		rd.warn("kept %d tags in the note (too long, or over %d)", len(moved), MaxTags)
	}
	a.Tags = kept
	a.Note = strings.Join(rd.notes, "\n\n")
	if rd.markdown && a.Note != "" {
		a.NoteFormat = FormatMarkdown
	}
	if a.Kind == KindHighlight && a.Note != "" {
		a.Kind = KindNote
	}
}

func verdictLabel(v Verdict) string {
	if i, ok := v.Info(); ok {
		return i.Label
	}
	return string(v)
}

func claimTypeLabel(t ClaimType) string {
	if i, ok := t.Info(); ok {
		return i.Name
	}
	return string(t)
}

// linkLine is a link as a line of a note.
func linkLine(e Evidence) string {
	s := "Link: " + e.URL
	if e.Title != "" {
		s = "Link: " + e.Title + " <" + e.URL + ">"
	}
	if e.Quote != "" {
		s += " “" + e.Quote + "”"
	}
	return s
}

// validateContent checks what ReadW3C read, with a placeholder for the
// selectors that each target supplies.
func (a Annotation) validateContent() error {
	a.Quote = anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: "x"}
	a.Position = anchor.TextPositionSelector{Type: "TextPositionSelector", Start: 0, End: 1}
	return a.validate(false)
}

// Apply returns the annotation content placed on target t: its quote and
// position (a position alone leaves the quote empty: the caller reads it
// from the article's text), and the article hash its state names.
func (t W3CTextTarget) Apply(a Annotation) Annotation {
	if t.Quote != nil {
		a.Quote = *t.Quote
	}
	switch {
	case t.Position != nil:
		a.Position = *t.Position
	case t.Quote != nil:
		// No position: a hint the resolver checks and then searches past.
		// It is never exported: the export resolves every anchor.
		a.Position = anchor.TextPositionSelector{Type: "TextPositionSelector", Start: 0, End: utf8.RuneCountInString(t.Quote.Exact)}
	}
	a.ArticleHash = t.Hash
	return a
}

// FromW3C decodes a Web Annotation into an Annotation and returns its
// first text target's source IRI, which the caller maps to an article id
// and stores in a.Article. It reads what ToW3C writes exactly, and other
// tools' annotations as ReadW3C does, dropping its warnings and any further
// targets. The annotation must quote its text. The result is validated,
// except for the article id, which is the caller's to set.
func FromW3C(w W3CAnnotation) (a Annotation, source string, err error) {
	r, err := ReadW3C(w)
	if err != nil {
		return Annotation{}, "", err
	}
	t := r.Targets[0]
	if t.Quote == nil {
		return Annotation{}, t.Source, errors.New("the annotation's target has no TextQuoteSelector")
	}
	a = t.Apply(r.Annotation)
	if err := a.validate(false); err != nil {
		return Annotation{}, t.Source, err
	}
	return a, t.Source, nil
}

// htmlText turns an HTML fragment into plain text: tags are dropped (block
// ends and <br> become line breaks), the common character references are
// decoded, white space is collapsed. The result is text, never markup.
func htmlText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '<' {
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				break
			}
			tag := strings.ToLower(strings.TrimLeft(s[i+1:i+j], "/ "))
			if k := strings.IndexAny(tag, " \t\r\n/"); k >= 0 {
				tag = tag[:k]
			}
			switch tag {
			case "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "pre":
				b.WriteByte('\n')
			case "script", "style":
				// Their content is not text a reader wrote.
				if end := strings.Index(strings.ToLower(s[i+j:]), "</"+tag); end >= 0 && !strings.HasPrefix(s[i+1:], "/") {
					i += j + end
					continue
				}
			}
			i += j + 1
			continue
		}
		if c == '&' {
			if r, n := charRef(s[i:]); n > 0 {
				b.WriteString(r)
				i += n
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// charRef decodes a character reference at the start of s ("&amp;",
// "&#233;", "&#xE9;") and returns it with the bytes it took, or 0.
func charRef(s string) (string, int) {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 10 {
		return "", 0
	}
	name := s[1:end]
	if name[0] == '#' {
		var n uint64
		var err error
		if len(name) > 1 && (name[1] == 'x' || name[1] == 'X') {
			n, err = strconv.ParseUint(name[2:], 16, 32)
		} else {
			n, err = strconv.ParseUint(name[1:], 10, 32)
		}
		if err != nil || n == 0 || n > utf8.MaxRune {
			return "", 0
		}
		return string(rune(n)), end + 1
	}
	switch name {
	case "amp":
		return "&", end + 1
	case "lt":
		return "<", end + 1
	case "gt":
		return ">", end + 1
	case "quot":
		return "\"", end + 1
	case "apos":
		return "'", end + 1
	case "nbsp":
		return " ", end + 1
	}
	return "", 0
}
