//go:build e2e

package e2e

import "testing"

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
	b.typeInto(t, "textbox", "Name for the yellow label", "Main point")
	b.key(t, "\t") // the change event
	b.waitFor(t, "the label name saved", `JSON.stringify(localStorage).includes("Main point")`)
	b.click(t, "DisclosureTriangle", "Labels and your name")
	b.waitFor(t, "the fields gone once closed", `document.querySelectorAll("details.settings input").length === 0`)
	b.noPageErrors(t)
}
