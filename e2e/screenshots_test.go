//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots draws the pictures in docs/: the library, and the reader
// with a few highlights, a note and a claim, its card open. It runs only
// with SCREENSHOTS set to the folder to write them to (make screenshots).
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		t.Skip("set SCREENSHOTS=DIR to draw the screenshots (make screenshots)")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(repoRoot, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.do(t, chromedp.EmulateViewport(1280, 800))
	shoot := func(name string) {
		t.Helper()
		// The message bar's text changes with every run: leave it out.
		eval[bool](t, b, `(document.querySelectorAll(".status-card button[aria-label='Dismiss message']").forEach(x => x.click()), true)`)
		b.waitFor(t, "no message on screen", `!document.querySelector(".status-card:not(.gone)")`)
		png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", filepath.Join(dir, name), len(png))
	}

	b.open(t, h.URL+"/")
	shoot("library.png")

	b.open(t, h.URL+seedPath)
	annotate(t, b, "candid, substantive, and constructive", "The official line: compare with what Beijing said.", "diplomacy")
	b.key(t, "\x1b") // Escape closes the card
	b.waitFor(t, "the card closed", `!document.querySelector("textarea[id^='note-']")`)
	b.highlight(t, "stable, predictable, and constructive")
	b.key(t, "\x1b")
	b.selectText(t, "three main objectives", 0)
	b.click(t, "button", "Claim")
	b.waitFor(t, "the claim's mark", `!!document.querySelector("article mark.claim")`)
	b.choose(t, "Type of claim", "Quantity")
	b.waitFor(t, "the type saved", `document.querySelector("select[id^='claim-type-']").value === "statistic"`)
	eval[bool](t, b, `(window.scrollTo(0, 0), document.activeElement.blur(), true)`)
	shoot("reader.png")
	b.noPageErrors(t)

	// A phone, 375×812: the library, and a highlight's card as a sheet
	// with its highlight in view above it.
	p := newBrowser(t, "")
	p.phone(t)
	p.open(t, h.URL+"/")
	p.waitFor(t, "the list of articles", `document.querySelectorAll("ul.article-list li").length >= 2`)
	b = p
	shoot("library-phone.png")
	p.open(t, h.URL+seedPath)
	p.phoneMark(t, "rival superpowers")
	p.waitFor(t, "the card", `!!document.querySelector("section.card")`)
	eval[bool](t, p, `(document.activeElement.blur(), true)`)
	shoot("reader-phone.png")
	p.noPageErrors(t)
}
