package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
)

// v1Annotation is an annotation as the schema-1 prototype stored it: every
// annotation of every article in one array under "annotator:annotations".
// Offsets counted code points, as now.
type v1Annotation struct {
	ID      string   `json:"id"` // a bare UUID
	Article string   `json:"article"`
	Hash    string   `json:"hash"`
	Text    string   `json:"text"` // the quote's exact text
	Prefix  string   `json:"prefix"`
	Suffix  string   `json:"suffix"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Color   string   `json:"color"` // the prototype's colours became labels
	Comment string   `json:"comment"`
	Tags    []string `json:"tags"`
	Created int64    `json:"created"` // unix milliseconds
}

// v1Labels maps the prototype's colours to today's label keys.
var v1Labels = map[string]string{
	"yellow": "key-point",
	"blue":   "question",
	"green":  "evidence",
	"red":    "disagree",
	"purple": "definition",
}

func (v v1Annotation) toV2() annotation.Annotation {
	kind := annotation.KindHighlight
	if v.Comment != "" {
		kind = annotation.KindNote
	}
	created := annotation.ClampTime(time.UnixMilli(v.Created).UTC())
	return annotation.Annotation{
		ID:          v1ID(v.ID),
		Article:     v.Article,
		ArticleHash: v.Hash,
		Quote:       anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: v.Text, Prefix: v.Prefix, Suffix: v.Suffix},
		Position:    anchor.TextPositionSelector{Type: "TextPositionSelector", Start: v.Start, End: v.End},
		Kind:        kind,
		Label:       v1Labels[strings.ToLower(v.Color)],
		Note:        v.Comment,
		Tags:        v.Tags,
		Created:     created,
		Modified:    created,
		Source:      "",
	}
}

// v1ID turns a prototype id into a urn:uuid. A bare UUID keeps its value;
// anything else gets a name-based UUID derived from it, so that running the
// migration again gives the same id. (It hashes the name with no namespace:
// the ids it made so are stored, so they stay.)
func v1ID(id string) string {
	if id == "" || strings.HasPrefix(id, "urn:uuid:") {
		return id
	}
	if urn := "urn:uuid:" + strings.ToLower(id); annotation.IsID(urn) {
		return urn
	}
	return annotation.NameID(nil, "annotator-v1:"+id)
}

// migrateV1 moves the schema-1 array into per-article keys. The order of
// writes survives an interruption at any point:
//
//  1. unusable records are set aside;
//  2. for each article: its key is written (merged with what an earlier,
//     interrupted run wrote), then the schema-1 array is rewritten without
//     that article — so the space needed is one article's, not a copy of
//     everything;
//  3. the meta key is written;
//  4. the schema-1 key is removed.
//
// Until step 3 the next Open sees schema 1 and runs again, idempotently
// (ids and times come from the records, and merging equal copies changes
// nothing); after it, Open only removes the leftover key.
func (s *Store) migrateV1(rep *Report, present bool) error {
	value, ok := "", false
	if present {
		var err error
		if value, ok, err = s.backend.Get(v1Key); err != nil {
			return err
		}
	}
	var raws []json.RawMessage
	if ok {
		if err := json.Unmarshal([]byte(value), &raws); err != nil {
			if err := s.setAsideWhole(rep, v1Key, fmt.Sprintf("schema-1 annotations are not a JSON array: %v", err)); err != nil {
				return err
			}
			raws = nil
		}
	}

	byArticle := map[string][]annotation.Annotation{}
	rawByArticle := map[string][]json.RawMessage{}
	var bad []json.RawMessage
	var problems []string
	for i, raw := range raws {
		var v v1Annotation
		err := json.Unmarshal(raw, &v)
		var a annotation.Annotation
		if err == nil {
			a = v.toV2()
			err = check("", &a)
		}
		if err != nil {
			bad = append(bad, raw)
			problems = append(problems, fmt.Sprintf("schema-1 annotation %d (%s): %v", i, peekID(raw), err))
			continue
		}
		byArticle[a.Article] = append(byArticle[a.Article], a)
		rawByArticle[a.Article] = append(rawByArticle[a.Article], raw)
	}
	if len(bad) > 0 {
		badJSON, _ := json.Marshal(bad)
		aside := s.asideKey(v1Key)
		if err := s.backend.Set(aside, string(badJSON)); err != nil {
			return fmt.Errorf("setting aside unreadable schema-1 annotations: %w", err)
		}
		for _, p := range problems {
			rep.SetAside = append(rep.SetAside, SetAside{Key: v1Key, MovedTo: aside, Reason: p})
		}
	}

	articles := make([]string, 0, len(byArticle))
	for id := range byArticle {
		articles = append(articles, id)
	}
	sort.Strings(articles)
	count := 0
	for i, id := range articles {
		var existing []annotation.Annotation
		for _, a := range s.annotations[id] {
			existing = append(existing, a)
		}
		s.putAll(id, Merge(existing, byArticle[id]))
		count += len(byArticle[id])
		if err := s.writeRaw(annotationsKey(id)); err != nil {
			return fmt.Errorf("writing article %s: %w", id, err)
		}
		if i == len(articles)-1 {
			break // the whole key goes in step 4
		}
		var rest []string
		for _, later := range articles[i+1:] {
			for _, raw := range rawByArticle[later] {
				rest = append(rest, string(raw))
			}
		}
		if err := s.backend.Set(v1Key, "["+strings.Join(rest, ",")+"]"); err != nil {
			return fmt.Errorf("shrinking the schema-1 key: %w", err)
		}
	}
	if err := s.backend.Set(metaKey, fmt.Sprintf(`{"schema":%d}`, SchemaVersion)); err != nil {
		return fmt.Errorf("writing the schema version: %w", err)
	}
	s.metaSaved = true
	if err := s.backend.Remove(v1Key); err != nil {
		return fmt.Errorf("removing the schema-1 key: %w", err)
	}
	rep.Migrations = append(rep.Migrations, fmt.Sprintf("schema 1 → %d: %d annotations over %d articles", SchemaVersion, count, len(articles)))
	return nil
}
