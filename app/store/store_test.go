package store

import (
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

func TestPutAndReopen(t *testing.T) {
	m := memoryFrom(t, 0, map[string]string{"theme": "dark"})
	s, rep := mustOpen(t, m, t0)
	if rep.FoundSchema != 0 || len(rep.SetAside) != 0 {
		t.Fatalf("report on empty storage: %+v", rep)
	}
	a2, a1 := ann("seed", 2, t0), ann("seed", 1, t0)
	a1.Tags = []string{"x"}
	for _, a := range []annotation.Annotation{a2, a1, ann("other", 3, t0)} {
		if err := s.Put(a); err != nil {
			t.Fatal(err)
		}
	}
	if got := ids(s.Annotations("seed")); !reflect.DeepEqual(got, []string{a1.ID, a2.ID}) {
		t.Fatalf("Annotations not in document order: %v", got)
	}
	// The caller's copy cannot change the store's.
	s.Annotations("seed")[0].Tags[0] = "changed"
	if s.Annotations("seed")[0].Tags[0] != "x" {
		t.Fatal("Annotations shares memory with the store")
	}
	snap := m.Snapshot()
	if snap[metaKey] != metaValue || snap["theme"] != "dark" || !isPacked(snap[annotationsKey("seed")]) {
		t.Fatalf("storage after writes: %v", snap)
	}

	again, rep := mustOpen(t, m, t0)
	if rep.FoundSchema != SchemaVersion {
		t.Fatalf("FoundSchema = %d", rep.FoundSchema)
	}
	if !reflect.DeepEqual(again.All(), s.All()) {
		t.Fatalf("reopened store differs:\n%v\n%v", again.All(), s.All())
	}
	if err := s.Put(annotation.Annotation{ID: "nope", Article: "seed"}); err == nil {
		t.Fatal("Put accepted an invalid annotation")
	}
}

func TestDeleteRestoreAndPrune(t *testing.T) {
	m := NewMemory(0)
	s, _ := mustOpen(t, m, t0)
	a := ann("seed", 1, t0)
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}
	// A delete stamped earlier than the edit still wins.
	if err := s.Delete("seed", a.ID, t0.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if len(s.Annotations("seed")) != 0 {
		t.Fatal("deleted annotation still listed")
	}
	if !strings.Contains(readableSnapshot(t, m)[annotationsKey("seed")], `"deleted":true`) {
		t.Fatal("no tombstone stored")
	}
	if err := s.Delete("seed", a.ID, t0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
	if err := s.Restore(a); err != nil {
		t.Fatal(err)
	}
	got := s.Annotations("seed")
	if len(got) != 1 || !got[0].Modified.After(t0) {
		t.Fatalf("restored: %+v", got)
	}
	if err := s.Delete("seed", a.ID, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}

	// 31 days later the tombstone is pruned by the next write.
	later, _ := mustOpen(t, m, t0.Add(31*24*time.Hour))
	if err := later.Put(ann("seed", 2, t0.Add(31*24*time.Hour))); err != nil {
		t.Fatal(err)
	}
	if v := readableSnapshot(t, m)[annotationsKey("seed")]; strings.Contains(v, a.ID) {
		t.Fatalf("tombstone not pruned: %s", v)
	}
}

func TestQuota(t *testing.T) {
	// Room for the meta key and about two annotations besides others' data.
	two := utf16Len(annotationsKey("seed")) + utf16Len(encodeEntry("seed", byID(ann("seed", 1, t0), ann("seed", 2, t0)), t0))
	m := memoryFrom(t, 1500+utf16Len("other-app")+utf16Len(metaKey+metaValue)+two+5, map[string]string{"other-app": strings.Repeat("x", 1500)})
	s, _ := mustOpen(t, m, t0)
	if err := s.Put(ann("seed", 1, t0)); err != nil {
		t.Fatal(err)
	}
	var err error
	n := 2
	for ; n < 10 && err == nil; n++ {
		err = s.Put(ann("seed", n, t0))
	}
	if !IsQuota(err) {
		t.Fatalf("filling the quota: %v", err)
	}
	full := n - 1
	if got := len(s.Annotations("seed")); got != full {
		t.Fatalf("in memory after the failed write: %d annotations, want %d", got, full)
	}
	if got := s.Pending(); !reflect.DeepEqual(got, []string{"seed"}) {
		t.Fatalf("Pending = %v", got)
	}
	// Another article fails too while storage is full, and both are pending.
	if err := s.Put(ann("second", 50, t0)); !IsQuota(err) {
		t.Fatalf("second article: %v", err)
	}
	if got := s.Pending(); !reflect.DeepEqual(got, []string{"second", "seed"}) {
		t.Fatalf("Pending = %v", got)
	}

	// The other app frees space; the next write flushes everything.
	if err := m.Remove("other-app"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPrefs(Prefs{Creator: "Ada"}); err != nil {
		t.Fatal(err)
	}
	if got := s.Pending(); len(got) != 0 {
		t.Fatalf("Pending after flush = %v", got)
	}
	again, _ := mustOpen(t, m, t0)
	if got := len(again.Annotations("seed")); got != full {
		t.Fatalf("after reopening: %d annotations, want %d", got, full)
	}
	if len(again.Annotations("second")) != 1 || again.Prefs().Creator != "Ada" {
		t.Fatal("flushed writes missing after reopening")
	}
}

func TestPutManyIsAllOrNothing(t *testing.T) {
	// Room for the meta key and about five annotations.
	five := encodeEntry("seed", byID(ann("seed", 1, t0), ann("seed", 10, t0), ann("seed", 11, t0), ann("seed", 12, t0), ann("seed", 13, t0)), t0)
	m := NewMemory(utf16Len(metaKey+metaValue+annotationsKey("seed")+five) + 5)
	s, _ := mustOpen(t, m, t0)
	if err := s.Put(ann("seed", 1, t0)); err != nil {
		t.Fatal(err)
	}
	bad := ann("seed", 3, t0)
	bad.Label = "no-such-label"
	if err := s.PutMany("seed", []annotation.Annotation{ann("seed", 2, t0), bad}); err == nil {
		t.Fatal("PutMany accepted an invalid annotation")
	}
	if err := s.PutMany("seed", []annotation.Annotation{ann("other", 2, t0)}); err == nil {
		t.Fatal("PutMany accepted another article's annotation")
	}
	var many []annotation.Annotation
	for i := 10; i < 40; i++ {
		many = append(many, ann("seed", i, t0))
	}
	if err := s.PutMany("seed", many); !IsQuota(err) {
		t.Fatalf("PutMany over quota: %v", err)
	}
	if got := len(s.Annotations("seed")); got != 1 || len(s.Pending()) != 0 {
		t.Fatalf("after failed PutMany: %d annotations, pending %v", got, s.Pending())
	}
	if err := s.PutMany("seed", many[:3]); err != nil {
		t.Fatal(err)
	}
	if got := len(s.Annotations("seed")); got != 4 {
		t.Fatalf("after PutMany: %d annotations", got)
	}
}

func TestLocalArticlesAndPrefs(t *testing.T) {
	m := NewMemory(0)
	s, _ := mustOpen(t, m, t0)
	art, err := article.New("my-notes", "My notes", []article.Block{{Kind: "p", Text: "Hello."}}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	art.Origin = "local"
	if err := s.PutLocalArticle(art); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ann("my-notes", 1, t0)); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPrefs(Prefs{Creator: "Ada", LabelNames: map[string]string{"key-point": "Main idea"}}); err != nil {
		t.Fatal(err)
	}
	again, _ := mustOpen(t, m, t0)
	if got := again.LocalArticles(); len(got) != 1 || got[0].Title != "My notes" {
		t.Fatalf("LocalArticles = %v", got)
	}
	if p := again.Prefs(); p.Creator != "Ada" || p.LabelNames["key-point"] != "Main idea" {
		t.Fatalf("Prefs = %+v", p)
	}
	if err := again.RemoveLocalArticle("my-notes"); err != nil {
		t.Fatal(err)
	}
	for k := range m.Snapshot() {
		if strings.Contains(k, "my-notes") {
			t.Errorf("%s left after RemoveLocalArticle", k)
		}
	}
	if len(again.LocalArticles()) != 0 || len(again.Annotations("my-notes")) != 0 {
		t.Fatal("removed article still in memory")
	}
}

func TestOpenSetsAsideWhatCannotBeDecoded(t *testing.T) {
	good := encode(t, []annotation.Annotation{ann("good", 1, t0), ann("good", 2, t0)})
	invalid := ann("mixed", 5, t0)
	invalid.Kind = "poem"
	mixed := "[" + encode(t, ann("mixed", 4, t0)) + "," + encode(t, invalid) + `,{"id":7},"text",` + encode(t, ann("good", 6, t0)) + "]"
	kv := map[string]string{
		annotationsKey("good"):      good,
		annotationsKey("broken"):    `[{"id":"urn:uuid:`,
		annotationsKey("object"):    `{"id":"urn:uuid:00000000-0000-4000-8000-000000000001"}`,
		annotationsKey("mixed"):     mixed,
		annotationsPrefix:           "[]",
		articleKey("bad-article"):   `{"id":42}`,
		articleKey("wrong-id"):      `{"id":"other","title":"T"}`,
		prefsKey:                    `{"creator":["not","a","string"]}`,
		"annotator/something-newer": "kept as is",
		"someone-else":              "not ours {",
	}
	m := memoryFrom(t, 0, kv)
	s, rep := mustOpen(t, m, t0)

	if got := ids(s.Annotations("good")); len(got) != 2 {
		t.Fatalf("good article: %v", got)
	}
	if got := ids(s.Annotations("mixed")); !reflect.DeepEqual(got, []string{ann("mixed", 4, t0).ID}) {
		t.Fatalf("mixed article kept %v", got)
	}
	reasons := map[string]int{}
	for _, a := range rep.SetAside {
		reasons[a.Key]++
		if !strings.HasPrefix(a.MovedTo, corruptPrefix+a.Key+"@") {
			t.Errorf("%s moved to %q", a.Key, a.MovedTo)
		}
		if a.Reason == "" {
			t.Errorf("%s: no reason", a.Key)
		}
	}
	want := map[string]int{
		annotationsKey("broken"): 1, annotationsKey("object"): 1, annotationsKey("mixed"): 4,
		annotationsPrefix: 1, articleKey("bad-article"): 1, articleKey("wrong-id"): 1, prefsKey: 1,
	}
	if !reflect.DeepEqual(reasons, want) {
		t.Fatalf("set aside %v, want %v\n%+v", reasons, want, rep.SetAside)
	}

	snap := m.Snapshot()
	for k, v := range kv {
		_, gone := want[k]
		switch {
		case k == annotationsKey("mixed"):
			if snap[k] == v || !strings.Contains(readable(t, k, snap[k]), ann("mixed", 4, t0).ID) {
				t.Errorf("mixed key not rewritten with its good annotation: %s", snap[k])
			}
		case gone && snap[k] != "":
			t.Errorf("%s still holds %q", k, snap[k])
		case !gone && strings.HasPrefix(k, annotationsPrefix):
			if !isPacked(snap[k]) || readable(t, k, snap[k]) != v {
				t.Errorf("%s not written forward as it was: %q", k, readable(t, k, snap[k]))
			}
		case !gone && snap[k] != v:
			t.Errorf("%s changed to %q", k, snap[k])
		}
	}
	// Each set-aside value holds the original text.
	aside := map[string]string{}
	for k, v := range snap {
		if strings.HasPrefix(k, corruptPrefix) {
			aside[strings.SplitN(strings.TrimPrefix(k, corruptPrefix), "@", 2)[0]] = v
		}
	}
	if aside[annotationsKey("broken")] != kv[annotationsKey("broken")] || !strings.Contains(aside[annotationsKey("mixed")], `"poem"`) {
		t.Fatalf("set-aside values: %v", aside)
	}

	// Reopening finds nothing more to set aside, and loads the same.
	again, rep := mustOpen(t, m, t0.Add(time.Second))
	if len(rep.SetAside) != 0 {
		t.Fatalf("second Open set aside %+v", rep.SetAside)
	}
	if !reflect.DeepEqual(again.All(), s.All()) {
		t.Fatal("second Open loaded something else")
	}
}

func TestSetAsideFailsWhenFull(t *testing.T) {
	broken := `[{"broken`
	m := memoryFrom(t, len(annotationsKey("seed"))+len(broken)+20, map[string]string{annotationsKey("seed"): broken})
	s, rep := mustOpen(t, m, t0)
	if len(rep.SetAside) != 1 || rep.SetAside[0].MovedTo != "" {
		t.Fatalf("report: %+v", rep.SetAside)
	}
	// Writing the key would destroy the unreadable text: it must fail instead.
	if err := s.Put(ann("seed", 1, t0)); !IsQuota(err) {
		t.Fatalf("Put: %v", err)
	}
	if m.Snapshot()[annotationsKey("seed")] != broken {
		t.Fatal("unreadable text overwritten before it was set aside")
	}
}

func TestNewerSchemaIsLeftAlone(t *testing.T) {
	kv := map[string]string{
		metaKey:                  `{"schema":99}`,
		annotationsKey("seed"):   `{"a format":"from the future"}`,
		v1Key:                    `[]`,
		"annotator/whatever/new": "x",
	}
	m := memoryFrom(t, 0, kv)
	s, rep, err := open(m, fixedClock(t0))
	if !errors.Is(err, ErrNewerSchema) || s != nil || rep != nil {
		t.Fatalf("Open = %v, %v, %v", s, rep, err)
	}
	if !strings.Contains(err.Error(), "99") {
		t.Errorf("error does not name the version: %v", err)
	}
	if got := m.Snapshot(); !reflect.DeepEqual(got, kv) {
		t.Fatalf("storage changed: %v", got)
	}
}

func TestMemoryCountsUTF16(t *testing.T) {
	m := NewMemory(0)
	_ = m.Set("k", "a😀é") // 1 + (1 + 2 + 1)
	if got := m.UsedChars(); got != 5 {
		t.Fatalf("UsedChars = %d, want 5", got)
	}
	_ = m.Set("k", "")
	if got := m.UsedChars(); got != 1 {
		t.Fatalf("UsedChars = %d, want 1", got)
	}
	_ = m.Remove("k")
	if got := m.UsedChars(); got != 0 {
		t.Fatalf("UsedChars = %d, want 0", got)
	}
	full := NewMemory(4)
	if err := full.Set("ab", "c😀"); !IsQuota(err) {
		t.Fatalf("over quota: %v", err)
	}
	if _, ok, _ := full.Get("ab"); ok {
		t.Fatal("a failed Set stored its value")
	}
}

// EachLive visits what All returns, without the deleted, article by article.
func TestEachLive(t *testing.T) {
	s, _ := mustOpen(t, NewMemory(0), t0)
	for i, art := range []string{"b", "a", "b", "c", "a"} {
		if err := s.Put(ann(art, i, t0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete("c", ann("c", 3, t0).ID, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	got := map[string][]annotation.Annotation{}
	var order []string
	s.EachLive(func(articleID string, a *annotation.Annotation) {
		if n := len(order); n == 0 || order[n-1] != articleID {
			order = append(order, articleID)
		}
		got[articleID] = append(got[articleID], *a)
	})
	for _, list := range got {
		sort.Slice(list, func(i, j int) bool { return documentOrder(list[i], list[j]) })
	}
	if !reflect.DeepEqual(got, s.All()) || strings.Join(order, ",") != "a,b" {
		t.Errorf("EachLive visited %v in order %v, want %v", got, order, s.All())
	}
	if s.Size() != 5 {
		t.Errorf("Size %d, want 5 (the deleted one included)", s.Size())
	}
}
