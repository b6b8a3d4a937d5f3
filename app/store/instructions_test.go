package store

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestInstructionsAreKeptAndGoWithTheArticle(t *testing.T) {
	m := NewMemory(0)
	s, _ := mustOpen(t, m, t0)
	if _, ok := s.Instructions("pack-article"); ok {
		t.Fatal("instructions before any were set")
	}
	art := localArticle(t, "pack-article")
	if err := s.PutLocalArticle(art); err != nil {
		t.Fatal(err)
	}
	in := Instructions{Creator: "Ms Rivera", Text: "Mark every claim about prices."}
	if err := s.SetInstructions("pack-article", in); err != nil {
		t.Fatal(err)
	}
	if got := m.Snapshot()["annotator/classpack/pack-article"]; got != `{"creator":"Ms Rivera","text":"Mark every claim about prices."}` {
		t.Fatalf("stored as %q", got)
	}
	again, _ := mustOpen(t, m, t0)
	if got, ok := again.Instructions("pack-article"); !ok || got != in {
		t.Fatalf("after reopening: %+v, %v", got, ok)
	}
	if err := again.RemoveLocalArticle("pack-article"); err != nil {
		t.Fatal(err)
	}
	if _, ok := again.Instructions("pack-article"); ok {
		t.Error("instructions kept in memory after their article was removed")
	}
	for k := range m.Snapshot() {
		if strings.Contains(k, "pack-article") {
			t.Errorf("%s left after RemoveLocalArticle", k)
		}
	}

	// Empty instructions remove the key.
	if err := again.SetInstructions("bundled", Instructions{Text: "Read closely."}); err != nil {
		t.Fatal(err)
	}
	if err := again.SetInstructions("bundled", Instructions{Text: "  "}); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.Snapshot()["annotator/classpack/bundled"]; ok {
		t.Error("empty instructions stored")
	}
	if err := again.SetInstructions("", in); err == nil {
		t.Error("instructions without an article were accepted")
	}
}

func TestInstructionsFullStorage(t *testing.T) {
	m := memoryFrom(t, 200, map[string]string{"other-app": strings.Repeat("x", 150)})
	s, _ := mustOpen(t, m, t0)
	err := s.SetInstructions("a", Instructions{Text: strings.Repeat("Read this. ", 10)})
	if !IsQuota(err) {
		t.Fatalf("over the quota: %v", err)
	}
	if _, ok := s.Instructions("a"); !ok {
		t.Error("instructions not kept in memory when the write failed")
	}
}

// Instructions that the share panel kept under annotator-classpack/<id>
// move to annotator/classpack/<id>; an unreadable one is set aside; an
// interrupted move is finished; others' keys are left alone.
func TestOldInstructionsMove(t *testing.T) {
	old := `{"creator":"Ms Rivera","text":"Find three claims."}`
	m := memoryFrom(t, 0, map[string]string{
		"annotator/meta":                        `{"schema":2}`,
		"annotator-classpack/blinken":           old,
		"annotator-classpack/broken":            `{"text":`,
		"annotator-classpack/done":              `{"text":"stale copy"}`,
		"annotator/classpack/done":              `{"text":"moved"}`,
		"annotator-classpack/":                  `{"text":"no article"}`,
		"other-app/annotator-classpack/blinken": "theirs",
	})
	s, rep := mustOpen(t, m, t0)
	if got, ok := s.Instructions("blinken"); !ok || got != (Instructions{Creator: "Ms Rivera", Text: "Find three claims."}) {
		t.Errorf("moved instructions: %+v, %v", got, ok)
	}
	if got, _ := s.Instructions("done"); got.Text != "moved" {
		t.Errorf("an earlier move's instructions: %+v", got)
	}
	kv := m.Snapshot()
	if kv["annotator/classpack/blinken"] != old {
		t.Errorf("new key holds %q", kv["annotator/classpack/blinken"])
	}
	for _, k := range []string{"annotator-classpack/blinken", "annotator-classpack/done", "annotator-classpack/broken"} {
		if _, ok := kv[k]; ok {
			t.Errorf("%s is still there", k)
		}
	}
	for _, k := range []string{"other-app/annotator-classpack/blinken", "annotator-classpack/"} {
		if _, ok := kv[k]; !ok {
			t.Errorf("%s was touched", k)
		}
	}
	if len(rep.SetAside) != 1 || rep.SetAside[0].Key != "annotator-classpack/broken" || !strings.HasPrefix(rep.SetAside[0].MovedTo, "annotator/corrupt/annotator-classpack/broken@") {
		t.Errorf("set aside: %+v", rep.SetAside)
	}
	if want := "class pack instructions: 1 moved from annotator-classpack/ to annotator/classpack/"; !slices.Contains(rep.Migrations, want) {
		t.Errorf("migrations %q, want %q among them", rep.Migrations, want)
	}
	// Opening again changes nothing.
	before := m.Snapshot()
	_, rep = mustOpen(t, m, t0)
	if !reflect.DeepEqual(m.Snapshot(), before) || len(rep.Migrations) != 0 {
		t.Errorf("a second Open changed the storage or reported %q", rep.Migrations)
	}
}

// When the storage is full the old key stays and its instructions are
// used; the next Open with room moves it.
func TestOldInstructionsMoveWhenFull(t *testing.T) {
	old := `{"text":"Find three claims."}`
	m := memoryFrom(t, 0, map[string]string{"annotator-classpack/blinken": old})
	full := NewMemory(m.UsedChars() + 10)
	for k, v := range m.Snapshot() {
		if err := full.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	s, rep := mustOpen(t, full, t0)
	if got, ok := s.Instructions("blinken"); !ok || got.Text != "Find three claims." {
		t.Fatalf("instructions when full: %+v, %v", got, ok)
	}
	if _, ok := full.Snapshot()["annotator-classpack/blinken"]; !ok || len(rep.Migrations) != 0 {
		t.Fatalf("the old key went though the new one could not be written (%q)", rep.Migrations)
	}
	roomy := memoryFrom(t, 0, full.Snapshot())
	mustOpen(t, roomy, t0)
	kv := roomy.Snapshot()
	if _, ok := kv["annotator-classpack/blinken"]; ok || kv["annotator/classpack/blinken"] != old {
		t.Fatalf("not moved once there was room: %v", kv)
	}
}

func TestInstructionsFromAnotherTab(t *testing.T) {
	s, _ := mustOpen(t, NewMemory(0), t0)
	if _, err := s.ApplyExternal("annotator/classpack/a", `{"creator":"T","text":"Go."}`); err != nil {
		t.Fatal(err)
	}
	if got, ok := s.Instructions("a"); !ok || got.Text != "Go." {
		t.Fatalf("after another tab set them: %+v, %v", got, ok)
	}
	if _, err := s.ApplyExternal("annotator/classpack/a", ""); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Instructions("a"); ok {
		t.Fatal("kept after another tab removed them")
	}
}

// An unreadable instructions entry is set aside at Open.
func TestUnreadableInstructionsAreSetAside(t *testing.T) {
	m := memoryFrom(t, 0, map[string]string{"annotator/classpack/a": "[1,2"})
	s, rep := mustOpen(t, m, t0)
	if _, ok := s.Instructions("a"); ok || len(rep.SetAside) != 1 || rep.SetAside[0].Key != "annotator/classpack/a" {
		t.Fatalf("instructions %v, set aside %+v", ok, rep.SetAside)
	}
}
