package store

import (
	"maps"
	"reflect"
	"strings"
	"testing"
)

// TestMigrateV2 opens storage as schema 2 left it (testdata/v2.json: what
// schema-2 code made of testdata/v1.json) and checks that every annotations
// key is written forward packed, holding exactly what it held (the golden
// file shows the packed values decoded), and that nothing else changes.
func TestMigrateV2(t *testing.T) {
	fixture := loadFixture(t, "testdata/v2.json")
	m := memoryFrom(t, 0, fixture)
	s, rep := mustOpen(t, m, t0)
	if rep.FoundSchema != 2 || len(rep.Migrations) != 1 || !strings.HasPrefix(rep.Migrations[0], "schema 2 → 4: 4 articles") || len(rep.SetAside) != 0 {
		t.Fatalf("report: %+v", rep)
	}
	snap := m.Snapshot()
	for k, v := range fixture {
		switch {
		case k == metaKey:
			if snap[k] != metaValue {
				t.Errorf("meta key: %s", snap[k])
			}
		case strings.HasPrefix(k, annotationsPrefix):
			if !isPacked(snap[k]) || utf16Len(snap[k]) >= utf16Len(v) {
				t.Errorf("%s not packed smaller: %d → %d characters", k, utf16Len(v), utf16Len(snap[k]))
			}
			if got := readable(t, k, snap[k]); got != v {
				t.Errorf("%s changed:\n%s\nwas\n%s", k, got, v)
			}
		case snap[k] != v:
			t.Errorf("%s changed", k)
		}
	}
	if len(snap) != len(fixture) {
		t.Errorf("%d keys after, %d before", len(snap), len(fixture))
	}
	checkGolden(t, "testdata/v2-migrated.golden.json", readableSnapshot(t, m))

	again, rep := mustOpen(t, m, t0)
	if rep.FoundSchema != SchemaVersion || len(rep.Migrations) != 0 || len(rep.SetAside) != 0 {
		t.Fatalf("second Open: %+v", rep)
	}
	if !reflect.DeepEqual(again.All(), s.All()) {
		t.Fatal("second Open loaded something else")
	}
}

// TestReadV3 reads testdata/v3.json, storage as schema 3 first wrote it
// (from testdata/v2.json; its entries are the compact encoding's version
// 1). It is never regenerated: whatever the encoder does later, what
// readers already have must read the same. Opening it records schema 4
// and changes nothing else: version-1 entries are read as they are.
func TestReadV3(t *testing.T) {
	fixture := loadFixture(t, "testdata/v3.json")
	m := memoryFrom(t, 0, fixture)
	s, rep := mustOpen(t, m, t0)
	if rep.FoundSchema != 3 || len(rep.Migrations) != 1 || !strings.HasPrefix(rep.Migrations[0], "schema 3 → 4: ") || len(rep.SetAside) != 0 {
		t.Fatalf("report: %+v", rep)
	}
	want := maps.Clone(fixture)
	want[metaKey] = `{"schema":4}`
	if !reflect.DeepEqual(m.Snapshot(), want) {
		t.Error("opening changed more than the meta key")
	}
	packed := 0
	for k, v := range fixture {
		if c, err := unpackEntry(v); err == nil {
			packed++
			if c[0] != 1 {
				t.Errorf("%s: compact version %d in the fixture, want 1", k, c[0])
			}
		}
	}
	if packed != 4 {
		t.Errorf("%d packed entries in the fixture, want 4", packed)
	}
	checkGolden(t, "testdata/v2-migrated.golden.json", readableSnapshot(t, m))

	again, rep := mustOpen(t, m, t0)
	if rep.FoundSchema != 4 || len(rep.Migrations) != 0 || len(rep.SetAside) != 0 {
		t.Fatalf("second Open: %+v", rep)
	}
	if !reflect.DeepEqual(again.All(), s.All()) {
		t.Fatal("second Open loaded something else")
	}
}

// TestReadV3Interrupted: when writing schema 4 fails, Open says so and
// the next Open records it.
func TestReadV3Interrupted(t *testing.T) {
	fixture := loadFixture(t, "testdata/v3.json")
	c := &crashing{Memory: memoryFrom(t, 0, fixture), failAt: 1}
	if _, _, err := open(c, fixedClock(t0)); err == nil {
		t.Fatal("writing the meta key failed and Open did not say so")
	}
	if !reflect.DeepEqual(c.Snapshot(), fixture) {
		t.Error("the failed Open changed the storage")
	}
	_, rep := mustOpen(t, c.Memory, t0)
	if len(rep.Migrations) != 1 || c.Snapshot()[metaKey] != metaValue {
		t.Fatalf("report %+v, meta %s", rep, c.Snapshot()[metaKey])
	}
}

// TestMigrateV2Interrupted stops the migration at each of its writes, then
// opens again: the result is always that of an uninterrupted migration.
func TestMigrateV2Interrupted(t *testing.T) {
	fixture := loadFixture(t, "testdata/v2.json")
	clean := &crashing{Memory: memoryFrom(t, 0, fixture)}
	want, _ := mustOpen(t, clean, t0)
	wantSnap := clean.Snapshot()
	if clean.writes != 5 {
		t.Fatalf("%d writes in the migration, want 4 keys and the meta key", clean.writes)
	}
	for _, transient := range []bool{false, true} {
		for failAt := 1; failAt <= clean.writes; failAt++ {
			c := &crashing{Memory: memoryFrom(t, 0, fixture), failAt: failAt, transient: transient}
			if _, _, err := open(c, fixedClock(t0)); err == nil {
				t.Errorf("write %d failed (transient %v) and Open did not say so", failAt, transient)
			}
			s, _ := mustOpen(t, c.Memory, t0)
			if !reflect.DeepEqual(s.All(), want.All()) {
				t.Errorf("write %d failed (transient %v): reopened store holds %v", failAt, transient, s.All())
			}
			if got := c.Snapshot(); !reflect.DeepEqual(got, wantSnap) {
				t.Errorf("write %d failed (transient %v): storage differs", failAt, transient)
			}
		}
	}
}

// TestMigrateV2WhenFull: a storage filled to the last character migrates,
// since every rewrite makes its key smaller.
func TestMigrateV2WhenFull(t *testing.T) {
	fixture := loadFixture(t, "testdata/v2.json")
	used := memoryFrom(t, 0, fixture).UsedChars()
	m := memoryFrom(t, used, fixture)
	if err := m.Set("one-more", "x"); !IsQuota(err) {
		t.Fatalf("storage not full: %v", err)
	}
	_, rep := mustOpen(t, m, t0)
	if len(rep.Migrations) != 1 || m.UsedChars() >= used {
		t.Fatalf("report %+v, %d → %d characters", rep, used, m.UsedChars())
	}
}

// TestJSONAfterMigration: a tab still running schema 2 may write JSON after
// the migration; it is read, and written forward by the next Open.
func TestJSONAfterMigration(t *testing.T) {
	m := NewMemory(0)
	s, _ := mustOpen(t, m, t0)
	must(t, s.Put(ann("seed", 1, t0)))
	must(t, m.Set(annotationsKey("seed"), encode(t, []any{ann("seed", 1, t0), ann("seed", 2, t0)})))
	again, rep := mustOpen(t, m, t0)
	if len(again.Annotations("seed")) != 2 || len(rep.Migrations) != 1 || !isPacked(m.Snapshot()[annotationsKey("seed")]) {
		t.Fatalf("%d annotations, report %+v", len(again.Annotations("seed")), rep)
	}
}
