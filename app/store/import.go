package store

import (
	"errors"
	"fmt"
	"sort"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// Import writes an import all or nothing: the new articles first (one
// already held is left as it is), then each article's annotations in one
// write (writes: article id → annotations put as PutMany puts them). It
// checks everything before it writes anything.
//
// If a write fails, err is its error and the writes already made are taken
// back, so storage and memory are as they were; a write that failed changed
// nothing, so it is not taken back (with a full storage, the first write
// usually fails and nothing is touched at all). undoErr is set only when
// taking a write back failed too: then storage may hold part of the import.
// Changes that were pending before are retried after a successful import;
// if they still fail they stay pending (see Pending) and err is nil.
func (s *Store) Import(articles []*article.Article, writes map[string][]annotation.Annotation) (err, undoErr error) {
	for _, a := range articles {
		if a == nil {
			return errors.New("store: an import holds no article"), nil
		}
		if err := a.Check(); err != nil {
			return fmt.Errorf("store: the article %s %v", a.ID, err), nil
		}
	}
	ids := make([]string, 0, len(writes))
	for id, list := range writes {
		for _, a := range list {
			if err := check(id, a); err != nil {
				return fmt.Errorf("store: %w", err), nil
			}
		}
		ids = append(ids, id)
	}
	sort.Strings(ids)

	type written struct {
		id   string
		prev map[string]annotation.Annotation
	}
	var added []string
	var done []written
	undo := func() error {
		var errs []error
		for i := len(done) - 1; i >= 0; i-- {
			s.replaceArticle(done[i].id, done[i].prev)
			errs = append(errs, s.writeKey(annotationsKey(done[i].id)))
		}
		for _, id := range added {
			delete(s.articles, id)
			errs = append(errs, s.writeKey(articleKey(id)))
		}
		return errors.Join(errs...)
	}
	// write makes one step; when it fails, the step is undone in memory
	// and the key is pending only if it was before.
	write := func(key string, revert func()) error {
		wasPending := s.pending[key]
		if err := s.writeKey(key); err != nil {
			revert()
			if !wasPending {
				delete(s.pending, key)
			}
			return err
		}
		return nil
	}

	for _, a := range articles {
		if _, ok := s.articles[a.ID]; ok {
			continue
		}
		c := *a
		s.articles[a.ID] = &c
		if err := write(articleKey(a.ID), func() { delete(s.articles, a.ID) }); err != nil {
			return err, undo()
		}
		added = append(added, a.ID)
	}
	for _, id := range ids {
		prev := s.annotations[id]
		next := make(map[string]annotation.Annotation, len(prev)+len(writes[id]))
		for aid, a := range prev {
			next[aid] = a
		}
		for _, a := range writes[id] {
			next[a.ID] = clone(a)
		}
		s.replaceArticle(id, next)
		if err := write(annotationsKey(id), func() { s.replaceArticle(id, prev) }); err != nil {
			return err, undo()
		}
		done = append(done, written{id, prev})
	}
	s.retryPending() // what failed before stays pending: the import itself is saved
	return nil, nil
}
