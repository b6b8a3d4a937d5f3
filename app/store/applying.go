package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/internal/lz4"
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
	// the compact writer they are encoded with, and then its entry being
	// compressed (z, into zb) and packed.
	next       map[string]annotation.Annotation
	phase      int      // buildMerge … buildPack
	sorted     []string // the ids of next, sorted
	w          *compactWriter
	parts      [][]byte // the columns still to join into compact
	compact    []byte
	z          *lz4.Compressor
	zb, packed []byte

	// For Progress: three units of work an annotation (checking, merging,
	// encoding); base is done when the article's sorting began.
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

// An article is built in phases, each a step or many, so that no step
// but the sort grows with the article much: one of 20,000 annotations
// (6 MB encoded) was compressed and packed in one step, a task of 260–450
// ms in the browser.
const (
	buildMerge    = iota // copy the batch's annotations into the new map
	buildSort            // drop expired tombstones, sort the ids of the rest
	buildEncode          // the compact encoding, a few annotations a step
	buildJoin            // its columns joined into one buffer, a few KB a step
	buildCompress        // LZ4, a few KB a step
	buildPack            // packed into UTF-16 units, a few KB a step
)

// What one unit of Step's work is in each phase, about the cost of
// encoding one annotation (11 µs in WebAssembly), so that the caller's
// steps, sized by their time, fit every phase: bytes joined, compressed
// and packed.
const (
	joinBytesPerUnit = 4096
	compressPerUnit  = 256
	packPerUnit      = 510 // a multiple of 15 bytes: packBytes's chunks join exactly
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
		// rest is encoded in id order. The ids are sorted, not the
		// annotations: pointers to 20,000 copies of them took 20,000
		// allocations, and sort.Slice's swaps of them 40–250 ms in one
		// step; sort.Strings sorts 20,000 ids in about 10 ms.
		ap.base = ap.done
		ap.sorted = make([]string, 0, len(ap.next))
		for aid, a := range ap.next {
			if expired(a, ap.now) {
				delete(ap.next, aid)
			} else {
				ap.sorted = append(ap.sorted, aid)
			}
		}
		if len(ap.next) == 0 {
			ap.finish(&entryValue{})
			return 1
		}
		sort.Strings(ap.sorted)
		ap.w = newCompactWriter()
		ap.phase = buildEncode
		return max(len(ap.sorted)/8, 1)
	case buildEncode:
		to := min(ap.j+n, len(ap.sorted))
		for _, aid := range ap.sorted[ap.j:to] {
			a := ap.next[aid]
			ap.w.annotation(id, &a)
		}
		did := to - ap.j
		ap.j = to
		ap.progress(0.1 + 0.6*float64(to)/float64(len(ap.sorted)))
		if to == len(ap.sorted) {
			ap.parts = ap.w.parts(len(ap.sorted))
			size := 0
			for _, p := range ap.parts {
				size += len(p)
			}
			ap.compact = make([]byte, 0, size)
			ap.w, ap.phase = nil, buildJoin
		}
		return max(did, 1)
	case buildJoin:
		// compactWriter.bytes, a few KB a step: the columns of 20,000
		// annotations are 6 MB.
		for left := max(n, 1) * joinBytesPerUnit; left > 0 && len(ap.parts) > 0; {
			p := ap.parts[0]
			k := min(left, len(p))
			ap.compact = append(ap.compact, p[:k]...)
			left -= k
			if ap.parts[0] = p[k:]; k == len(p) {
				ap.parts = ap.parts[1:]
			}
		}
		ap.progress(0.7)
		if len(ap.parts) == 0 {
			// entry.go's form, packEntry's work cut in steps:
			// uvarint(len(compact)) + lz4(compact), packed.
			zb := binary.AppendUvarint(make([]byte, 0, 16+len(ap.compact)), uint64(len(ap.compact)))
			ap.z = lz4.NewCompressor(zb, ap.compact)
			ap.parts, ap.phase = nil, buildCompress
		}
		return max(n, 1)
	case buildCompress:
		done := ap.z.Step(n * compressPerUnit)
		ap.progress(0.7 + 0.2*float64(ap.z.Progress())/float64(max(len(ap.compact), 1)))
		if done {
			ap.zb, ap.z, ap.compact = ap.z.Bytes(), nil, nil
			ap.packed = make([]byte, 0, 1+3*packedLen(len(ap.zb)))
			ap.packed = append(ap.packed, entryMarker)
			ap.phase, ap.j = buildPack, 0
		}
		return max(n, 1)
	default: // buildPack
		to := min(ap.j+max(n, 1)*packPerUnit, len(ap.zb))
		ap.packed = packBytes(ap.packed, ap.zb[ap.j:to])
		did := (to - ap.j) / packPerUnit
		ap.j = to
		ap.progress(0.9 + 0.1*float64(to)/float64(len(ap.zb)))
		if to == len(ap.zb) {
			ap.finish(&entryValue{m: ap.next, value: string(ap.packed), present: true})
		}
		return max(did, 1)
	}
}

// progress sets done to the share f of the article being built, for
// Progress: its annotations count once for the whole build.
func (ap *Applying) progress(f float64) {
	ap.done = ap.base + int(f*float64(len(ap.b.Annotations[ap.ids[ap.article]])))
}

// finish keeps the article's new value and moves on to the next article.
func (ap *Applying) finish(v *entryValue) {
	id := ap.ids[ap.article]
	ap.out[id] = v
	ap.done = ap.base + len(ap.b.Annotations[id])
	ap.next, ap.sorted, ap.w, ap.phase, ap.j = nil, nil, nil, buildMerge, 0
	ap.parts, ap.compact, ap.z, ap.zb, ap.packed = nil, nil, nil, nil, nil
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
