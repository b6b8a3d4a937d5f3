package search

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annotator/annotator/internal/searchcorpus"
	"github.com/sahilm/fuzzy"
)

// benchDocs generates n annotations of about 160 bytes of English-like text,
// with Zipf-distributed words, deterministically (internal/searchcorpus's
// sentences, the same data as the search benchmarks of app/searchindex and
// of the browser).
func benchDocs(n int) []Doc {
	g := searchcorpus.NewGenerator()
	titles := make([]string, 200)
	for i := range titles {
		titles[i] = g.Sentence(30)
	}
	tags := searchcorpus.Tags()
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]Doc, n)
	for i := range docs {
		art := g.IntN(len(titles))
		docs[i] = Doc{
			ID: fmt.Sprintf("a%06d", i), Article: fmt.Sprintf("art-%d", art), ArticleTitle: titles[art],
			Quote: g.Sentence(85), Note: g.Sentence(28), Tags: []string{tags[g.IntN(len(tags))]},
			Modified: start.Add(time.Duration(i) * time.Minute),
		}
	}
	return docs
}

// benchQueries are typed keystroke by keystroke: each prefix is a query.
// Some have typos, some match nothing.
var benchWords = []string{
	"gov", "gover", "infla", "econo", "elect", "minis", "budget", "tax", "clim", "health",
	"goverm", "inflaton", "ecnomy", "cliam", "elcetion", "polcie", // typos
	"qzx", "zzkq", "xylo", "jjv", // nothing
	"pric", "wages", "summi", "coal", "bala", "ton", "tra", "sho",
}

func benchQueries() []string {
	var qs []string
	for _, w := range benchWords {
		for i := 1; i <= len(w); i++ {
			qs = append(qs, w[:i])
		}
	}
	return qs
}

var (
	benchOnce  sync.Map // n → *benchSet
	benchLimit = 20
)

type benchSet struct {
	docs  []Doc
	ix    *Index
	whole []string // each annotation's fields joined, for plain fuzzy.Find
}

func loadBench(n int) *benchSet {
	if s, ok := benchOnce.Load(n); ok {
		return s.(*benchSet)
	}
	s := &benchSet{docs: benchDocs(n), ix: NewIndex()}
	for _, d := range s.docs {
		s.ix.Add(d)
		s.whole = append(s.whole, strings.Join([]string{d.Quote, d.Note, strings.Join(d.Tags, " "), d.ArticleTitle}, " "))
	}
	benchOnce.Store(n, s)
	return s
}

func benchSearch(b *testing.B, n int) {
	s := loadBench(n)
	qs := benchQueries()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s.ix.Search(qs[i%len(qs)], benchLimit)
	}
}

func BenchmarkSearch10k(b *testing.B)  { benchSearch(b, 10_000) }
func BenchmarkSearch100k(b *testing.B) { benchSearch(b, 100_000) }

func BenchmarkFuzzyFindBaseline10k(b *testing.B) {
	s := loadBench(10_000)
	qs := benchQueries()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		fuzzy.Find(qs[i%len(qs)], s.whole)
	}
}

func BenchmarkIndexBuild10k(b *testing.B) {
	docs := benchDocs(10_000)
	b.ReportAllocs()
	for b.Loop() {
		ix := NewIndex()
		for _, d := range docs {
			ix.Add(d)
		}
	}
}

// BenchmarkKeystrokes types every query of benchQueries keystroke by
// keystroke over n annotations (1,000, 10,000 and 100,000), and reports
// per keystroke the median and 95th percentile (median-µs, p95-µs), the
// median by query length (len1-µs … len5+-µs), and how many times slower
// plain fuzzy.Find over whole annotations is, measured in the same run
// (fuzzy-x: the ratio of the medians). For example:
//
//	go test -run '^$' -bench Keystrokes ./app/search/
func BenchmarkKeystrokes(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			s := loadBench(n)
			qs := benchQueries()
			var all []time.Duration
			byLen := map[int][]time.Duration{}
			for b.Loop() {
				for _, q := range qs {
					t0 := time.Now()
					s.ix.Search(q, benchLimit)
					d := time.Since(t0)
					all = append(all, d)
					byLen[min(len(q), 5)] = append(byLen[min(len(q), 5)], d)
				}
			}
			b.StopTimer()
			var baseline []time.Duration
			for _, q := range qs {
				t0 := time.Now()
				fuzzy.Find(q, s.whole)
				baseline = append(baseline, time.Since(t0))
			}
			med := quantile(all, 0.5)
			b.ReportMetric(micros(med), "median-µs")
			b.ReportMetric(micros(quantile(all, 0.95)), "p95-µs")
			for l := 1; l <= 5; l++ {
				unit := fmt.Sprintf("len%d-µs", l)
				if l == 5 {
					unit = "len5+-µs"
				}
				b.ReportMetric(micros(quantile(byLen[l], 0.5)), unit)
			}
			b.ReportMetric(float64(quantile(baseline, 0.5))/float64(max(med, 1)), "fuzzy-x")
		})
	}
}

// quantile returns the q-quantile of ds (which it sorts).
func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[min(len(ds)-1, int(float64(len(ds))*q))]
}

func micros(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 }
