package share

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// Item is one article with its annotations, the unit every export is made of.
type Item struct {
	Article     *article.Article
	Annotations []annotation.Annotation
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
	text := anchor.NewText(it.Article.Text)
	out := make([]placed, 0, len(it.Annotations))
	for _, a := range it.Annotations {
		if a.Deleted {
			continue
		}
		pos := a.Position
		r := text.Resolve(a.Quote, &pos)
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

// buildCollection converts the items to one W3C collection named id.
func buildCollection(id, label string, items []Item) collection {
	c := collection{Context: annoContext, ID: id, Type: "AnnotationCollection", Label: label,
		Articles: map[string]string{},
		First:    page{ID: id + ":page1", Type: "AnnotationPage", Items: []annotation.W3CAnnotation{}}}
	for _, it := range items {
		src := SourceIRI(it.Article)
		c.Articles[src] = it.Article.ID
		for _, a := range live(it.Annotations) {
			c.First.Items = append(c.First.Items, annotation.ToW3C(a, src))
		}
	}
	c.Total = len(c.First.Items)
	return c
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
	data, err := marshalIndent(buildCollection("urn:annotator:export:"+name, label, e.Items))
	return data, name, err
}

// ClaimReview is the schema.org ClaimReview export: a JSON array with one
// ClaimReview per claim (.json, named "…-claims.json").
func (e Export) ClaimReview() ([]byte, string, error) {
	if err := e.check(); err != nil {
		return nil, "", err
	}
	reviews := []any{}
	for _, it := range e.Items {
		url := ""
		if isWebURL(it.Article.Source) {
			url = it.Article.Source
		}
		for _, a := range live(it.Annotations) {
			if a.Kind != annotation.KindClaim || a.Claim == nil {
				continue
			}
			reviews = append(reviews, annotation.ToClaimReview(a, it.Article.Title, url, e.Reviewer))
		}
	}
	data, err := marshalForScript(reviews)
	return data, e.filename("-claims.json"), err
}
