//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots draws the pictures in docs/screenshots, at 1280×800 and
// at 375×812 (a phone, with touch): the library; the reader with five
// highlights, a note and a claim, a card open; the claims panel of a
// teacher who took back five students' class packs; and Compare claims
// for those five. It runs only with SCREENSHOTS set to the folder to write
// them to (make screenshots).
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
	packs := classPacks(t, 5)
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	var b *browser
	shoot := func(name string) {
		t.Helper()
		// The message bar's text changes with every run: leave it out.
		eval[bool](t, b, `(document.querySelectorAll(".status-card button[aria-label='Dismiss message']").forEach(x => x.click()), true)`)
		b.waitFor(t, "no message on screen", `!document.querySelector(".status-card:not(.gone)")`)
		// Wait for the fonts and two frames, so that what is drawn is settled.
		eval[bool](t, b, `document.fonts.ready.then(() => new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(() => ok(true)))))`)
		png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", filepath.Join(dir, name), len(png))
	}
	// takeBackPacks imports the five students' class packs, as their
	// teacher does.
	takeBackPacks := func() {
		t.Helper()
		b.openShareSheet(t)
		b.importFile(t, packs...)
		b.clickExact(t, "button", "Import")
		b.waitStatus(t, "from 5 files")
	}

	// A laptop.
	b = newBrowser(t, "")
	b.wide(t)
	b.open(t, h.URL+"/")
	b.waitFor(t, "the list of articles", `document.querySelectorAll("ul.article-list li").length >= 2`)
	shoot("library.png")

	b.open(t, h.URL+seedPath)
	noted := annotate(t, b, "candid, substantive, and constructive", "The official line: compare with what Beijing said.", "diplomacy")
	closeCard := func() {
		t.Helper()
		eval[bool](t, b, `(document.querySelector("section.card button[aria-label^='Close']")?.click(), true)`)
		b.waitFor(t, "the card closed", `!document.querySelector("section.card")`)
	}
	closeCard()
	for _, phrase := range []string{"rival superpowers", "stable, predictable, and constructive", "core interests"} {
		b.highlight(t, phrase)
		closeCard()
	}
	b.selectText(t, "highest-level trip by a US official to China in nearly five years", 0)
	b.click(t, "button", "Claim")
	b.waitFor(t, "the claim's mark", `!!document.querySelector("article mark.claim")`)
	b.choose(t, "Type of claim", "Quantity")
	b.waitFor(t, "the type saved", `document.querySelector("select[id^='claim-type-']").value === "statistic"`)
	saved := b.saves(t)
	b.press(t, "radio", "Accurate")
	b.waitSaved(t, "the verdict", saved, `!!document.querySelector("article mark.claim.verdict-accurate")`)
	// The noted highlight's card, beside it at the top of the article.
	closeCard()
	eval[bool](t, b, `(window.scrollTo(0, 0), true)`)
	b.do(t, chromedp.Click(chromedp.CSS(markSel(noted)), chromedp.NodeVisible))
	b.waitShown(t, "the card beside the noted highlight", cardBeside(noted), cardGeometry)
	eval[bool](t, b, `(document.activeElement.blur(), true)`)
	shoot("reader.png")

	closeCard()
	takeBackPacks()
	eval[bool](t, b, `(window.scrollTo(0, 0), document.getElementById("claims-heading").scrollIntoView({block: "start"}), document.activeElement.blur(), true)`)
	shoot("claims.png")
	b.click(t, "button", "Compare claims (")
	b.waitFor(t, "the comparison", `document.getElementById("compare-dialog")?.open === true && document.querySelectorAll("#compare-dialog tbody tr").length > 0`)
	eval[bool](t, b, `(document.activeElement.blur(), true)`)
	shoot("compare.png")
	b.noPageErrors(t)

	// A phone, 375×812: the library, a highlight's card as a sheet with its
	// highlight in view above it, the claims sheet, and the comparison.
	b = newBrowser(t, "")
	b.phone(t)
	b.open(t, h.URL+"/")
	b.waitFor(t, "the list of articles", `document.querySelectorAll("ul.article-list li").length >= 2`)
	shoot("library-phone.png")
	b.open(t, h.URL+seedPath)
	phrases := []string{"candid, substantive, and constructive", "Chinese Foreign Minister Qin Gang", "rival superpowers", "stabilise strained relations", "highest-level trip"}
	for _, phrase := range phrases[1:] {
		b.phoneMark(t, phrase)
		b.tapOn(t, "the card's close button", `document.querySelector("section.card button[aria-label^='Close']")`)
		b.waitFor(t, "the card closed", `!document.querySelector("section.card")`)
	}
	b.phoneMark(t, phrases[0])
	b.waitFor(t, "the card", `!!document.querySelector("section.card")`)
	b.typeInto(t, "textbox", "Note", "The official line: compare with what Beijing said.")
	eval[bool](t, b, `(document.activeElement.blur(), document.querySelector("section.card").scrollTop = 0, true)`)
	shoot("reader-phone.png")
	b.tapOn(t, "the card's close button", `document.querySelector("section.card button[aria-label^='Close']")`)
	b.waitFor(t, "the card closed", `!document.querySelector("section.card")`)

	takeBackPacks()
	eval[bool](t, b, `(document.getElementById("sheet-open-claims").click(), true)`)
	b.waitFor(t, "the claims sheet", shown("claims-heading"))
	eval[bool](t, b, `(document.activeElement.blur(), true)`)
	shoot("claims-phone.png")
	b.openShareSheet(t)
	b.click(t, "button", "Compare claims (")
	b.waitFor(t, "the comparison", `document.getElementById("compare-dialog")?.open === true && document.querySelectorAll("#compare-dialog tbody tr").length > 0`)
	eval[bool](t, b, `(document.activeElement.blur(), true)`)
	shoot("compare-phone.png")
	b.noPageErrors(t)
}
