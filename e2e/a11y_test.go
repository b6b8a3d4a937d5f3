//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// axeViolation is the part of an axe-core result a failure message needs.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	Targets []string
	Nodes   []struct {
		Target  []any  `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// audit runs axe-core's WCAG 2.2 A and AA rules on the page as it is now and
// fails the test on any violation.
func (b *browser) audit(t *testing.T, what string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot, ".tools", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is missing (make test installs it): %v", err)
	}
	eval[bool](t, b, string(src)+"\n;true")
	vs := eval[[]axeViolation](t, b, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}).then(r => r.violations)`)
	for _, v := range vs {
		var nodes []string
		for _, n := range v.Nodes {
			nodes = append(nodes, fmt.Sprint(n.Target)+" "+n.HTML+"\n\t  "+strings.ReplaceAll(n.Summary, "\n", " "))
		}
		t.Errorf("%s: axe %s (%s): %s\n\t%s", what, v.ID, v.Impact, v.Help, strings.Join(nodes, "\n\t"))
	}
}

// The library and the reader, with highlights, a claim, a card and an
// orphan, have no WCAG 2.2 AA violations that axe-core can find, in the
// light and the dark theme.
func TestAccessibility(t *testing.T) {
	dir := copyArticles(t)
	h := startHost(t, dir, "127.0.0.1:0")
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			b := newBrowser(t, "")
			b.emulateColorScheme(t, scheme)
			b.open(t, h.URL+"/")
			b.waitFor(t, "the list of articles", `document.querySelectorAll("ul.article-list li").length >= 2`)
			b.audit(t, "library")

			b.open(t, h.URL+seedPath)
			b.selectText(t, "Chinese Foreign Minister Qin Gang", 0)
			b.audit(t, "reader with the selection toolbar")
			b.click(t, "button", "Highlight")
			b.waitMarks(t, 1)
			b.selectText(t, "three main objectives", 0)
			b.click(t, "button", "Note")
			b.waitMarks(t, 2)
			b.key(t, "Why three?")
			b.audit(t, "reader with an open card")
		})
	}
}
