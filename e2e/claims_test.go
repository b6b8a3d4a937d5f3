//go:build e2e

package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const objectivesSentence = "Speaking at a press conference on Friday before he left for Beijing, Blinken said his trip had three main objectives: Setting up mechanisms for crisis management, advancing the US’s and its allies’ interests as well as speaking directly about related concerns, and exploring areas of potential cooperation."

// choose picks an option of the select with this accessible name from the
// keyboard, as a person does: focus it and type the start of the option
// (or a key such as Home).
func (b *browser) choose(t testing.TB, name, option string) {
	t.Helper()
	id := b.findRole(t, "combobox", name)
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, dom.Focus, dom.FocusParams{BackendNodeID: id})
		return err
	}))
	if err != nil {
		t.Fatalf("focusing %q: %v", name, err)
	}
	b.key(t, option)
}

// press scrolls the control with this role and name to the middle of its
// scroller, as a person scrolls what they want to press out from under the
// message bar, and clicks it.
func (b *browser) press(t testing.TB, role, name string) {
	t.Helper()
	id := b.findRole(t, role, name)
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		obj, err := cdp.Call(ctx, tg, dom.ResolveNode, dom.ResolveNodeParams{BackendNodeID: id})
		if err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
			FunctionDeclaration: `function() { this.scrollIntoView({block: "center"}); }`,
			ObjectID:            obj.Object.ObjectID,
		}); err != nil {
			return err
		}
		box, err := cdp.Call(ctx, tg, dom.GetBoxModel, dom.GetBoxModelParams{BackendNodeID: id})
		if err != nil {
			return err
		}
		q := box.Model.Border
		x, y := (q[0]+q[2]+q[4]+q[6])/4, (q[1]+q[3]+q[5]+q[7])/4
		_, err = chromedp.MouseClickXY(x, y)(ctx, tg)
		return err
	}))
	if err != nil {
		t.Fatalf("pressing %s %q: %v", role, name, err)
	}
}

// claimIDs returns the ids of the claims drawn in the article, in order.
func claimIDs(t testing.TB, b *browser) []string {
	t.Helper()
	return eval[[]string](t, b, `[...new Set([...document.querySelectorAll("article mark.claim[data-annotation-id]")].map(m => m.dataset.annotationId))]`)
}

// A claim is marked by selecting part of a sentence: it snaps to the whole
// sentence (or keeps the exact selection on request), gets a type, a
// speaker, a verdict, evidence and a rationale, survives a reload, and is
// listed and filtered in the claims panel.
func TestClaims(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/read/blinken-beijing-talks")
	b.waitFor(t, "the article", `!!document.querySelector("article p")`)

	// Select part of a sentence and press Claim: the claim covers the sentence.
	b.selectText(t, "three main objectives", 0)
	b.click(t, "button", "Claim")
	b.waitFor(t, "the claim's mark", `!!document.querySelector("article mark.claim")`)
	ids := claimIDs(t, b)
	if len(ids) != 1 {
		t.Fatalf("claims drawn: %v, want 1", ids)
	}
	first := ids[0]
	if got := b.markTexts(t)[first]; got != objectivesSentence {
		t.Fatalf("the claim covers %q, want the whole sentence", got)
	}
	b.findRole(t, "region", "Claim")

	// Keep the exact selection, then go back to the sentence.
	b.press(t, "button", "Keep my exact selection")
	b.waitFor(t, "the exact selection", `[...document.querySelectorAll("article mark.claim")].map(m => m.textContent).join("") === "three main objectives"`)
	b.press(t, "button", "Use the whole sentence")
	b.waitFor(t, "the sentence again", `[...document.querySelectorAll("article mark.claim")].map(m => m.textContent).join("").startsWith("Speaking at a press")`)

	// Type, speaker, verdict.
	b.choose(t, "Type of claim", "Quantity")
	b.waitFor(t, "the type saved", `document.querySelector("select[id^='claim-type-']").value === "statistic"`)
	b.typeInto(t, "combobox", "Speaker", "Blinken\t")
	b.waitFor(t, "the speaker's candidates", `[...document.querySelectorAll("datalist[id^='speakers-'] option")].some(o => o.value === "Blinken")`)
	b.press(t, "radio", "Inaccurate")
	b.waitFor(t, "the verdict drawn", `!!document.querySelector("article mark.claim.verdict-inaccurate")`)

	// Evidence: a javascript: address is refused at its field.
	b.typeInto(t, "textbox", "Evidence address", "javascript:alert(1)")
	b.press(t, "button", "Add evidence")
	b.waitFor(t, "the message at the field", `(() => {
		const f = document.querySelector("input[id^='evidence-url-']");
		if (!f || f.getAttribute("aria-invalid") !== "true") return false;
		const ids = (f.getAttribute("aria-describedby") || "").split(" ");
		const msg = ids.map(id => document.getElementById(id)).filter(Boolean).map(e => e.textContent).join(" ");
		return msg.includes("Only http and https");
	})()`)
	if n := eval[int](t, b, `document.querySelectorAll(".evidence-list li").length`); n != 0 {
		t.Fatalf("a javascript: link was added as evidence")
	}
	b.key(t, strings.Repeat("\b", len("javascript:alert(1)")))
	b.typeInto(t, "textbox", "Evidence address", "data:text/html,hi")
	b.key(t, "\r")
	b.waitFor(t, "data: refused", `document.querySelector("input[id^='evidence-url-']").getAttribute("aria-invalid") === "true"`)
	b.audit(t, "claim card with a refused address")
	b.key(t, strings.Repeat("\b", len("data:text/html,hi")))
	b.typeInto(t, "textbox", "Evidence address", "https://www.state.gov/secretary-blinkens-travel/")
	b.waitFor(t, "the message gone once the address is good", `document.querySelector("input[id^='evidence-url-']").getAttribute("aria-invalid") === "false"`)
	b.typeInto(t, "textbox", "Evidence title", "State Department readout")
	b.press(t, "button", "Add evidence")
	b.waitFor(t, "one piece of evidence", `document.querySelectorAll(".evidence-list li").length === 1`)
	b.typeInto(t, "textbox", "Evidence address", "https://example.org/news/blinken-trip")
	b.typeInto(t, "textbox", "Evidence title", "Second report")
	b.typeInto(t, "textbox", "Quoted passage", "He listed three aims.")
	b.press(t, "button", "Add evidence")
	b.waitFor(t, "two pieces of evidence", `document.querySelectorAll(".evidence-list li").length === 2`)
	links := eval[[]string](t, b, `[...document.querySelectorAll(".evidence-list a")].map(a => a.href + " " + a.target + " " + a.rel)`)
	for i, want := range []string{
		"https://www.state.gov/secretary-blinkens-travel/ _blank noopener noreferrer",
		"https://example.org/news/blinken-trip _blank noopener noreferrer",
	} {
		if i >= len(links) || links[i] != want {
			t.Errorf("evidence link %d = %q, want %q", i, links, want)
		}
	}

	// A rationale holding HTML, and a tag.
	b.typeInto(t, "textbox", "Rationale", "<b>x</b>")
	b.typeInto(t, "combobox", "Tags", "diplomacy\t")
	b.waitFor(t, "the rationale in the panel", `[...document.querySelectorAll(".claims-list .note-preview")].some(p => p.textContent === "<b>x</b>")`)

	// A second claim, accurate, a quotation.
	b.selectText(t, "candid, substantive", 0)
	b.key(t, "c")
	b.waitFor(t, "a second claim", `new Set([...document.querySelectorAll("article mark.claim")].map(m => m.dataset.annotationId)).size === 2`)
	b.press(t, "radio", "Accurate")
	b.choose(t, "Type of claim", "Quotation")
	b.waitFor(t, "the second claim saved", `!!document.querySelector("article mark.claim.verdict-accurate")`)

	// Reload: both claims are drawn and listed.
	b.do(t, chromedp.Reload())
	b.waitLive(t)
	b.waitFor(t, "the claims after a reload", `document.querySelectorAll("article mark.claim").length >= 2`)
	marks := eval[[]string](t, b, `[...document.querySelectorAll("article mark[data-annotation-id='`+first+`']")].map(m => m.className)`)
	if len(marks) == 0 || !strings.Contains(marks[len(marks)-1], "claim verdict-inaccurate") || !strings.Contains(marks[len(marks)-1], "hl-end") {
		t.Errorf("the claim's marks have classes %q", marks)
	}
	if got := b.markTexts(t)[first]; got != objectivesSentence {
		t.Errorf("after a reload the claim covers %q", got)
	}
	badge := eval[string](t, b, `getComputedStyle(document.querySelector("article mark.hl-end[data-annotation-id='`+first+`']"), "::after").content`)
	if !strings.Contains(badge, "✖") {
		t.Errorf("the claim's badge is %q, want the inaccurate symbol", badge)
	}
	if text := eval[string](t, b, `document.querySelector("article").textContent`); strings.Contains(text, "✖") {
		t.Errorf("the badge is text in the article")
	}

	b.waitFor(t, "the summary line", `(document.getElementById("claims-summary")?.textContent || "") === "2 claims: 1 inaccurate, 1 accurate"`)
	items := eval[[]string](t, b, `[...document.querySelectorAll("ol.claims-list > li")].map(li => li.textContent)`)
	if len(items) != 2 {
		t.Fatalf("claims listed: %q", items)
	}
	// Document order: the first sentence of the article comes first.
	for _, want := range []string{"Accurate", "Quotation attributed to someone", "no evidence"} {
		if !strings.Contains(items[0], want) {
			t.Errorf("first claim %q lacks %q", items[0], want)
		}
	}
	for _, want := range []string{"✖", "Inaccurate", "Quantity or statistic", "Blinken", "2 pieces of evidence", "<b>x</b>", "diplomacy"} {
		if !strings.Contains(items[1], want) {
			t.Errorf("second claim %q lacks %q", items[1], want)
		}
	}
	if n := eval[int](t, b, `document.querySelectorAll(".claims-panel b, .claim-card b").length`); n != 0 {
		t.Errorf("the rationale's HTML was rendered as %d elements", n)
	}

	b.audit(t, "reader with claims")
	b.emulateColorScheme(t, "dark")
	b.audit(t, "reader with claims, dark theme")
	b.emulateColorScheme(t, "light")

	// Filters.
	b.choose(t, "Filter by verdict", "✖")
	b.waitFor(t, "the inaccurate claim alone", `document.querySelectorAll("ol.claims-list > li").length === 1 && document.querySelector("ol.claims-list > li").dataset.annotationId === "`+first+`"`)
	b.choose(t, "Filter by verdict", kb.Home)
	b.waitFor(t, "every claim", `document.querySelectorAll("ol.claims-list > li").length === 2`)
	b.choose(t, "Filter by type", "Quotation")
	b.waitFor(t, "the quotation alone", `document.querySelectorAll("ol.claims-list > li").length === 1 && document.querySelector("ol.claims-list > li").textContent.includes("Quotation")`)
	b.choose(t, "Filter by type", kb.Home)
	b.waitFor(t, "every claim", `document.querySelectorAll("ol.claims-list > li").length === 2`)

	// Clicking a claim opens its card and focuses its text.
	b.press(t, "button", "“Speaking at a press")
	b.waitFor(t, "the card and the focused text", `document.activeElement?.dataset?.annotationId === "`+first+`" && !!document.querySelector("section.claim-card")`)
	if got := eval[string](t, b, `document.querySelector("textarea[id^='rationale-']").value`); got != "<b>x</b>" {
		t.Errorf("the rationale reads %q", got)
	}
	if got := eval[string](t, b, `document.querySelector("input[id^='speaker-']").value`); got != "Blinken" {
		t.Errorf("the speaker reads %q", got)
	}

	// Delete, then undo.
	b.press(t, "button", "Delete claim")
	b.waitFor(t, "the claim gone", `!document.querySelector("article mark[data-annotation-id='`+first+`']")`)
	b.click(t, "button", "Undo")
	b.waitFor(t, "the claim back", `!!document.querySelector("article mark[data-annotation-id='`+first+`']")`)
	b.noPageErrors(t)
}
