//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A claim card's speaker field shows that claim's speaker: with claim A's
// card open (its speaker "Blinken"), opening claim B, which has none,
// shows an empty field, and A shows its own again. go-app reuses the
// input for the next card and dropped an empty value, so B showed A's
// speaker, and a change there would have given it to B.
func TestClaimCardSpeakerIsTheClaims(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	field := `document.querySelector("input[id^='speaker-']")`
	closed := func() {
		t.Helper()
		b.key(t, "\x1b")
		b.waitFor(t, "the card closed", `!`+field)
		// The page settles (the focus back in the article, its scroll)
		// before the next drag measures where the words are.
		eval[bool](t, b, `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
	}

	b.selectText(t, objectivesSentence, 0)
	b.click(t, "button", "Claim")
	b.waitFor(t, "claim A's card", `!!`+field)
	idA := eval[string](t, b, field+`.id`)
	saved := b.saves(t)
	b.typeInto(t, "combobox", "Speaker", "Blinken")
	b.key(t, "\t") // the change is saved when the field is left
	b.waitSaved(t, "the speaker", saved, `true`)
	saved = b.saves(t)
	b.typeInto(t, "textbox", "Rationale", "He said so himself.")
	b.waitSaved(t, "the rationale", saved, `true`)
	closed()

	// A whole sentence, as A is: no offer to snap, so both cards have
	// the same fields in the same places.
	b.selectText(t, "Qin told Blinken that China is committed to building a “stable, predictable, and constructive” relationship with the United States, state media reported.", 0)
	b.click(t, "button", "Claim")
	b.waitFor(t, "claim B's card", `!!`+field+` && `+field+`.id !== `+jsString(idA))
	idB := eval[string](t, b, field+`.id`)

	// From B's card straight to A's, and back.
	// A click on a claim's highlight opens its card.
	rationale := `document.querySelector("textarea[id^='rationale-']").value`
	for _, step := range []struct{ name, id, want, rationale string }{
		{"A", idA, "Blinken", "He said so himself."},
		{"B", idB, "", ""},
		{"A", idA, "Blinken", "He said so himself."},
	} {
		type point struct{ X, Y float64 }
		p := eval[point](t, b, `(() => { const m = document.querySelector(`+jsString(`article mark[data-annotation-id="`+strings.TrimPrefix(step.id, "speaker-")+`"]`)+`); m.scrollIntoView({block: "center"}); const r = m.getClientRects()[0]; return {x: r.left + 4, y: r.top + r.height / 2}; })()`)
		b.do(t, chromedp.MouseClickXY(p.X, p.Y))
		b.waitFor(t, "claim "+step.name+"'s card", field+`?.id === `+jsString(step.id))
		if got := eval[string](t, b, field+`.value`); got != step.want {
			t.Errorf("claim %s's card shows the speaker %q, want %q", step.name, got, step.want)
		}
		if got := eval[string](t, b, rationale); got != step.rationale {
			t.Errorf("claim %s's card shows the rationale %q, want %q", step.name, got, step.rationale)
		}
	}
	b.noPageErrors(t)
}
