package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// ApplyExternal takes in a change another tab made: key and its new value,
// as the browser's storage event gives them ("" when the key was removed).
// Annotations are merged with memory per annotation (see Merge), so neither
// tab loses the other's edits. It returns the ids of articles whose live
// annotations, or whose reader-added article, changed, so the UI can redraw
// them; a change of preferences returns none (read Prefs again).
//
// It writes back only when the merged result differs from the new value,
// which happens when this tab held changes the other had not seen; since the
// stored form is canonical, the tabs then agree after one round.
// A change of the schema version to a newer one returns ErrNewerSchema: the
// other tab runs a newer app, and this one should reload.
func (s *Store) ApplyExternal(key, newValue string) (changedArticles []string, err error) {
	s.backend.(*sizing).note(key, newValue, newValue != "")
	switch {
	case strings.HasPrefix(key, annotationsPrefix):
		return s.applyAnnotations(key, newValue)
	case strings.HasPrefix(key, articlePrefix):
		id := strings.TrimPrefix(key, articlePrefix)
		if newValue == "" {
			if _, ok := s.articles[id]; !ok {
				return nil, nil
			}
			delete(s.articles, id)
			return []string{id}, nil
		}
		var a article.Article
		if err := json.Unmarshal([]byte(newValue), &a); err != nil || a.ID != id {
			return nil, fmt.Errorf("store: another tab stored an unreadable article under %s", key)
		}
		if err := a.Check(); err != nil {
			return nil, fmt.Errorf("store: another tab stored a broken article under %s: the article %v", key, err)
		}
		s.articles[id] = &a
		return []string{id}, nil
	case strings.HasPrefix(key, instructionsPrefix):
		id := strings.TrimPrefix(key, instructionsPrefix)
		in, err := decodeInstructions(newValue)
		if newValue == "" || err != nil || strings.TrimSpace(in.Text) == "" {
			delete(s.instructions, id)
		} else {
			s.instructions[id] = in
		}
		return nil, nil
	case key == prefsKey:
		var p Prefs
		if newValue != "" {
			if err := json.Unmarshal([]byte(newValue), &p); err != nil {
				return nil, fmt.Errorf("store: another tab stored unreadable preferences: %v", err)
			}
		}
		s.prefs = p
		return nil, nil
	case key == waitingKey:
		s.waiting = nil
		if newValue != "" {
			if list, err := decodeWaiting(newValue); err == nil {
				s.waiting = list
			}
		}
		return nil, nil
	case key == openedKey:
		if m, err := decodeOpened(newValue); err == nil {
			s.opened = m
		}
		return nil, nil
	case key == metaKey:
		schema, problem, _ := schemaOf(newValue)
		if problem == "" && schema > SchemaVersion {
			return nil, fmt.Errorf("%w (another tab wrote schema %d)", ErrNewerSchema, schema)
		}
		return nil, nil
	}
	return nil, nil // others' keys, set-aside entries
}

func (s *Store) applyAnnotations(key, newValue string) ([]string, error) {
	id := strings.TrimPrefix(key, annotationsPrefix)
	before := s.annotations[id]
	if newValue == "" {
		// The other tab removed the article (or every annotation in it had
		// long been deleted): follow it.
		s.replaceArticle(id, nil)
		if liveCount(before) == 0 {
			return nil, nil
		}
		return []string{id}, nil
	}
	theirs, problems, err := decodeArticle(id, newValue)
	if err != nil {
		return nil, fmt.Errorf("store: another tab stored unreadable annotations under %s: %v", key, err)
	}
	ours := make([]annotation.Annotation, 0, len(before))
	for _, a := range before {
		ours = append(ours, a)
	}
	merged := Merge(ours, theirs)
	after := make(map[string]annotation.Annotation, len(merged))
	for _, a := range merged {
		after[a.ID] = a
	}
	s.replaceArticle(id, after)

	var changed []string
	if !sameLive(before, after) {
		changed = []string{id}
	}
	// Write back only what the other tab's value lacks; an unreadable
	// element in it is left alone rather than overwritten. The values are
	// compared by what they hold, not by their compressed bytes, so that
	// two tabs whose compressors differ (one not yet reloaded after an
	// update) agree after one round instead of answering each other forever.
	if len(problems) == 0 {
		if s.holdsMore(id, newValue) {
			if err := s.save(key); err != nil {
				return changed, err
			}
		} else {
			delete(s.pending, key)
		}
	}
	return changed, nil
}

// holdsMore reports whether memory's annotations of an article, as they
// would be stored now, differ from those in value (another tab's write).
func (s *Store) holdsMore(articleID, value string) bool {
	m, now := s.annotations[articleID], s.now()
	live := 0
	for _, a := range m {
		if !expired(a, now) {
			live++
		}
	}
	if live == 0 {
		return false // nothing to store: the key goes with the next write
	}
	theirs, err := unpackEntry(value)
	if err != nil {
		return true // schema 2's JSON, from a tab about to reload: write it forward
	}
	return !bytes.Equal(compactEntry(articleID, m, now), theirs)
}

func liveCount(m map[string]annotation.Annotation) int {
	n := 0
	for _, a := range m {
		if !a.Deleted {
			n++
		}
	}
	return n
}

// sameLive reports whether two versions of an article show the reader the
// same annotations.
func sameLive(x, y map[string]annotation.Annotation) bool {
	if liveCount(x) != liveCount(y) {
		return false
	}
	for id, a := range x {
		if a.Deleted {
			continue
		}
		b, ok := y[id]
		if !ok || b.Deleted || string(mustJSON(a)) != string(mustJSON(b)) {
			return false
		}
	}
	return true
}
