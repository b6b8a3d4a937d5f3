//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPanelListsLongArticle opens the scale benchmark's article of 1,000
// annotations from the library. Its side panel's lists draw their
// entries after the article's first paint, a slice per frame
// (app/ui/panel_list.go): every entry must end up listed, each a button,
// "Show more" must list the next ones, and the slices must update the
// lists alone, not render the reader page again (its last
// annotator:render measure starts before the marks were in the page).
func TestPanelListsLongArticle(t *testing.T) {
	big := newBigOpen(t)
	h := startHost(t, big.dir, "127.0.0.1:0")
	b := newBrowser(t, "")
	b.do(t, chromedp.Navigate(h.URL+"/web/app.css"))
	seedStorage(t, b, big.kv)
	b.open(t, h.URL+"/")

	marks := `new Set([...document.querySelectorAll("article mark[data-annotation-id]")].map(m => m.dataset.annotationId)).size`
	b.stopwatch(t, "click", `(e) => !!e.target.closest('a[href="/read/`+big.ID+`"]')`,
		`!!document.querySelector('article[data-article-id="`+big.ID+`"]') && `+marks+` >= `+itoa(big.count))
	b.click(t, "link", big.Title)
	b.stopwatchRead(t, "the article's marks")

	// The headings count every entry at once; the lists fill in.
	count := func(heading string) int {
		return eval[int](t, b, `+document.getElementById("`+heading+`").textContent.match(/\((\d+)\)/)[1]`)
	}
	claims, anns := count("claims-heading"), count("annotations-heading")
	if claims == 0 || anns <= 100 {
		t.Fatalf("the article has %d claims and %d other annotations; the test needs claims and more than 100 others", claims, anns)
	}
	claimEntries := `document.querySelectorAll('.claims-list li.claim-item button.annotation-open').length`
	annEntries := `document.querySelectorAll('.annotation-list ol li.annotation-item button.annotation-open').length`
	b.waitFor(t, "every claim and the first 100 annotations listed",
		claimEntries+` === `+itoa(claims)+` && `+annEntries+` === 100`)

	if got := eval[bool](t, b, `(() => {
		const r = performance.getEntriesByName("annotator:render");
		return r.length > 0 && r[r.length - 1].startTime < __sw.done;
	})()`); !got {
		t.Error("the reader page rendered again after the article's marks were in the page: the panel's slices should update its lists alone")
	}

	b.click(t, "button", "Show "+itoa(min(100, anns-100))+" more of "+itoa(anns)+" annotations")
	b.waitFor(t, "the next annotations listed", annEntries+` === `+itoa(min(200, anns)))
	b.noPageErrors(t)
}
