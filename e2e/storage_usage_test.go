//go:build e2e

package e2e

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/store"
	"github.com/annotator/annotator/internal/realistic"
	"github.com/chromedp/chromedp"
)

// The library's storage line says how many annotations are stored, how
// much of the browser's storage they take and about how many more fit, as
// Store.Usage measures it, and counts a new highlight.
func TestStorageUsageLine(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.do(t, chromedp.Navigate(h.URL+"/web/app.css"))
	const n = 1_000
	kv := storedForm(t, realistic.NewLibrary(18, 1, n).Annotations)
	seedStorage(t, b, kv)

	// What the store itself says of the same storage.
	m := store.NewMemory(store.ChromiumQuotaChars)
	for k, v := range kv {
		if err := m.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	s, _, err := store.Open(m)
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.Usage()
	if err != nil {
		t.Fatal(err)
	}

	b.open(t, h.URL+"/")
	b.waitFor(t, "the storage line", `(document.getElementById("storage-usage")?.textContent || "").includes("more annotations fit")`)
	line := eval[string](t, b, `document.getElementById("storage-usage").textContent`)
	if !strings.HasPrefix(line, "Your 1,000 annotations take ") {
		t.Errorf("storage line %q does not count the 1,000 annotations", line)
	}
	more := regexp.MustCompile(`About ([0-9,]+) more annotations fit`).FindStringSubmatch(line)
	if more == nil {
		t.Fatalf("storage line %q says nothing of what fits", line)
	}
	got, _ := strconv.Atoi(strings.ReplaceAll(more[1], ",", ""))
	// The page rounds down to two significant digits, and its storage also
	// holds go-app's few keys.
	if d := float64(got-want.MoreAnnotations) / float64(want.MoreAnnotations); d > 0.02 || d < -0.12 {
		t.Errorf("the page says %d more fit, the store estimates %d", got, want.MoreAnnotations)
	}
	if got < 40_000 {
		t.Errorf("only %d more realistic annotations fit after 1,000: issue 18 wants 50,000 in all", got)
	}

	// A new highlight adds one: the line follows.
	b.open(t, h.URL+seedPath)
	b.highlight(t, "candid, substantive, and constructive")
	b.open(t, h.URL+"/")
	b.waitFor(t, "the storage line after a highlight", `(document.getElementById("storage-usage")?.textContent || "").startsWith("Your 1,001 annotations")`)
	b.noPageErrors(t)
}
