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
//     creator: {"id": CreatorID, "type": "Person", "name": Creator}, each
//     part when set. canonical and via: Canonical and Via, when set.
//   - target: a SpecificResource whose source is the article IRI chosen by
//     the caller, with selector [TextQuoteSelector, TextPositionSelector]
//     (positions in code points) and, when the article hash is known, state
//     "ni:///sha-256;<base64url digest>" (RFC 6920 named information): the
//     same SHA-256 as the article's "sha256:<hex>" hash, so a reader can tell
//     whether the text is still the one the selectors were made on. The
//     position is written only when it selects something and the state only
//     when the hash is set: the share package clears both for an anchor it
//     cannot place on the article.
//   - note: a TextualBody, purpose "commenting", format text/plain (or
//     NoteFormat, "text/markdown" for a note imported from Markdown).
//   - each tag: a TextualBody, purpose "tagging", value the tag.
//   - label: a TextualBody, purpose "classifying", value "label:<key>",
//     label the label's display name: the reader's own name for it
//     (LabelNames, with ToW3CNamed), else the default one.
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
// # Reading other tools' annotations
//
// DecodeW3C (ParseJSON, one pass, then a walk of the generic values) takes
// every shape the model allows; ReadW3C keeps what Annotator can hold and
// says, in plain words, what it cannot (W3CRead.Warnings):
//
//   - id: a urn:uuid is kept; any other IRI becomes a name-based (version 5)
//     UUID of it, so importing twice gives the same id, and is kept in Via;
//     RecogitoJS's "#<uuid>" keeps its UUID. canonical is kept.
//   - creator: Creator is the name, else the nickname, else the account of
//     an acct: IRI ("acct:alice@hypothes.is" is "alice"), else the IRI;
//     CreatorID is the IRI.
//   - bodies: bodyValue, unmarked and commenting, describing, replying,
//     questioning… TextualBodies make the note (joined by a blank line);
//     tagging bodies, and plain bodies under motivation tagging, make tags;
//     classifying bodies are Annotator's label or claim type by id, name or
//     key, else tags; assessing bodies a verdict by name, else the rationale;
//     text/html becomes plain text, text/markdown is kept with NoteFormat;
//     a Choice gives its first textual alternative; SpecificResource and
//     External Web Resource bodies are tags (purpose tagging, classifying) or
//     links: a claim's evidence when they are http(s), else a "Link: …" line
//     of the note. Tags over the limits go to the note.
//   - targets: each target with a TextQuoteSelector or a
//     TextPositionSelector (at the top, or a quote inside another selector's
//     refinedBy) is a W3CTextTarget; the caller makes one annotation of each
//     (DerivedID for the second and later) and maps its source to an
//     article. A target with a quote and no position gets position 0 to the
//     quote's length, a hint the resolver checks and passes over; one with a
//     position and no quote is left for the caller to read from the text.
//   - motivations other than highlighting, commenting, assessing, tagging,
//     classifying and describing are not kept (a warning says so).
//
// FromW3C is ReadW3C for one annotation that quotes its text, without the
// warnings. Article, Deleted and Source are not part of the W3C form: the
// caller maps the source IRI to an article id and records where it came from.
//
// Imported holds ContentHash (quote, kind, label, note, format, tags, claim,
// deletion; not times, selectors' positions or provenance) of the copy that
// was imported; EditedSinceImport compares it with the copy now.
package annotation
