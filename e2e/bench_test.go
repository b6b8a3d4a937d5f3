//go:build e2e

package e2e

import (
	"os"
	"sort"
	"testing"
	"time"
)

// benchOnly skips a benchmark test unless BENCH=1 (make bench sets it):
// timings are reported, never asserted, so a slow machine fails nothing.
func benchOnly(t *testing.T) {
	if os.Getenv("BENCH") == "" {
		t.Skip("a browser benchmark: run with BENCH=1 (make bench)")
	}
}

// stats returns the median and the 95th percentile.
func stats(xs []float64) (median, p95 float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	median = s[len(s)/2]
	if len(s)%2 == 0 {
		median = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	i := int(float64(len(s))*0.95+0.5) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(s) {
		i = len(s) - 1
	}
	return median, s[i]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
