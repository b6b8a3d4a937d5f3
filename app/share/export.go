package share

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// Item is one article with its annotations, the unit every export is made of.
type Item struct {
	Article     *article.Article
	Annotations []annotation.Annotation
	// Anchors, when set, are where the reader's page resolved each
	// annotation (by id), so that the export says exactly what the reader
	// sees; an annotation missing from it is resolved here.
	Anchors map[string]anchor.Result
}

// Export describes one export: what goes in it and how its file is named.
// Each format is a method returning the file's bytes and its name,
// "<article id or library>-<YYYY-MM-DD>.<ext>".
type Export struct {
	Items []Item
	// Library names the file "library-…" even when it holds one article.
	Library bool
	// Date goes in the file name and nowhere else; the caller passes today.
	Date time.Time
	// Reviewer is the ClaimReview author (the reader's display name).
	Reviewer string
	// Labels are the reader's names for labels ("Main idea" for Key
	// point), which every export shows; labels not in it keep their
	// default names.
	Labels annotation.LabelNames
	// ClaimLink, when set, gives a claim's own address (a deep link into
	// the app) for the ClaimReview's url; without it, or when it returns
	// "", the url is the article's address with a text fragment for the
	// claim's passage.
	ClaimLink func(articleID, annotationID string) string
}

// ErrNothingToExport is returned for an export with no article.
var ErrNothingToExport = errors.New("nothing to export: no article given")

// filename names the file; suffix carries its extension, e.g. ".csv".
func (e Export) filename(suffix string) string {
	base := "library"
	if !e.Library && len(e.Items) == 1 && e.Items[0].Article != nil {
		base = e.Items[0].Article.ID
	}
	return base + "-" + e.Date.Format("2006-01-02") + suffix
}

func (e Export) check() error {
	if len(e.Items) == 0 {
		return ErrNothingToExport
	}
	for i, it := range e.Items {
		if it.Article == nil {
			return fmt.Errorf("export item %d has no article", i)
		}
	}
	return nil
}

// placed is an annotation with where it resolves on the article's text now.
type placed struct {
	annotation.Annotation
	Start, End int
	Status     anchor.Status
}

// place resolves the live (not deleted) annotations of it on its article and
// returns them in document order; orphans come last, in their old order.
func place(it Item) []placed {
	return placeOn(it, anchor.NewText(it.Article.Text))
}

func placeOn(it Item, text *anchor.Text) []placed {
	out := make([]placed, 0, len(it.Annotations))
	for _, a := range it.Annotations {
		if a.Deleted {
			continue
		}
		r, ok := it.Anchors[a.ID]
		if !ok {
			pos := a.Position
			r = text.Resolve(a.Quote, &pos)
		}
		out = append(out, placed{Annotation: a, Start: r.Start, End: r.End, Status: r.Status})
	}
	sort.SliceStable(out, func(i, j int) bool {
		oi, oj := out[i].Status == anchor.Orphan, out[j].Status == anchor.Orphan
		if oi != oj {
			return oj
		}
		if oi {
			return out[i].Position.Start < out[j].Position.Start
		}
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		if out[i].End != out[j].End {
			return out[i].End > out[j].End
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// live returns the annotations that are not tombstones, in a stable document
// order by their recorded positions (no resolving: the W3C export carries
// selectors as stored).
func live(anns []annotation.Annotation) []annotation.Annotation {
	out := make([]annotation.Annotation, 0, len(anns))
	for _, a := range anns {
		if !a.Deleted {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Position.Start != out[j].Position.Start {
			return out[i].Position.Start < out[j].Position.Start
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// collection is a W3C AnnotationCollection with its one embedded page.
type collection struct {
	Context string `json:"@context"`
	ID      string `json:"id"`
	Type    string `json:"type"`
	Label   string `json:"label,omitempty"`
	Total   int    `json:"total"`
	// Articles maps each target source in the collection to the annotator
	// article id, so an import maps web addresses back without guessing.
	Articles map[string]string `json:"annotatorArticles,omitempty"`
	First    page              `json:"first"`
}

type page struct {
	ID         string                     `json:"id"`
	Type       string                     `json:"type"`
	StartIndex int                        `json:"startIndex"`
	Items      []annotation.W3CAnnotation `json:"items"`
}

const annoContext = "http://www.w3.org/ns/anno.jsonld"

// buildCollection converts the items to one W3C collection named id. Each
// annotation is resolved on its article first: an anchor found (exact or
// moved) is exported with the position it was found at, on the article as
// Annotator shows it, its quote's context taken from the text where the
// stored one no longer agrees, and the article's hash as the state; an
// orphan or a fuzzy match the reader has not reviewed is exported with its
// quote alone, no position and no state, so that no tool is told a place
// that is not the annotated one.
func buildCollection(id, label string, items []Item, labels annotation.LabelNames) collection {
	c := collection{Context: annoContext, ID: id, Type: "AnnotationCollection", Label: label,
		Articles: map[string]string{},
		First:    page{ID: id + ":page1", Type: "AnnotationPage", Items: []annotation.W3CAnnotation{}}}
	for _, it := range items {
		src := SourceIRI(it.Article)
		c.Articles[src] = it.Article.ID
		text := anchor.NewText(it.Article.Text)
		for _, p := range placeOn(it, text) {
			a, _ := settle(p, text, it.Article.Hash)
			c.First.Items = append(c.First.Items, annotation.ToW3CNamed(a, src, labels))
		}
	}
	c.Total = len(c.First.Items)
	return c
}

// settle returns p's annotation with selectors that are true of text (hash
// its article hash), and whether they differ from the stored ones. Exact
// and moved anchors get the position found and context that agrees with
// the text (the stored context when it still does); other anchors lose
// their position and hash: exported, they carry only their quote.
func settle(p placed, text *anchor.Text, hash string) (annotation.Annotation, bool) {
	a := p.Annotation
	switch p.Status {
	case anchor.Exact, anchor.Moved:
		q := a.Quote
		agrees := text.Slice(p.Start, p.End) == q.Exact &&
			strings.HasSuffix(text.Slice(0, p.Start), q.Prefix) &&
			strings.HasPrefix(text.Slice(p.End, text.Len()), q.Suffix)
		changed := !agrees || a.Position.Start != p.Start || a.Position.End != p.End || a.ArticleHash != hash
		if !agrees {
			return a.AnchoredAt(text, p.Start, p.End, hash), true
		}
		a.Position = anchor.TextPositionSelector{Type: "TextPositionSelector", Start: p.Start, End: p.End}
		a.ArticleHash = hash
		return a, changed
	}
	a.Position = anchor.TextPositionSelector{}
	a.ArticleHash = ""
	return a, false
}

// PositionUpdates returns the annotations of art whose stored selectors no
// longer say where they are, each with the selectors it should be stored
// with: every exact or moved anchor whose position, context or article hash
// differs from what resolving it on art's text finds. Modified and the
// content are untouched (writing back a position is bookkeeping, not an
// edit). Fuzzy anchors are left for the reader to review (see
// annotation.AnchoredAt) and orphans have no place to record. anchors, when
// set, are the reader page's resolutions by id; the rest are resolved here.
// Storing the result makes the next export exact without opening the
// article, and the next resolve a single comparison.
func PositionUpdates(art *article.Article, anns []annotation.Annotation, anchors map[string]anchor.Result) []annotation.Annotation {
	if art == nil {
		return nil
	}
	text := anchor.NewText(art.Text)
	var out []annotation.Annotation
	for _, p := range placeOn(Item{Article: art, Annotations: anns, Anchors: anchors}, text) {
		if a, changed := settle(p, text, art.Hash); changed {
			a.Position.Type = "TextPositionSelector"
			out = append(out, a)
		}
	}
	return out
}

func marshalIndent(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// marshalForScript is marshalIndent with <, > and & written as \u003c,
// \u003e and \u0026 (the same JSON), for JSON meant to be pasted into an
// HTML <script type="application/ld+json"> element: a "</script>" in a
// quote or a rationale cannot end the element there.
func marshalForScript(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// W3C is the W3C Web Annotation JSON-LD export: an AnnotationCollection whose
// first page holds the annotations (.jsonld).
func (e Export) W3C() ([]byte, string, error) {
	if err := e.check(); err != nil {
		return nil, "", err
	}
	name := e.filename(".jsonld")
	label := "Annotations"
	if len(e.Items) == 1 && !e.Library {
		label = "Annotations on " + e.Items[0].Article.Title
	}
	data, err := marshalIndent(buildCollection("urn:annotator:export:"+name, label, e.Items, e.Labels))
	return data, name, err
}

// ClaimReview is the schema.org ClaimReview export: a JSON array with one
// ClaimReview per claim (.json, named "…-claims.json"). Each has a url (the
// claim's link, else the article's address with a text fragment that
// highlights the claim), its datePublished, and itemReviewed.appearance
// naming the article (its url when it has a web address, its title, its
// publication date when the article gives one as YYYY-MM-DD).
func (e Export) ClaimReview() ([]byte, string, error) {
	if err := e.check(); err != nil {
		return nil, "", err
	}
	reviews := []any{}
	for _, it := range e.Items {
		art := it.Article
		url := ""
		var frags *fragmentPage
		if isWebURL(art.Source) {
			url, frags = art.Source, newFragmentPage(art)
		}
		for _, p := range place(it) {
			a := p.Annotation
			if a.Kind != annotation.KindClaim || a.Claim == nil {
				continue
			}
			r := annotation.ToClaimReview(a, art.Title, url, e.Reviewer)
			if e.ClaimLink != nil {
				r.URL = e.ClaimLink(art.ID, a.ID)
			}
			if r.URL == "" && url != "" {
				r.URL = url
				if p.Status != anchor.Orphan {
					r.URL = FragmentURL(url, frags.fragment(p.Start, p.End))
				}
			}
			if ap := r.ItemReviewed.Appearance; ap != nil && isISODate(art.Published) {
				ap.DatePublished = art.Published
			}
			reviews = append(reviews, r)
		}
	}
	data, err := marshalForScript(reviews)
	return data, e.filename("-claims.json"), err
}

// isISODate reports whether s is a date written YYYY-MM-DD.
func isISODate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}
