package store

import (
	"fmt"
	"sort"
)

// packForward is the migration from schema 2 to the packed form (schema 3,
// now 4: see migrate4.go): it rewrites every annotations key Open found in
// schema 2's JSON form in the packed form (entry.go), then records the
// current schema.
//
// Each key is rewritten on its own, and each rewrite makes its value
// smaller, so the migration needs no free space however full the storage
// is. Until the meta key says the current schema the next Open runs it
// again; since the store reads both forms, a key already rewritten simply
// reads as packed. Once it does, a JSON value can still appear (written by a tab that ran the
// previous version before it reloaded): it is read, and written forward
// the same way by the next Open.
//
// A key whose unreadable part could not be set aside, or whose last write
// failed, is left for its next save, which deals with both.
func (s *Store) packForward(rep *Report, schema int) error {
	keys := make([]string, 0, len(s.unpacked))
	for k := range s.unpacked {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	before, after, n := 0, 0, 0
	for _, k := range keys {
		if _, waiting := s.unmoved[k]; waiting || s.pending[k] {
			continue
		}
		value, present := s.valueOf(k)
		var err error
		if present {
			err = s.backend.Set(k, value)
		} else {
			err = s.backend.Remove(k)
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", k, err)
		}
		before += utf16Len(k) + s.unpacked[k]
		if present {
			after += utf16Len(k) + utf16Len(value)
		}
		n++
		delete(s.unpacked, k)
	}
	if (schema == 2 || n > 0) && !s.metaSaved {
		if err := s.backend.Set(metaKey, fmt.Sprintf(`{"schema":%d}`, SchemaVersion)); err != nil {
			return fmt.Errorf("writing the schema version: %w", err)
		}
		s.metaSaved = true
	}
	if schema == 2 || n > 0 {
		rep.Migrations = append(rep.Migrations, fmt.Sprintf("schema 2 → %d: %d articles' annotations packed, %d → %d characters", SchemaVersion, n, before, after))
	}
	return nil
}
