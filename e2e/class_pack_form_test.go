//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// packFormProbe records, from the moment it is run, each time a class
// pack form is put into the page, and what the form showed then, in
// __pack.seen, and how often its content changed after (__pack.redrawn).
// Run again, it starts a new record (with one observer).
const packFormProbe = `(() => {
	const again = !!window.__pack;
	window.__pack = {seen: [], redrawn: 0};
	if (again) return;
	const look = (f) => {
		const role = f.querySelector("input[name=pack-role]:checked");
		__pack.seen.push({
			name: f.querySelector("#pack-name")?.value ?? null,
			role: role ? role.value : "",
			gives: !!f.querySelector("input[name=pack-gives]"),
			forms: document.querySelectorAll(".pack-form").length,
		});
	};
	new MutationObserver((list) => {
		for (const m of list) {
			if (m.target.closest && m.target.closest(".pack-form")) __pack.redrawn++;
		}
		for (const m of list) for (const n of m.addedNodes) {
			if (n.nodeType !== 1) continue;
			const forms = n.matches(".pack-form") ? [n] : [...n.querySelectorAll(".pack-form")];
			for (const f of forms) look(f);
		}
	}).observe(document.body, {subtree: true, childList: true});
})()`

// The class pack form opens once, already filled in: the reader's name,
// the role and the teacher's choices as they will stay, with no first
// draw of defaults that the form then replaces (it drew twice: once
// empty, as a student's, then as the teacher's).
func TestClassPackFormOpensOnce(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+seedPath)
	// The reader's name, as a pack saved before keeps it.
	b.do(t, chromedp.Evaluate[chromedp.Void](`localStorage.setItem("annotator/prefs", JSON.stringify({creator: "Ms Rivera"}))`))
	b.open(t, h.URL+seedPath)
	b.highlight(t, "stable, predictable, and constructive")
	b.key(t, "\x1b")

	type seen struct {
		Name  *string
		Role  string
		Gives bool
		Forms int
	}
	open := func(want string) {
		t.Helper()
		b.do(t, chromedp.Evaluate[chromedp.Void](packFormProbe))
		b.clickExact(t, "button", "Export")
		b.click(t, "menuitem", "Class pack (.annotator.json)")
		b.waitFor(t, "the class pack form", `!!document.getElementById("pack-form") && document.activeElement?.id === "pack-name"`)
		if n := eval[int](t, b, `document.querySelectorAll(".pack-form").length`); n != 1 {
			t.Errorf("%d class pack forms on the page, want 1", n)
		}
		got := eval[[]seen](t, b, `__pack.seen`)
		if len(got) != 1 {
			t.Errorf("the form was put into the page %d times on opening, want once: %+v", len(got), got)
		}
		if n := eval[int](t, b, `__pack.redrawn`); n != 0 {
			t.Errorf("the form was redrawn %d times as it opened, want none", n)
		}
		for _, s := range got {
			name := "<none>"
			if s.Name != nil {
				name = *s.Name
			}
			if name != want || s.Role != "teacher" || !s.Gives || s.Forms != 1 {
				t.Errorf("the form first showed name %q, role %q, the teacher's choices %t, %d forms; want %q, teacher, true, 1", name, s.Role, s.Gives, s.Forms, want)
			}
		}
		b.key(t, "\x1b")
		b.waitFor(t, "the export menu closed", `!document.getElementById("export-menu")`)
	}
	open("Ms Rivera")
	open("Ms Rivera") // and again, in the same page
	b.noPageErrors(t)
}
