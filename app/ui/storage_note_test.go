package ui

import (
	"testing"

	"github.com/annotator/annotator/app/store"
)

func TestUsageLine(t *testing.T) {
	q := store.ChromiumQuotaChars
	for _, c := range []struct {
		u    store.Usage
		want string
	}{
		{store.Usage{UsedChars: 40, QuotaChars: q, MoreAnnotations: 40_331},
			"Nothing you wrote is stored yet; under 1% of this browser's storage for Annotator is used. About 40,000 annotations fit."},
		{store.Usage{UsedChars: 600_000, QuotaChars: q, Annotations: 10_000, AnnotationChars: 588_000, MoreAnnotations: 78_960},
			"Your 10,000 annotations take 11% of this browser's storage for Annotator. About 78,000 more annotations fit."},
		{store.Usage{UsedChars: 2_000_000, QuotaChars: q, Annotations: 1, AnnotationChars: 130, MoreAnnotations: 25_000},
			"Your 1 annotation takes under 1% of this browser's storage for Annotator (38% used in all). About 25,000 more annotations fit."},
		{store.Usage{UsedChars: q, QuotaChars: q, Annotations: 88_000, AnnotationChars: q - 100, MoreAnnotations: 0},
			"Your 88,000 annotations take 100% of this browser's storage for Annotator. It is full: export your annotations, then remove an article you no longer need."},
		{store.Usage{UsedChars: 9_000, Annotations: 150, AnnotationChars: 8_800, MoreAnnotations: -1},
			"Your 150 annotations take 8,800 characters of this browser's storage."},
	} {
		if got := usageLine(c.u); got != c.want {
			t.Errorf("usageLine(%+v)\n got %s\nwant %s", c.u, got, c.want)
		}
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %s, want %s", n, got, want)
		}
	}
}
