//go:build js && wasm

package store

import (
	"sort"
	"testing"
	"time"
)

// BenchmarkReadEntryInBrowser is TestBenchReadEntry's (e2e/bench_read_entry_test.go):
// added to app/store with go test -overlay, so that the same code measures
// this build and the baseline. It stores the realistic entry of 1,000
// annotations in the page's localStorage, reads it once, then times each
// read warm, from localStorage.getItem to validated annotations, as the
// store reads an article's entry when it opens (readForBench: the tree's
// own way, read_get.go or read_unpacked.go), then the store's own read of
// the key (load) as many times.
func BenchmarkReadEntryInBrowser(b *testing.B) {
	id, _, packed := realisticEntry(1000)
	ls := NewLocalStorage()
	key := annotationsKey(id)
	if err := ls.Set(key, packed); err != nil {
		b.Fatal(err)
	}
	// Each read's time, and that of its getItem alone.
	var d, get []time.Duration
	var buf []byte
	read := func() {
		t := time.Now()
		good, problems, got, err := readForBench(ls, key, id, &buf)
		if err != nil || len(problems) > 0 || len(good) != 1000 {
			b.Fatal(err, problems)
		}
		d, get = append(d, time.Since(t)), append(get, got)
	}
	read() // the first read: V8 compiles what it calls
	d, get = d[:0], get[:0]
	for b.Loop() {
		read()
	}
	ms := func(x time.Duration) float64 { return float64(x.Nanoseconds()) / 1e6 }
	for _, x := range [][]time.Duration{d, get} {
		sort.Slice(x, func(i, j int) bool { return x[i] < x[j] })
	}
	b.ReportMetric(ms(d[0]), "min-ms")
	b.ReportMetric(ms(d[len(d)/2]), "median-ms")
	b.ReportMetric(ms(d[len(d)*9/10]), "p90-ms")
	b.ReportMetric(ms(get[len(get)/2]), "getItem-median-ms") // getItem to bytes in Go
	b.ReportMetric(ms(get[0]), "getItem-min-ms")

	// The same entry read as the store's opening reads each key (load:
	// getItem, decodeArticle, the annotations put in the store's map),
	// as many times.
	s, _, err := open(ls, time.Now)
	if err != nil {
		b.Fatal(err)
	}
	var loads []time.Duration
	for range len(d) {
		t := time.Now()
		if err := s.load(&Report{}, key); err != nil {
			b.Fatal(err)
		}
		loads = append(loads, time.Since(t))
	}
	if len(s.Annotations(id)) != 1000 {
		b.Fatal("load lost annotations")
	}
	sort.Slice(loads, func(i, j int) bool { return loads[i] < loads[j] })
	b.ReportMetric(ms(loads[len(loads)/2]), "load-median-ms")
	b.ReportMetric(ms(loads[0]), "load-min-ms")
}
