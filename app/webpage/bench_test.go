package webpage

import (
	"net/url"
	"testing"
	"time"

	"github.com/annotator/annotator/internal/testpages"
)

// BenchmarkExtract5000Words extracts the article from a page of about
// 5,000 words, and reports milliseconds per page.
func BenchmarkExtract5000Words(b *testing.B) {
	page := testpages.LongPage(5000)
	addr, _ := url.Parse("https://courier.example.com/long")
	a, err := Extract("long", page, Page{URL: addr, ContentType: "text/html; charset=utf-8"})
	if err != nil {
		b.Fatal(err)
	}
	if a.Words < 4800 || a.Words > 5300 || a.Title != "A long report on the river crossing" {
		b.Fatalf("extracted %d words titled %q", a.Words, a.Title)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := Extract("long", page, Page{URL: addr}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/page")
}
