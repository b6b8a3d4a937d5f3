package annotation

import (
	"time"

	"github.com/annotator/annotator/app/anchor"
)

// Kind says what an annotation is for.
type Kind string

const (
	KindHighlight Kind = "highlight" // a highlighted passage, maybe with a label and tags
	KindNote      Kind = "note"      // a highlight that carries a note (W3C motivation commenting)
	KindClaim     Kind = "claim"     // a claim under assessment (W3C motivation assessing)
)

// Annotation is one reader's annotation on one article.
type Annotation struct {
	ID      string `json:"id"`      // "urn:uuid:…"
	Article string `json:"article"` // article id
	// ArticleHash is the content hash of the text the selectors were made on.
	ArticleHash string                      `json:"articleHash"`
	Quote       anchor.TextQuoteSelector    `json:"quote"`
	Position    anchor.TextPositionSelector `json:"position"`
	Kind        Kind                        `json:"kind"`
	Label       string                      `json:"label,omitempty"` // a label key, e.g. "key-point"
	Note        string                      `json:"note,omitempty"`
	// NoteFormat is the media type of the note when it is not plain text:
	// "text/markdown" for a note imported from Markdown (Hypothesis). It is
	// written back on export; the app shows the note as text either way.
	NoteFormat string   `json:"noteFormat,omitempty"`
	Tags       []string `json:"tags,omitempty"`
	Claim      *Claim   `json:"claim,omitempty"`   // set when Kind is KindClaim
	Creator    string   `json:"creator,omitempty"` // the display name
	// CreatorID is the creator's IRI when another tool gave one
	// ("acct:alice@hypothes.is"): the same person whichever file it came from.
	CreatorID string    `json:"creatorId,omitempty"`
	Created   time.Time `json:"created"`
	Modified  time.Time `json:"modified"`
	// Deleted marks a tombstone, kept so a delete wins a merge with an older copy.
	Deleted bool `json:"deleted,omitempty"`
	// Source says where an imported annotation came from (a file name, "class pack: …").
	Source string `json:"source,omitempty"`
	// Via is the id the annotation had in the tool it was imported from,
	// when that was not a urn:uuid (https://hypothes.is/a/…): exported as
	// W3C "via". Canonical is the W3C "canonical" IRI a file gave, kept as
	// the model asks copies to keep it.
	Via       string `json:"via,omitempty"`
	Canonical string `json:"canonical,omitempty"`
	// Imported is ContentHash of the copy that was imported, so that a later
	// import of the same annotation can tell whether the reader has edited
	// it since (see the share package's merge). Empty for annotations made here.
	Imported string `json:"imported,omitempty"`
}

// Claim is what a reader records about a claim.
type Claim struct {
	Type      ClaimType  `json:"type,omitempty"`
	Speaker   string     `json:"speaker,omitempty"`
	Verdict   Verdict    `json:"verdict"`
	Evidence  []Evidence `json:"evidence,omitempty"`
	Rationale string     `json:"rationale,omitempty"`
}

// Evidence is a link that supports or refutes a claim.
type Evidence struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
	Quote string `json:"quote,omitempty"` // a quoted passage from the linked page
}

// ClaimType classifies a claim.
type ClaimType string

// Verdict is the assessment of a claim.
type Verdict string
