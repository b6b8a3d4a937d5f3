//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/webpage"
	"github.com/annotator/annotator/internal/testpages"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// addProbe runs in every new document: it records, in ms since the
// navigation began, when the add box's Add button was pressed and when
// the reader page first shows an article holding window.__add.want (the
// opening of its last block), and the frame after that.
const addProbe = `(() => {
	window.__add = {};
	document.addEventListener("click", (e) => {
		const b = e.target && e.target.closest && e.target.closest(".add-article button[type=submit]");
		if (b && __add.pressed === undefined) __add.pressed = performance.now();
	}, true);
	new MutationObserver(() => {
		const m = window.__add;
		if (m.want && m.pressed !== undefined && m.shown === undefined && location.pathname.startsWith("/read/") &&
			(document.querySelector("article")?.textContent || "").includes(m.want)) {
			m.shown = performance.now();
			requestAnimationFrame(() => setTimeout(() => { m.painted = performance.now(); }, 0));
		}
	}).observe(document, {subtree: true, childList: true, characterData: true});
})()`

// TestBenchAddByAddress measures issue 16's number (BENCH=1, run by make
// bench): on loopback, from pressing Add with a 5,000-word page's address
// in the add box to the article shown on the reader page (the whole
// article, its last block included, in the DOM; and the next frame). The
// page is internal/testpages.LongPage(5000), about 455 KB of HTML with a
// news site's clutter (scripts, navigation, comments), served by a page
// server of the test's own to the e2efetch host (add_address_test.go).
// Two figures over fresh profiles: the first address a fresh tab adds,
// and a second one in the same tab, back on the library. Each is split
// into the host's part (the /api/fetch request as the browser's resource
// timing saw it: the fetch, the extraction, the JSON) and the app's (the
// press to the request, and the answer to the article shown: decoding,
// storing, opening the reader page).
func TestBenchAddByAddress(t *testing.T) {
	benchOnly(t)
	const runs = 5
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		t.Logf("load average: %s (timings on a busy machine run long)", strings.TrimSpace(string(load)))
	}
	data := testpages.LongPage(5000)
	addr, _ := url.Parse("http://127.0.0.1/long")
	art, err := webpage.Extract("long", data, webpage.Page{URL: addr, ContentType: "text/html; charset=utf-8"})
	if err != nil {
		t.Fatal(err)
	}
	last := art.Blocks[len(art.Blocks)-1].Text
	if len(last) > 40 {
		last = last[:40]
	}
	t.Logf("the page: %d bytes of HTML, an article of %d words in %d blocks", len(data), art.Words, len(art.Blocks))

	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	pages := ln.Addr().String()
	h := startFetchHost(t, pages)

	type timing struct{ total, painted, before, host, after float64 }
	n := 0
	// add presses Add with a new address of the page (each address is a
	// new article) and returns the timings.
	add := func(b *browser) timing {
		n++
		b.waitFor(t, "the add box", `!!document.getElementById("paste-article")`)
		b.do(t, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`window.__add = {want: %q}; performance.clearResourceTimings()`, last)))
		b.typeInto(t, "textbox", addBox, fmt.Sprintf("http://%s/long/%d", pages, n))
		b.clickExact(t, "button", addButton)
		b.waitFor(t, "the article shown", `window.__add.painted !== undefined`)
		type result struct{ Pressed, Shown, Painted, Start, End float64 }
		r := eval[result](t, b, `(() => {
			const f = performance.getEntriesByType("resource").find((e) => e.name.includes("/api/fetch?url="));
			return {pressed: __add.pressed, shown: __add.shown, painted: __add.painted, start: f ? f.startTime : 0, end: f ? f.responseEnd : 0};
		})()`)
		return timing{
			total:   r.Shown - r.Pressed,
			painted: r.Painted - r.Pressed,
			before:  r.Start - r.Pressed,
			host:    r.End - r.Start,
			after:   r.Shown - r.End,
		}
	}
	var first, second []timing
	for i := 0; i < runs; i++ {
		b := newBrowser(t, "")
		b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: addProbe})
			return err
		}))
		b.open(t, h.URL+"/")
		b.waitFor(t, "the hint of a host that fetches", `(document.getElementById("add-article-hint")?.textContent || "").startsWith("Paste a web page's address")`)
		first = append(first, add(b))
		b.click(t, "link", "Library")
		second = append(second, add(b))
		b.noPageErrors(t)
		b.quit()
	}
	report := func(name string, ts []timing) {
		col := func(f func(timing) float64) []float64 {
			var out []float64
			for _, x := range ts {
				out = append(out, f(x))
			}
			return out
		}
		total := col(func(x timing) float64 { return x.total })
		t.Logf("%s: Add pressed to the article shown, median of %d: %.0f ms (runs %v); to the next frame %.0f ms; of which the press to the request %.0f ms, /api/fetch (host: fetch, extraction, JSON) %.0f ms, the answer to the article shown (app: decode, store, open) %.0f ms",
			name, len(ts), median(total), rounded(total),
			median(col(func(x timing) float64 { return x.painted })),
			median(col(func(x timing) float64 { return x.before })),
			median(col(func(x timing) float64 { return x.host })),
			median(col(func(x timing) float64 { return x.after })))
	}
	report("first address in a fresh tab", first)
	report("second address in the same tab", second)
}
