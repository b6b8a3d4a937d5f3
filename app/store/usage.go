package store

import (
	"strings"
	"unsafe"
)

// Usage says how much of the browser's storage is used and how many more
// annotations fit, for the library page's storage line.
type Usage struct {
	// UsedChars is what every key and value of this origin's storage
	// takes, ours and others' (they share one quota), in UTF-16 code units
	// as Chromium counts it.
	UsedChars int
	// QuotaChars is the storage's quota in the same unit; 0 when it is not
	// known (an unlimited Memory).
	QuotaChars int
	// Annotations is how many annotations are stored, deleted ones kept as
	// tombstones included; AnnotationChars what their keys and values take.
	Annotations     int
	AnnotationChars int
	// MoreAnnotations estimates how many more annotations fit: the free
	// space over the average stored size of an annotation (or, while fewer
	// than 50 are stored, DefaultCharsPerAnnotation, the size of one in a
	// short article, where compression gains least). -1 when the quota is
	// not known.
	MoreAnnotations int
}

// DefaultCharsPerAnnotation is what a realistic annotation takes in an
// article with ten of them (BenchmarkReadArticle/packed/10: 128 UTF-16
// characters each), rounded up: the estimate used until the reader's own
// annotations give a better one.
const DefaultCharsPerAnnotation = 130

// quotaKnower is a Backend that knows its quota.
type quotaKnower interface{ QuotaChars() int }

// QuotaChars returns the quota NewMemory was given (0: unlimited).
func (m *Memory) QuotaChars() int { return m.quotaChars }

// Usage measures the storage. It reads only the keys the store has not
// seen (others' keys, set-aside entries): the sizes of its own it has
// noted as it read and wrote them.
func (s *Store) Usage() (Usage, error) {
	z := s.backend.(*sizing)
	keys, err := z.Backend.Keys()
	if err != nil {
		return Usage{}, err
	}
	u := Usage{Annotations: s.Size()}
	present := make(map[string]bool, len(keys))
	for _, k := range keys {
		present[k] = true
		n, ok := z.sizes[k]
		if !ok {
			v, found, err := z.Backend.Get(k)
			if err != nil {
				return Usage{}, err
			}
			if !found {
				continue
			}
			n = utf16Len(k) + utf16Len(v)
			if strings.HasPrefix(k, keyPrefix) {
				z.sizes[k] = n
			}
		}
		u.UsedChars += n
		if strings.HasPrefix(k, annotationsPrefix) {
			u.AnnotationChars += n
		}
	}
	for k := range z.sizes {
		if !present[k] {
			delete(z.sizes, k) // removed behind our back
		}
	}
	if q, ok := z.Backend.(quotaKnower); ok {
		u.QuotaChars = q.QuotaChars()
	}
	u.MoreAnnotations = -1
	if u.QuotaChars > 0 {
		per := DefaultCharsPerAnnotation
		if u.Annotations >= 50 {
			per = (u.AnnotationChars + u.Annotations - 1) / u.Annotations
		}
		u.MoreAnnotations = max(0, u.QuotaChars-u.UsedChars) / per
	}
	return u, nil
}

// sizing wraps the store's Backend and notes the size of every key of ours
// it reads or writes, so that Usage need not read them all again.
type sizing struct {
	Backend
	sizes map[string]int // key → UTF-16 length of key and value
}

func (z *sizing) note(key, value string, present bool) {
	if !strings.HasPrefix(key, keyPrefix) {
		return // others' keys change without telling us
	}
	z.noteUnits(key, utf16Len(value), present)
}

// noteUnits is note of a value units UTF-16 code units long.
func (z *sizing) noteUnits(key string, units int, present bool) {
	if !strings.HasPrefix(key, keyPrefix) {
		return
	}
	if present {
		z.sizes[key] = utf16Len(key) + units
	} else {
		delete(z.sizes, key)
	}
}

func (z *sizing) Get(key string) (string, bool, error) {
	v, ok, err := z.Backend.Get(key)
	if err == nil {
		z.note(key, v, ok)
	}
	return v, ok, err
}

// getUnpacked is Get into a buffer the caller reuses (unpackingGetter):
// the wrapped Backend's own when it has one (localStorage), else a copy of
// Get's value (so the store's tests read the way the browser does when it
// has no annotatorUnpack).
func (z *sizing) getUnpacked(key string, dst []byte) (b []byte, units int, packed, ok bool, err error) {
	if g, isUnpacking := z.Backend.(unpackingGetter); isUnpacking {
		b, units, packed, ok, err = g.getUnpacked(key, dst)
	} else {
		var v string
		v, ok, err = z.Backend.Get(key)
		b = append(dst[:0], v...)
	}
	switch {
	case err != nil:
	case packed:
		z.noteUnits(key, units, ok)
	default:
		z.note(key, unsafe.String(unsafe.SliceData(b), len(b)), ok) // note keeps only the size
	}
	return b, units, packed, ok, err
}

func (z *sizing) Set(key, value string) error {
	err := z.Backend.Set(key, value)
	if err == nil {
		z.note(key, value, true)
	}
	return err
}

func (z *sizing) Remove(key string) error {
	err := z.Backend.Remove(key)
	if err == nil {
		z.note(key, "", false)
	}
	return err
}

// QuotaChars passes the wrapped Backend's quota on.
func (z *sizing) QuotaChars() int {
	if q, ok := z.Backend.(quotaKnower); ok {
		return q.QuotaChars()
	}
	return 0
}
