package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// SchemaVersion is the storage layout this code reads and writes.
// Schema 4 stores the compact encoding's version 2 (compact.go), which a
// schema-3 tab cannot read: the meta key's 4 tells it to reload rather than
// set the entries aside.
const SchemaVersion = 4

// Storage keys. Everything of ours starts with keyPrefix; the schema-1
// prototype used v1Key, outside it.
const (
	keyPrefix         = "annotator/"
	metaKey           = "annotator/meta"
	annotationsPrefix = "annotator/annotations/"
	articlePrefix     = "annotator/article/"
	prefsKey          = "annotator/prefs"
	corruptPrefix     = "annotator/corrupt/"
	v1Key             = "annotator:annotations"
)

func annotationsKey(articleID string) string { return annotationsPrefix + articleID }
func articleKey(articleID string) string     { return articlePrefix + articleID }

var (
	// ErrNewerSchema is returned by Open when the storage was written by a
	// newer version of the app; nothing is changed.
	ErrNewerSchema = errors.New("store: the saved annotations were written by a newer version of Annotator; reload the page to get it")
	// ErrNotFound is returned for an annotation or article the store does not hold.
	ErrNotFound = errors.New("store: not found")
)

// Prefs are the reader's small preferences.
type Prefs struct {
	Creator    string            `json:"creator,omitempty"`
	LabelNames map[string]string `json:"labelNames,omitempty"` // label key → the reader's name for it
}

// Report says what Open found and did.
type Report struct {
	// FoundSchema is the schema version found in storage: 0 when there was
	// nothing of ours, 1 for the prototype layout.
	FoundSchema int
	// Migrations describes each migration that ran, e.g. "schema 1 → 2: …".
	Migrations []string
	// SetAside lists entries that could not be decoded.
	SetAside []SetAside
}

// SetAside is a stored entry (or one annotation in it) that could not be decoded.
type SetAside struct {
	Key string // where it was
	// MovedTo is where its raw text now is; empty when moving it failed
	// (then it stays at Key, is not loaded, and the move is retried before
	// Key is next written).
	MovedTo string
	Reason  string
}

// Store holds everything in memory and writes each change through to a Backend.
type Store struct {
	backend Backend
	now     func() time.Time

	annotations map[string]map[string]annotation.Annotation // article id → annotation id → annotation, tombstones included
	articles    map[string]*article.Article                 // reader-added articles by id
	// instructions are class packs' instructions by article id (instructions.go).
	instructions map[string]Instructions
	prefs        Prefs
	// waiting are the addresses waiting to be fetched (waiting.go).
	waiting []Waiting
	// opened holds when each article was last opened, in Unix ms (library.go).
	opened map[string]int64

	metaSaved bool            // annotator/meta holds the current schema
	pending   map[string]bool // keys whose last write failed
	// unmoved holds text that must be set aside before its key is written
	// again, because setting it aside at Open failed.
	unmoved map[string]string
	// unpacked holds the annotations keys Open found in schema 2's JSON
	// form, with their size, to be written forward (migrate3.go).
	unpacked map[string]int

	// changes counts the changes to annotations in memory; changedAt holds,
	// by article id, the count at the article's last change (Mark).
	changes   uint64
	changedAt map[string]uint64
	// frozen are the articles whose map of annotations an Applying reads:
	// mutable copies them before they are changed in place.
	frozen map[string]bool
}

// Open reads everything of ours from b, migrating an older layout forward and
// setting aside entries that cannot be decoded (see Report). It fails with
// ErrNewerSchema, changing nothing, when b holds a newer layout; and with
// the backend's error when it cannot read, or a migration cannot write (the
// storage is then left so that the next Open finishes the migration).
func Open(b Backend) (*Store, *Report, error) { return open(b, time.Now) }

func open(b Backend, now func() time.Time) (*Store, *Report, error) {
	s := &Store{
		backend:      &sizing{Backend: b, sizes: map[string]int{}},
		now:          now,
		annotations:  map[string]map[string]annotation.Annotation{},
		articles:     map[string]*article.Article{},
		instructions: map[string]Instructions{},
		pending:      map[string]bool{},
		unmoved:      map[string]string{},
		unpacked:     map[string]int{},
		changedAt:    map[string]uint64{},
		frozen:       map[string]bool{},
	}
	rep := &Report{}
	keys, err := b.Keys()
	if err != nil {
		return nil, nil, fmt.Errorf("store: listing keys: %w", err)
	}
	sort.Strings(keys)
	has := map[string]bool{}
	for _, k := range keys {
		has[k] = true
	}

	schema, metaProblem, err := s.readMeta(has[metaKey])
	if err != nil {
		return nil, nil, err
	}
	if schema > SchemaVersion {
		return nil, nil, fmt.Errorf("%w (found schema %d, this version knows %d)", ErrNewerSchema, schema, SchemaVersion)
	}
	if metaProblem != "" {
		if err := s.setAsideWhole(rep, metaKey, metaProblem); err != nil {
			return nil, nil, err
		}
	}
	if schema == 0 && has[v1Key] {
		schema = 1
	}
	rep.FoundSchema = schema
	s.metaSaved = schema == SchemaVersion

	for _, k := range keys {
		if err := s.load(rep, k); err != nil {
			return nil, nil, err
		}
	}
	if err := s.moveOldInstructions(rep, keys, has); err != nil {
		return nil, nil, err
	}

	switch {
	case schema == 1:
		if err := s.migrateV1(rep, has[v1Key]); err != nil {
			return nil, nil, fmt.Errorf("store: migrating schema 1 to 2: %w", err)
		}
	case has[v1Key]:
		// Left over by a migration interrupted after it wrote the meta key:
		// everything in it is already in the per-article keys.
		if err := b.Remove(v1Key); err != nil {
			return nil, nil, fmt.Errorf("store: removing the migrated schema-1 key: %w", err)
		}
	}
	if err := s.packForward(rep, schema); err != nil {
		return nil, nil, fmt.Errorf("store: migrating schema 2 to %d: %w", SchemaVersion, err)
	}
	if err := s.keepProvenance(rep, schema); err != nil {
		return nil, nil, fmt.Errorf("store: migrating schema 3 to 4: %w", err)
	}
	return s, rep, nil
}

// readMeta returns the schema in the meta key, or a reason to set it aside.
func (s *Store) readMeta(present bool) (schema int, problem string, err error) {
	if !present {
		return 0, "", nil
	}
	v, ok, err := s.backend.Get(metaKey)
	if err != nil {
		return 0, "", fmt.Errorf("store: reading %s: %w", metaKey, err)
	}
	if !ok {
		return 0, "", nil
	}
	return schemaOf(v)
}

// schemaOf reads the meta key's value, or says why it cannot.
func schemaOf(v string) (schema int, problem string, err error) {
	var m struct {
		Schema int `json:"schema"`
	}
	if err := json.Unmarshal([]byte(v), &m); err != nil {
		return 0, fmt.Sprintf("unreadable schema version: %v", err), nil
	}
	if m.Schema < 1 {
		return 0, fmt.Sprintf("schema version %d is not a version", m.Schema), nil
	}
	return m.Schema, "", nil
}

// unpackingGetter is a Backend that can also read a value into a buffer
// the caller reuses, unpacking a packed annotations entry on the way
// (localStorage, in a page with annotatorUnpack): load reads annotations
// keys so.
type unpackingGetter interface {
	// getUnpacked returns, in dst's memory when they fit (dst[:0] is
	// appended to), the bytes packed into the value (packed: what
	// unpackBytes returns of the value after its marker) when it is a
	// packed entry that the backend could unpack, units then being the
	// value's length in UTF-16 code units; and otherwise the value's
	// UTF-8 bytes.
	getUnpacked(key string, dst []byte) (b []byte, units int, packed, ok bool, err error)
}

// valueBuffers holds load's buffers for unpackingGetter.
var valueBuffers = sync.Pool{New: func() any { return new([]byte) }}

// load reads one key of ours into memory, setting it aside if it is unusable.
func (s *Store) load(rep *Report, key string) error {
	var kind string
	switch {
	case strings.HasPrefix(key, annotationsPrefix):
		kind = "annotations"
	case strings.HasPrefix(key, articlePrefix):
		kind = "article"
	case strings.HasPrefix(key, instructionsPrefix):
		kind = "instructions"
	case key == prefsKey:
		kind = "prefs"
	case key == waitingKey:
		kind = "waiting"
	case key == openedKey:
		kind = "opened"
	default: // the meta key, set-aside entries, others' keys
		return nil
	}
	if g, isUnpacking := s.backend.(unpackingGetter); isUnpacking && kind == "annotations" {
		return s.loadAnnotationsPooled(rep, key, g)
	}
	value, ok, err := s.backend.Get(key)
	if err != nil {
		return fmt.Errorf("store: reading %s: %w", key, err)
	}
	if !ok {
		return nil
	}
	switch kind {
	case "annotations":
		return s.loadAnnotations(rep, key, []byte(value), false)
	case "article":
		id := strings.TrimPrefix(key, articlePrefix)
		var a article.Article
		if err := json.Unmarshal([]byte(value), &a); err != nil {
			return s.setAsideWhole(rep, key, fmt.Sprintf("not an article: %v", err))
		}
		if a.ID != id {
			return s.setAsideWhole(rep, key, fmt.Sprintf("article id %q does not match its key", a.ID))
		}
		// Validated like any other entry: a reader's article is drawn,
		// anchored and exported by its blocks' offsets.
		if err := a.Check(); err != nil {
			return s.setAsideWhole(rep, key, "the article "+err.Error())
		}
		s.articles[id] = &a
	case "instructions":
		in, err := decodeInstructions(value)
		if err != nil {
			return s.setAsideWhole(rep, key, err.Error())
		}
		if id := strings.TrimPrefix(key, instructionsPrefix); id != "" && strings.TrimSpace(in.Text) != "" {
			s.instructions[id] = in
		}
	case "prefs":
		var p Prefs
		if err := json.Unmarshal([]byte(value), &p); err != nil {
			return s.setAsideWhole(rep, key, fmt.Sprintf("unreadable preferences: %v", err))
		}
		s.prefs = p
	case "waiting":
		list, err := decodeWaiting(value)
		if err != nil {
			return s.setAsideWhole(rep, key, err.Error())
		}
		s.waiting = list
	case "opened":
		m, err := decodeOpened(value)
		if err != nil {
			return s.setAsideWhole(rep, key, err.Error())
		}
		s.opened = m
	}
	return nil
}

// loadAnnotationsPooled is load for an annotations key, read into a
// reused buffer: nothing keeps it (decodeStored copies what it returns,
// and setAsideWhole reads the key again), and an entry of 1,000 is 140 KB
// of garbage a read otherwise (230 KB as UTF-8).
func (s *Store) loadAnnotationsPooled(rep *Report, key string, g unpackingGetter) error {
	buf := valueBuffers.Get().(*[]byte)
	defer valueBuffers.Put(buf)
	b, _, packed, ok, err := g.getUnpacked(key, (*buf)[:0])
	*buf = b
	if err != nil {
		return fmt.Errorf("store: reading %s: %w", key, err)
	}
	if !ok {
		return nil
	}
	return s.loadAnnotations(rep, key, b, packed)
}

// loadAnnotations loads an annotations key's value: b as getUnpacked
// returns it.
func (s *Store) loadAnnotations(rep *Report, key string, b []byte, packed bool) error {
	id := strings.TrimPrefix(key, annotationsPrefix)
	if id == "" {
		return s.setAsideWhole(rep, key, "annotations key names no article")
	}
	good, problems, err := decodeStored(id, b, packed)
	if err != nil {
		return s.setAsideWhole(rep, key, err.Error())
	}
	s.putAll(id, good)
	if value := unsafe.String(unsafe.SliceData(b), len(b)); !packed && !isPacked(value) {
		s.unpacked[key] = utf16Len(value)
	}
	if len(problems) > 0 {
		return s.setAsideSome(rep, key, problems)
	}
	return nil
}

// decodeStored is decodeArticle of what getUnpacked returns: the bytes
// packed into a value (packed), or a value's UTF-8 bytes. What it returns
// keeps nothing of b.
func decodeStored(articleID string, b []byte, packed bool) (good []annotation.Annotation, problems []Problem, err error) {
	if !packed {
		return decodeArticle(articleID, unsafe.String(unsafe.SliceData(b), len(b)))
	}
	compact, err := decompressEntry(b)
	if err != nil {
		return nil, nil, fmt.Errorf("unreadable packed annotations: %v", err)
	}
	return decodePackedArticle(articleID, compact)
}

func (s *Store) putAll(articleID string, list []annotation.Annotation) {
	for _, a := range list {
		s.setAnnotation(articleID, a)
	}
}

func (s *Store) setAnnotation(articleID string, a annotation.Annotation) {
	m := s.mutable(articleID)
	if m == nil {
		m = map[string]annotation.Annotation{}
		s.annotations[articleID] = m
	}
	m[a.ID] = a
	s.touch(articleID)
}

// mutable returns an article's map of annotations to change in place,
// copied first if an Applying reads it.
func (s *Store) mutable(articleID string) map[string]annotation.Annotation {
	m := s.annotations[articleID]
	if m != nil && s.frozen[articleID] {
		m = maps.Clone(m)
		s.annotations[articleID] = m
		delete(s.frozen, articleID)
	}
	return m
}

// touch notes a change to an article's annotations (Mark).
func (s *Store) touch(articleID string) {
	s.changes++
	s.changedAt[articleID] = s.changes
}

// replaceArticle replaces an article's annotations wholesale; nil drops them.
func (s *Store) replaceArticle(articleID string, m map[string]annotation.Annotation) {
	s.touch(articleID)
	if m == nil {
		delete(s.annotations, articleID)
		return
	}
	s.annotations[articleID] = m
}

// asideKey names where a value from key is set aside.
func (s *Store) asideKey(key string) string {
	base := corruptPrefix + key + "@" + strconv.FormatInt(s.now().UnixMilli(), 10)
	k := base
	for n := 2; ; n++ {
		if _, ok, err := s.backend.Get(k); err != nil || !ok {
			return k
		}
		k = base + "-" + strconv.Itoa(n)
	}
}

// setAsideWhole moves key's whole value aside. Only a failure to read is
// returned; a failure to write is reported and the value stays in place.
func (s *Store) setAsideWhole(rep *Report, key, reason string) error {
	value, ok, err := s.backend.Get(key)
	if err != nil {
		return fmt.Errorf("store: reading %s: %w", key, err)
	}
	if !ok {
		return nil
	}
	aside := s.asideKey(key)
	if err := s.backend.Set(aside, value); err != nil {
		s.unmoved[key] = value
		rep.SetAside = append(rep.SetAside, SetAside{Key: key, Reason: reason + fmt.Sprintf(" (could not set it aside: %v)", err)})
		return nil
	}
	if err := s.backend.Remove(key); err != nil {
		// The copy is safe aside; a later write of key replaces the original.
		rep.SetAside = append(rep.SetAside, SetAside{Key: key, MovedTo: aside, Reason: reason + fmt.Sprintf(" (the original could not be removed: %v)", err)})
		return nil
	}
	rep.SetAside = append(rep.SetAside, SetAside{Key: key, MovedTo: aside, Reason: reason})
	return nil
}

// setAsideSome sets aside the unusable annotations of an annotations key (as
// a JSON array of their raw text) and rewrites the key with the usable ones.
func (s *Store) setAsideSome(rep *Report, key string, problems []Problem) error {
	bad := make([]json.RawMessage, 0, len(problems))
	for _, p := range problems {
		bad = append(bad, p.raw)
	}
	badJSON, _ := json.Marshal(bad)
	aside := s.asideKey(key)
	movedTo := aside
	if err := s.backend.Set(aside, string(badJSON)); err != nil {
		s.unmoved[key] = string(badJSON)
		movedTo = ""
	} else if err := s.writeRaw(key); err != nil {
		// Retried on the next write. Not through writeKey: that would write
		// the meta key, which must wait until a migration has finished.
		s.pending[key] = true
	}
	for _, p := range problems {
		id := p.ID
		if id == "" {
			id = "without an id"
		}
		rep.SetAside = append(rep.SetAside, SetAside{Key: key, MovedTo: movedTo,
			Reason: fmt.Sprintf("annotation %d (%s): %s", p.Index, id, p.Reason)})
	}
	return nil
}

// ---- reading ----

// Annotations returns an article's live (not deleted) annotations in
// document order (by position, then creation time, then id).
func (s *Store) Annotations(articleID string) []annotation.Annotation {
	m := s.annotations[articleID]
	out := make([]annotation.Annotation, 0, len(m))
	for _, a := range m {
		if !a.Deleted {
			out = append(out, clone(a))
		}
	}
	sort.Slice(out, func(i, j int) bool { return documentOrder(out[i], out[j]) })
	return out
}

func documentOrder(x, y annotation.Annotation) bool {
	if x.Position.Start != y.Position.Start {
		return x.Position.Start < y.Position.Start
	}
	if x.Position.End != y.Position.End {
		return x.Position.End < y.Position.End
	}
	if c := x.Created.Compare(y.Created); c != 0 {
		return c < 0
	}
	return x.ID < y.ID
}

// All returns every article's live annotations, by article id; articles
// without any are left out.
func (s *Store) All() map[string][]annotation.Annotation {
	out := make(map[string][]annotation.Annotation, len(s.annotations))
	for id := range s.annotations {
		if list := s.Annotations(id); len(list) > 0 {
			out[id] = list
		}
	}
	return out
}

// EachLive calls f with every article's live annotations, article by
// article in id order (an article's in no set order). Unlike All it copies
// nothing but the annotation itself: f must neither change nor keep what
// a's Tags and Claim hold, which are the store's.
func (s *Store) EachLive(f func(articleID string, a *annotation.Annotation)) {
	ids := make([]string, 0, len(s.annotations))
	for id := range s.annotations {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var a annotation.Annotation
	for _, id := range ids {
		for _, a = range s.annotations[id] {
			if !a.Deleted {
				f(id, &a)
			}
		}
	}
}

// Size returns how many annotations the store holds, deleted ones
// included: at least as many as EachLive visits.
func (s *Store) Size() int {
	n := 0
	for _, m := range s.annotations {
		n += len(m)
	}
	return n
}

// clone copies an annotation deeply enough that the caller cannot change
// the store's copy through it.
func clone(a annotation.Annotation) annotation.Annotation {
	if a.Tags != nil {
		a.Tags = append([]string(nil), a.Tags...)
	}
	if a.Claim != nil {
		c := *a.Claim
		if c.Evidence != nil {
			c.Evidence = append([]annotation.Evidence(nil), c.Evidence...)
		}
		a.Claim = &c
	}
	return a
}

// LocalArticles returns the reader-added articles, sorted by id.
func (s *Store) LocalArticles() []*article.Article {
	out := make([]*article.Article, 0, len(s.articles))
	for _, a := range s.articles {
		c := *a
		out = append(out, &c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Prefs returns the reader's preferences.
func (s *Store) Prefs() Prefs {
	p := s.prefs
	if p.LabelNames != nil {
		p.LabelNames = make(map[string]string, len(s.prefs.LabelNames))
		for k, v := range s.prefs.LabelNames {
			p.LabelNames[k] = v
		}
	}
	return p
}

// Pending returns the ids of articles whose annotations (or the article
// itself) could not be saved by the last attempt; they are kept in memory
// and retried on every write.
func (s *Store) Pending() []string {
	seen := map[string]bool{}
	var out []string
	for k := range s.pending {
		id, ok := strings.CutPrefix(k, annotationsPrefix)
		if !ok {
			id, ok = strings.CutPrefix(k, articlePrefix)
		}
		if ok && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// ---- writing ----

// Put adds an annotation or replaces the one with its ID, and saves its
// article. The caller sets Modified. When saving fails the change is kept in
// memory and the article is Pending.
func (s *Store) Put(a annotation.Annotation) error {
	if err := check("", &a); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	s.putAll(a.Article, []annotation.Annotation{clone(a)})
	return s.save(annotationsKey(a.Article))
}

// Delete marks an annotation deleted at the given time. It is kept as a
// tombstone for 30 days so that the delete wins a merge with an older copy
// (another tab's, an imported file's).
func (s *Store) Delete(articleID, id string, at time.Time) error {
	cur, ok := s.annotations[articleID][id]
	if !ok || cur.Deleted {
		return fmt.Errorf("%w: annotation %s in article %s", ErrNotFound, id, articleID)
	}
	cur.Deleted = true
	cur.Modified = later(at, cur.Modified)
	s.setAnnotation(articleID, cur)
	return s.save(annotationsKey(articleID))
}

// Restore undoes a delete: a is put back live, with a Modified later than
// its tombstone's so that the restore wins merges too.
func (s *Store) Restore(a annotation.Annotation) error {
	a.Deleted = false
	if cur, ok := s.annotations[a.Article][a.ID]; ok {
		a.Modified = later(a.Modified, cur.Modified)
	}
	return s.Put(a)
}

// later returns t, or just after prev when t is not after it, so that a
// change always wins a merge against what it changes. It never goes past
// annotation.MaxTime (a stored date is at most that): at the bound it
// returns the bound, and the tie is broken as Merge breaks any.
func later(t, prev time.Time) time.Time {
	if t.After(prev) {
		return annotation.ClampTime(t)
	}
	if prev.Before(annotation.MaxTime) {
		return prev.Add(time.Millisecond)
	}
	return annotation.MaxTime
}

// PutMany adds or replaces several annotations of one article in one write,
// all or nothing: if any is invalid nothing changes, and if the write fails
// the store is as it was before (an import can simply be retried).
func (s *Store) PutMany(articleID string, list []annotation.Annotation) error {
	for _, a := range list {
		if err := check(articleID, &a); err != nil {
			return fmt.Errorf("store: %w", err)
		}
	}
	key := annotationsKey(articleID)
	prev := s.annotations[articleID]
	next := make(map[string]annotation.Annotation, len(prev)+len(list))
	for id, a := range prev {
		next[id] = a
	}
	for _, a := range list {
		next[a.ID] = clone(a)
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

// PutLocalArticle saves an article the reader added.
func (s *Store) PutLocalArticle(a *article.Article) error {
	if a == nil || a.ID == "" {
		return errors.New("store: an article needs an id")
	}
	if err := a.Check(); err != nil {
		return fmt.Errorf("store: the article %v", err)
	}
	c := *a
	s.articles[a.ID] = &c
	return s.save(articleKey(a.ID))
}

// RemoveLocalArticle removes a reader-added article, all its annotations
// and the instructions of the class pack that brought it.
func (s *Store) RemoveLocalArticle(id string) error {
	s.replaceArticle(id, nil)
	delete(s.articles, id)
	_, hadInstructions := s.instructions[id]
	delete(s.instructions, id)
	// Annotations first: interrupted, that leaves an article without
	// annotations, not annotations without their article.
	err := errors.Join(s.save(annotationsKey(id)), s.save(articleKey(id)))
	if hadInstructions {
		err = errors.Join(err, s.save(instructionsKey(id)))
	}
	if s.forgetOpened(id) {
		err = errors.Join(err, s.save(openedKey))
	}
	return err
}

// SetPrefs saves the reader's preferences.
func (s *Store) SetPrefs(p Prefs) error {
	s.prefs = p
	s.prefs = s.Prefs() // a copy the caller cannot change
	return s.save(prefsKey)
}

// save writes key and then retries every key whose last write failed.
func (s *Store) save(key string) error {
	if err := s.writeKey(key); err != nil {
		return err
	}
	return s.retryPending()
}

func (s *Store) retryPending() error {
	keys := make([]string, 0, len(s.pending))
	for k := range s.pending {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := s.writeKey(k); err != nil {
			return fmt.Errorf("store: an earlier change is still not saved: %w", err)
		}
	}
	return nil
}

// writeKey writes what memory holds for key (or removes key when memory
// holds nothing). On failure key is remembered as pending.
func (s *Store) writeKey(key string) error {
	return s.writeKeyWith(key, func() error { return s.writeRaw(key) })
}

// writeKeyValue is writeKey with memory's value for key already encoded
// (present false: remove key).
func (s *Store) writeKeyValue(key, value string, present bool) error {
	return s.writeKeyWith(key, func() error {
		if !present {
			return s.backend.Remove(key)
		}
		return s.backend.Set(key, value)
	})
}

func (s *Store) writeKeyWith(key string, write func() error) (err error) {
	defer func() {
		if err != nil {
			s.pending[key] = true
			err = fmt.Errorf("store: saving %s: %w", key, err)
		} else {
			delete(s.pending, key)
		}
	}()
	if !s.metaSaved {
		if err := s.backend.Set(metaKey, fmt.Sprintf(`{"schema":%d}`, SchemaVersion)); err != nil {
			return err
		}
		s.metaSaved = true
	}
	if raw, ok := s.unmoved[key]; ok {
		if err := s.backend.Set(s.asideKey(key), raw); err != nil {
			return fmt.Errorf("setting aside what could not be read there first: %w", err)
		}
		delete(s.unmoved, key)
	}
	return write()
}

// writeRaw writes what memory holds for key, and nothing else.
func (s *Store) writeRaw(key string) error {
	value, present := s.valueOf(key)
	if !present {
		return s.backend.Remove(key)
	}
	return s.backend.Set(key, value)
}

// valueOf encodes what memory holds for key; present is false when there
// is nothing to store.
func (s *Store) valueOf(key string) (value string, present bool) {
	switch {
	case strings.HasPrefix(key, annotationsPrefix):
		id := strings.TrimPrefix(key, annotationsPrefix)
		m := s.annotations[id]
		now := s.now()
		for aid, a := range m {
			if expired(a, now) {
				m = s.mutable(id)
				delete(m, aid)
			}
		}
		if len(m) == 0 {
			s.replaceArticle(id, nil)
			return "", false
		}
		return encodeEntry(id, m, now), true
	case strings.HasPrefix(key, articlePrefix):
		a, ok := s.articles[strings.TrimPrefix(key, articlePrefix)]
		if !ok {
			return "", false
		}
		b, _ := json.Marshal(a)
		return string(b), true
	case strings.HasPrefix(key, instructionsPrefix):
		in, ok := s.instructions[strings.TrimPrefix(key, instructionsPrefix)]
		if !ok {
			return "", false
		}
		b, _ := json.Marshal(in)
		return string(b), true
	case key == prefsKey:
		b, _ := json.Marshal(s.prefs)
		return string(b), true
	case key == waitingKey:
		return s.waitingValue()
	case key == openedKey:
		return encodeOpened(s.opened)
	}
	return "", false
}
