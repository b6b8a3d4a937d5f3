//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestLabelSettings: the closed "Labels and your name" panel draws its
// fields once opened (they are not part of the page's first render), and a
// label renamed there is saved.
func TestLabelSettings(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	if n := eval[int](t, b, `document.querySelectorAll("details.settings input").length`); n != 0 {
		t.Errorf("the closed settings panel has %d inputs in the page, want none until it is opened", n)
	}
	b.click(t, "DisclosureTriangle", "Labels and your name")
	saved := b.saves(t)
	b.typeInto(t, "textbox", "Name for the yellow label", "Main point")
	b.key(t, "\t") // the change event
	b.waitSaved(t, "the label name saved", saved, `[...document.querySelectorAll("details.settings input")].some(i => i.value.endsWith("Main point"))`)
	// After a reload the name is still there: it was saved. (The field held
	// "Key point", and the name was typed after it.)
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.click(t, "DisclosureTriangle", "Labels and your name")
	b.waitFor(t, "the saved label name", `[...document.querySelectorAll("details.settings input")].some(i => i.value.endsWith("Main point"))`)
	b.click(t, "DisclosureTriangle", "Labels and your name")
	b.waitFor(t, "the fields gone once closed", `document.querySelectorAll("details.settings input").length === 0`)
	b.noPageErrors(t)
}
