package store

import "fmt"

// keepProvenance is the migration from schema 3 to 4, which only records
// schema 4. Schema 4's entries are the compact encoding's version 2, which
// holds the fields version 1 lost (a note's format, an import's
// provenance); version-1 entries need no rewrite: they read as they are,
// and are written as version 2 when their article is next saved.
//
// The meta key is written at Open, not at the first save, so that a tab
// still running schema 3 is told at once that a newer version runs
// (ErrNewerSchema, external.go), before it can meet a version-2 entry it
// would set aside as unreadable.
func (s *Store) keepProvenance(rep *Report, schema int) error {
	if schema != 3 {
		return nil
	}
	if !s.metaSaved {
		if err := s.backend.Set(metaKey, fmt.Sprintf(`{"schema":%d}`, SchemaVersion)); err != nil {
			return fmt.Errorf("writing the schema version: %w", err)
		}
		s.metaSaved = true
	}
	rep.Migrations = append(rep.Migrations, "schema 3 → 4: notes' formats and imports' provenance are now kept")
	return nil
}
