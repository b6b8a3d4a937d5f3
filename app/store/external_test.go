package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// bus is one origin's localStorage shared by several tabs. Like the
// browser, it queues a storage event for every other tab when a value
// actually changes; deliver hands them out.
type bus struct {
	mem   *Memory
	tabs  []*Store
	queue []event
}

type event struct {
	from       int
	key, value string
}

type tabBackend struct {
	*bus
	tab int
}

func (t tabBackend) Get(k string) (string, bool, error) { return t.mem.Get(k) }
func (t tabBackend) Keys() ([]string, error)            { return t.mem.Keys() }

func (t tabBackend) Set(k, v string) error {
	old, had, _ := t.mem.Get(k)
	if err := t.mem.Set(k, v); err != nil {
		return err
	}
	if !had || old != v {
		t.queue = append(t.queue, event{t.tab, k, v})
	}
	return nil
}

func (t tabBackend) Remove(k string) error {
	_, had, _ := t.mem.Get(k)
	if err := t.mem.Remove(k); err != nil {
		return err
	}
	if had {
		t.queue = append(t.queue, event{t.tab, k, ""})
	}
	return nil
}

func newBus(t *testing.T, tabs int, seed []annotation.Annotation) *bus {
	b := &bus{mem: NewMemory(0)}
	first, _ := mustOpen(t, tabBackend{b, 0}, t0)
	if len(seed) > 0 {
		must(t, first.PutMany(seed[0].Article, seed))
	}
	b.tabs = append(b.tabs, first)
	for i := 1; i < tabs; i++ {
		s, _ := mustOpen(t, tabBackend{b, i}, t0)
		b.tabs = append(b.tabs, s)
	}
	b.queue = nil // the seed was written before the other tabs opened
	return b
}

// deliver hands out queued events until none are left and returns, per
// tab, the article ids ApplyExternal reported changed.
func (b *bus) deliver(t *testing.T) [][]string {
	t.Helper()
	changed := make([][]string, len(b.tabs))
	for rounds := 0; len(b.queue) > 0; rounds++ {
		if rounds > 20 {
			t.Fatal("tabs keep writing back to each other")
		}
		queue := b.queue
		b.queue = nil
		for _, e := range queue {
			for i, s := range b.tabs {
				if i == e.from {
					continue
				}
				got, err := s.ApplyExternal(e.key, e.value)
				if err != nil {
					t.Fatalf("tab %d ApplyExternal(%s): %v", i, e.key, err)
				}
				changed[i] = append(changed[i], got...)
			}
		}
	}
	return changed
}

func TestApplyExternal(t *testing.T) {
	a1, a2 := ann("seed", 1, t0), ann("seed", 2, t0)
	later := t0.Add(time.Minute)

	tests := []struct {
		name string
		// act makes the tabs' changes before any event is delivered.
		act         func(t *testing.T, tabs []*Store, b *bus)
		wantChanged bool // whether tab 1 is told that "seed" changed
		want        []annotation.Annotation
	}{
		{
			name: "other tab adds",
			act: func(t *testing.T, tabs []*Store, b *bus) {
				must(t, tabs[0].Put(ann("seed", 3, later)))
			},
			wantChanged: true,
			want:        []annotation.Annotation{a1, a2, ann("seed", 3, later)},
		},
		{
			name: "other tab edits, newer",
			act: func(t *testing.T, tabs []*Store, b *bus) {
				must(t, tabs[0].Put(withNote(ann("seed", 1, later), "new note")))
			},
			wantChanged: true,
			want:        []annotation.Annotation{withNote(ann("seed", 1, later), "new note"), a2},
		},
		{
			name: "other tab writes an older copy: ignored, and the newer one is written back",
			act: func(t *testing.T, tabs []*Store, b *bus) {
				must(t, tabs[1].Put(withNote(ann("seed", 1, later), "mine")))
				b.queue = nil // tab 0 has not heard of it yet
				must(t, tabs[0].Put(withNote(ann("seed", 1, t0.Add(time.Second)), "stale")))
			},
			wantChanged: false,
			want:        []annotation.Annotation{withNote(ann("seed", 1, later), "mine"), a2},
		},
		{
			name: "other tab deletes",
			act: func(t *testing.T, tabs []*Store, b *bus) {
				must(t, tabs[0].Delete("seed", a1.ID, later))
			},
			wantChanged: true,
			want:        []annotation.Annotation{a2},
		},
		{
			name: "both tabs edit different annotations at once: neither loses the other's",
			act: func(t *testing.T, tabs []*Store, b *bus) {
				must(t, tabs[0].Put(withNote(ann("seed", 1, later), "from tab 0")))
				must(t, tabs[1].Put(withNote(ann("seed", 2, later.Add(time.Second)), "from tab 1")))
			},
			wantChanged: true,
			want:        []annotation.Annotation{withNote(ann("seed", 1, later), "from tab 0"), withNote(ann("seed", 2, later.Add(time.Second)), "from tab 1")},
		},
		{
			name: "both tabs edit the same annotation: the later edit wins in both",
			act: func(t *testing.T, tabs []*Store, b *bus) {
				must(t, tabs[0].Put(withNote(ann("seed", 1, later.Add(time.Second)), "later")))
				must(t, tabs[1].Put(withNote(ann("seed", 1, later), "earlier")))
			},
			wantChanged: true,
			want:        []annotation.Annotation{withNote(ann("seed", 1, later.Add(time.Second)), "later"), a2},
		},
		{
			name: "one tab deletes while the other adds",
			act: func(t *testing.T, tabs []*Store, b *bus) {
				must(t, tabs[0].Delete("seed", a2.ID, later))
				must(t, tabs[1].Put(ann("seed", 3, later)))
			},
			wantChanged: true,
			want:        []annotation.Annotation{a1, ann("seed", 3, later)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBus(t, 2, []annotation.Annotation{a1, a2})
			tt.act(t, b.tabs, b)
			changed := b.deliver(t)
			if got := len(changed[1]) > 0; got != tt.wantChanged {
				t.Errorf("tab 1 told of a change: %v (%v), want %v", got, changed[1], tt.wantChanged)
			}
			for i, s := range b.tabs {
				if got := s.Annotations("seed"); !reflect.DeepEqual(got, tt.want) {
					t.Errorf("tab %d holds %v, want %v", i, summarize(got), summarize(tt.want))
				}
			}
			stored, _ := mustOpen(t, b.mem, t0)
			if got := stored.Annotations("seed"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("storage holds %v, want %v", summarize(got), summarize(tt.want))
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestApplyExternalOtherKeys(t *testing.T) {
	b := newBus(t, 2, []annotation.Annotation{ann("seed", 1, t0)})
	tab0, tab1 := b.tabs[0], b.tabs[1]

	must(t, tab0.SetPrefs(Prefs{Creator: "Ada"}))
	b.deliver(t)
	if tab1.Prefs().Creator != "Ada" {
		t.Fatal("prefs not applied")
	}

	must(t, tab0.Put(ann("mine", 1, t0)))
	b.deliver(t)
	must(t, tab0.RemoveLocalArticle("mine"))
	changed := b.deliver(t)
	if !reflect.DeepEqual(changed[1], []string{"mine"}) || len(tab1.Annotations("mine")) != 0 {
		t.Fatalf("removal: changed %v, left %v", changed[1], tab1.Annotations("mine"))
	}

	for _, key := range []string{"theme", "goapp/x", corruptPrefix + "k@1"} {
		if got, err := tab1.ApplyExternal(key, "{"); err != nil || got != nil {
			t.Errorf("ApplyExternal(%q) = %v, %v", key, got, err)
		}
	}
	if _, err := tab1.ApplyExternal(metaKey, fmt.Sprintf(`{"schema":%d}`, SchemaVersion+1)); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("newer schema from another tab: %v", err)
	}
	if _, err := tab1.ApplyExternal(annotationsKey("seed"), "not json"); err == nil {
		t.Error("unreadable value from another tab accepted")
	}
	if len(tab1.Annotations("seed")) != 1 {
		t.Error("unreadable value from another tab changed memory")
	}
}

// TestApplyExternalComparesContent: another tab's value that holds the same
// annotations, compressed differently (its app version compresses
// otherwise), is not answered with a write, which that tab would answer in
// turn; one that holds less is, and so is schema 2's JSON from a tab about
// to reload.
func TestApplyExternalComparesContent(t *testing.T) {
	b := newBus(t, 2, []annotation.Annotation{ann("seed", 1, t0), ann("seed", 2, t0)})
	tab1 := b.tabs[1]
	key := annotationsKey("seed")
	compact, err := unpackEntry(b.mem.Snapshot()[key])
	if err != nil {
		t.Fatal(err)
	}
	// The same payload in an LZ4 block of literals only.
	z := binary.AppendUvarint(nil, uint64(len(compact)))
	z = append(z, 0xf0)
	for l := len(compact) - 15; ; l -= 255 {
		if l < 255 {
			z = append(z, byte(l))
			break
		}
		z = append(z, 255)
	}
	z = append(z, compact...)
	other := string(packBytes([]byte{entryMarker}, z))
	if other == b.mem.Snapshot()[key] {
		t.Fatal("the test needs another compression of the same payload")
	}
	must(t, b.mem.Set(key, other))
	b.queue = nil
	if changed, err := tab1.ApplyExternal(key, other); err != nil || changed != nil || len(b.queue) != 0 {
		t.Fatalf("same annotations compressed otherwise: changed %v, %v, %d writes", changed, err, len(b.queue))
	}

	less := encodeEntry("seed", byID(ann("seed", 1, t0)), t0)
	must(t, b.mem.Set(key, less))
	if _, err := tab1.ApplyExternal(key, less); err != nil || len(b.queue) != 1 {
		t.Fatalf("a value missing an annotation: %v, %d writes", err, len(b.queue))
	}
	b.queue = nil
	js := encode(t, []annotation.Annotation{ann("seed", 1, t0), ann("seed", 2, t0)})
	must(t, b.mem.Set(key, js))
	if changed, err := tab1.ApplyExternal(key, js); err != nil || changed != nil || len(b.queue) != 1 || !isPacked(b.mem.Snapshot()[key]) {
		t.Fatalf("schema 2's JSON: changed %v, %v, %d writes", changed, err, len(b.queue))
	}
}
