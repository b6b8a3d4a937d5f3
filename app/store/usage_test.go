package store

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/annotator/annotator/internal/realistic"
)

func TestUsage(t *testing.T) {
	m := memoryFrom(t, ChromiumQuotaChars, map[string]string{"other-app": strings.Repeat("x", 1000)})
	s, _ := mustOpen(t, m, t0)
	u, err := s.Usage()
	if err != nil || u.UsedChars != m.UsedChars() || u.QuotaChars != ChromiumQuotaChars || u.Annotations != 0 ||
		u.MoreAnnotations != (ChromiumQuotaChars-m.UsedChars())/DefaultCharsPerAnnotation {
		t.Fatalf("empty store: %+v, %v (memory uses %d)", u, err, m.UsedChars())
	}

	lib := realistic.NewLibrary(3, 10, 2_000)
	for id, list := range lib.Annotations {
		must(t, s.PutMany(id, list))
	}
	must(t, m.Set("other-app", "y")) // others change their keys without telling us
	check := func(s *Store, what string) Usage {
		t.Helper()
		u, err := s.Usage()
		if err != nil || u.UsedChars != m.UsedChars() || u.Annotations != 2_000 {
			t.Fatalf("%s: %+v, %v (memory uses %d)", what, u, err, m.UsedChars())
		}
		per := float64(u.AnnotationChars) / 2_000
		if per < 40 || per > 100 {
			t.Errorf("%s: %.1f characters per realistic annotation", what, per)
		}
		if want := (ChromiumQuotaChars - u.UsedChars) / int(per+0.999); u.MoreAnnotations < want-1 || u.MoreAnnotations > want {
			t.Errorf("%s: %d more annotations, want about %d", what, u.MoreAnnotations, want)
		}
		return u
	}
	u = check(s, "after writing")
	t.Logf("%+v", u)
	again, _ := mustOpen(t, m, t0)
	check(again, "after opening")

	// Another tab's change is counted from the event's value.
	other, _ := mustOpen(t, m, t0)
	list := lib.Annotations[realistic.ArticleID(0)]
	must(t, other.Delete(realistic.ArticleID(0), list[0].ID, t0))
	key := annotationsKey(realistic.ArticleID(0))
	v, _, _ := m.Get(key)
	if _, err := again.ApplyExternal(key, v); err != nil {
		t.Fatal(err)
	}
	check(again, "after another tab's change")

	if u, _ := mustOpenUsage(t, NewMemory(0)); u.QuotaChars != 0 || u.MoreAnnotations != -1 {
		t.Errorf("unlimited memory: %+v", u)
	}
}

func mustOpenUsage(t *testing.T, b Backend) (Usage, error) {
	s, _ := mustOpen(t, b, t0)
	return s.Usage()
}

func TestUTF16Len(t *testing.T) {
	for _, s := range []string{"", "abc", "é", "€", "📉", "a📉b€", "\xff", "\xf0\x9f", "\xf0\x9f\x93", "\xf0\x9f\x93\x89\xff", string(packBytes(nil, []byte("packed")))} {
		if got, want := utf16Len(s), len(utf16.Encode([]rune(s))); got != want {
			t.Errorf("utf16Len(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzUTF16Len(f *testing.F) {
	f.Add("a📉\xf0\x9f\x93b")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := utf16Len(s), len(utf16.Encode([]rune(s))); got != want {
			t.Fatalf("utf16Len(%q) = %d, want %d", s, got, want)
		}
	})
}
