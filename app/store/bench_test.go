package store

import (
	"fmt"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// benchAnnotation is an annotation of a realistic size: a sentence quoted
// with context, a label, two tags and a short note.
func benchAnnotation(article string, n int) annotation.Annotation {
	a := withNote(ann(article, n, t0), "A short note about why this sentence matters.")
	a.Quote.Exact = fmt.Sprintf("This is quoted sentence number %d, about as long as a typical highlight.", n)
	a.Quote.Prefix = "the thirty or so characters before "
	a.Quote.Suffix = " and the thirty or so after it"
	a.Tags = []string{"method", "follow-up"}
	a.ArticleHash = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	return a
}

// BenchmarkOpen: 10,000 annotations over 20 articles.
func BenchmarkOpen(b *testing.B) {
	m := NewMemory(0) // see stored-chars: against ChromiumQuotaChars
	s, _ := mustOpen(b, m, t0)
	for art := 0; art < 20; art++ {
		var list []annotation.Annotation
		for i := 0; i < 500; i++ {
			list = append(list, benchAnnotation(fmt.Sprintf("article-%d", art), art*500+i))
		}
		if err := s.PutMany(fmt.Sprintf("article-%d", art), list); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(m.UsedChars()), "stored-chars")
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := open(m, fixedClock(t0)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPut: one annotation into an article holding 1,000.
func BenchmarkPut(b *testing.B) {
	m := NewMemory(0)
	s, _ := mustOpen(b, m, t0)
	var list []annotation.Annotation
	for i := 0; i < 1000; i++ {
		list = append(list, benchAnnotation("big", i))
	}
	if err := s.PutMany("big", list); err != nil {
		b.Fatal(err)
	}
	a := benchAnnotation("big", 5000)
	n := 0
	for b.Loop() {
		n++
		a.Modified = t0.Add(time.Duration(n) * time.Millisecond)
		if err := s.Put(a); err != nil {
			b.Fatal(err)
		}
	}
}
