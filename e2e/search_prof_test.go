//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// TestProfileSearch records Chromium's CPU profile of the search at 10,000
// annotations (PROF=1 go test -tags e2e -run ProfileSearch -v ./e2e/): the
// first build of the index, then typing. It prints the functions that take
// the most time, by self time and by total time. To see Go's function
// names, build the wasm without -s -w.
func TestProfileSearch(t *testing.T) {
	if os.Getenv("PROF") == "" {
		t.Skip("set PROF=1 to profile search in the browser")
	}
	h := startHostWeb(t, copyArticles(t), "127.0.0.1:0", wasmWeb(t, "./cmd/annotator", "searchbench"))
	b := newBrowser(t, "")
	b.open(t, h.URL+"/?searchbench=1")
	b.waitFor(t, "the benchmark hook", `!!window.annotatorSearchBench`)
	if msg := eval[string](t, b, `annotatorSearchBench.seed(10000)`); msg != "" {
		t.Fatal(msg)
	}
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitFor(t, "the search box", `!!document.getElementById("search-input")`)
	start := func() {
		b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if _, err := cdp.Call(ctx, tg, profiler.Enable, cdp.Empty{}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, tg, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 50}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, tg, profiler.Start, cdp.Empty{})
			return err
		}))
	}
	stop := func(what string) {
		var prof *profiler.Profile
		b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			r, err := cdp.Call(ctx, tg, profiler.Stop, cdp.Empty{})
			prof = r.Profile
			return err
		}))
		report(t, what, prof)
	}
	start()
	b.click(t, "searchbox", "Search annotations")
	b.waitFor(t, "the index", `performance.getEntriesByName("annotator:search-index-build").length > 0`)
	stop(fmt.Sprintf("first build (%.1f ms)", eval[float64](t, b, `performance.getEntriesByName("annotator:search-index-build")[0].duration`)))
	eval[bool](t, b, benchProbe)
	for _, w := range benchWords[:6] { // warm up
		benchType(t, b, w)
	}
	benchType(t, b, "gover")
	for _, css := range []string{"", ".search-input { contain: strict; height: 2.4rem; }", ".site-header .search { contain: size layout style; height: 2.4rem; }", ".site-header { contain: strict; height: 4rem; }", ".search-popup { contain: layout style; }", ".search-result { contain: content; }"} {
		if css != "" {
			eval[bool](t, b, `(document.styleSheets[0].insertRule(`+jsString(css)+`), true)`)
		}
		t.Logf("layout costs %s: %s", css, eval[string](t, b, layoutProbe))
		if css != "" {
			eval[bool](t, b, `(document.styleSheets[0].deleteRule(0), true)`)
		}
	}
	start()
	var ks []keystroke
	for _, w := range benchWords {
		ks = append(ks, benchType(t, b, w)...)
	}
	stop(fmt.Sprintf("%d keystrokes", len(ks)))
}

func report(t *testing.T, what string, p *profiler.Profile) {
	self := map[int64]int64{}
	dt := map[int64]int64{}
	for i, s := range p.Samples {
		dt[s] += p.TimeDeltas[i]
	}
	byID, parent := profileTree(p)
	name := func(n *profiler.ProfileNode) string {
		f := n.CallFrame.FunctionName
		if f == "" {
			f = "(anon)"
		}
		return f
	}
	selfBy, totalBy := map[string]int64{}, map[string]int64{}
	var all int64
	for id, us := range dt {
		n := byID[id]
		if nm := name(n); nm == "(idle)" || nm == "(program)" {
			continue
		}
		all += us
		self[id] += us
		selfBy[name(n)] += us
		seen := map[string]bool{}
		for x := id; ; {
			nm := name(byID[x])
			if !seen[nm] {
				seen[nm] = true
				totalBy[nm] += us
			}
			px, ok := parent[x]
			if !ok {
				break
			}
			x = px
		}
	}
	top := func(m map[string]int64, k int) []string {
		var names []string
		for n := range m {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool { return m[names[i]] > m[names[j]] })
		return names[:min(k, len(names))]
	}
	t.Logf("== %s: %.1f ms busy", what, float64(all)/1000)
	t.Logf("-- self")
	for _, n := range top(selfBy, 45) {
		t.Logf("%8.2f ms  %s", float64(selfBy[n])/1000, n)
	}
	t.Logf("-- total")
	for _, n := range top(totalBy, 70) {
		t.Logf("%8.2f ms  %s", float64(totalBy[n])/1000, n)
	}
}

const layoutProbe = `(() => {
	const ul = document.getElementById("search-results");
	const time = f => { ul.getBoundingClientRect(); const t0 = performance.now(); for (let i = 0; i < 30; i++) { f(i); ul.getBoundingClientRect(); } return ((performance.now() - t0) / 30).toFixed(3); };
	const lis = [...ul.children];
	const line = (j, c) => lis[j].querySelector(c).lastChild;
	const out = {visible: lis.filter(li => li.getBoundingClientRect().top < ul.parentElement.getBoundingClientRect().bottom).length};
	out.none = time(i => {});
	out.status = time(i => { document.getElementById("search-status").textContent = "x" + i; });
	out.count = time(i => { document.getElementById("search-count").textContent = "x" + i; });
	out.attr = time(i => ul.setAttribute("data-query", "q" + i));
	out.input = time(i => { document.getElementById("search-input").value = "gover" + i; });
	for (const n of [1, 4, 8, 20]) {
		out["quotes" + n] = time(i => { for (let j = 0; j < Math.min(n, lis.length); j++) line(j, ".result-quote").nodeValue = "x" + i + "”"; });
		out["titles" + n] = time(i => { for (let j = 0; j < Math.min(n, lis.length); j++) line(j, ".result-title").nodeValue = "x" + i; });
	}
	return JSON.stringify(out);
})()`

// profileTree indexes a CPU profile's nodes by id, and each node's parent
// by the child's id (the profile lists children only).
func profileTree(p *profiler.Profile) (byID map[int64]*profiler.ProfileNode, parent map[int64]int64) {
	byID, parent = map[int64]*profiler.ProfileNode{}, map[int64]int64{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	return byID, parent
}
