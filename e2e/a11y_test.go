//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/share"
)

// axeViolation is the part of an axe-core result a failure message needs.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	Targets []string
	Nodes   []struct {
		Target  []any  `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// audit runs axe-core's WCAG 2.2 A and AA rules on the page as it is now and
// fails the test on any violation.
func (b *browser) audit(t *testing.T, what string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot, ".tools", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is missing (make test installs it): %v", err)
	}
	eval[bool](t, b, string(src)+"\n;true")
	vs := eval[[]axeViolation](t, b, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}).then(r => r.violations)`)
	for _, v := range vs {
		var nodes []string
		for _, n := range v.Nodes {
			nodes = append(nodes, fmt.Sprint(n.Target)+" "+n.HTML+"\n\t  "+strings.ReplaceAll(n.Summary, "\n", " "))
		}
		t.Errorf("%s: axe %s (%s): %s\n\t%s", what, v.ID, v.Impact, v.Help, strings.Join(nodes, "\n\t"))
	}
}

// w3cFileFor writes a W3C export of one highlight of phrase in a bundled
// article, as another reader's export would be.
func w3cFileFor(t *testing.T, articles, id, phrase string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(articles, id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	art, err := article.ParseText(id, data)
	if err != nil {
		t.Fatal(err)
	}
	text := anchor.NewText(art.Text)
	at := strings.Index(art.Text, phrase)
	if at < 0 {
		t.Fatalf("%q is not in %s", phrase, id)
	}
	start := utf8.RuneCountInString(art.Text[:at])
	q, pos := text.Describe(start, start+utf8.RuneCountInString(phrase))
	now := time.Now().UTC().Truncate(time.Millisecond)
	a := annotation.Annotation{ID: annotation.NewID(), Article: id, ArticleHash: art.Hash, Quote: q, Position: pos,
		Kind: annotation.KindNote, Note: "From a classmate.", Creator: "Ana", Created: now, Modified: now}
	out, _, err := share.Export{Items: []share.Item{{Article: art, Annotations: []annotation.Annotation{a}}}, Date: now}.W3C()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "classmate.jsonld")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The library and the reader, with highlights, a claim, a card and an
// orphan, have no WCAG 2.2 AA violations that axe-core can find, in the
// light and the dark theme.
func TestAccessibility(t *testing.T) {
	dir := copyArticles(t)
	h := startHost(t, dir, "127.0.0.1:0")
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			b := newBrowser(t, "")
			b.emulateColorScheme(t, scheme)
			b.open(t, h.URL+"/")
			b.waitFor(t, "the list of articles", `document.querySelectorAll("ul.article-list li").length >= 2`)
			b.waitFor(t, "the storage note", `(document.querySelector(".storage-note")?.textContent || "").length > 0`)
			b.audit(t, "library")

			b.open(t, h.URL+seedPath)
			b.selectText(t, "Chinese Foreign Minister Qin Gang", 0)
			b.audit(t, "reader with the selection toolbar")
			b.click(t, "button", "Highlight")
			b.waitMarks(t, 1)
			b.selectText(t, "three main objectives", 0)
			b.click(t, "button", "Note")
			b.waitMarks(t, 2)
			b.key(t, "Why three?")
			b.audit(t, "reader with an open card")

			b.clickExact(t, "button", "Export")
			b.audit(t, "reader with the export menu open")
			b.key(t, "\x1b")

			b.typeInto(t, "searchbox", "Search annotations", "objectivs")
			b.waitFor(t, "search results", `document.querySelectorAll("[aria-label='Search results'] li").length > 0`)
			b.audit(t, "search results open")
			b.key(t, "\x1b")

			b.importFile(t, w3cFileFor(t, dir, "blinken-beijing-talks", "the rival superpowers"))
			b.waitFor(t, "the import preview", `!!document.getElementById("import-preview")`)
			b.audit(t, "reader with an import preview")
		})
	}
}

// shown is true when the element with this id is drawn and not hidden (a
// closed sheet hides its content from axe-core too: an audit of it would
// prove nothing).
func shown(id string) string {
	return `(() => { const e = document.getElementById(` + jsString(id) + `); if (!e) return false; const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0 && e.checkVisibility({visibilityProperty: true, opacityProperty: true}); })()`
}

// The import preview at its fullest (issue 17: which copy of a changed
// annotation is kept and why, warnings per item, rejected items, the offer
// to attach annotations that name no article) has no WCAG 2.2 AA
// violations that axe-core finds, on a desktop and a phone.
func TestAccessibilityImportPreview(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	const id = "urn:uuid:6d000000-0000-4000-8000-000000000001"
	first := writeW3C(t, "v1.jsonld", w3cOn(id, "candid, substantive, and constructive", comment("First thoughts.")))
	html := map[string]any{"type": "TextualBody", "value": "<p>An <b>HTML</b> note</p>", "format": "text/html"}
	noSource := w3cOn("#2f6e1d3a-9b41-4c2e-8a57-0d9c3e5b7a14", "Qin Gang", comment("The minister"))
	noSource["target"] = map[string]any{"selector": map[string]any{"type": "TextQuoteSelector", "exact": "Qin Gang"}}
	fragmentOnly := w3cOn("urn:uuid:6d000000-0000-4000-8000-000000000009", "x")
	fragmentOnly["target"] = map[string]any{"source": "urn:annotator:article:blinken-beijing-talks", "selector": map[string]any{"type": "FragmentSelector", "value": "t=30,60"}}
	second := writeW3C(t, "v2.jsonld",
		w3cOn(id, "candid, substantive, and constructive", comment("First thoughts, revised.")),
		w3cOn("urn:uuid:6d000000-0000-4000-8000-000000000002", "three main objectives", html),
		noSource, fragmentOnly)
	for _, size := range []struct {
		name string
		vp   chromedp.Action[chromedp.Void]
	}{
		{"1280x800", chromedp.EmulateViewport(1280, 800)},
		{"375x812", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile)},
	} {
		t.Run(size.name, func(t *testing.T) {
			b := newBrowser(t, "")
			b.do(t, size.vp)
			b.open(t, h.URL+seedPath)
			b.openShareSheet(t)
			b.importFile(t, first)
			b.previewText(t)
			b.clickExact(t, "button", "Import")
			b.waitMarks(t, 1)
			b.importFile(t, second)
			b.waitFor(t, "the second preview", `(document.getElementById("import-preview")?.textContent || "").includes("v2.jsonld")`)
			p := b.previewText(t)
			for _, want := range []string{"1 updated", "Updated from the file:", "kept an HTML body as plain text", "1 rejected", "Attach 1 annotation to this article"} {
				if !strings.Contains(p, want) {
					t.Errorf("the preview lacks %q:\n%s", want, p)
				}
			}
			b.waitFor(t, "the preview in view", shown("import-preview"))
			b.audit(t, "the import preview at "+size.name)
			b.clickExact(t, "button", "Attach 1 annotation to this article")
			b.waitFor(t, "attached", `document.getElementById("import-attach")?.getAttribute("aria-pressed") === "true"`)
			b.audit(t, "the import preview, attaching, at "+size.name)
			b.noPageErrors(t)
		})
	}
}

// Compare claims for a class of five, and the class pack form, have no
// WCAG 2.2 AA violations axe-core can find, on a laptop and a phone, in
// the light and the dark theme (issue 15).
func TestCompareClaimsAccessibility(t *testing.T) {
	files := classPacks(t, 5)
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	for _, scheme := range []string{"light", "dark"} {
		for _, size := range [][2]int64{{1280, 800}, {375, 812}} {
			t.Run(fmt.Sprintf("%s-%dx%d", scheme, size[0], size[1]), func(t *testing.T) {
				b := newBrowser(t, "")
				b.emulateColorScheme(t, scheme)
				b.do(t, chromedp.EmulateViewport(size[0], size[1]))
				openCompare(t, b, h, files)
				b.audit(t, "Compare claims")
				b.click(t, "checkbox", "Disagreements only")
				b.setSelect(t, "compare-person", "Bo Chen")
				b.waitFor(t, "one student's column", `document.querySelectorAll("#compare-dialog thead th.person-col").length === 1`)
				b.audit(t, "Compare claims, filtered to one student")
				b.key(t, "\x1b")
				b.waitFor(t, "the comparison closed", `!document.getElementById("compare-dialog")`)
				b.openShareSheet(t)
				b.clickExact(t, "button", "Export")
				b.click(t, "menuitem", "Class pack (.annotator.json)")
				b.waitFor(t, "the class pack form", `!!document.getElementById("pack-form")`)
				b.click(t, "radio", "the teacher (handing out the article)")
				b.waitFor(t, "the teacher's choices", `!!document.querySelector("#pack-form input[name=pack-gives]")`)
				b.audit(t, "the class pack form")
				b.noPageErrors(t)
			})
		}
	}
}
