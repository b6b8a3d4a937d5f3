//go:build e2e

package e2e

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/share"
	"github.com/annotator/annotator/internal/w3ctest"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The end-to-end tests of issue 15's points 8 to 11: search that knows
// what annotations are, labels everywhere, speakers that are people, and a
// class that scales.

// seedArticle is the bundled seed article, parsed as the host parses it.
func parsedSeed(t testing.TB) *article.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "articles", "blinken-beijing-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	art, err := article.Parse("blinken-beijing-talks", "blinken-beijing-talks.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	return art
}

// seedAnnotation is an annotation of kind on phrase in art, by who, made
// at minute n of a fixed day.
func seedAnnotation(t testing.TB, art *article.Article, n int, who, phrase string, kind annotation.Kind) annotation.Annotation {
	t.Helper()
	at := strings.Index(art.Text, phrase)
	if at < 0 {
		t.Fatalf("%q is not in the article", phrase)
	}
	start := anchor.ByteToCodePoint(art.Text, at)
	q, pos := anchor.NewText(art.Text).Describe(start, start+len([]rune(phrase)))
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute)
	return annotation.Annotation{ID: fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", n), Article: art.ID, ArticleHash: art.Hash,
		Quote: q, Position: pos, Kind: kind, Creator: who, Created: now, Modified: now}
}

// writeW3C writes anns on art as a W3C file and returns its path.
func w3cFileOf(t testing.TB, art *article.Article, anns []annotation.Annotation) string {
	t.Helper()
	data, _, err := share.Export{Items: []share.Item{{Article: art, Annotations: anns}}, Date: time.Now()}.W3C()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "annotations.jsonld")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// renameLabel gives the label key a new name in "Labels and your name",
// as a person types it over the old one.
func (b *browser) renameLabel(t testing.TB, key, colour, name string) {
	t.Helper()
	b.click(t, "DisclosureTriangle", "Labels and your name")
	b.findRole(t, "textbox", "Name for the "+colour+" label")
	saved := b.saves(t)
	eval[bool](t, b, `(() => { const i = document.getElementById("label-name-`+key+`"); i.focus(); i.value = `+jsString(name)+`; i.dispatchEvent(new Event("change", {bubbles: true})); return true })()`)
	b.waitSaved(t, "the label renamed", saved, `true`)
	b.click(t, "DisclosureTriangle", "Labels and your name")
}

// Point 8: a word that names a kind, label (the reader's name for it too),
// verdict or claim type finds the annotations of that kind, after those
// whose text has the word; facet values forgive typos.
func TestSearchKnowsWhatAnnotationsAre(t *testing.T) {
	art := parsedSeed(t)
	note := seedAnnotation(t, art, 1, "Ana", "the rival superpowers", annotation.KindNote)
	note.Note = "A claim worth checking."
	claim := seedAnnotation(t, art, 2, "Ana", "the highest-level trip by a US official to China in nearly five years", annotation.KindClaim)
	claim.Claim = &annotation.Claim{Type: annotation.ClaimStatistic, Verdict: annotation.VerdictInaccurate}
	question := seedAnnotation(t, art, 3, "Ana", "core interests", annotation.KindHighlight)
	question.Label = annotation.LabelQuestion
	military := seedAnnotation(t, art, 4, "Ana", "military-to-military talks", annotation.KindHighlight)
	military.Label, military.Tags = annotation.LabelKeyPoint, []string{"military"}
	file := w3cFileOf(t, art, []annotation.Annotation{note, claim, question, military})

	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.importFile(t, file)
	b.clickExact(t, "button", "Import")
	b.waitStatus(t, "Imported 4 annotations")

	check := func(query string, want ...string) {
		t.Helper()
		if eval[string](t, b, `document.getElementById("search-input").value`) != "" {
			clearSearch(t, b)
		}
		got := searchFor(t, b, query)
		ok := len(got) == len(want)
		for i := 0; ok && i < len(want); i++ {
			ok = strings.Contains(got[i], want[i])
		}
		if !ok {
			t.Errorf("%q found %q, want results with %q, in that order", query, got, want)
		}
	}
	// The note that says "claim" first, then the claim.
	check("claim", "A claim worth checking", "the highest-level trip")
	check("cliam", "A claim worth checking", "the highest-level trip")
	check("question", "core interests")
	check("inaccurate", "the highest-level trip")
	check("statistic", "the highest-level trip")
	check("verdict:inacurate", "the highest-level trip")
	check("tag:militray", "military-to-military talks")
	// A label by the reader's own name for it.
	b.renameLabel(t, annotation.LabelKeyPoint, "yellow", "Main idea")
	check("main idea", "military-to-military talks")
	b.noPageErrors(t)
}

// Point 9: a renamed label reaches every export, and the annotated HTML
// draws each label in its own colour and underline style, as the reader.
func TestExportsCarryLabelNamesAndColours(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	dl := b.allowDownloads(t)
	b.open(t, h.URL+seedPath)
	b.renameLabel(t, annotation.LabelKeyPoint, "yellow", "Main idea")
	b.highlight(t, "stable, predictable, and constructive") // a Key point, now "Main idea"
	b.key(t, "\x1b")
	saved := b.saves(t)
	b.selectText(t, "core interests", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 2)
	b.choose(t, "Label", "Question")
	b.waitSaved(t, "the label Question", saved, `!!document.querySelector("article mark.label-question")`)
	b.key(t, "\x1b")

	kept := t.TempDir()
	export := func(format, suffix string) (text, path string) {
		t.Helper()
		for _, e := range mustRead(os.ReadDir(dl)) {
			os.Remove(filepath.Join(dl, e.Name()))
		}
		b.clickExact(t, "button", "Export")
		b.click(t, "menuitem", format)
		got := waitDownload(t, dl, "blinken-beijing-talks-", suffix)
		data := mustRead(os.ReadFile(got))
		path = filepath.Join(kept, filepath.Base(got))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return string(data), path
	}
	md, _ := export("Markdown", ".md")
	csvText, _ := export("CSV", ".csv")
	w3c, w3cPath := export("W3C", ".jsonld")
	page, htmlPath := export("Annotated HTML", ".html")
	for name, text := range map[string]string{"Markdown": md, "CSV": csvText, "W3C": w3c, "HTML": page} {
		if !strings.Contains(text, "Main idea") {
			t.Errorf("the %s export does not name the label Main idea", name)
		}
		if strings.Contains(text, "Key point") {
			t.Errorf("the %s export still says Key point", name)
		}
	}
	w3ctest.Check(t, 2, w3cPath)

	// The HTML export, opened in the browser: each label in its colour and
	// underline style, as the reader draws it.
	b.do(t, chromedp.Navigate("file://"+htmlPath))
	b.waitFor(t, "the exported page", `!!document.querySelector("article mark.label-question")`)
	type look struct{ Background, Underline string }
	got := eval[map[string]look](t, b, `Object.fromEntries(["label-key-point", "label-question"].map(c => {
		const s = getComputedStyle(document.querySelector("article mark." + c));
		return [c, {Background: s.backgroundColor, Underline: s.textDecorationStyle}];
	}))`)
	want := map[string]look{"label-key-point": {"rgb(255, 240, 160)", "solid"}, "label-question": {"rgb(207, 226, 255)", "dotted"}}
	for c, w := range want {
		if got[c] != w {
			t.Errorf("the HTML export draws %s as %+v, want %+v", c, got[c], w)
		}
	}
}

// Point 10: the speaker suggestions of a claim are people (and the
// organisations that speak for them), not places.
func TestSpeakerSuggestionsArePeople(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	b.selectText(t, objectivesSentence, 0)
	b.click(t, "button", "Claim")
	b.waitFor(t, "the speaker suggestions", `document.querySelectorAll("datalist[id^='speakers-'] option").length > 0`)
	got := eval[[]string](t, b, `[...document.querySelectorAll("datalist[id^='speakers-'] option")].map(o => o.value)`)
	if len(got) == 0 || got[0] != "Blinken" {
		t.Errorf("suggestions %q, want Blinken first", got)
	}
	for _, place := range []string{"Beijing", "Taiwan", "China", "US", "Japan", "South Korea", "Philippines", "Washington", "Tokyo", "Pacific"} {
		for _, g := range got {
			if g == place {
				t.Errorf("suggestions %q offer the place %q", got, place)
			}
		}
	}
	b.noPageErrors(t)
}

// Point 11: a class pack is named after the article, the person and the
// role, and gives the students what the teacher chose; the default hides
// the teacher's verdicts.
func TestClassPackNamesAndContents(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	dl := b.allowDownloads(t)
	b.open(t, h.URL+seedPath)
	b.highlight(t, "stable, predictable, and constructive")
	b.key(t, "\x1b")
	b.selectText(t, objectivesSentence, 0)
	b.click(t, "button", "Claim")
	b.waitFor(t, "the claim card", `!!document.querySelector("input[type=radio][name^='verdict-']")`)
	saved := b.saves(t)
	b.press(t, "radio", "Inaccurate")
	b.waitSaved(t, "the verdict", saved, `!!document.querySelector("article mark.claim.verdict-inaccurate")`)
	b.key(t, "\x1b")

	named := false
	pack := func(choice, gives string) map[string]any {
		t.Helper()
		for _, e := range mustRead(os.ReadDir(dl)) {
			os.Remove(filepath.Join(dl, e.Name()))
		}
		b.clickExact(t, "button", "Export")
		b.click(t, "menuitem", "Class pack (.annotator.json)")
		b.waitFor(t, "the class pack form", `!!document.getElementById("pack-form")`)
		if !named { // the name is kept for the next pack
			b.typeInto(t, "textbox", "Your name", "Ms Rivera")
			named = true
		}
		b.waitFor(t, "the name", `document.getElementById("pack-name").value === "Ms Rivera"`)
		if choice != "" {
			b.click(t, "radio", choice)
		}
		// The form draws the teacher's choices once it knows the role, and
		// the instructions only when the pack gives more than the article:
		// wait for it to settle before pressing Save.
		b.waitFor(t, "the choice "+gives, `document.querySelector("#pack-form input[name=pack-gives]:checked")?.value === `+jsString(gives)+
			fmt.Sprintf(` && !!document.getElementById("pack-instructions") === %t`, gives != "article"))
		b.click(t, "button", "Save class pack")
		path := waitDownload(t, dl, "blinken-beijing-talks-", ".annotator.json")
		if name := filepath.Base(path); name != "blinken-beijing-talks-ms-rivera-teacher.annotator.json" {
			t.Errorf("the class pack is named %q", name)
		}
		var p map[string]any
		if err := json.Unmarshal(mustRead(os.ReadFile(path)), &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	count := func(p map[string]any) int {
		return int(p["annotations"].(map[string]any)["total"].(float64))
	}
	p := pack("", "questions") // the default
	text := fmt.Sprint(p["annotations"])
	if p["gives"] != "questions" || count(p) != 2 || strings.Contains(text, "inaccurate") || !strings.Contains(text, "unverified") {
		t.Errorf("the default pack gives %v with %d annotations: %s", p["gives"], count(p), text)
	}
	b.waitStatus(t, "without your verdicts")
	p = pack("Everything, verdicts and rationales included", "everything")
	if p["gives"] != "everything" || !strings.Contains(fmt.Sprint(p["annotations"]), "inaccurate") {
		t.Errorf("the full pack gives %v: %v", p["gives"], p["annotations"])
	}
	p = pack("The article only", "article")
	if p["gives"] != "article" || count(p) != 0 || p["article"] == nil {
		t.Errorf("the article-only pack gives %v with %d annotations", p["gives"], count(p))
	}
	b.noPageErrors(t)
}

func mustRead[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// classPacks writes the returned class packs of n students on the seed
// article: three claims, on which they agree, half agree and disagree.
func classPacks(t testing.TB, n int) []string {
	t.Helper()
	art := parsedSeed(t)
	dir := t.TempDir()
	verdicts := []annotation.Verdict{annotation.VerdictAccurate, annotation.VerdictMostlyAccurate, annotation.VerdictMixed,
		annotation.VerdictMostlyInaccurate, annotation.VerdictInaccurate, annotation.VerdictUnverified}
	var files []string
	for i := range n {
		who := fmt.Sprintf("Student %02d", i+1)
		if i < len(classNames) {
			who = classNames[i]
		}
		var anns []annotation.Annotation
		c1 := seedAnnotation(t, art, 100*i+1, who, "candid, substantive, and constructive", annotation.KindClaim)
		c1.Claim = &annotation.Claim{Type: annotation.ClaimQuotation, Verdict: annotation.VerdictAccurate}
		c2 := seedAnnotation(t, art, 100*i+2, who, "the highest-level trip by a US official to China in nearly five years", annotation.KindClaim)
		c2.Claim = &annotation.Claim{Type: annotation.ClaimStatistic, Verdict: verdicts[i%len(verdicts)]}
		anns = append(anns, c1, c2)
		if i%2 == 0 {
			c3 := seedAnnotation(t, art, 100*i+3, who, "three main objectives", annotation.KindClaim)
			c3.Claim = &annotation.Claim{Verdict: []annotation.Verdict{annotation.VerdictAccurate, annotation.VerdictInaccurate}[i%4/2]}
			anns = append(anns, c3)
		}
		data, name, err := share.PackExport{Article: art, Annotations: anns, Creator: who, Role: share.RoleStudent}.ClassPack()
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	return files
}

var classNames = []string{"Ana Lima", "Bo Chen", "Cy Okafor", "Dee Novak", "Eli Haddad"}

// openCompare imports the class's packs on the seed article and opens
// Compare claims.
func openCompare(t *testing.T, b *browser, h *host, files []string) {
	t.Helper()
	b.open(t, h.URL+seedPath)
	b.openShareSheet(t) // on a phone, import and Compare claims are in the Share sheet
	b.importFile(t, files...)
	b.clickExact(t, "button", "Import")
	b.waitStatus(t, fmt.Sprintf("from %d files", len(files)))
	b.click(t, "button", fmt.Sprintf("Compare claims (%d people)", len(files)))
	b.waitFor(t, "the comparison", `document.getElementById("compare-dialog")?.open === true && document.querySelectorAll("#compare-dialog tbody tr").length > 0`)
}

// Point 11: Compare claims with a class of 30 is a full-width dialog: one
// row per claim, a symbol per student, the agreement at a glance, filters,
// a scroll region the keyboard moves, and a CSV.
func TestCompareClaimsForAClass(t *testing.T) {
	files := classPacks(t, 30)
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	for _, size := range [][2]int64{{1280, 800}, {375, 812}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			b := newBrowser(t, "")
			b.do(t, chromedp.EmulateViewport(size[0], size[1]))
			dl := b.allowDownloads(t)
			openCompare(t, b, h, files)
			// As wide as the window, and over the page (modal).
			if w := eval[float64](t, b, `document.getElementById("compare-dialog").getBoundingClientRect().width / innerWidth`); w < 0.9 {
				t.Errorf("the dialog is %.0f%% of the window's width", w*100)
			}
			rows := eval[[]string](t, b, `[...document.querySelectorAll("#compare-dialog tbody tr")].map(r => r.querySelector("th").textContent)`)
			if len(rows) != 3 {
				t.Errorf("%d rows, want one per claim: %q", len(rows), rows)
			}
			cols := eval[int](t, b, `document.querySelectorAll("#compare-dialog thead th.person-col").length`)
			if cols != 30 {
				t.Errorf("%d person columns, want 30", cols)
			}
			// A symbol and a name for each verdict, not colour alone.
			cell := eval[string](t, b, `document.querySelector("#compare-dialog tbody tr td.vcell").textContent`)
			if cell != "✔Accurate" {
				t.Errorf("a verdict cell reads %q", cell)
			}
			agreement := eval[[]string](t, b, `[...document.querySelectorAll("#compare-dialog tbody td.compare-agreement .agree-words")].map(e => e.textContent)`)
			if len(agreement) != 3 || agreement[0] != "✓ all 30 agree" || !strings.HasPrefix(agreement[1], "≠ ") {
				t.Errorf("agreement %q", agreement)
			}

			// The scroll region has a name and moves with the keyboard.
			b.focusControl(t, "region", "Claims compared, scrollable")
			if !eval[bool](t, b, `document.activeElement?.id === "compare-scroll"`) {
				t.Fatal("the scroll region cannot be focused")
			}
			if !eval[bool](t, b, `(() => { const s = document.getElementById("compare-scroll"); return s.scrollWidth > s.clientWidth })()`) {
				t.Error("30 students fit without scrolling?")
			}
			b.key(t, strings.Repeat(kb.ArrowRight, 6))
			b.waitFor(t, "the region scrolled by the keyboard", `document.getElementById("compare-scroll").scrollLeft > 0`)

			// Filters: disagreements only, then one student.
			b.click(t, "checkbox", "Disagreements only")
			b.waitFor(t, "two rows where verdicts differ", `document.querySelectorAll("#compare-dialog tbody tr").length === 2`)
			b.setSelect(t, "compare-person", "Bo Chen")
			b.waitFor(t, "one student's column", `document.querySelectorAll("#compare-dialog thead th.person-col").length === 1`)
			if got := eval[string](t, b, `document.querySelector("#compare-dialog tbody td.vcell").textContent`); got != "✓ Mostly accurate" {
				t.Errorf("Bo Chen's verdict reads %q", got)
			}
			b.setSelect(t, "compare-person", "")
			b.click(t, "checkbox", "Disagreements only")
			b.waitFor(t, "all rows again", `document.querySelectorAll("#compare-dialog tbody tr").length === 3`)

			// The CSV of the comparison.
			b.click(t, "button", "Download CSV")
			path := waitDownload(t, dl, "blinken-beijing-talks-claims-compared-", ".csv")
			recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(mustRead(os.ReadFile(path))), "\ufeff"))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 4 || len(recs[0]) != 3+30+4 || recs[0][3] != "Ana Lima" || recs[1][3] != "Accurate" {
				t.Errorf("the CSV: %d rows; %q", len(recs), recs[0])
			}

			// Escape closes it, and the focus goes back to its button.
			b.key(t, "\x1b")
			b.waitFor(t, "the dialog closed", `!document.getElementById("compare-dialog")`)
			b.waitFor(t, "the focus back on the button", `document.activeElement?.id === "compare-open"`)
			b.noPageErrors(t)
		})
	}
}
