//go:build e2e

package e2e

import (
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// legacyPage is a Japanese news page saved in Shift_JIS, declared by its
// http-equiv <meta>, as older Japanese sites serve them.
func legacyPage() string {
	return filepath.Join(repoRoot, "app", "webpage", "testdata", "legacy", "news-article-shift_jis.html")
}

const legacyTitle = "町議会、川の渡し船の再開を可決"

// A reader opens a web page saved in a legacy encoding (Shift_JIS): the
// file worker has the browser's TextDecoder decode it (markdown.wasm
// carries no encoding tables of its own), and the article reads in
// Japanese, with its headings, without the page's furniture, and takes a
// highlight.
func TestAddSavedLegacyPage(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")

	b.chooseFiles(t, "Open an article file", legacyPage())
	b.waitStatus(t, "Added “"+legacyTitle+"”")
	b.click(t, "link", legacyTitle)
	b.waitFor(t, "the saved page's article", `(document.querySelector("article")?.textContent || "").includes("賛成九、反対四")`)
	headings := eval[[]string](t, b, `[...document.querySelectorAll("article h2.block")].map(h => h.textContent)`)
	if strings.Join(headings, "|") != "町を二分した渡し船|今後の予定" {
		t.Errorf("headings %q", headings)
	}
	text := eval[string](t, b, `document.querySelector("article").textContent`)
	for _, junk := range []string{"広告", "関連記事", "無断転載", "本文へ移動"} {
		if strings.Contains(text, junk) {
			t.Errorf("the article holds the page's %q", junk)
		}
	}
	b.selectText(t, "賛成九、反対四", 0)
	b.click(t, "button", "Highlight")
	b.waitMarks(t, 1)
	b.noPageErrors(t)
}

// After one visit, a saved web page opens with the host stopped, though the
// page never used the file worker before: the service worker cached
// markdown.wasm, which reads web pages too, at install.
func TestSavedWebPageOffline(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	b.waitOfflineReady(t, "/web/markdown-worker.js", "/web/markdown.wasm", "/wasm_exec.js")
	h.stop()
	if _, err := http.Get(h.URL + "/"); err == nil {
		t.Fatal("the host still answers after stop")
	}

	tab := b.newTab(t)
	tab.open(t, h.URL+"/")
	tab.waitFor(t, "the library offline", `document.querySelectorAll("ul.article-list li").length === 2`)
	tab.chooseFiles(t, "Open an article file", legacyPage())
	tab.waitFor(t, "the saved page added offline", fmt.Sprintf(`[...document.querySelectorAll("ul.article-list a")].some(a => a.textContent.startsWith(%q))`, legacyTitle))
	tab.click(t, "link", legacyTitle)
	tab.waitFor(t, "the saved page's article offline", `(document.querySelector("article")?.textContent || "").includes("今後の予定")`)
	tab.noPageErrors(t, "Failed to fetch", "ERR_CONNECTION_REFUSED")
}
