// Package annotation owns the annotation: what a reader keeps about a
// passage of an article (its selectors, kind, label, note, tags and, for a
// claim, type, speaker, verdict, evidence and rationale), the vocabularies
// behind it (highlight labels, the claim taxonomy, the verdict scale), its
// validation, and its encodings as W3C Web Annotation JSON-LD and as
// schema.org ClaimReview. The JSON form of Annotation is also how the store
// keeps it in the browser.
//
// It also makes every annotation id (id.go: NewID, NameID), and proposes
// who made a claim from the article's text (speaker.go: SpeakerCandidates).
//
// It is plain Go with no dependency beyond the standard library and
// app/anchor's selector types, and builds for js/wasm.
//
// # W3C mapping
//
// ToW3C writes, and FromW3C reads back to an equal Annotation:
//
//   - id: the annotation's urn:uuid. Kind: highlight → motivation
//     "highlighting", note → "commenting", claim → "assessing".
//   - created, modified: xsd:dateTime in UTC (RFC 3339), omitted when zero.
//     creator: {"type": "Person", "name": …} when the name is set.
//   - target: a SpecificResource whose source is the article IRI chosen by
//     the caller, with selector [TextQuoteSelector, TextPositionSelector]
//     (positions in code points) and, when the article hash is known, state
//     "ni:///sha-256;<base64url digest>" (RFC 6920 named information): the
//     same SHA-256 as the article's "sha256:<hex>" hash, so a reader can tell
//     whether the text is still the one the selectors were made on.
//   - note: a TextualBody, purpose "commenting", format text/plain.
//   - each tag: a TextualBody, purpose "tagging", value the tag.
//   - label: a TextualBody, purpose "classifying", value "label:<key>",
//     label the label's default display name.
//   - claim type: a TextualBody, purpose "classifying", value
//     "claim-type:<type>", label its display name.
//   - verdict: a TextualBody, purpose "assessing", value the machine verdict
//     ("mostly-accurate"), label its display label; always written, as
//     "unverified" when empty.
//   - speaker: a TextualBody, purpose "describing", value the name, label
//     "Speaker".
//   - each evidence link: a SpecificResource, purpose "linking", source the
//     URL (or {"id": URL, "label": title} when it has a title), and the
//     quoted passage as a TextQuoteSelector on it.
//   - rationale: a TextualBody, purpose "commenting", label "Rationale",
//     which tells it apart from a note.
//
// "label" is rdfs:label, defined by the anno.jsonld context, so no extension
// context is needed. Bodies carry no id: the W3C test suite (and so the
// shared checker) takes any body with an id for an External Web Resource,
// which may not have a purpose.
//
// FromW3C also reads other tools' annotations: an id that is not a urn:uuid
// becomes a name-based (version 5) UUID of it, so importing twice gives the
// same id; bodyValue and unmarked comments become the note (joined by a
// blank line); a classifying or assessing body without one of the ids above
// is matched by display name or key, and otherwise kept as a tag (classifying)
// or as the rationale (assessing); linking bodies are read only on claims; a
// target without a TextPositionSelector gets position 0 to the quote's length,
// which the resolver treats as a hint that does not hold; RangeSelectors and
// other selectors are ignored. The annotation must have a TextQuoteSelector.
// Article, Deleted and Source are not part of the W3C form: the caller maps
// the returned source IRI to an article id and records where it came from.
package annotation
