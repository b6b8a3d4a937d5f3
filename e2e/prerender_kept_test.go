//go:build e2e

package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// keptProbe marks the prerendered page's nodes as soon as the document is
// parsed, before app.wasm can run, and records the page's Largest
// Contentful Paint entries with their elements.
const keptProbe = `(() => {
	// first is an element's first child that is not whitespace between tags.
	window.__kept = {lcp: [], first: (el) => [...el.childNodes].find(n => n.nodeType !== 3 || n.data.trim() !== "")};
	document.addEventListener("DOMContentLoaded", () => {
		for (const el of document.body.querySelectorAll("*")) {
			el.__prerendered = true;
			const first = __kept.first(el);
			if (first) first.__prerendered = true;
		}
	});
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) __kept.lcp.push(e);
	}).observe({type: "largest-contentful-paint", buffered: true});
})()`

// The live app takes over the prerendered page without replacing its
// nodes (go-app patch 0007-hydrate-prerendered): the article's blocks, the
// title and the library's list are the very elements and text nodes the
// host sent, so the text is not painted a second time and the page's
// Largest Contentful Paint stays the prerendered text's (issue 18). Before
// the patch every one of them was new.
func TestPrerenderedNodesKept(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	for _, c := range []struct{ path, blocks string }{
		{seedPath, "article [data-start]"},
		{"/", "ul.article-list > li"},
	} {
		b := newBrowser(t, "")
		b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: keptProbe})
			return err
		}))
		b.open(t, h.URL+c.path)
		type kept struct {
			Blocks, KeptBlocks, KeptTexts int
			Title                         bool
			LCP                           int
			LCPKept                       bool
		}
		got := eval[kept](t, b, `(() => {
			const blocks = [...document.querySelectorAll(`+"`"+c.blocks+"`"+`)];
			const last = __kept.lcp[__kept.lcp.length - 1];
			return {
				Blocks: blocks.length,
				KeptBlocks: blocks.filter(el => el.__prerendered).length,
				KeptTexts: blocks.filter(el => __kept.first(el) && __kept.first(el).__prerendered).length,
				Title: !!document.querySelector("h1").__prerendered,
				LCP: __kept.lcp.length,
				LCPKept: !!(last && last.element && last.element.isConnected && last.element.__prerendered),
			};
		})()`)
		t.Logf("%s: %+v", c.path, got)
		if got.Blocks == 0 {
			t.Fatalf("%s: no %s", c.path, c.blocks)
		}
		if got.KeptBlocks != got.Blocks || got.KeptTexts != got.Blocks || !got.Title {
			t.Errorf("%s: the live app replaced prerendered nodes: %d of %d blocks kept, %d of their first children, title kept %v",
				c.path, got.KeptBlocks, got.Blocks, got.KeptTexts, got.Title)
		}
		if got.LCP > 0 && !got.LCPKept {
			t.Errorf("%s: the Largest Contentful Paint is not a prerendered element still in the page (%d entries)", c.path, got.LCP)
		}
		b.noPageErrors(t)
		b.quit()
	}
}
