//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Adding articles through the library's add box (issue 16): by address,
// through the host's /api/fetch against a page server of the test's own;
// by pasting a selection copied from a web page; through the share
// target; offline, through the waiting list.

// The names the test contract gives the add box.
const (
	addBox    = "Article text or address"
	addButton = "Add"
)

var (
	fetchBinOnce sync.Once
	fetchBin     string
	fetchBinErr  error
)

// fetchHostBin builds, once per run, a host with -tags e2efetch into the
// scratch folder: the one binary whose /api/fetch may reach the test's
// loopback page server (app/host/fetch_e2e.go). make build never makes it.
func fetchHostBin(t testing.TB) string {
	t.Helper()
	fetchBinOnce.Do(func() {
		fetchBin = filepath.Join(scratch, "annotator-e2efetch")
		cmd := exec.Command("go", "build", "-tags", "e2efetch", "-o", fetchBin, "./cmd/annotator")
		cmd.Dir = repoRoot
		out, err := cmd.CombinedOutput()
		if err != nil {
			fetchBinErr = err
			t.Logf("%s", out)
		}
	})
	if fetchBinErr != nil {
		t.Fatalf("building the e2efetch host: %v", fetchBinErr)
	}
	return fetchBin
}

// pageServer serves the extraction test pages of app/webpage on a
// loopback port: /news is a news article, /paywall a login wall.
func pageServer(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(repoRoot, "app", "webpage", "testdata", "pages")
	pages := map[string]string{"/news": "news-article.html", "/paywall": "paywall-stub.html"}
	mux := http.NewServeMux()
	for path, file := range pages {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(data)
		})
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// startFetchHost runs the e2efetch host, allowed to fetch from pages.
func startFetchHost(t *testing.T, pages string) *host {
	t.Helper()
	bin := fetchHostBin(t)
	t.Setenv("ANNOTATOR_E2E_FETCH_SERVER", pages)
	old := hostBin
	hostBin = bin
	defer func() { hostBin = old }()
	return startHost(t, copyArticles(t), "127.0.0.1:0")
}

const newsTitle = "Town council votes to reopen the old river ferry"

// localCount is how many articles of the reader's own the store holds.
func (b *browser) localCount(t testing.TB) int {
	return eval[int](t, b, `Object.keys(localStorage).filter(k => k.startsWith("annotator/article/")).length`)
}

// setOnline tells the browser it is offline or online (navigator.onLine
// and its events); requests still reach the host.
func (b *browser) setOnline(t testing.TB, online bool) {
	t.Helper()
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: !online, DownloadThroughput: -1, UploadThroughput: -1})
		return err
	}))
	b.waitFor(t, "navigator.onLine", `navigator.onLine === `+map[bool]string{true: "true", false: "false"}[online])
}

const addBoxValue = `document.getElementById("paste-article").value`

// A reader pastes a page's address and presses Add: the host fetches it,
// the article opens, and the box is empty again. The same address again
// opens their copy and offers to fetch it again; a login page is refused
// with a message, and nothing is added.
func TestAddByAddress(t *testing.T) {
	pages := pageServer(t)
	h := startFetchHost(t, pages)
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	b.waitFor(t, "the hint of a host that fetches", `(document.getElementById("add-article-hint")?.textContent || "").startsWith("Paste a web page's address")`)
	b.audit(t, "the add box")

	addr := "http://" + pages + "/news"
	b.typeInto(t, "textbox", addBox, addr)
	b.clickExact(t, "button", addButton)
	b.waitFor(t, "the fetched article opened", `location.pathname.startsWith("/read/") && (document.querySelector("article")?.textContent || "").includes("hourly at weekends")`)
	if n := eval[int](t, b, `document.querySelectorAll("article h2.block").length`); n != 2 {
		t.Errorf("%d headings in the fetched article, want 2", n)
	}
	b.highlightNew(t, "nine votes to four")

	b.click(t, "link", "Library")
	b.waitFor(t, "the article in the library", `[...document.querySelectorAll("ul.article-list a")].some(a => a.textContent.startsWith(`+jsString(newsTitle)+`))`)
	if v := eval[string](t, b, addBoxValue); v != "" {
		t.Errorf("the add box still holds %q after the article was added", v)
	}

	// The same page, spelt differently: the reader's copy, and an offer.
	b.typeInto(t, "textbox", addBox, addr+"#top")
	b.clickExact(t, "button", addButton)
	b.waitStatus(t, "is already in your library")
	b.findRole(t, "button", "Fetch again")
	if n := b.localCount(t); n != 1 {
		t.Errorf("%d articles of the reader's own, want 1", n)
	}
	b.waitFor(t, "the reader's copy opened", `location.pathname.startsWith("/read/") && document.querySelectorAll("article mark[data-annotation-id]").length === 1`)
	b.clickExact(t, "button", "Fetch again")
	b.waitStatus(t, "has not changed since you added it")

	// A login wall: a clear refusal in the box, nothing added.
	b.click(t, "link", "Library")
	b.waitFor(t, "the library", `!!document.getElementById("paste-article")`)
	b.typeInto(t, "textbox", addBox, "http://"+pages+"/paywall")
	b.clickExact(t, "button", addButton)
	b.waitFor(t, "the refusal", `(document.querySelector(".add-article .problem")?.textContent || "").includes("could not be fetched")`)
	b.audit(t, "the add box with a refusal")
	if n := b.localCount(t); n != 1 {
		t.Errorf("%d articles of the reader's own after a refusal, want 1", n)
	}
	b.noPageErrors(t)
}

// Offline, an address waits in a list under the add box; back online it
// is fetched on its own, and the list empties. Remove takes one off.
func TestAddAddressOffline(t *testing.T) {
	pages := pageServer(t)
	h := startFetchHost(t, pages)
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	b.waitFor(t, "the hint of a host that fetches", `(document.getElementById("add-article-hint")?.textContent || "").startsWith("Paste a web page's address")`)

	b.setOnline(t, false)
	b.typeInto(t, "textbox", addBox, "http://"+pages+"/news")
	b.clickExact(t, "button", addButton)
	b.waitStatus(t, "will be fetched when you are online")
	b.waitFor(t, "the box emptied", addBoxValue+` === ""`)
	b.findRole(t, "button", "Fetch now: http://"+pages+"/news")
	b.typeInto(t, "textbox", addBox, "https://example.invalid/never")
	b.clickExact(t, "button", addButton)
	b.findRole(t, "button", "Remove from the waiting list: https://example.invalid/never")
	b.audit(t, "the waiting list")
	b.clickExact(t, "button", "Remove from the waiting list: https://example.invalid/never")
	b.waitFor(t, "one address waiting", `document.querySelectorAll(".waiting-item").length === 1`)

	b.setOnline(t, true)
	b.waitFor(t, "the waiting list fetched", `document.querySelectorAll(".waiting-item").length === 0 && [...document.querySelectorAll("ul.article-list a")].some(a => a.textContent.startsWith(`+jsString(newsTitle)+`))`)
	if n := b.localCount(t); n != 1 {
		t.Errorf("%d articles of the reader's own, want 1", n)
	}
	b.noPageErrors(t)
}

// A selection copied from a web page and pasted into the box keeps its
// headings and list; after Add the box is empty, and Add again says
// there is nothing to add rather than adding it twice.
func TestAddPastedSelection(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	b.findRole(t, "textbox", addBox)
	html := `<h1>Harbour report</h1><p>The harbour <a href="https://example.org">reopened</a> on Monday.</p>` +
		`<h2>What changed</h2><ul><li>New cranes</li><li>Longer quay</li></ul><script>window.pwned=1</script><img src="x" onerror="window.pwned=1"><p>Ships returned.</p>`
	b.do(t, chromedp.Evaluate[chromedp.Void](`(() => {
		const box = document.getElementById("paste-article");
		box.focus();
		const dt = new DataTransfer();
		dt.setData("text/html", `+jsString(html)+`);
		dt.setData("text/plain", "Harbour report");
		box.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
	})()`))
	b.waitFor(t, "the pasted selection read", `(document.querySelector(".add-article")?.textContent || "").includes("Pasted from a web page: “Harbour report”")`)
	if v := eval[string](t, b, addBoxValue); !strings.HasPrefix(v, "Harbour report") || !strings.Contains(v, "New cranes") {
		t.Errorf("the box shows %q", v)
	}
	b.audit(t, "the add box with a pasted selection")
	b.clickExact(t, "button", addButton)
	b.waitStatus(t, "Added “Harbour report”")
	b.waitFor(t, "the box emptied", addBoxValue+` === ""`)
	b.clickExact(t, "button", addButton)
	b.waitFor(t, "the empty box's message", `(document.querySelector(".add-article .problem")?.textContent || "").includes("There is no text to add")`)
	if n := b.localCount(t); n != 1 {
		t.Errorf("%d articles of the reader's own, want 1", n)
	}

	b.click(t, "link", "Harbour report")
	b.waitFor(t, "the pasted article", `(document.querySelector("article")?.textContent || "").includes("Ships returned")`)
	if got := eval[string](t, b, `[...document.querySelectorAll("article h2.block")].map(h => h.textContent).join("|")`); got != "What changed" {
		t.Errorf("headings %q", got)
	}
	if n := eval[int](t, b, `document.querySelectorAll("article .block.li").length`); n != 2 {
		t.Errorf("%d list items, want 2", n)
	}
	if eval[bool](t, b, `!!window.pwned || !!document.querySelector("article img, article script, article a")`) {
		t.Error("the pasted HTML reached the page")
	}
	b.noPageErrors(t)
}

// The share target: a page shared with its address is fetched and opened;
// shared text is added as it is.
func TestShareTarget(t *testing.T) {
	pages := pageServer(t)
	h := startFetchHost(t, pages)
	b := newBrowser(t, "")
	b.open(t, h.URL+"/share?title=Ferry&url="+"http://"+pages+"/news")
	b.waitFor(t, "the shared page opened", `location.pathname.startsWith("/read/") && (document.querySelector("article")?.textContent || "").includes("hourly at weekends")`)

	b.open(t, h.URL+"/share?title=A%20shared%20note&text="+"Shared%20passage%20about%20tides%20and%20the%20moon.")
	b.waitFor(t, "the shared text opened", `location.pathname.startsWith("/read/") && (document.querySelector("article")?.textContent || "").includes("tides and the moon")`)
	if n := b.localCount(t); n != 2 {
		t.Errorf("%d articles of the reader's own, want 2", n)
	}

	b.open(t, h.URL+"/share")
	b.waitFor(t, "nothing shared", `(document.querySelector(".share-page .problem")?.textContent || "").includes("Nothing was shared")`)
	b.audit(t, "the share page")
	b.noPageErrors(t)
}

// The same text added twice, typed or pasted from a web page, is kept
// once: the second Add says it is already in the library, as for an
// address added twice, empties the box, and offers to open the copy.
func TestAddSameTextTwice(t *testing.T) {
	h := startHost(t, copyArticles(t), "127.0.0.1:0")
	b := newBrowser(t, "")
	b.open(t, h.URL+"/")
	b.findRole(t, "textbox", addBox)

	typed := "River notes\nThe water rose past the second step."
	b.typeInto(t, "textbox", addBox, typed)
	b.clickExact(t, "button", addButton)
	b.waitStatus(t, "Added “River notes”")
	b.waitFor(t, "the box emptied", addBoxValue+` === ""`)
	b.typeInto(t, "textbox", addBox, typed)
	b.clickExact(t, "button", addButton)
	b.waitStatus(t, "“River notes” is already in your library")
	b.waitFor(t, "the box emptied", addBoxValue+` === ""`)
	if n := b.localCount(t); n != 1 {
		t.Errorf("%d articles of the reader's own after the same text twice, want 1", n)
	}

	paste := func() {
		b.do(t, chromedp.Evaluate[chromedp.Void](`(() => {
			const box = document.getElementById("paste-article");
			box.focus();
			const dt = new DataTransfer();
			dt.setData("text/html", "<h1>Quay report</h1><p>The quay was lengthened.</p><ul><li>Two cranes</li></ul>");
			dt.setData("text/plain", "Quay report");
			box.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
		})()`))
		b.waitFor(t, "the pasted selection read", `(document.querySelector(".add-article")?.textContent || "").includes("Pasted from a web page: “Quay report”")`)
		b.clickExact(t, "button", addButton)
	}
	paste()
	b.waitStatus(t, "Added “Quay report”")
	b.waitFor(t, "the box emptied", addBoxValue+` === ""`)
	paste()
	b.waitStatus(t, "“Quay report” is already in your library")
	if n := b.localCount(t); n != 2 {
		t.Errorf("%d articles of the reader's own after the same selection twice, want 2", n)
	}
	b.audit(t, "the message of a text added twice")
	// The offer is pressed slowly, as a finger does: the message stays
	// under the pointer while the button is held (it once moved away
	// from a press as from a drag, and the release missed the button).
	b.findRole(t, "button", "Open “Quay report”")
	b.slowClick(t, `[...document.querySelectorAll(".status-bar button")].find(b => b.textContent === "Open “Quay report”")`)
	b.waitFor(t, "the reader's copy opened", `location.pathname.startsWith("/read/local-") && (document.querySelector("article")?.textContent || "").includes("The quay was lengthened")`)
	b.noPageErrors(t)
}

// slowClick presses the mouse on the centre of the element that the
// JavaScript expression el finds, holds it over two frames of the page,
// checks that the element is still under the pointer, and releases it.
func (b *browser) slowClick(t testing.TB, el string) {
	t.Helper()
	type point struct{ X, Y float64 }
	p := eval[point](t, b, `(() => { const r = (`+el+`).getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`)
	mouse := func(typ input.DispatchMouseEventType) {
		b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: typ, X: p.X, Y: p.Y, Button: input.MouseButtonLeft, ClickCount: 1})
			return err
		}))
	}
	mouse(input.DispatchMouseEventTypeMousePressed)
	under := eval[bool](t, b, fmt.Sprintf(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
		const el = (%s), at = document.elementFromPoint(%f, %f);
		done(!!el && !!at && el.contains(at));
	})))`, el, p.X, p.Y))
	mouse(input.DispatchMouseEventTypeMouseReleased)
	if !under {
		t.Errorf("the element moved from under the pointer while it was pressed")
	}
}
