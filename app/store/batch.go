package store

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// Batch is what an import writes: the articles it adds, annotations of
// several articles, and the instructions of the class pack it came in.
type Batch struct {
	// Articles are reader-added articles to keep. One the store already
	// holds is left as it is.
	Articles []*article.Article
	// Annotations are, by article id, annotations to add or to put in
	// place of those with their ids (as PutMany).
	Annotations map[string][]annotation.Annotation
	// Instructions are, by article id, class pack instructions to keep.
	Instructions map[string]Instructions
}

// Apply writes a batch all or nothing. Everything is checked first; then
// the articles are written, then each article's annotations (one write per
// article), then the instructions. If a write fails (IsQuota tells a full
// storage) every key already written is put back as it was, memory too, and
// the error is returned: the import can simply be retried once there is
// room. Should putting something back fail as well, the error says so and
// what could not be put back stays pending (see Pending), so the storage
// and memory agree again on the next write.
//
// Changes made earlier that are still pending are not retried here: an
// import does not fail for them.
func (s *Store) Apply(b Batch) error {
	ap, err := s.BeginApply(b, s.Mark())
	if err != nil {
		return err
	}
	for {
		done, err := ap.Step(1 << 30)
		if err != nil {
			return err
		}
		if done {
			return ap.Commit()
		}
	}
}

// commit changes memory and writes a checked batch, all or nothing (Apply):
// ids are the articles whose annotations it writes, sorted, and out their
// new annotations and stored values (Applying made them).
func (s *Store) commit(b Batch, ids []string, out map[string]*entryValue) error {
	// What memory held before, to put back on failure.
	type before struct {
		annotations map[string]annotation.Annotation
		article     *article.Article
		hadArticle  bool
		in          Instructions
		hadIn       bool
	}
	prev := map[string]*before{}
	remember := func(id string) *before {
		p := prev[id]
		if p == nil {
			p = &before{annotations: s.annotations[id]}
			p.article, p.hadArticle = s.articles[id]
			p.in, p.hadIn = s.instructions[id]
			prev[id] = p
		}
		return p
	}

	// Change memory, noting each key to write in order.
	var keys []string
	for _, a := range b.Articles {
		if _, ok := s.articles[a.ID]; ok {
			continue
		}
		remember(a.ID)
		c := *a
		s.articles[a.ID] = &c
		keys = append(keys, articleKey(a.ID))
	}
	values := map[string]*entryValue{}
	for _, id := range ids {
		remember(id)
		v := out[id]
		s.replaceArticle(id, v.m) // nil: every annotation had long been deleted
		values[annotationsKey(id)] = v
		keys = append(keys, annotationsKey(id))
	}
	for _, id := range slices.Sorted(maps.Keys(b.Instructions)) {
		remember(id)
		if in := b.Instructions[id]; strings.TrimSpace(in.Text) != "" {
			s.instructions[id] = in
		} else {
			delete(s.instructions, id)
		}
		keys = append(keys, instructionsKey(id))
	}

	// Write, keeping each key's stored value to put back.
	type stored struct {
		key, value string
		present    bool
		pending    bool
	}
	var written []stored
	for _, k := range keys {
		value, present, err := s.backend.Get(k)
		if err == nil {
			written = append(written, stored{k, value, present, s.pending[k]})
			if v, ok := values[k]; ok {
				err = s.writeKeyValue(k, v.value, v.present)
			} else {
				err = s.writeKey(k)
			}
		}
		if err == nil {
			continue
		}
		// Put back memory, then storage, newest first.
		for id, p := range prev {
			s.replaceArticle(id, p.annotations)
			if p.hadArticle {
				s.articles[id] = p.article
			} else {
				delete(s.articles, id)
			}
			if p.hadIn {
				s.instructions[id] = p.in
			} else {
				delete(s.instructions, id)
			}
		}
		var undoErrs []error
		for i := len(written) - 1; i >= 0; i-- {
			w := written[i]
			var uerr error
			if w.present {
				uerr = s.backend.Set(w.key, w.value)
			} else {
				uerr = s.backend.Remove(w.key)
			}
			switch {
			case uerr != nil:
				// Storage holds the batch's value; memory holds the old
				// one: the next write puts it back.
				s.pending[w.key] = true
				undoErrs = append(undoErrs, uerr)
			case w.pending:
				s.pending[w.key] = true
			default:
				delete(s.pending, w.key)
			}
		}
		if len(undoErrs) > 0 {
			return fmt.Errorf("%w; and part of what was written could not be put back (it will be on the next save): %w", err, errors.Join(undoErrs...))
		}
		return err
	}
	for _, id := range ids {
		delete(s.frozen, id) // the maps now in memory are the batch's own
	}
	return nil
}
