//go:build e2e

package e2e

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/annotator/annotator/internal/w3ctest"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/share"
)

const seed = "/read/blinken-beijing-talks"

// allowDownloads sends this browser's downloads to a new folder and returns it.
func (b *browser) allowDownloads(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	yes := true
	if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: &yes,
	}); err != nil {
		t.Fatalf("allowing downloads: %v", err)
	}
	return dir
}

// waitDownload waits for a finished file in dir whose name starts with
// prefix and ends with suffix, and returns its path.
func waitDownload(t testing.TB, dir, prefix, suffix string) string {
	t.Helper()
	deadline := time.Now().Add(patience)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			n := e.Name()
			if strings.HasPrefix(n, prefix) && strings.HasSuffix(n, suffix) {
				info, err := e.Info()
				if err == nil && info.Size() > 0 {
					return filepath.Join(dir, n)
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	t.Fatalf("no download %s…%s in %v", prefix, suffix, names)
	return ""
}

// axExact finds the elements with this role whose accessible name is name.
func axExact(ctx context.Context, tg *chromedp.Target, role, name string) ([]cdp.BackendNodeID, error) {
	doc, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{Expression: "document"})
	if err != nil {
		return nil, err
	}
	defer cdp.Call(ctx, tg, runtime.ReleaseObject, runtime.ReleaseObjectParams{ObjectID: doc.Result.ObjectID})
	res, err := cdp.Call(ctx, tg, accessibility.QueryAXTree, accessibility.QueryAXTreeParams{ObjectID: doc.Result.ObjectID, Role: role, AccessibleName: name})
	if err != nil {
		return nil, err
	}
	var out []cdp.BackendNodeID
	for _, n := range res.Nodes {
		if !n.Ignored && n.BackendDOMNodeID != 0 {
			out = append(out, n.BackendDOMNodeID)
		}
	}
	return out, nil
}

// clickExact clicks the control whose accessible name is exactly name.
func (b *browser) clickExact(t testing.TB, role, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		var id cdp.BackendNodeID
		for id == 0 {
			ids, err := axExact(ctx, tg, role, name)
			if err != nil {
				return err
			}
			if len(ids) > 0 {
				id = ids[0]
				break
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(25 * time.Millisecond):
			}
		}
		return clickNode(ctx, tg, id)
	}))
	if err != nil {
		t.Fatalf("clicking %s named exactly %q: %v", role, name, err)
	}
}

// importFile chooses path in the file input named "Import annotations",
// found by its accessible name as a person finds it.
func (b *browser) importFile(t testing.TB, paths ...string) {
	t.Helper()
	b.openShareSheet(t)
	b.chooseFiles(t, "Import annotations", paths...)
}

// openShareSheet opens the side panel's Share part as a person on a phone
// does, from the bar at the foot of the reader, when the window is narrow
// enough for that bar (reader_sheet.go); on a wide screen the panel is
// always there and it does nothing.
func (b *browser) openShareSheet(t testing.TB) {
	t.Helper()
	if eval[bool](t, b, `(() => { const s = document.getElementById("sheet-open-share"); return !!s && s.offsetParent !== null && s.getAttribute("aria-expanded") !== "true"; })()`) {
		// Another part's sheet covers the bar: close it first, as a
		// person does.
		if eval[bool](t, b, `!!document.querySelector(".reader-bar [aria-expanded='true']")`) {
			b.clickExact(t, "button", "Close the panel")
			b.waitFor(t, "the sheet closed", `!document.querySelector(".reader-bar [aria-expanded='true']")`)
		}
		b.clickExact(t, "button", "Share")
		b.waitFor(t, "the Share sheet", shown("share-heading"))
	}
}

// chooseFiles chooses paths in the file input with the accessible name.
func (b *browser) chooseFiles(t testing.TB, name string, paths ...string) {
	t.Helper()
	var id cdp.BackendNodeID
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for {
			for _, role := range []string{"button", "textbox", "generic"} {
				ids, err := axFind(ctx, tg, role, name)
				if err != nil {
					return err
				}
				if len(ids) > 0 {
					id = ids[0]
					_, err := cdp.Call(ctx, tg, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: paths, BackendNodeID: id})
					return err
				}
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(25 * time.Millisecond):
			}
		}
	}))
	if err != nil {
		t.Fatalf("choosing %v in %s: %v", paths, name, err)
	}
}

func (b *browser) status(t testing.TB) string {
	return eval[string](t, b, `document.querySelector(".status-text")?.textContent || ""`)
}

func (b *browser) waitStatus(t testing.TB, want string) {
	t.Helper()
	b.waitFor(t, "the message "+want, `(document.querySelector(".status-text")?.textContent || "").includes(`+jsString(want)+`)`)
}

func (b *browser) previewText(t testing.TB) string {
	t.Helper()
	b.waitFor(t, "the import preview", `!!document.getElementById("import-preview")`)
	return eval[string](t, b, `document.getElementById("import-preview").textContent`)
}

func jsString(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}

// highlightNew highlights phrase and waits until one more mark is drawn.
func (b *browser) highlightNew(t testing.TB, phrase string) {
	t.Helper()
	n := eval[int](t, b, `document.querySelectorAll("article mark[data-annotation-id]").length`)
	b.selectText(t, phrase, 0)
	b.click(t, "button", "Highlight")
	b.waitFor(t, "the new mark", `document.querySelectorAll("article mark[data-annotation-id]").length > `+itoa(n))
}

func (b *browser) export(t testing.TB, dir, choice, prefix, suffix string) string {
	t.Helper()
	b.clickExact(t, "button", "Export")
	b.click(t, "menuitem", choice)
	return waitDownload(t, dir, prefix, suffix)
}

// marksByText is the set of texts under marks, sorted, ignoring ids.
func marksByText(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// Export a reading as W3C from one profile, import it into a fresh one and
// see the same marks on the same words; the second import changes nothing;
// the Markdown, HTML and CSV downloads hold the annotations; a malformed
// file says where it breaks and writes nothing.
func TestShareExportImportRoundTrip(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	a := newBrowser(t, "")
	dl := a.allowDownloads(t)
	a.open(t, h.URL+seed)
	a.highlight(t, "candid, substantive, and constructive")
	saved := a.saves(t)
	a.typeInto(t, "textbox", "Note", "Why it matters")
	a.waitSaved(t, "the note saved", saved, `[...document.querySelectorAll("li.annotation-item .note-preview")].some(n => n.textContent === "Why it matters")`)
	a.highlight(t, "Taiwan issue")
	want := a.markTexts(t)
	if len(want) != 2 {
		t.Fatalf("marks after annotating: %v", want)
	}

	w3c := a.export(t, dl, "W3C Web Annotations (.jsonld)", "blinken-beijing-talks-", ".jsonld")
	a.waitStatus(t, "Saved "+filepath.Base(w3c)+": 2 annotations")
	checkW3CFile(t, w3c, 2)

	md := readFile(t, a.export(t, dl, "Markdown (.md)", "blinken-beijing-talks-", ".md"))
	for _, s := range []string{"candid, substantive, and constructive", "Taiwan issue", "Why it matters"} {
		if !strings.Contains(md, s) {
			t.Errorf("the Markdown export lacks %q:\n%s", s, md)
		}
	}
	html := readFile(t, a.export(t, dl, "Annotated HTML (.html)", "blinken-beijing-talks-", ".html"))
	if !strings.Contains(html, "<mark") || !strings.Contains(html, "Why it matters") || strings.Contains(strings.ToLower(html), "<script") {
		t.Errorf("the HTML export lacks its marks or note, or has a script:\n%.400s", html)
	}
	csv := readFile(t, a.export(t, dl, "CSV (.csv)", "blinken-beijing-talks-", ".csv"))
	if lines := strings.Split(strings.TrimSpace(csv), "\n"); len(lines) != 3 || !strings.HasPrefix(lines[0], "\ufeffarticle id,") || !strings.Contains(csv, "Why it matters") {
		t.Errorf("the CSV export is not a header and two rows:\n%s", csv)
	}

	// The whole library from the library page: the article's text is fetched.
	a.open(t, h.URL+"/")
	lib := a.export(t, dl, "W3C Web Annotations (.jsonld)", "library-", ".jsonld")
	a.waitStatus(t, "Saved "+filepath.Base(lib)+": 2 annotations on 1 article")
	checkW3CFile(t, lib, 2)

	// A fresh profile: nothing there, then the import.
	b := newBrowser(t, "")
	b.open(t, h.URL+seed)
	b.importFile(t, w3c)
	p := b.previewText(t)
	for _, s := range []string{"2 new", "0 updated", "0 unchanged", "0 rejected"} {
		if !strings.Contains(p, s) {
			t.Errorf("the preview lacks %q: %s", s, p)
		}
	}
	if n := len(b.markTexts(t)); n != 0 {
		t.Fatalf("%d marks before the import was confirmed", n)
	}
	b.clickExact(t, "button", "Import")
	b.waitStatus(t, "Imported 2 annotations")
	b.waitFor(t, "the imported marks", `document.querySelectorAll("article mark[data-annotation-id]").length >= 2`)
	if got := b.markTexts(t); !equalMaps(got, want) {
		t.Errorf("marks after the import = %v, want %v", got, want)
	}

	// Again: nothing new, nothing to confirm.
	b.importFile(t, w3c)
	b.waitFor(t, "the second preview", `(document.getElementById("import-preview")?.textContent || "").includes("2 unchanged")`)
	p = b.previewText(t)
	if !strings.Contains(p, "0 new") || !strings.Contains(p, "Nothing new") {
		t.Errorf("the second preview: %s", p)
	}
	if n, _ := countExact(b, "button", "Import"); n != 0 {
		t.Errorf("an Import button is offered for an import that changes nothing")
	}
	b.clickExact(t, "button", "Cancel")
	b.waitFor(t, "the preview gone", `!document.getElementById("import-preview")`)

	// A malformed file: a clear message, and nothing written.
	bad := filepath.Join(t.TempDir(), "broken.jsonld")
	os.WriteFile(bad, []byte("{\n  \"type\": \"AnnotationCollection\",\n  \"total\": 2,,\n}"), 0o644)
	before := eval[string](t, b, `JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith("annotator/")).sort())`)
	b.importFile(t, bad)
	b.waitFor(t, "the error", `(document.querySelector(".share .problem[role=alert]")?.textContent || "").includes("line 3")`)
	msg := eval[string](t, b, `document.querySelector(".share .problem[role=alert]").textContent`)
	if !strings.Contains(msg, "broken.jsonld is not valid JSON") || !strings.Contains(msg, "Nothing was imported") {
		t.Errorf("the malformed file's message: %q", msg)
	}
	after := eval[string](t, b, `JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith("annotator/")).sort())`)
	if before != after {
		t.Errorf("a malformed import changed the storage")
	}

	// Dropping the file on the page of a third, fresh profile works as well.
	c := newBrowser(t, "")
	c.open(t, h.URL+seed)
	c.dropFile(t, w3c)
	if p := c.previewText(t); !strings.Contains(p, "2 new") {
		t.Errorf("the preview of a dropped file: %s", p)
	}
	a.noPageErrors(t)
	b.noPageErrors(t)
	c.noPageErrors(t)
}

// dropFile drags files from outside the browser and drops them on the article.
func (b *browser) dropFile(t testing.TB, paths ...string) {
	t.Helper()
	data := &input.DragData{Files: paths, DragOperationsMask: 1, Items: []*input.DragDataItem{}}
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
			if _, err := cdp.Call(ctx, tg, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: 300, Y: 300, Data: data}); err != nil {
				return err
			}
		}
		return nil
	}))
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func countExact(b *browser, role, name string) (int, error) {
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	var n int
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		ids, err := axExact(ctx, tg, role, name)
		n = len(ids)
		return err
	}))
	return n, err
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// checkW3CFile runs the W3C checker (internal/w3ctest) on a download.
func checkW3CFile(t *testing.T, path string, n int) {
	t.Helper()
	w3ctest.Check(t, n, path)
}

// setSelect picks an option of the select named label, as the keyboard would.
func (b *browser) setSelect(t testing.TB, id, value string) {
	t.Helper()
	eval[bool](t, b, `(() => { const s = document.getElementById(`+jsString(id)+`); s.focus(); s.value = `+jsString(value)+`; s.dispatchEvent(new Event("change", {bubbles: true})); return true })()`)
}

// A teacher hands out an article of their own with annotations as a class
// pack; a student opens it (the article joins their library, the teacher's
// annotations shown as the teacher's), adds their own and hands back a
// pack; the teacher imports it and compares the claims side by side.
func TestClassPackRoundTrip(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	teacher := newBrowser(t, "")
	tdl := teacher.allowDownloads(t)
	teacher.open(t, h.URL+"/")
	teacher.typeInto(t, "textbox", "Article text", "Exports in the harbour town\n\nThe minister said exports rose by ten percent last year.\n\nCritics said the figure ignores inflation entirely.")
	teacher.clickExact(t, "button", "Add")
	teacher.click(t, "link", "Exports in the harbour town")
	teacher.waitFor(t, "the reader", `location.pathname.startsWith("/read/local-") && !!document.querySelector("article.article-body")`)
	teacher.waitLive(t)
	id := strings.TrimPrefix(eval[string](t, teacher, `location.pathname`), "/read/")
	teacher.highlight(t, "Critics said")
	teacher.selectText(t, "exports rose by ten percent", 0)
	teacher.click(t, "button", "Claim")
	teacher.waitFor(t, "two marks", `new Set([...document.querySelectorAll("article mark[data-annotation-id]")].map(m => m.dataset.annotationId)).size === 2`)

	teacher.clickExact(t, "button", "Export")
	teacher.click(t, "menuitem", "Class pack (.annotator.json)")
	teacher.typeInto(t, "textbox", "Your name", "Ms Rivera")
	teacher.typeInto(t, "textbox", "Instructions for students", "Mark every claim and give a verdict.")
	teacher.click(t, "button", "Save class pack")
	pack := waitDownload(t, tdl, id+"-", ".annotator.json")
	teacher.waitStatus(t, "a class pack with 2 annotations by Ms Rivera (teacher)")

	// The student: a fresh browser, the library page, no such article yet.
	student := newBrowser(t, "")
	sdl := student.allowDownloads(t)
	student.open(t, h.URL+"/")
	student.importFile(t, pack)
	p := student.previewText(t)
	for _, s := range []string{"Class pack by Ms Rivera (teacher)", "Mark every claim and give a verdict.", "2 new", "Exports in the harbour town"} {
		if !strings.Contains(p, s) {
			t.Errorf("the student's preview lacks %q: %s", s, p)
		}
	}
	student.clickExact(t, "button", "Import")
	student.waitStatus(t, "Added 1 article to your library")
	student.click(t, "link", "Exports in the harbour town")
	student.waitFor(t, "the teacher's marks", `document.querySelectorAll("article mark[data-annotation-id]").length >= 2`)
	student.waitFor(t, "the instructions", `(document.querySelector(".instructions")?.textContent || "").includes("Instructions from Ms Rivera")`)
	if n := student.count(t, "button", "“Critics said”"); n != 1 {
		t.Errorf("list items for the teacher's highlight: %d", n)
	}
	if by := eval[int](t, student, `[...document.querySelectorAll(".annotation-item .by, .claim-item .by")].filter(e => e.textContent === "by Ms Rivera").length`); by != 2 {
		t.Errorf("items marked “by Ms Rivera”: %d, want 2", by)
	}
	student.selectText(t, "ignores inflation", 0)
	student.click(t, "button", "Claim")
	student.waitFor(t, "three annotations", `new Set([...document.querySelectorAll("article mark[data-annotation-id]")].map(m => m.dataset.annotationId)).size === 3`)
	// Starting the drag outside the teacher's mark, as a click on a mark opens it.
	student.selectText(t, "said exports rose by ten percent", 0)
	student.click(t, "button", "Claim")
	student.waitFor(t, "four annotations", `new Set([...document.querySelectorAll("article mark[data-annotation-id]")].map(m => m.dataset.annotationId)).size === 4`)
	// The filter: the student's own, then the teacher's.
	student.setSelect(t, "show-by", "Ms Rivera")
	// (Highlights and notes are listed under Annotations, claims under
	// Claims; the filter holds for both.)
	const items = `document.querySelectorAll(".annotation-list li.annotation-item, .claims-list li.claim-item")`
	student.waitFor(t, "the teacher's only", items+`.length === 2 && [...`+items+`].every(li => li.textContent.includes("by Ms Rivera"))`)
	student.setSelect(t, "show-by", "")
	student.waitFor(t, "everyone's", items+`.length === 4`)

	student.clickExact(t, "button", "Export")
	student.click(t, "menuitem", "Class pack (.annotator.json)")
	student.waitFor(t, "the class pack form", `!!document.getElementById("pack-form")`)
	if role := eval[string](t, student, `document.querySelector("input[name=pack-role]:checked")?.value || "none"`); role != "student" {
		t.Errorf("the default role for a student = %q", role)
	}
	student.typeInto(t, "textbox", "Your name", "Ana")
	student.click(t, "button", "Save class pack")
	work := waitDownload(t, sdl, id+"-", ".annotator.json")
	student.waitStatus(t, "a class pack with 2 annotations by Ana (student)")

	// The teacher takes the work back and compares.
	teacher.importFile(t, work)
	p = teacher.previewText(t)
	if !strings.Contains(p, "Class pack by Ana (student)") || !strings.Contains(p, "2 new") || !strings.Contains(p, "0 rejected") {
		t.Errorf("the teacher's preview: %s", p)
	}
	teacher.clickExact(t, "button", "Import")
	teacher.waitStatus(t, "Imported 2 annotations")
	teacher.click(t, "button", "Compare claims (2 people)")
	teacher.waitFor(t, "the comparison", `document.getElementById("compare-dialog")?.open === true`)
	table := eval[string](t, teacher, `[...document.querySelectorAll("#compare-dialog tr")].map(r => [...r.children].map(c => c.textContent).join(" | ")).join("\n")`)
	for _, s := range []string{"Claim | Agreement | Ms Rivera | Ana", "“The minister said exports rose by ten percent last year.” | ✓ all 2 agree?22 Unverified | ?Unverified | ?Unverified", "“Critics said the figure ignores inflation entirely.” | – only one person marked it?11 Unverified | ·not marked | ?Unverified"} {
		if !strings.Contains(table, s) {
			t.Errorf("the comparison lacks %q:\n%s", s, table)
		}
	}
	teacher.noPageErrors(t)
	student.noPageErrors(t)
}

// A share link carries the annotations in its fragment; opening it in
// another browser offers the import preview, and the fragment is removed.
func TestShareLink(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	a := newBrowser(t, "")
	a.open(t, h.URL+seed)
	a.highlight(t, "candid, substantive, and constructive")
	want := a.markTexts(t)
	a.do(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			_, err := cdp.Call(ctx, chromedp.FromContext(ctx).Browser, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
				Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: cdpbrowser.PermissionSettingGranted, Origin: h.URL})
			if err != nil {
				return err
			}
		}
		return nil
	}))
	a.click(t, "button", "Copy share link")
	a.waitFor(t, "the link", `(document.getElementById("share-link")?.value || "").includes("#import=")`)
	link := eval[string](t, a, `document.getElementById("share-link").value`)
	// The clipboard was asked during the click and given the link once it
	// was compressed (as Safari requires).
	a.waitStatus(t, "Copied a share link with 1 annotation.")
	a.waitAsync(t, "the link in the clipboard", `navigator.clipboard.readText().then(text => text === `+jsString(link)+`, () => false)`)
	if !strings.HasPrefix(link, h.URL+seed+"#import=") {
		t.Fatalf("share link = %q", link)
	}
	// The browser's own DEFLATE reads natively, with compress/flate.
	if data, err := share.DecodeLink(strings.TrimPrefix(link, h.URL+seed)); err != nil || !strings.Contains(string(data), "candid, substantive") {
		t.Errorf("the browser's link does not decode natively: %v", err)
	}
	b := newBrowser(t, "")
	b.open(t, link)
	p := b.previewText(t)
	if !strings.Contains(p, "from a share link") || !strings.Contains(p, "1 new") {
		t.Errorf("the link's preview: %s", p)
	}
	if hash := eval[string](t, b, `location.hash`); hash != "" {
		t.Errorf("the fragment stayed in the address: %.40q", hash)
	}
	b.clickExact(t, "button", "Import")
	b.waitFor(t, "the mark", `document.querySelectorAll("article mark[data-annotation-id]").length >= 1`)
	if got := b.markTexts(t); !equalMaps(got, want) {
		t.Errorf("marks from the link = %v, want %v", got, want)
	}
	a.noPageErrors(t)
	b.noPageErrors(t)
}

// TestShareLinkOldAndRefused: a link made with compress/flate, as links
// were before app.wasm used the browser's DEFLATE, still opens; a link that
// inflates past 1 MiB and one cut short are refused with their messages.
func TestShareLinkOldAndRefused(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	alert := func(want string) string {
		return fmt.Sprintf(`[...document.querySelectorAll(".share [role=alert]")].some(e => e.textContent.includes(%s))`, jsString(want))
	}

	// An old link: a highlight of the seed article, compressed natively.
	ann := fmt.Sprintf(`{"type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:00000000-0000-4000-8000-000000000001","type":"Annotation","motivation":"highlighting","created":"2024-01-02T03:04:05Z","modified":"2024-01-02T03:04:05Z","target":{"source":"urn:annotator:article:%s","selector":{"type":"TextQuoteSelector","exact":"candid, substantive, and constructive"}}}]}}`, strings.TrimPrefix(seed, "/read/"))
	old, err := share.LinkFragment(share.DeflateRaw([]byte(ann)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := share.DecodeLink(old); err != nil {
		t.Fatalf("the old link does not decode natively: %v", err)
	}
	b.open(t, h.URL+seed+old)
	if p := b.previewText(t); !strings.Contains(p, "from a share link") || !strings.Contains(p, "1 new") {
		t.Errorf("the old link's preview: %s", p)
	}

	// A bomb: 40 MiB of zeros, in a link of some 54,000 characters.
	bomb := share.LinkPrefix + base64.RawURLEncoding.EncodeToString(share.DeflateRaw(make([]byte, 40<<20)))
	t.Logf("the bomb link: %d characters", len(bomb))
	if _, err := share.DecodeLink(bomb); err == nil || !strings.Contains(err.Error(), "1 MiB") {
		t.Fatalf("natively the bomb gives %v", err)
	}
	b.open(t, h.URL+"/read/reading-news-closely"+bomb)
	b.waitFor(t, "the bomb refused", alert("The share link could not be opened: this link holds more than a share link may (over 1 MiB); it was refused"))

	// A link cut short when copied.
	cut := old[:len(old)*2/3]
	if _, err := share.DecodeLink(cut); err != share.ErrLinkDamaged {
		t.Fatalf("natively the cut link gives %v", err)
	}
	b.open(t, h.URL+seed+cut)
	b.waitFor(t, "the cut link refused", alert("The share link could not be opened: "+share.ErrLinkDamaged.Error()))
	if eval[bool](t, b, `!!document.getElementById("import-preview")`) {
		t.Error("a refused link offers an import")
	}
	b.noPageErrors(t)
}

// TestTeacherImportsAClassAtOnce: a teacher chooses every student's
// returned class pack at once, plus a file that is not one; the preview
// names the students and the unreadable file, and one press imports the
// rest, ready to compare.
func TestTeacherImportsAClassAtOnce(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "articles", "blinken-beijing-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	art, err := article.Parse("blinken-beijing-talks", "blinken-beijing-talks.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	text := anchor.NewText(art.Text)
	claim := "candid, substantive, and constructive"
	start := anchor.ByteToCodePoint(art.Text, strings.Index(art.Text, claim))
	q, pos := text.Describe(start, start+len([]rune(claim)))
	dir := t.TempDir()
	var files []string
	for i, who := range []string{"Ann", "Bo", "Cy"} {
		verdict := []annotation.Verdict{annotation.VerdictAccurate, annotation.VerdictInaccurate, annotation.VerdictAccurate}[i]
		now := time.Date(2026, 11, 27, 9, i, 0, 0, time.UTC)
		a := annotation.Annotation{ID: fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-00000000000%d", i+1), Article: art.ID, ArticleHash: art.Hash,
			Quote: q, Position: pos, Kind: annotation.KindClaim, Creator: who, Created: now, Modified: now,
			Claim: &annotation.Claim{Type: annotation.ClaimQuotation, Verdict: verdict}}
		pack, _, err := share.PackExport{Article: art, Annotations: []annotation.Annotation{a}, Instructions: "Mark the claims.", Creator: who, Role: share.RoleStudent}.ClassPack()
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dir, strings.ToLower(who)+".annotator.json")
		if err := os.WriteFile(name, pack, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	broken := filepath.Join(dir, "notes.json")
	if err := os.WriteFile(broken, []byte(`{"these are": "not annotations"`), 0o644); err != nil {
		t.Fatal(err)
	}
	files = append(files, broken)

	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seed)
	b.importFile(t, files...)
	p := b.previewText(t)
	for _, want := range []string{"3 class packs, by Ann (student), Bo (student), Cy (student)", "3 new", "Not imported, with the reason:", "notes.json"} {
		if !strings.Contains(p, want) {
			t.Errorf("the preview lacks %q: %s", want, p)
		}
	}
	b.audit(t, "the preview of a class's returned packs")
	b.clickExact(t, "button", "Import")
	b.waitStatus(t, "Imported 3 annotations from 3 files")
	b.waitStatus(t, "Not imported: 1 file that could not be read.")
	b.click(t, "button", "Compare claims (3 people)")
	b.waitFor(t, "the comparison", `document.getElementById("compare-dialog")?.open === true`)
	table := eval[string](t, b, `[...document.querySelectorAll("#compare-dialog tr")].map(r => [...r.children].map(c => c.textContent).join(" | ")).join("\n")`)
	if !strings.Contains(table, "Ann | Bo | Cy") || !strings.Contains(table, "Inaccurate") {
		t.Errorf("the comparison:\n%s", table)
	}
	b.key(t, "\x1b") // Escape closes the comparison
	b.waitFor(t, "the comparison closed", `!document.getElementById("compare-dialog")`)
	b.noPageErrors(t)

	// More files than one import takes are refused before any is read.
	var many []string
	for i := 0; i <= share.MaxImportFiles; i++ {
		name := filepath.Join(dir, fmt.Sprintf("extra-%03d.json", i))
		if err := os.WriteFile(name, []byte("[]"), 0o644); err != nil {
			t.Fatal(err)
		}
		many = append(many, name)
	}
	b.importFile(t, many...)
	b.waitFor(t, "the refusal", fmt.Sprintf(`(document.querySelector(".import .problem, .share .problem")?.textContent || document.body.textContent).includes("%d files were chosen, and an import takes at most %d at once")`, len(many), share.MaxImportFiles))

	// Dropped on the page, several files are one import too.
	c := newBrowser(t, "")
	c.open(t, h.URL+seed)
	c.dropFile(t, files[:2]...)
	if p := c.previewText(t); !strings.Contains(p, "2 class packs, by Ann (student), Bo (student)") || !strings.Contains(p, "2 new") {
		t.Errorf("the preview of two dropped files: %s", p)
	}
	c.noPageErrors(t)
}
