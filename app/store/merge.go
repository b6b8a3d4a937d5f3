package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// Merge combines two copies of one article's annotations, per annotation by
// ID: the one with the later Modified wins, so a tombstone (Deleted) made
// after an edit wins over it, and an edit made after a delete brings it back.
// Equal Modified times are broken by comparing the encoded JSON (the greater
// wins), so every tab reaches the same result whichever side it holds.
// Within one slice duplicates are merged the same way. The result is sorted
// by ID; neither input is modified.
func Merge(a, b []annotation.Annotation) []annotation.Annotation {
	byID := make(map[string]annotation.Annotation, len(a)+len(b))
	for _, list := range [][]annotation.Annotation{a, b} {
		for _, x := range list {
			if have, ok := byID[x.ID]; ok && !wins(x, have) {
				continue
			}
			byID[x.ID] = x
		}
	}
	return sortedByID(byID)
}

// wins reports whether x should replace y in a merge.
func wins(x, y annotation.Annotation) bool {
	if c := x.Modified.Compare(y.Modified); c != 0 {
		return c > 0
	}
	return bytes.Compare(mustJSON(x), mustJSON(y)) > 0
}

func mustJSON(a annotation.Annotation) []byte {
	b, err := json.Marshal(a)
	if err != nil { // an Annotation holds only strings, numbers and times
		panic(fmt.Sprintf("store: encoding annotation %q: %v", a.ID, err))
	}
	return b
}

func sortedByID(byID map[string]annotation.Annotation) []annotation.Annotation {
	out := make([]annotation.Annotation, 0, len(byID))
	for _, x := range byID {
		out = append(out, x)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// tombstoneTTL is how long a delete is remembered: long enough for any other
// tab or device copy the reader merges to have seen it.
const tombstoneTTL = 30 * 24 * time.Hour

func expired(a annotation.Annotation, now time.Time) bool {
	return a.Deleted && now.Sub(a.Modified) > tombstoneTTL
}

// Problem is one stored annotation that could not be used.
type Problem struct {
	Index  int    // its position in the stored array
	ID     string // its id, when it could be read
	Reason string
	raw    []byte // its stored text, as JSON, to set aside
}

// decodeArticle reads one article's stored annotations, in either stored
// form (entry.go). Elements that fail to decode or validate are returned
// as problems; the rest are returned merged by ID. err is set only when
// the value cannot be read at all.
func decodeArticle(articleID, value string) (good []annotation.Annotation, problems []Problem, err error) {
	if isPacked(value) {
		compact, err := unpackEntry(value)
		if err != nil {
			return nil, nil, fmt.Errorf("unreadable packed annotations: %v", err)
		}
		return decodePackedArticle(articleID, compact)
	}
	// Fast path: everything decodes at once (one pass instead of two).
	var all []annotation.Annotation
	if json.Unmarshal([]byte(value), &all) == nil {
		var raws []json.RawMessage
		for i, a := range all {
			a.ClampTimes() // a date out of range loads, at the range's end
			if err := check(articleID, &a); err != nil {
				if raws == nil {
					_ = json.Unmarshal([]byte(value), &raws) // it parsed once
				}
				problems = append(problems, Problem{Index: i, ID: a.ID, Reason: err.Error(), raw: raws[i]})
				continue
			}
			good = append(good, a)
		}
		return Merge(good, nil), problems, nil
	}
	var raws []json.RawMessage
	if err := json.Unmarshal([]byte(value), &raws); err != nil {
		return nil, nil, fmt.Errorf("not a JSON array of annotations: %v", err)
	}
	for i, raw := range raws {
		var a annotation.Annotation
		if err := json.Unmarshal(raw, &a); err != nil {
			problems = append(problems, Problem{Index: i, ID: peekID(raw), Reason: err.Error(), raw: raw})
			continue
		}
		a.ClampTimes()
		if err := check(articleID, &a); err != nil {
			problems = append(problems, Problem{Index: i, ID: a.ID, Reason: err.Error(), raw: raw})
			continue
		}
		good = append(good, a)
	}
	return Merge(good, nil), problems, nil
}

// decodePackedArticle is decodeArticle for a packed value, given its
// compact encoding (unpackEntry, or decompressEntry of the bytes the
// browser unpacked: readAnnotations).
func decodePackedArticle(articleID string, compact []byte) (good []annotation.Annotation, problems []Problem, err error) {
	all, vouched, err := decodeCompactVouched(articleID, compact)
	if err != nil {
		return nil, nil, fmt.Errorf("unreadable packed annotations: %v", err)
	}
	// The good ones are moved down over the bad ones in place, and
	// only once there is a bad one: the annotations are not copied
	// (350 bytes each) on the way through.
	n := 0
	sorted := true
	for i := range all {
		a := &all[i]
		// What the decoding vouches for would pass check (vouch.go).
		if !vouched[i] {
			if err := check(articleID, a); err != nil {
				problems = append(problems, Problem{Index: i, ID: a.ID, Reason: err.Error(), raw: rawJSON(*a)})
				continue
			}
		}
		sorted = sorted && (n == 0 || all[n-1].ID < a.ID)
		if n != i {
			all[n] = *a
		}
		n++
	}
	good = all[:n]
	if sorted {
		return good, problems, nil // as this package writes it: no need to merge
	}
	return Merge(good, nil), problems, nil
}

// rawJSON is a decoded annotation's JSON, to set it aside; an annotation
// JSON cannot hold (a time past the year 9999) is set aside as Go prints it.
func rawJSON(a annotation.Annotation) []byte {
	b, err := json.Marshal(a)
	if err != nil {
		b, _ = json.Marshal(fmt.Sprintf("%+v", a))
	}
	return b
}

func peekID(raw json.RawMessage) string {
	var x struct {
		ID any `json:"id"`
	}
	if json.Unmarshal(raw, &x) == nil {
		if s, ok := x.ID.(string); ok {
			return s
		}
	}
	return ""
}

// check is the store's own sanity check of an annotation (what it needs to
// file and merge it), followed by the annotation's own validation.
func check(articleID string, a *annotation.Annotation) error {
	switch {
	case a.ID == "":
		return errors.New("annotation has no id")
	case a.Article == "":
		return fmt.Errorf("annotation %s has no article", a.ID)
	case articleID != "" && a.Article != articleID:
		return fmt.Errorf("annotation %s belongs to article %q, not %q", a.ID, a.Article, articleID)
	case !inJSONYears(a.Created) || !inJSONYears(a.Modified):
		return fmt.Errorf("annotation %s has a time outside the years 0 to 9999", a.ID)
	}
	return validate(a)
}

// jsonYear reports whether JSON (RFC 3339) can hold t, as every export must.
func jsonYear(t time.Time) bool { return t.Year() >= 0 && t.Year() <= 9999 }

// inJSONYears is jsonYear, without working out the year (twice) for the
// dates an annotation may carry, which are the years 1970 to 8999 in UTC
// and so 0 to 9999 in any time zone.
func inJSONYears(t time.Time) bool { return annotation.ValidTime(t) || jsonYear(t) }
