//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/chromedp/chromedp"
)

type editedSet struct {
	Original string `json:"original"`
	Edited   string `json:"edited"`
	Cases    []struct {
		Exact    string  `json:"exact"`
		Prefix   string  `json:"prefix"`
		Suffix   string  `json:"suffix"`
		Position [2]int  `json:"position"`
		Expected *[2]int `json:"expected"`
	} `json:"cases"`
}

// TestBenchAnchoring measures, in Chromium with the wasm build, a
// 20,000-word article with 1,000 highlights: navigation to highlights
// painted, re-anchoring all of them on the original and on an edited text,
// and adding one more highlight from click to paint.
func TestBenchAnchoring(t *testing.T) {
	benchOnly(t)
	data, err := os.ReadFile(filepath.Join(repoRoot, "app", "anchor", "testdata", "anchoring", "edited-article-1000.json"))
	if err != nil {
		t.Fatal(err)
	}
	var set editedSet
	if err := json.Unmarshal(data, &set); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(text string) *article.Article {
		file := "Bench article\n\n" + text
		if err := os.WriteFile(filepath.Join(dir, "bench-article.txt"), []byte(file), 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := article.ParseText("bench-article", []byte(file))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	orig := write(set.Original)
	if orig.Text != set.Original {
		t.Fatalf("the article's canonical text differs from the data set's original")
	}
	// The 1,000 annotations as the app stores them.
	now := time.Now().UTC().Truncate(time.Millisecond)
	var anns []annotation.Annotation
	for _, c := range set.Cases {
		anns = append(anns, annotation.Annotation{
			ID: annotation.NewID(), Article: "bench-article", ArticleHash: orig.Hash,
			Quote:    anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: c.Exact, Prefix: c.Prefix, Suffix: c.Suffix},
			Position: anchor.TextPositionSelector{Type: "TextPositionSelector", Start: c.Position[0], End: c.Position[1]},
			Kind:     annotation.KindHighlight, Label: annotation.LabelKeyPoint, Created: now, Modified: now,
		})
	}
	stored := storedForm(t, map[string][]annotation.Annotation{"bench-article": anns})
	h := startHost(t, dir, "127.0.0.1:0")

	var resolves []float64
	open := func(b *browser) (painted, anchorMs float64) {
		b.do(t, chromedp.Navigate(h.URL+"/read/bench-article"))
		painted = eval[float64](t, b, `new Promise(done => {
			const check = () => document.querySelectorAll("article mark[data-annotation-id]").length > 0 &&
				document.querySelector(".annotation-list") ? requestAnimationFrame(() => done(performance.now())) : requestAnimationFrame(check);
			check();
		})`)
		anchorMs = eval[float64](t, b, `performance.getEntriesByName("annotator:anchor").map(e => e.duration).pop() || -1`)
		resolves = append(resolves, eval[float64](t, b, `performance.getEntriesByName("annotator:resolve").map(e => e.duration).pop() || -1`))
		return
	}
	seed := func(b *browser) {
		b.open(t, h.URL+"/")
		seedStorage(t, b, stored)
	}

	var paints, anchors []float64
	for range 5 {
		b := newBrowser(t, "")
		seed(b)
		p, a := open(b)
		paints, anchors = append(paints, p), append(anchors, a)
	}
	pm, _ := stats(paints)
	am, _ := stats(anchors)
	rm, _ := stats(resolves)
	t.Logf("original text, 1,000 highlights (fresh profile each, so a cold start): navigation to highlights painted median %.0f ms %v; resolving all 1,000 in wasm median %.1f ms %v; with reading them from the store and ordering them %.1f ms", pm, paints, rm, resolves, am)
	resolves = nil

	// Click to paint for one more highlight, with the 1,000 on the page.
	b := newBrowser(t, "")
	seed(b)
	open(b)
	var clicks []float64
	phrases := []string{"We are there would all", "Particle them and out have", "In the the his which", "And most to the the a for", "the central and the the nation", "section can regression, other", "mineral paper the but two"}
	for i, phrase := range phrases {
		b.selectText(t, phrase, 0)
		b.waitFor(t, "the toolbar", `!!document.getElementById("selection-toolbar")`)
		eval[bool](t, b, `(() => {
			window.__t0 = 0; window.__painted = 0;
			const before = new Set([...document.querySelectorAll("mark[data-annotation-id]")].map(m => m.dataset.annotationId));
			document.getElementById("selection-toolbar").addEventListener("pointerdown", () => { window.__t0 = performance.now(); }, {capture: true, once: true});
			const obs = new MutationObserver(() => {
				if ([...document.querySelectorAll("mark[data-annotation-id]")].some(m => !before.has(m.dataset.annotationId))) {
					obs.disconnect();
					requestAnimationFrame(() => { window.__painted = performance.now(); });
				}
			});
			obs.observe(document.querySelector("article"), {childList: true, subtree: true});
			return true;
		})()`)
		b.click(t, "button", "Highlight")
		b.waitFor(t, "the new highlight painted", `window.__painted > 0`)
		clicks = append(clicks, eval[float64](t, b, `window.__painted - window.__t0`))
		_ = i
	}
	cm, _ := stats(clicks)
	t.Logf("adding a highlight with 1,000 on the page: click to paint median %.1f ms %v (target ≤ 50 ms)", cm, clicks)

	// The edited text: every annotation re-anchors or orphans.
	write(set.Edited)
	resolves = nil
	var epaints, eanchors []float64
	for range 5 {
		b := newBrowser(t, "")
		seed(b)
		p, a := open(b)
		epaints, eanchors = append(epaints, p), append(eanchors, a)
	}
	epm, _ := stats(epaints)
	eam, _ := stats(eanchors)
	erm, _ := stats(resolves)
	t.Logf("edited text, 1,000 annotations: navigation to highlights painted median %.0f ms %v; resolving all 1,000 in wasm median %.1f ms %v (target ≤ 90 ms); with reading them from the store and ordering them %.1f ms", epm, epaints, erm, resolves, eam)
}
