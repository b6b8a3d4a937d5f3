//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// The seed article's address on the web, as another tool (Hypothesis) names
// it. The bundled file does not say it: interopArticles adds it to a copy.
const seedSource = "https://example.com/news/blinken-talks"

// interopArticles copies the bundled library with the seed article's
// source address in its header, and returns the folder and that article.
func interopArticles(t *testing.T) (string, *article.Article) {
	t.Helper()
	dir := copyArticles(t)
	path := filepath.Join(dir, "blinken-beijing-talks.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	title, rest, _ := strings.Cut(string(data), "\n")
	data = []byte(title + "\nSource: " + seedSource + "\n" + rest)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	art, err := article.Parse("blinken-beijing-talks", "blinken-beijing-talks.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if art.Source != seedSource {
		t.Fatalf("the article's source is %q", art.Source)
	}
	return dir, art
}

// spanOf returns the code point span of the occurrence-th phrase in text.
func spanOf(t *testing.T, text, phrase string) (start, end int) {
	t.Helper()
	at := strings.Index(text, phrase)
	if at < 0 {
		t.Fatalf("%q is not in the article", phrase)
	}
	start = utf8.RuneCountInString(text[:at])
	return start, start + utf8.RuneCountInString(phrase)
}

// pageOffset is how far the passages are from where Hypothesis counts
// them: its positions are in the text of the whole web page (its menus and
// headline come first), never Annotator's copy of the article.
const pageOffset = 57

// hypothesisFile writes a Hypothesis API search result ({"total", "rows"})
// on the seed article: passages after curly quotes, apostrophes and a dash
// (where code points, UTF-16 units and bytes count differently), each with
// Hypothesis's three selectors and the page's positions; one passage the
// site has since removed (an orphan); a reply and a page note, which quote
// nothing.
func hypothesisFile(t *testing.T, art *article.Article) (path string, quotes []string) {
	t.Helper()
	text := anchor.NewText(art.Text)
	quotes = []string{
		"“candid, substantive, and constructive”",
		"Sunday’s talks marked the start of the highest-level trip",
		"China’s concerns regarding its core interests – including the Taiwan issue",
		"“stable, predictable, and constructive”",
		"the US’s and its allies’ interests",
	}
	var rows []map[string]any
	row := func(i int, selectors []map[string]any, text string, extra map[string]any) {
		r := map[string]any{
			"id":          fmt.Sprintf("Hy%02dsJhH5Ee2tVn9jR1sQ3A", i),
			"created":     fmt.Sprintf("2023-06-19T08:%02d:42.123456+00:00", i),
			"updated":     fmt.Sprintf("2023-06-19T08:%02d:42.123456+00:00", i),
			"user":        "acct:alice@hypothes.is",
			"uri":         seedSource,
			"text":        text,
			"tags":        []string{"diplomacy"},
			"group":       "__world__",
			"target":      []map[string]any{{"source": seedSource, "selector": selectors}},
			"document":    map[string]any{"title": []string{art.Title}},
			"user_info":   map[string]any{"display_name": "Alice Liddell"},
			"permissions": map[string]any{"read": []string{"group:__world__"}},
		}
		for k, v := range extra {
			r[k] = v
		}
		rows = append(rows, r)
	}
	for i, q := range quotes {
		start, end := spanOf(t, art.Text, q)
		qs, _ := text.Describe(start, end)
		row(i, []map[string]any{
			{"type": "RangeSelector", "startContainer": "/main[1]/article[1]/p[2]", "startOffset": 10, "endContainer": "/main[1]/article[1]/p[2]", "endOffset": 40},
			{"type": "TextPositionSelector", "start": start + pageOffset, "end": end + pageOffset},
			{"type": "TextQuoteSelector", "exact": qs.Exact, "prefix": qs.Prefix, "suffix": qs.Suffix},
		}, fmt.Sprintf("Note %d: **why** it matters.", i+1), nil)
	}
	row(len(quotes), []map[string]any{
		{"type": "TextPositionSelector", "start": 4000, "end": 4034},
		{"type": "TextQuoteSelector", "exact": "a paragraph the site later removed", "prefix": "and then ", "suffix": " entirely."},
	}, "This passage is gone now.", nil)
	row(len(quotes)+1, nil, "A reply.", map[string]any{"references": []string{"Hy00sJhH5Ee2tVn9jR1sQ3A"}, "target": []map[string]any{{"source": seedSource}}})
	row(len(quotes)+2, nil, "A page note.", map[string]any{"target": []map[string]any{{"source": seedSource}}})
	data, err := json.MarshalIndent(map[string]any{"total": len(rows), "rows": rows}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "hypothesis-search.json")
	writeFile(t, path, string(data))
	return path, quotes
}

// w3cTargets reads a W3C export's annotations: id, exact quote, and the
// position selector if any, with whether the target has a state.
type w3cTarget struct {
	ID         string
	Exact      string
	Start, End int
	Position   bool
	State      bool
}

func w3cTargets(t *testing.T, path string) []w3cTarget {
	t.Helper()
	var c struct {
		First struct {
			Items []struct {
				ID     string          `json:"id"`
				Target json.RawMessage `json:"target"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal([]byte(readFile(t, path)), &c); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []w3cTarget
	for _, it := range c.First.Items {
		var tg struct {
			State    json.RawMessage   `json:"state"`
			Selector []json.RawMessage `json:"selector"`
		}
		if err := json.Unmarshal(it.Target, &tg); err != nil {
			t.Fatalf("%s: the target of %s: %v", path, it.ID, err)
		}
		w := w3cTarget{ID: it.ID, State: len(tg.State) > 0}
		for _, raw := range tg.Selector {
			var s struct {
				Type       string
				Exact      string
				Start, End int
			}
			json.Unmarshal(raw, &s)
			switch s.Type {
			case "TextQuoteSelector":
				w.Exact = s.Exact
			case "TextPositionSelector":
				w.Start, w.End, w.Position = s.Start, s.End, true
			}
		}
		out = append(out, w)
	}
	return out
}

// checkExportPositions checks that every TextPositionSelector of a W3C
// export selects exactly its TextQuoteSelector's exact in the article's
// text, counting code points, and that the export passes the W3C checker;
// it returns the quotes exported without a position.
func checkExportPositions(t *testing.T, path string, art *article.Article, n int) (noPosition []string) {
	t.Helper()
	runes := []rune(art.Text)
	targets := w3cTargets(t, path)
	if len(targets) != n {
		t.Errorf("%s holds %d annotations, want %d", filepath.Base(path), len(targets), n)
	}
	for _, w := range targets {
		if !w.Position {
			if w.State {
				t.Errorf("%s: %q has no position but a state naming the text", filepath.Base(path), w.Exact)
			}
			noPosition = append(noPosition, w.Exact)
			continue
		}
		if w.Start < 0 || w.End > len(runes) || w.Start >= w.End {
			t.Errorf("%s: %q has the position %d–%d, outside the article (%d code points)", filepath.Base(path), w.Exact, w.Start, w.End, len(runes))
			continue
		}
		if got := string(runes[w.Start:w.End]); got != w.Exact {
			t.Errorf("%s: the position %d–%d selects %q, not its quote %q", filepath.Base(path), w.Start, w.End, got, w.Exact)
		}
	}
	checkW3CFile(t, path, n)
	return noPosition
}

// Issue 17: a Hypothesis file imported through "Import annotations", then
// exported as W3C, says where each passage is in the article as Annotator
// shows it: every TextPositionSelector selects its quote's exact words
// (code points), not the Hypothesis page's positions, and the file passes
// the W3C checker. The orphan goes out with its quote alone. Opening the
// article writes the resolved positions back to the store, so that the
// stored annotations (and the library's next export) are exact too.
func TestImportHypothesisExportsExactPositions(t *testing.T) {
	dir, art := interopArticles(t)
	h := startHost(t, dir, "127.0.0.1:0")
	file, quotes := hypothesisFile(t, art)

	b := newBrowser(t, "")
	dl := b.allowDownloads(t)
	b.open(t, h.URL+"/")
	b.importFile(t, file)
	p := b.previewText(t)
	for _, want := range []string{"Hypothesis export from hypothesis-search.json", "6 new", "2 rejected", "Item 7:", "Item 8:"} {
		if !strings.Contains(p, want) {
			t.Errorf("the preview lacks %q: %s", want, p)
		}
	}
	saved := b.saves(t)
	b.clickExact(t, "button", "Import")
	b.waitSaved(t, "the import", saved, `(document.querySelector(".import-result")?.textContent || "").includes("Imported 6 annotations")`)

	// Stored as the file gave them: Hypothesis's page positions.
	runes := []rune(art.Text)
	stale := 0
	for _, a := range storedAnnotations(t, b)[art.ID] {
		if a.Position.End <= len(runes) && string(runes[a.Position.Start:a.Position.End]) != a.Quote.Exact {
			stale++
		}
	}
	if stale < len(quotes) {
		t.Fatalf("only %d stored positions differ from the article's: the test's file no longer gives page positions", stale)
	}

	// The library's export, made with the stored annotations.
	lib := b.export(t, dl, "W3C Web Annotations (.jsonld)", "library-", ".jsonld")
	b.waitStatus(t, "Saved "+filepath.Base(lib)+": 6 annotations on 1 article")
	if orphans := checkExportPositions(t, lib, art, 6); len(orphans) != 1 || orphans[0] != "a paragraph the site later removed" {
		t.Errorf("exported without a position: %q, want only the orphan", orphans)
	}

	// Opening the article resolves every annotation and writes the
	// positions found back.
	b.open(t, h.URL+seed)
	b.waitMarks(t, len(quotes))
	b.waitStored(t, "the positions written back", func(all map[string][]annotation.Annotation) bool {
		ok := 0
		for _, a := range all[art.ID] {
			if string(runes[min(a.Position.Start, len(runes)):min(a.Position.End, len(runes))]) == a.Quote.Exact && a.ArticleHash == art.Hash {
				ok++
			}
		}
		return ok == len(quotes)
	})
	for _, a := range storedAnnotations(t, b)[art.ID] {
		if a.Quote.Exact == "a paragraph the site later removed" && (a.Position.Start != 4000 || a.Position.End != 4034) {
			t.Errorf("the orphan's stored position changed to %d–%d", a.Position.Start, a.Position.End)
		}
		if !a.Modified.Equal(a.Created) {
			t.Errorf("writing back a position changed when %q was modified: %v", a.Quote.Exact, a.Modified)
		}
	}

	// The reader page's export, made with the page's own anchors.
	here := b.export(t, dl, "W3C Web Annotations (.jsonld)", "blinken-beijing-talks-", ".jsonld")
	checkExportPositions(t, here, art, 6)
	for _, w := range w3cTargets(t, here) {
		if w.Position && !w.State {
			t.Errorf("%q has a position but no state naming the text", w.Exact)
		}
	}

	// The library's export again, from the positions written back.
	os.Remove(lib)
	b.open(t, h.URL+"/")
	lib = b.export(t, dl, "W3C Web Annotations (.jsonld)", "library-", ".jsonld")
	if orphans := checkExportPositions(t, lib, art, 6); len(orphans) != 1 {
		t.Errorf("after the write-back, exported without a position: %q, want only the orphan", orphans)
	}
	b.noPageErrors(t)
}

// w3cOn is one W3C annotation on the seed article for a test's file.
func w3cOn(id, exact string, bodies ...map[string]any) map[string]any {
	a := map[string]any{
		"@context": "http://www.w3.org/ns/anno.jsonld",
		"id":       id,
		"type":     "Annotation",
		"target": map[string]any{
			"source":   "urn:annotator:article:blinken-beijing-talks",
			"selector": map[string]any{"type": "TextQuoteSelector", "exact": exact},
		},
	}
	if len(bodies) > 0 {
		a["body"] = bodies
	}
	return a
}

func comment(text string) map[string]any {
	return map[string]any{"type": "TextualBody", "value": text, "purpose": "commenting"}
}

// writeW3C writes annotations as a W3C AnnotationPage file.
func writeW3C(t *testing.T, name string, items ...map[string]any) string {
	t.Helper()
	data, err := json.MarshalIndent(map[string]any{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": items}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	writeFile(t, path, string(data))
	return path
}

// Issue 17's merge: a file imported, then a newer version of it (the same
// ids, changed notes, and, as many tools write them, no modification
// times). The annotation left as imported takes the file's new note ("1
// updated"); the one edited here since keeps the reader's edit. The preview
// says for each which copy is kept and why.
func TestImportNewerFileUpdatesOnlyWhatWasNotEdited(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	const idA, idB = "urn:uuid:5b0f2a4e-1c3d-4e5f-8a9b-0c1d2e3f4a51", "urn:uuid:5b0f2a4e-1c3d-4e5f-8a9b-0c1d2e3f4a52"
	first := writeW3C(t, "reading-v1.jsonld",
		w3cOn(idA, "candid, substantive, and constructive", comment("First thoughts.")),
		w3cOn(idB, "the Taiwan issue", comment("Check the background.")))
	second := writeW3C(t, "reading-v2.jsonld",
		w3cOn(idA, "candid, substantive, and constructive", comment("First thoughts, revised.")),
		w3cOn(idB, "the Taiwan issue", comment("Check the background, revised.")))

	b := newBrowser(t, "")
	b.open(t, h.URL+seed)
	b.importFile(t, first)
	if p := b.previewText(t); !strings.Contains(p, "2 new") {
		t.Fatalf("the first preview: %s", p)
	}
	b.clickExact(t, "button", "Import")
	b.waitMarks(t, 2)

	// The reader edits the second annotation's note.
	b.click(t, "button", "“the Taiwan issue”")
	saved := b.saves(t)
	b.typeInto(t, "textbox", "Note", " Mine now.")
	b.waitSaved(t, "the edit", saved, `[...document.querySelectorAll("li.annotation-item .note-preview")].some(n => n.textContent === "Check the background. Mine now.")`)

	b.importFile(t, second)
	b.waitFor(t, "the second preview", `(document.getElementById("import-preview")?.textContent || "").includes("reading-v2.jsonld")`)
	p := b.previewText(t)
	for _, want := range []string{
		"0 new", "1 updated", "1 unchanged",
		"2 annotations are both here and in the file, with different content: 1 updated from the file, 1 kept as you have it.",
		"Updated from the file: “candid, substantive, and constructive” (item 1), since the file's copy does not say when it was changed, and yours was not edited since it was imported.",
		"Kept yours: “the Taiwan issue” (item 2), since the file's copy does not say when it was changed, and yours was edited since it was imported.",
	} {
		if !strings.Contains(p, want) {
			t.Errorf("the preview lacks %q:\n%s", want, p)
		}
	}
	b.audit(t, "the preview of a newer file")
	saved = b.saves(t)
	b.clickExact(t, "button", "Import")
	b.waitSaved(t, "the update", saved, `(document.querySelector(".import-result")?.textContent || "").includes("Imported 1 annotation")`)
	b.waitFor(t, "the new note", `[...document.querySelectorAll("li.annotation-item .note-preview")].some(n => n.textContent === "First thoughts, revised.")`)
	notes := map[string]string{}
	for _, a := range storedAnnotations(t, b)["blinken-beijing-talks"] {
		notes[a.ID] = a.Note
	}
	if notes[idA] != "First thoughts, revised." || notes[idB] != "Check the background. Mine now." {
		t.Errorf("after the import the notes are %q", notes)
	}
	b.noPageErrors(t)
}

// Nothing is dropped without the preview saying so: each item that
// carried something Annotator does not keep, or keeps in another form, is
// named with what (issue 17's "kept the comment, dropped a link body",
// "2nd target ignored"); a long file's warnings are grouped, with each item
// behind a disclosure.
func TestImportPreviewWarnsPerItem(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	link := map[string]any{"type": "SpecificResource", "source": "https://example.org/background", "purpose": "linking"}
	twoTargets := w3cOn("urn:uuid:7a000000-0000-4000-8000-000000000002", "Qin Gang", comment("Both passages."))
	twoTargets["target"] = []map[string]any{
		{"source": "urn:annotator:article:blinken-beijing-talks", "selector": map[string]any{"type": "TextQuoteSelector", "exact": "Qin Gang"}},
		{"source": "urn:annotator:article:blinken-beijing-talks", "selector": map[string]any{"type": "TextQuoteSelector", "exact": "Matthew Miller"}},
	}
	html := map[string]any{"type": "TextualBody", "value": "<p>An <b>HTML</b> note</p>", "format": "text/html"}
	items := []map[string]any{
		w3cOn("urn:uuid:7a000000-0000-4000-8000-000000000001", "the rival superpowers", comment("Kept."), link),
		twoTargets,
	}
	for i := 0; i < 14; i++ {
		items = append(items, w3cOn(fmt.Sprintf("urn:uuid:7a000000-0000-4000-8000-1000000000%02d", i), "three main objectives", html))
	}
	file := writeW3C(t, "from-another-tool.jsonld", items...)

	b := newBrowser(t, "")
	b.open(t, h.URL+seed)
	b.importFile(t, file)
	p := b.previewText(t)
	for _, want := range []string{
		"17 new", "0 rejected", "16 kept with a warning",
		"Kept in another form, or left out of an item:",
		"Kept an HTML body as plain text (14 items)",
		"Kept a link (https://example.org/background) in the note (1 item)",
		"Its 2 passages became 2 annotations, one for each (2 items)",
		"Each item (17)",
		"Item 1: kept a link (https://example.org/background) in the note",
		"Item 2: its 2 passages became 2 annotations, one for each",
		"Item 3: kept an HTML body as plain text",
	} {
		if !strings.Contains(p, want) {
			t.Errorf("the preview lacks %q:\n%s", want, p)
		}
	}
	b.audit(t, "the preview with warnings")
	b.clickExact(t, "button", "Import")
	b.waitFor(t, "the notes", `[...document.querySelectorAll("li.annotation-item .note-preview")].some(n => n.textContent.includes("Link: https://example.org/background"))`)
	if n := eval[int](t, b, `[...document.querySelectorAll("li.annotation-item .note-preview")].filter(n => n.textContent === "An HTML note").length`); n != 14 {
		t.Errorf("%d notes read “An HTML note”, want 14 (tags removed, never markup)", n)
	}
	b.noPageErrors(t)
}

// recogitoFile is RecogitoJS's output: targets that name no article.
func recogitoFile(t *testing.T) string {
	t.Helper()
	item := func(id, exact, note string) map[string]any {
		return map[string]any{
			"@context": "http://www.w3.org/ns/anno.jsonld", "id": id, "type": "Annotation",
			"body":   []map[string]any{{"type": "TextualBody", "value": note, "purpose": "commenting"}, {"type": "TextualBody", "value": "Person", "purpose": "tagging"}},
			"target": map[string]any{"selector": []map[string]any{{"type": "TextQuoteSelector", "exact": exact}}},
		}
	}
	data, err := json.MarshalIndent([]map[string]any{
		item("#2f6e1d3a-9b41-4c2e-8a57-0d9c3e5b7a14", "Qin Gang", "The minister"),
		item("#7c0a9e52-3d18-4f6b-b2e4-51a8d6f09c33", "Matthew Miller", "The spokesperson"),
	}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "recogito.json")
	writeFile(t, path, string(data))
	return path
}

// Annotations whose targets name no article (RecogitoJS writes them so)
// imported from an article's page are offered for attaching to it; nothing
// is written until the reader agrees; then they anchor on the article. On
// the library page they are refused, saying where to import them.
func TestImportAttachToThisArticle(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	file := recogitoFile(t)

	b := newBrowser(t, "")
	b.open(t, h.URL+seed)
	b.importFile(t, file)
	p := b.previewText(t)
	for _, want := range []string{"0 new", "2 naming no article, left out", "2 annotations in the file do not say which article they are on"} {
		if !strings.Contains(p, want) {
			t.Errorf("the preview lacks %q:\n%s", want, p)
		}
	}
	if n, _ := countExact(b, "button", "Import"); n != 0 {
		t.Error("an Import button is offered before anything would be imported")
	}
	if pressed := eval[string](t, b, `document.getElementById("import-attach").getAttribute("aria-pressed")`); pressed != "false" {
		t.Errorf("the attach button's aria-pressed = %q", pressed)
	}
	b.clickExact(t, "button", "Attach 2 annotations to this article")
	b.waitFor(t, "the preview with them", `(document.getElementById("import-preview")?.textContent || "").includes("2 new")`)
	p = b.previewText(t)
	if !strings.Contains(p, "2 attached to this article") || !strings.Contains(p, "will be attached to “‘A real conversation’") {
		t.Errorf("the preview once attached:\n%s", p)
	}
	if pressed := eval[string](t, b, `document.getElementById("import-attach").getAttribute("aria-pressed")`); pressed != "true" {
		t.Errorf("the attach button's aria-pressed = %q", pressed)
	}
	b.audit(t, "the preview offering to attach")
	b.clickExact(t, "button", "Import")
	b.waitMarks(t, 2)
	if got := marksByText(b.markTexts(t)); strings.Join(got, "|") != "Matthew Miller|Qin Gang" {
		t.Errorf("marks after attaching: %q", got)
	}

	// On the library page there is no article to attach them to.
	c := newBrowser(t, "")
	c.open(t, h.URL+"/")
	c.importFile(t, file)
	p = c.previewText(t)
	if !strings.Contains(p, "2 rejected") || !strings.Contains(p, "import the file from the article's page to attach it there") {
		t.Errorf("the library's preview:\n%s", p)
	}
	b.noPageErrors(t)
	c.noPageErrors(t)
}

// A big file is read in slices: a progress bar named for the file moves,
// the page answers while it does, and Cancel import stops it with nothing
// written; imported again, it reaches its preview.
func TestImportProgressAndCancel(t *testing.T) {
	dir := copyArticles(t)
	h := startHost(t, dir, "127.0.0.1:0")
	art, err := article.Parse("blinken-beijing-talks", "blinken-beijing-talks.txt", []byte(readFile(t, filepath.Join(dir, "blinken-beijing-talks.txt"))))
	if err != nil {
		t.Fatal(err)
	}
	// 20,000 highlights of the seed article, as W3C: reading them takes
	// many slices and seconds, even on a fast machine, so Cancel import
	// lands while the bar is up (4,000 were read in less time than a press
	// takes on CI once the reader got faster).
	file := manyHighlights(t, art, 20000)

	b := newBrowser(t, "")
	b.open(t, h.URL+seed)
	eval[bool](t, b, `(() => {
		window.__progress = [];
		new MutationObserver(() => {
			const p = document.getElementById("import-progress");
			if (p) window.__progress.push(+p.value);
		}).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ["value"]});
		return true;
	})()`)
	b.importFile(t, file)
	b.findRole(t, "progressbar", "Reading many.jsonld…")
	b.waitFor(t, "the bar moving", `window.__progress.some(v => v > 0)`)
	if busy := eval[string](t, b, `document.querySelector(".import").getAttribute("aria-busy")`); busy != "true" {
		t.Errorf("aria-busy while reading = %q", busy)
	}
	b.clickExact(t, "button", "Cancel import")
	b.waitFor(t, "the import stopped", `!document.getElementById("import-progress")`)
	if s := eval[string](t, b, `document.querySelector(".status-text")?.textContent || ""`); !strings.Contains(s, "Stopped reading many.jsonld: nothing was imported.") {
		t.Fatalf("after Cancel import the status says %q; the preview: %v", s, eval[bool](t, b, `!!document.getElementById("import-preview")`))
	}
	b.waitFocus(t, "the focus back on the file input", "#import-file")
	if eval[bool](t, b, `!!document.getElementById("import-preview") || !!document.getElementById("import-progress")`) {
		t.Error("a preview or the bar is left after Cancel import")
	}
	if n := len(storedAnnotations(t, b)["blinken-beijing-talks"]); n != 0 {
		t.Errorf("%d annotations stored after a cancelled import", n)
	}

	b.importFile(t, file)
	p := b.previewText(t)
	if !strings.Contains(p, "20000 new") {
		t.Errorf("the preview: %.300s", p)
	}
	if eval[bool](t, b, `!!document.getElementById("import-progress")`) {
		t.Error("the progress bar stays with the preview")
	}
	b.noPageErrors(t)
}

// manyHighlights writes a W3C file of n highlights of art, all different.
func manyHighlights(t *testing.T, art *article.Article, n int) string {
	text := anchor.NewText(art.Text)
	var items []map[string]any
	runes := []rune(art.Text)
	for i := 0; i < n; i++ {
		start := (i * 37) % (len(runes) - 80)
		q, pos := text.Describe(start, start+40+i%40)
		items = append(items, map[string]any{
			"@context": "http://www.w3.org/ns/anno.jsonld", "id": fmt.Sprintf("urn:uuid:9c000000-0000-4000-8000-%012d", i), "type": "Annotation",
			"motivation": "highlighting",
			"target": map[string]any{"source": "urn:annotator:article:blinken-beijing-talks", "selector": []any{
				map[string]any{"type": "TextQuoteSelector", "exact": q.Exact, "prefix": q.Prefix, "suffix": q.Suffix},
				map[string]any{"type": "TextPositionSelector", "start": pos.Start, "end": pos.End},
			}},
		})
	}
	return writeW3C(t, "many.jsonld", items...)
}

// previewManyHighlights opens the library with n highlights of the seed
// article chosen in Import annotations, and waits for the preview.
func previewManyHighlights(t *testing.T, n int) *browser {
	t.Helper()
	dir := copyArticles(t)
	h := startHost(t, dir, "127.0.0.1:0")
	art, err := article.Parse("blinken-beijing-talks", "blinken-beijing-talks.txt", []byte(readFile(t, filepath.Join(dir, "blinken-beijing-talks.txt"))))
	if err != nil {
		t.Fatal(err)
	}
	file := manyHighlights(t, art, n)
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	b.importFile(t, file)
	if p := b.previewText(t); !strings.Contains(p, fmt.Sprintf("%d new", n)) {
		t.Fatalf("the preview: %.300s", p)
	}
	return b
}

// Saving a big import runs in slices too: the bar says "Saving…", the page
// paints frames while it saves, and then the import is stored whole. (How
// long each task took is measured by TestBenchImport, not asserted: a
// busy machine stretches any task.)
func TestImportSavesInSlices(t *testing.T) {
	b := previewManyHighlights(t, 20000)
	eval[bool](t, b, `(() => {
		const S = window.__save = {frames: 0, saving: false, values: [], tasks: []};
		try {
			new PerformanceObserver((l) => { for (const e of l.getEntries()) S.tasks.push(Math.round(e.startTime) + "+" + Math.round(e.duration)); }).observe({type: "longtask"});
		} catch (e) {}
		const tick = () => {
			const label = document.getElementById("import-progress-label");
			if (label && label.textContent === "Saving…") {
				S.saving = true;
				S.frames++;
				S.values.push(+document.getElementById("import-progress").value);
			}
			if (!S.done) requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
		return true;
	})()`)
	b.clickExact(t, "button", "Import")
	b.waitFor(t, "the import saved", `/^Imported 20000 annotations/.test(document.querySelector(".import-result p")?.textContent || "")`)
	type saveProbe struct {
		Frames int
		Saving bool
		Values []float64
		Tasks  []string
	}
	got := eval[saveProbe](t, b, `(window.__save.done = true, window.__save)`)
	t.Logf("while saving: %d frames, progress %v, long tasks (start+ms) %v; %s", got.Frames, got.Values, got.Tasks,
		eval[string](t, b, `performance.getEntriesByType("measure").filter(m => /import-(save|commit)/.test(m.name)).map(m => m.name + " " + Math.round(m.startTime) + "+" + Math.round(m.duration)).join(", ")`))
	if !got.Saving {
		t.Error(`no "Saving…" bar was shown while saving`)
	}
	if got.Frames < 2 {
		t.Errorf("the page painted %d frames while saving 20,000 annotations, want it to answer", got.Frames)
	}
	if eval[string](t, b, `document.querySelector(".import").getAttribute("aria-busy")`) != "false" {
		t.Error("aria-busy stays after the save")
	}
	if n := len(storedAnnotations(t, b)["blinken-beijing-talks"]); n != 20000 {
		t.Errorf("%d annotations stored, want 20000", n)
	}
	b.noPageErrors(t)
}

// Leaving the page while an import is being saved does not lose it: the
// save goes on and the page now shown says how it ended. The reader
// presses Import and, in the same moment, opens an article from the
// library, so the library's import panel is gone before the save starts.
func TestImportSavedAfterLeavingThePage(t *testing.T) {
	b := previewManyHighlights(t, 1000)
	if !eval[bool](t, b, `(() => {
		const imp = [...document.querySelectorAll("#import-preview ~ * button, .import button")].find(b => b.textContent.trim() === "Import");
		const link = document.querySelector("a[href='/read/blinken-beijing-talks']");
		if (!imp || !link) return false;
		imp.click();
		link.click();
		return true;
	})()`) {
		t.Fatal("no Import button or no link to the article")
	}
	b.waitFor(t, "the reader", `location.pathname === "/read/blinken-beijing-talks"`)
	b.waitStatus(t, "Imported 1000 annotations")
	b.waitFor(t, "the imported highlights drawn", `document.querySelectorAll("article mark").length > 0`)
	if n := len(storedAnnotations(t, b)["blinken-beijing-talks"]); n != 1000 {
		t.Errorf("%d annotations stored, want 1000", n)
	}
	b.noPageErrors(t)
}

// A fuzzy anchor (its text changed since it was annotated) is exported
// with its quote alone until the reader reviews it; "Keep here" records
// the passage found (annotation.AnchoredAt): the quote becomes the
// article's words there, the mark turns exact, and the next export gives
// its position.
func TestFuzzyReviewKeepHere(t *testing.T) {
	dir := copyArticles(t)
	h := startHost(t, dir, "127.0.0.1:0")
	art, err := article.Parse("blinken-beijing-talks", "blinken-beijing-talks.txt", []byte(readFile(t, filepath.Join(dir, "blinken-beijing-talks.txt"))))
	if err != nil {
		t.Fatal(err)
	}
	text := anchor.NewText(art.Text)
	start, end := spanOf(t, art.Text, "the rival superpowers aim to stabilise strained relations")
	// The passage found is the matcher's business; Keep here keeps it.
	q, pos := text.Describe(start, end)
	q.Exact = "the rival superpowers aim to stabilize strained ties" // as it read when annotated
	found := text.Resolve(q, &pos)
	if found.Status != anchor.Fuzzy {
		t.Fatalf("the edited quote resolves %v, want fuzzy", found.Status)
	}
	made := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	a := annotation.Annotation{ID: "urn:uuid:3f000000-0000-4000-8000-000000000001", Article: art.ID, ArticleHash: article.HashText("an older version of the article"),
		Quote: q, Position: pos, Kind: annotation.KindNote, Note: "Stabilise how?", Created: made, Modified: made}

	b := newBrowser(t, "")
	dl := b.allowDownloads(t)
	b.open(t, h.URL+seed)
	seedStorage(t, b, storedForm(t, map[string][]annotation.Annotation{art.ID: {a}}))
	b.open(t, h.URL+seed)
	b.waitFor(t, "the fuzzy mark", `document.querySelector("article mark[data-anchor='fuzzy']") !== null`)
	before := b.export(t, dl, "W3C Web Annotations (.jsonld)", "blinken-beijing-talks-", ".jsonld")
	if got := checkExportPositions(t, before, art, 1); len(got) != 1 {
		t.Errorf("an unreviewed fuzzy anchor was exported with a position")
	}
	os.Remove(before)

	b.click(t, "button", "“the rival superpowers aim to stabilize")
	saved := b.saves(t)
	b.clickExact(t, "button", "Keep here")
	b.waitSaved(t, "the review", saved, `document.querySelector("article mark[data-anchor='exact']") !== null`)
	b.waitStatus(t, "it no longer needs review")
	stored := storedAnnotations(t, b)[art.ID]
	if len(stored) != 1 || stored[0].Quote.Exact != text.Slice(found.Start, found.End) ||
		stored[0].Position.Start != found.Start || stored[0].Position.End != found.End || stored[0].ArticleHash != art.Hash || !stored[0].Modified.After(made) {
		t.Errorf("after Keep here the store holds %+v", stored)
	}
	after := b.export(t, dl, "W3C Web Annotations (.jsonld)", "blinken-beijing-talks-", ".jsonld")
	if got := checkExportPositions(t, after, art, 1); len(got) != 0 {
		t.Errorf("the reviewed anchor was exported without a position")
	}
	b.noPageErrors(t)
}
