//go:build e2e

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// dropOnAddBox drags a DataTransfer made by build (JavaScript that fills
// dt) over the add box and drops it there, as the browser does for a real
// drop: dragenter, dragover, then drop when dragover was taken. It
// reports whether the app took the drop (prevented dragover's default, the
// browser's sign that the drop is accepted).
func (b *browser) dropOnAddBox(t testing.TB, build string) bool {
	t.Helper()
	return eval[bool](t, b, `(() => {
		const box = document.getElementById("paste-article");
		const dt = new DataTransfer();
		`+build+`;
		const opts = {dataTransfer: dt, bubbles: true, cancelable: true};
		box.dispatchEvent(new DragEvent("dragenter", opts));
		if (box.dispatchEvent(new DragEvent("dragover", opts))) return false;
		box.dispatchEvent(new DragEvent("drop", opts));
		return true;
	})()`)
}

// dragFileOntoAddBox drags a file from outside the browser and drops it
// on the add box, through the browser's own drag and drop.
func (b *browser) dragFileOntoAddBox(t testing.TB, path string) {
	t.Helper()
	type point struct{ X, Y float64 }
	p := eval[point](t, b, `(() => { const r = document.getElementById("paste-article").getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`)
	data := &input.DragData{Files: []string{path}, DragOperationsMask: 1, Items: []*input.DragDataItem{}}
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
			if _, err := cdp.Call(ctx, tg, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: p.X, Y: p.Y, Data: data}); err != nil {
				return err
			}
		}
		return nil
	}))
}

// A .md file dropped on the add box is added as if it had been opened
// with "Open an article file"; a link dragged from another page (a
// text/uri-list) is fetched and opened as if its address had been typed
// and Add pressed; a .txt file dragged from the desktop through the
// browser's own drag and drop is added too, and not taken for an import of
// annotations (the import listens for files dropped anywhere else).
func TestAddByDrop(t *testing.T) {
	pages := pageServer(t)
	h := startFetchHost(t, pages)
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	b.waitFor(t, "the hint of a host that fetches", `(document.getElementById("add-article-hint")?.textContent || "").startsWith("Paste a web page's address")`)

	md := "# Dropped field notes\n\nThe tide came in at noon.\n\n## Later\n\n- one gull\n- two boats\n"
	if !b.dropOnAddBox(t, `dt.items.add(new File([`+jsString(md)+`], "field-notes.md", {type: "text/markdown"}))`) {
		t.Fatal("the add box does not take a dropped file (dragover's default was not prevented)")
	}
	b.waitFor(t, "the dropped file listed", `[...document.querySelectorAll("ul.article-list a")].some(a => a.textContent.startsWith("Dropped field notes"))`)
	b.waitStatus(t, "Added “Dropped field notes”")
	if n := b.localCount(t); n != 1 {
		t.Errorf("%d articles of the reader's own, want 1", n)
	}

	txt := filepath.Join(t.TempDir(), "harbour.txt")
	if err := os.WriteFile(txt, []byte("Harbour diary\n\nThe cranes came down on Tuesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.dragFileOntoAddBox(t, txt)
	b.waitFor(t, "the dragged file listed", `[...document.querySelectorAll("ul.article-list a")].some(a => a.textContent.startsWith("Harbour diary"))`)
	if eval[bool](t, b, `!!document.getElementById("import-preview")`) {
		t.Error("the file dropped on the add box was also taken for an import")
	}
	if n := b.localCount(t); n != 2 {
		t.Errorf("%d articles of the reader's own, want 2", n)
	}

	addr := "http://" + pages + "/news"
	if !b.dropOnAddBox(t, `dt.setData("text/uri-list", "# a comment line\r\n`+addr+`"); dt.setData("text/plain", `+jsString(addr)+`)`) {
		t.Fatal("the add box does not take a dropped link (dragover's default was not prevented)")
	}
	b.waitFor(t, "the dropped link fetched and opened", `location.pathname.startsWith("/read/") && (document.querySelector("article")?.textContent || "").includes("hourly at weekends")`)
	if n := b.localCount(t); n != 3 {
		t.Errorf("%d articles of the reader's own, want 3", n)
	}
	b.noPageErrors(t)
}
