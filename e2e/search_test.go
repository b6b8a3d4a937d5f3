//go:build e2e

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/annotator/annotator/app/annotation"
)

// annotate selects phrase in the open article, highlights it, writes note
// in its card and adds a tag, and returns the new annotation's id.
func annotate(t *testing.T, b *browser, phrase, note, tag string) string {
	t.Helper()
	before := b.markTexts(t)
	b.selectText(t, phrase, 0)
	b.click(t, "button", "Highlight")
	b.waitFor(t, "the new highlight", `document.querySelectorAll("article mark[data-annotation-id]").length > `+strconv.Itoa(len(before)))
	id := ""
	for k, text := range b.markTexts(t) {
		if _, had := before[k]; !had && text == phrase {
			id = k
		}
	}
	if id == "" {
		t.Fatalf("no mark for %q", phrase)
	}
	b.typeInto(t, "textbox", "Note", note)
	b.typeInto(t, "combobox", "Tags", tag) // a text input with suggestions
	b.key(t, "\r")
	b.waitStored(t, "the note and tag saved", func(all map[string][]annotation.Annotation) bool {
		return someAnnotation(all, func(a annotation.Annotation) bool { return a.Note == note && slices.Contains(a.Tags, tag) })
	})
	return id
}

// searchFor types query into the search box and waits until the results
// for it are drawn; it returns the results' texts, best first.
func searchFor(t *testing.T, b *browser, query string) []string {
	t.Helper()
	b.typeInto(t, "searchbox", "Search annotations", query)
	b.waitFor(t, "results for "+query, `(() => {
		const ul = document.querySelector('ul[aria-label="Search results"]');
		return !!ul && ul.dataset.query === document.getElementById("search-input").value && ul.dataset.query.endsWith(`+jsString(query)+`);
	})()`)
	return eval[[]string](t, b, `[...document.querySelectorAll('ul[aria-label="Search results"] > li')].map(li => li.textContent)`)
}

// activeMark is the annotation id of the focused mark, or "".
func activeMark(t *testing.T, b *browser) string {
	return eval[string](t, b, `(document.activeElement && document.activeElement.matches("mark[data-annotation-id]")) ? document.activeElement.dataset.annotationId : ""`)
}

// A person annotates two articles, then finds each annotation again from
// the library with a misspelt word, and lands on its mark.
func TestSearchFindsAndOpens(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")

	b.open(t, h.URL+"/read/blinken-beijing-talks")
	blinken := annotate(t, b, "candid, substantive, and constructive", "Reminds me of a quokka smiling for the camera", "diplomacy")
	b.open(t, h.URL+"/read/reading-news-closely")
	// The note holds markup, which results must show as text.
	reading := annotate(t, b, "A news story is a chain of claims", `The platypus of journalism: <b>part</b> fact & <img src=x onerror="x()">part framing`, "method")

	// From the library, a dropped letter still finds the platypus note first.
	b.open(t, h.URL+"/")
	if n := b.count(t, "searchbox", "Search annotations"); n != 1 {
		t.Fatalf("search boxes named Search annotations: %d, want 1", n)
	}
	got := searchFor(t, b, "platpus")
	if len(got) == 0 {
		t.Fatal("no results for platpus")
	}
	for _, want := range []string{"A news story is a chain of claims", "platypus", "method", "How to read a news story closely"} {
		if !strings.Contains(got[0], want) {
			t.Errorf("the first result %q lacks %q", got[0], want)
		}
	}
	if !strings.Contains(got[0], `<b>part</b> fact & <img src=x onerror="x()">part`) {
		t.Errorf("the first result %q does not show the note's markup as text", got[0])
	}
	if n := eval[int](t, b, `document.querySelectorAll('ul[aria-label="Search results"] :is(b, img, [onerror])').length`); n != 0 {
		t.Errorf("the note's markup made %d elements in the results", n)
	}
	if marked := eval[string](t, b, `[...document.querySelectorAll('ul[aria-label="Search results"] > li:first-child mark')].map(m => m.textContent).join("|")`); !strings.Contains(strings.ToLower(marked), "platypus") {
		t.Errorf("marked letters in the first result: %q, want the word platypus marked", marked)
	}
	if status := eval[string](t, b, `document.getElementById("search-status").textContent`); !strings.Contains(status, "result") {
		t.Errorf("live region says %q", status)
	}
	b.key(t, "\r")
	b.waitFor(t, "the reader at the annotation", `location.pathname === "/read/reading-news-closely" && !!document.activeElement && document.activeElement.matches("mark[data-annotation-id]")`)
	if got := activeMark(t, b); got != reading {
		t.Errorf("focused mark %q, want %q", got, reading)
	}

	// "/" outside a text field goes to the search box; a transposed pair
	// finds the quokka; ArrowDown and Enter open it in the other article.
	pressSlash(t, b)
	b.waitFor(t, "the search box focused", `document.activeElement && document.activeElement.id === "search-input"`)
	got = searchFor(t, b, "qoukka")
	if len(got) == 0 || !strings.Contains(got[0], "candid, substantive, and constructive") || !strings.Contains(got[0], "Blinken") {
		t.Fatalf("results for qoukka: %q", got)
	}
	b.key(t, kb.ArrowDown)
	b.waitFor(t, "the first result focused", `document.activeElement && document.activeElement.id === "search-result-0-link"`)
	b.key(t, "\r")
	b.waitFor(t, "the reader at the annotation", `location.pathname === "/read/blinken-beijing-talks" && !!document.activeElement && document.activeElement.matches("mark[data-annotation-id]")`)
	if got := activeMark(t, b); got != blinken {
		t.Errorf("focused mark %q, want %q", got, blinken)
	}

	// A facet alone, and a query that matches nothing.
	pressSlash(t, b)
	b.waitFor(t, "the search box focused", `document.activeElement && document.activeElement.id === "search-input"`)
	got = searchFor(t, b, "tag:method")
	if len(got) != 1 || !strings.Contains(got[0], "platypus") {
		t.Errorf("results for tag:method: %q (box %q, status %q)", got, eval[string](t, b, `document.getElementById("search-input").value`), eval[string](t, b, `document.getElementById("search-status").textContent`))
	}
	clearSearch(t, b)
	if got := searchFor(t, b, "zzqxj"); len(got) != 0 {
		t.Errorf("results for zzqxj: %q, want none", got)
	}
	if status := eval[string](t, b, `document.getElementById("search-status").textContent`); status != "No annotations match" {
		t.Errorf("live region says %q", status)
	}
	b.noPageErrors(t)
}

// clearSearch empties the search box as a person does: select all, delete.
func clearSearch(t *testing.T, b *browser) {
	t.Helper()
	eval[bool](t, b, `(() => { const i = document.getElementById("search-input"); i.focus(); i.select(); return true; })()`)
	b.key(t, kb.Backspace)
	b.waitFor(t, "an empty search box", `document.getElementById("search-input").value === ""`)
}

// pressSlash presses "/" the way a keyboard does: one keydown that carries
// its text, so that a handler that prevents its default keeps the character
// out of any field. (chromedp's KeyEvent sends the text in a separate char
// event, which Chromium delivers even then.)
func pressSlash(t *testing.T, b *browser) {
	t.Helper()
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", UnmodifiedText: "/", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191}
		if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, down); err != nil {
			return err
		}
		up := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191}
		_, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, up)
		return err
	}))
}

// An annotation whose passage left the article is still found; opening it
// shows the article with its entry under Orphaned annotations focused.
func TestSearchOpensOrphan(t *testing.T) {
	dir := copyArticles(t)
	h := startHost(t, dir, "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/read/blinken-beijing-talks")
	id := annotate(t, b, "first top US diplomat to visit Beijing", "Compare with the wombat summit", "diplomacy")

	path := filepath.Join(dir, "blinken-beijing-talks.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The whole paragraph goes.
	var kept []string
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.Contains(line, "first top US diplomat to visit Beijing") {
			kept = append(kept, line)
		}
	}
	edited := strings.Join(kept, "\n")
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	b.open(t, h.URL+"/read/blinken-beijing-talks")
	b.waitFor(t, "the orphan listed", `!!document.querySelector('ul[aria-label="Orphaned annotations"] li')`)

	got := searchFor(t, b, "wombt is:orphan")
	if len(got) != 1 || !strings.Contains(got[0], "Orphaned") || !strings.Contains(got[0], "wombat") {
		t.Fatalf("results for wombt is:orphan: %q", got)
	}
	b.key(t, "\r")
	b.waitFor(t, "the orphan focused", `!!document.activeElement && document.activeElement.closest('ul[aria-label="Orphaned annotations"]') !== null && document.activeElement.dataset.annotationId === `+jsString(id))
	b.noPageErrors(t)
}
