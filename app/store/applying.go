package store

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// ErrChanged is returned by Applying.Commit, which then writes and changes
// nothing, when an article whose annotations the batch writes was changed
// (in this tab, or by another one through ApplyExternal) after the Mark the
// batch was made against: the batch may hold copies older than the change.
// Make the batch again from the store as it is now.
var ErrChanged = errors.New("store: the annotations changed since the import was previewed")

// Mark is a point in the store's history of changes to annotations
// (Store.Mark): a batch made from a Snapshot taken at a mark can be
// committed only while none of the articles it writes changed since.
type Mark uint64

// Mark returns the store's current point in its history of changes. Take
// it with the Snapshot a batch is made from, in the same turn.
func (s *Store) Mark() Mark { return Mark(s.changes) }

// changedSince reports whether an article's annotations changed after m.
func (s *Store) changedSince(articleID string, m Mark) bool {
	return s.changedAt[articleID] > uint64(m)
}

// Applying is Apply a slice at a time, so that the browser stays
// responsive while a big import is encoded and compressed: the work that
// grows with the annotations (checking them, merging them with memory,
// encoding, compressing and packing each article's entry) is done by Step,
// in steps as small as the caller asks, without changing the store; Commit
// then changes memory and writes every key at once, all or nothing, as
// Apply does:
//
//	ap, err := st.BeginApply(batch, mark) // mark: st.Mark() when the batch's snapshot was taken
//	for {
//		done, err := ap.Step(500)  // up to 500 annotations of work
//		if err != nil { … }         // an invalid batch: nothing was written
//		if done { break }
//		… yield to the browser; the store may be used in between …
//	}
//	err = ap.Commit()              // ErrChanged: make the batch again
//
// BeginApply and Commit must run where the store's other calls run (the UI
// goroutine); Step reads only what BeginApply captured and may run on
// another goroutine while the store is used: an article changed in between
// is copied before it is changed (Store.mutable), and Commit refuses the
// batch if it writes that article.
type Applying struct {
	s     *Store
	b     Batch
	since Mark
	now   time.Time

	ids  []string                                    // the articles whose annotations the batch writes, sorted
	prev map[string]map[string]annotation.Annotation // what memory held for them at BeginApply (not to be changed)
	out  map[string]*entryValue                      // each one's new annotations and stored value

	stage      int // applyCheck, applyBuild, applyDone
	article, j int // the article (index in ids) and the annotation in its stage

	// The article being built: its new map, its annotations sorted by id,
	// and the compact writer they are encoded with.
	next   map[string]annotation.Annotation
	phase  int // buildMerge, buildSort, buildEncode, buildFinish
	sorted []*annotation.Annotation
	w      *compactWriter

	// For Progress: three units of work an annotation (checking, merging,
	// encoding); base is done when the article's encoding began.
	total, done, base int
	err               error
}

// entryValue is an article's annotations as Commit puts them in memory,
// and their stored value (present false: the key is removed).
type entryValue struct {
	m       map[string]annotation.Annotation
	value   string
	present bool
}

const (
	applyCheck = iota
	applyBuild
	applyDone
)

const (
	buildMerge = iota
	buildSort
	buildEncode
	buildFinish
)

// BeginApply starts writing b in slices (Applying), checking at Commit
// that none of the articles whose annotations it writes changed after
// since. The articles and instructions are checked at once; the
// annotations by Step.
func (s *Store) BeginApply(b Batch, since Mark) (*Applying, error) {
	for _, a := range b.Articles {
		if a == nil || a.ID == "" {
			return nil, errors.New("store: an article needs an id")
		}
		if err := a.Check(); err != nil {
			return nil, fmt.Errorf("store: the article %s %v", a.ID, err)
		}
	}
	for id := range b.Instructions {
		if id == "" {
			return nil, errors.New("store: instructions need an article id")
		}
	}
	ap := &Applying{s: s, b: b, since: since, now: s.now(),
		prev: map[string]map[string]annotation.Annotation{}, out: map[string]*entryValue{}}
	for _, id := range slices.Sorted(maps.Keys(b.Annotations)) {
		if id == "" {
			return nil, errors.New("store: annotations without an article id")
		}
		list := b.Annotations[id]
		if len(list) == 0 {
			continue
		}
		ap.ids = append(ap.ids, id)
		if m := s.annotations[id]; m != nil {
			ap.prev[id] = m
			s.frozen[id] = true
		}
		ap.total += 3 * len(list)
	}
	if len(ap.ids) == 0 {
		ap.stage = applyDone
	}
	return ap, nil
}

// Step does up to n annotations' worth of work (at least one) and reports
// whether the batch is ready to Commit. An error says the batch cannot be
// written (an invalid annotation); nothing was written.
func (ap *Applying) Step(n int) (bool, error) {
	for n = max(n, 1); n > 0 && ap.stage != applyDone && ap.err == nil; {
		switch ap.stage {
		case applyCheck:
			id := ap.ids[ap.article]
			list := ap.b.Annotations[id]
			to := min(ap.j+n, len(list))
			for _, a := range list[ap.j:to] {
				if err := check(id, &a); err != nil {
					ap.err = fmt.Errorf("store: %w", err)
					return false, ap.err
				}
			}
			n -= to - ap.j
			ap.done += to - ap.j
			if ap.j = to; to == len(list) {
				ap.article, ap.j = ap.article+1, 0
				if ap.article == len(ap.ids) {
					ap.stage, ap.article = applyBuild, 0
				}
			}
		case applyBuild:
			n -= ap.build(n)
			if ap.article == len(ap.ids) {
				ap.stage = applyDone
			}
		}
	}
	return ap.stage == applyDone, ap.err
}

// build does up to n annotations of work on the article being built and
// returns how much it did (at least 1).
func (ap *Applying) build(n int) int {
	id := ap.ids[ap.article]
	list := ap.b.Annotations[id]
	switch ap.phase {
	case buildMerge:
		if ap.next == nil {
			prev := ap.prev[id]
			ap.next = make(map[string]annotation.Annotation, len(prev)+len(list))
			maps.Copy(ap.next, prev)
		}
		to := min(ap.j+n, len(list))
		for _, a := range list[ap.j:to] {
			ap.next[a.ID] = clone(a)
		}
		did := to - ap.j
		ap.done += did
		if ap.j = to; to == len(list) {
			ap.phase, ap.j = buildSort, 0
		}
		return max(did, 1)
	case buildSort:
		// As valueOf and compactEntry do: expired tombstones go, and the
		// rest is encoded in id order.
		for aid, a := range ap.next {
			if expired(a, ap.now) {
				delete(ap.next, aid)
			}
		}
		ap.base = ap.done
		if len(ap.next) == 0 {
			ap.finish(&entryValue{})
			return 1
		}
		ap.sorted = make([]*annotation.Annotation, 0, len(ap.next))
		for _, a := range ap.next {
			ap.sorted = append(ap.sorted, &a)
		}
		sort.Slice(ap.sorted, func(i, j int) bool { return ap.sorted[i].ID < ap.sorted[j].ID })
		ap.w = newCompactWriter()
		ap.phase, ap.base = buildEncode, ap.done
		return max(len(ap.sorted)/8, 1)
	case buildEncode:
		to := min(ap.j+n, len(ap.sorted))
		for _, a := range ap.sorted[ap.j:to] {
			ap.w.annotation(id, a)
		}
		did := to - ap.j
		ap.j = to
		ap.done = ap.base + to*len(list)/len(ap.sorted)
		if to == len(ap.sorted) {
			ap.phase = buildFinish
		}
		return max(did, 1)
	default: // buildFinish: compress and pack
		value := packEntry(ap.w.bytes(len(ap.sorted)))
		ap.finish(&entryValue{m: ap.next, value: value, present: true})
		return max(len(list)/2, 1)
	}
}

// finish keeps the article's new value and moves on to the next article.
func (ap *Applying) finish(v *entryValue) {
	id := ap.ids[ap.article]
	ap.out[id] = v
	ap.done = ap.base + len(ap.b.Annotations[id])
	ap.next, ap.sorted, ap.w, ap.phase, ap.j = nil, nil, nil, buildMerge, 0
	ap.article++
}

// Progress says how far the work of Step is, from 0 to 1.
func (ap *Applying) Progress() float64 {
	if ap.stage == applyDone || ap.total == 0 {
		return 1
	}
	return min(float64(ap.done)/float64(ap.total), 1)
}

// Commit writes the batch, all or nothing, as Apply does, once Step has
// reported done. It returns ErrChanged, writing nothing, when an article
// the batch writes changed after the Mark given to BeginApply.
func (ap *Applying) Commit() error {
	if ap.err != nil {
		return ap.err
	}
	if ap.stage != applyDone {
		return errors.New("store: the batch is not ready to be written")
	}
	s := ap.s
	for _, id := range ap.ids {
		if s.changedSince(id, ap.since) {
			return fmt.Errorf("%w (article %s)", ErrChanged, id)
		}
	}
	ap.stage = -1 // committed: not again
	return s.commit(ap.b, ap.ids, ap.out)
}
