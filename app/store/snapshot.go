package store

import (
	"sort"

	"github.com/annotator/annotator/app/annotation"
)

// Snapshot returns every annotation the store holds, tombstones included, by
// article id. An import's preview compares against it, so that a file does
// not bring back what the reader deleted; Replace puts an article back as a
// snapshot had it, to undo a multi-article import that failed half way.
func (s *Store) Snapshot() map[string][]annotation.Annotation {
	out := make(map[string][]annotation.Annotation, len(s.annotations))
	for id, m := range s.annotations {
		list := make([]annotation.Annotation, 0, len(m))
		for _, a := range m {
			list = append(list, clone(a))
		}
		sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
		out[id] = list
	}
	return out
}

// Replace sets an article's annotations (tombstones included) to exactly
// list and saves them, all or nothing: if the write fails the store is as it
// was before. An empty list removes the article's annotations.
func (s *Store) Replace(articleID string, list []annotation.Annotation) error {
	for _, a := range list {
		if err := check(articleID, a); err != nil {
			return err
		}
	}
	key := annotationsKey(articleID)
	prev := s.annotations[articleID]
	var next map[string]annotation.Annotation
	if len(list) > 0 {
		next = make(map[string]annotation.Annotation, len(list))
		for _, a := range list {
			next[a.ID] = clone(a)
		}
	}
	s.replaceArticle(articleID, next)
	wasPending := s.pending[key]
	if err := s.writeKey(key); err != nil {
		s.replaceArticle(articleID, prev)
		if !wasPending {
			delete(s.pending, key)
		}
		return err
	}
	return s.retryPending()
}
