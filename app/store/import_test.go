package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// TestApplyFullStorage: an import that fails part way takes back what it
// wrote, and one that fails at once touches nothing; neither reports a
// failure to take back.
func TestApplyFullStorage(t *testing.T) {
	art := localArticle(t, "pack-notes")
	var list []annotation.Annotation
	for i := 1; i <= 20; i++ {
		a := ann("pack-notes", i, t0)
		a.Note, a.Kind = noise(i, 200), annotation.KindNote // stored compressed: it must not shrink
		list = append(list, a)
	}
	writes := map[string][]annotation.Annotation{"pack-notes": list, "seed": {ann("seed", 1, t0)}}

	for _, c := range []struct {
		name  string
		quota int
	}{
		{"nothing fits", 200},
		{"the article fits, the annotations do not", 2000},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := NewMemory(c.quota)
			s, _ := mustOpen(t, m, t0)
			before := m.Snapshot()
			err := s.Apply(Batch{Articles: []*article.Article{art}, Annotations: writes})
			if !IsQuota(err) || strings.Contains(err.Error(), "put back") {
				t.Fatalf("Apply: %v; want a quota error and nothing to put back", err)
			}
			after := m.Snapshot()
			delete(after, metaKey) // the schema key may have been written
			delete(before, metaKey)
			if len(after) != len(before) {
				t.Errorf("storage holds part of the import: %v", after)
			}
			if len(s.LocalArticles()) != 0 || len(s.Annotations("pack-notes")) != 0 || len(s.Annotations("seed")) != 0 || len(s.Pending()) != 0 {
				t.Errorf("memory holds part of the import; pending %v", s.Pending())
			}
		})
	}

	m := NewMemory(0)
	s, _ := mustOpen(t, m, t0)
	if err := s.Apply(Batch{Articles: []*article.Article{art}, Annotations: writes}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	again, _ := mustOpen(t, m, t0)
	if len(again.LocalArticles()) != 1 || len(again.Annotations("pack-notes")) != 20 || len(again.Annotations("seed")) != 1 {
		t.Errorf("after the import: %d articles, %d + %d annotations", len(again.LocalArticles()), len(again.Annotations("pack-notes")), len(again.Annotations("seed")))
	}

	// Checked before anything is written.
	bad := ann("seed", 2, t0)
	bad.Kind = "poem"
	if err := s.Apply(Batch{Annotations: map[string][]annotation.Annotation{"seed": {bad}}}); err == nil || IsQuota(err) {
		t.Errorf("an invalid annotation: %v", err)
	}
	broken := localArticle(t, "broken")
	broken.Hash = "sha256:00"
	if err := s.Apply(Batch{Articles: []*article.Article{broken}}); err == nil || errors.Is(err, ErrQuota) {
		t.Errorf("a broken article: %v", err)
	}
}

// noise is n letters that do not compress: a linear congruential sequence
// seeded by i.
func noise(i, n int) string {
	b := make([]byte, n)
	x := uint32(i)*2654435761 + 1
	for j := range b {
		x = x*1664525 + 1013904223
		b[j] = 'a' + byte(x>>24)%26
	}
	return string(b)
}
