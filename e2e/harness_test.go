//go:build e2e

package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// patience is how long any one wait of a test may last before the test
// gives up. Waits end as soon as what they wait for happens, and what they
// wait for is the app's own signal (data-app="live" once the wasm app owns
// the page, data-saved once a change is in the browser's storage, the
// element a change draws): never a time tuned on a quiet machine. The limit
// only stops a test that would otherwise hang, so it is generous; a busy
// 2-core machine can be many times slower than a quiet one. E2E_PATIENCE
// (seconds) changes it.
var patience = func() time.Duration {
	if s, err := strconv.Atoi(os.Getenv("E2E_PATIENCE")); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	return 3 * time.Minute
}()

var (
	repoRoot   string
	hostBin    string
	chromePath string
	scratch    string
)

func TestMain(m *testing.M) {
	code, err := setup()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	if code < 0 {
		code = m.Run()
	}
	os.RemoveAll(scratch)
	os.Exit(code)
}

func setup() (int, error) {
	wd, _ := os.Getwd()
	repoRoot = filepath.Dir(wd)
	hostBin = filepath.Join(repoRoot, "bin", "annotator")
	for _, f := range []string{hostBin, filepath.Join(repoRoot, "web", "app.wasm")} {
		if _, err := os.Stat(f); err != nil {
			return 1, fmt.Errorf("%s is missing: run `make build` first (make test does)", f)
		}
	}
	for _, c := range []string{"/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(c); err == nil {
			chromePath = p
			break
		}
	}
	if chromePath == "" {
		return 1, fmt.Errorf("no Chromium found: `make chromium` installs it (apt-get install chromium)")
	}
	var err error
	// Chromium leaves a folder in TMPDIR on every run: keep them in one
	// scratch folder that is removed at the end.
	scratch, err = os.MkdirTemp("", "annotator-e2e-")
	if err != nil {
		return 1, err
	}
	os.Setenv("TMPDIR", scratch)
	return -1, nil
}

// host is a running Annotator host.
type host struct {
	URL      string
	Articles string
	addr     string
	cmd      *exec.Cmd
	done     chan struct{}
}

// copyArticles makes a temporary copy of the bundled library.
func copyArticles(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(filepath.Join(repoRoot, "articles"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(repoRoot, "articles", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var listening = regexp.MustCompile(`at (http://[0-9.:]+)/`)

// startHost runs the host binary over articles on addr ("127.0.0.1:0" picks
// a free port) and waits until it listens.
func startHost(t testing.TB, articles, addr string) *host {
	t.Helper()
	return startHostWeb(t, articles, addr, filepath.Join(repoRoot, "web"))
}

// startHostWeb is startHost serving the static files (and app.wasm) of web.
func startHostWeb(t testing.TB, articles, addr, web string) *host {
	t.Helper()
	return startHostBin(t, hostBin, articles, addr, web)
}

// startHostBin is startHostWeb with another build's host binary (a
// benchmark's baseline, bench_builds_test.go).
func startHostBin(t testing.TB, bin, articles, addr, web string) *host {
	t.Helper()
	cmd := exec.Command(bin, "-addr", addr, "-articles", articles, "-web", web)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = &testLog{t: t}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &host{Articles: articles, cmd: cmd, done: make(chan struct{})}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	go func() { cmd.Wait(); close(h.done) }()
	select {
	case u := <-found:
		h.URL = u
		h.addr = strings.TrimPrefix(u, "http://")
	case <-h.done:
		t.Fatalf("the host exited before listening")
	case <-time.After(patience):
		cmd.Process.Kill()
		t.Fatalf("the host did not start in %v", patience)
	}
	t.Cleanup(h.stop)
	return h
}

// stop ends the host as an operator would, with SIGTERM.
func (h *host) stop() {
	select {
	case <-h.done:
		return
	default:
	}
	h.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-h.done:
	case <-time.After(10 * time.Second):
		h.cmd.Process.Kill()
		<-h.done
	}
}

// testLog forwards the host's log to the test's.
type testLog struct {
	t  testing.TB
	mu sync.Mutex
}

func (l *testLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.t.Logf("host: %s", strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// browser is one Chromium with a fresh profile.
type browser struct {
	ctx        context.Context
	profileDir string
	errs       *pageErrors
}

type pageErrors struct {
	mu   sync.Mutex
	list []string
}

func (e *pageErrors) add(s string) { e.mu.Lock(); e.list = append(e.list, s); e.mu.Unlock() }
func (e *pageErrors) all() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.list...)
}

func allocatorOptions(profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromePath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"),
	}
}

// newBrowser starts Chromium with a new profile; profile may name an
// existing one to reuse it (a restart of the same reader's browser).
func newBrowser(t testing.TB, profile string) *browser {
	t.Helper()
	if profile == "" {
		profile = t.TempDir()
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocatorOptions(profile)...)
	ctx, cancel := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		t.Fatalf("starting Chromium: %v", err)
	}
	b := &browser{ctx: ctx, profileDir: profile, errs: &pageErrors{}}
	b.watch(ctx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	return b
}

// quit closes the browser now rather than when the test ends.
func (b *browser) quit() { chromedp.Cancel(b.ctx) }

// watch records uncaught exceptions and console errors of a tab.
func (b *browser) watch(ctx context.Context) {
	exc := chromedp.Events(ctx, runtime.ExceptionThrown)
	cons := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	go func() {
		for ev, err := range exc {
			if err != nil {
				return
			}
			b.errs.add("exception: " + ev.ExceptionDetails.Text + describeException(ev.ExceptionDetails))
		}
	}()
	go func() {
		for ev, err := range cons {
			if err != nil {
				return
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError || os.Getenv("E2E_CONSOLE") != "" {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				b.errs.add("console.error: " + strings.Join(parts, " "))
			}
		}
	}()
}

func describeException(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return " " + d.Exception.Description
	}
	return ""
}

// newTab opens another tab in the same browser (the same profile).
func (b *browser) newTab(t testing.TB) *browser {
	ctx, cancel := chromedp.NewContext(b.ctx)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	nb := &browser{ctx: ctx, profileDir: b.profileDir, errs: b.errs}
	nb.watch(ctx)
	return nb
}

// noPageErrors fails the test when the page threw or logged an error.
func (b *browser) noPageErrors(t testing.TB, allow ...string) {
	t.Helper()
outer:
	for _, e := range b.errs.all() {
		for _, a := range allow {
			if strings.Contains(e, a) {
				continue outer
			}
		}
		t.Errorf("page error: %s", e)
	}
}

func (b *browser) do(t testing.TB, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%v", err)
	}
}

func eval[T any](t testing.TB, b *browser, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", shortJS(js), err)
	}
	return v
}

func shortJS(js string) string {
	js = strings.Join(strings.Fields(js), " ")
	if len(js) > 120 {
		return js[:120] + "…"
	}
	return js
}

// waitFor polls a JavaScript condition until it is true.
func (b *browser) waitFor(t testing.TB, what, js string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(patience))); err != nil {
		t.Fatalf("waiting for %s (%s): %v", what, shortJS(js), err)
	}
}

// open navigates and waits until the live wasm app owns the page.
func (b *browser) open(t testing.TB, url string) {
	t.Helper()
	b.do(t, chromedp.Navigate(url))
	b.waitLive(t)
}

// saves is how many writes to the browser's storage the app has made on
// this page: <html data-saved> (app/ui/backend_wasm.go).
func (b *browser) saves(t testing.TB) int {
	t.Helper()
	return eval[int](t, b, `+(document.documentElement.dataset.saved || 0)`)
}

// waitSaved waits until the app has written to the browser's storage since
// it had made since writes (see saves) and the page shows what was saved
// (shown, a JavaScript condition), and fails when a write failed.
func (b *browser) waitSaved(t testing.TB, what string, since int, shown string) {
	t.Helper()
	b.waitFor(t, what, fmt.Sprintf(`+(document.documentElement.dataset.saved || 0) > %d && (%s)`, since, shown))
	if failed := eval[string](t, b, `document.documentElement.dataset.saveFailed || ""`); failed != "" {
		t.Fatalf("%s: %s writes to the browser's storage failed", what, failed)
	}
}

func (b *browser) waitLive(t testing.TB) {
	t.Helper()
	b.waitFor(t, "the live app", `document.documentElement.dataset.app === "live"`)
}

// axFind returns the elements whose accessible role is role and whose
// accessible name starts with name, as the browser's accessibility tree
// computes them. It works on backend node ids and the document's object, so
// it leaves chromedp's own view of the DOM alone.
func axFind(ctx context.Context, tg *chromedp.Target, role, name string) ([]cdp.BackendNodeID, error) {
	doc, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{Expression: "document"})
	if err != nil {
		return nil, err
	}
	if doc.Result == nil || doc.Result.ObjectID == "" {
		return nil, fmt.Errorf("no document")
	}
	defer cdp.Call(ctx, tg, runtime.ReleaseObject, runtime.ReleaseObjectParams{ObjectID: doc.Result.ObjectID})
	res, err := cdp.Call(ctx, tg, accessibility.QueryAXTree, accessibility.QueryAXTreeParams{ObjectID: doc.Result.ObjectID, Role: role})
	if err != nil {
		return nil, err
	}
	var out []cdp.BackendNodeID
	for _, n := range res.Nodes {
		if n.Ignored || n.Name == nil || n.BackendDOMNodeID == 0 {
			continue
		}
		var v string
		if jsonUnmarshal(n.Name.Value, &v) == nil && strings.HasPrefix(strings.TrimSpace(v), name) {
			out = append(out, n.BackendDOMNodeID)
		}
	}
	return out, nil
}

// findRole waits until an element with this role and name exists.
func (b *browser) findRole(t testing.TB, role, name string) cdp.BackendNodeID {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	var id cdp.BackendNodeID
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for {
			ids, err := axFind(ctx, tg, role, name)
			if err != nil {
				return err
			}
			if len(ids) > 0 {
				id = ids[0]
				return nil
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(25 * time.Millisecond):
			}
		}
	}))
	if err != nil {
		t.Fatalf("no %s named %q: %v", role, name, err)
	}
	return id
}

// click presses the control with this role and name with the mouse, at its
// centre, as a person would.
func (b *browser) click(t testing.TB, role, name string) {
	t.Helper()
	id := b.findRole(t, role, name)
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		return clickNode(ctx, tg, id)
	}))
	if err != nil {
		t.Fatalf("clicking %s %q: %v", role, name, err)
	}
}

// count returns how many elements have this role and name now.
func (b *browser) count(t testing.TB, role, name string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	var n int
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		ids, err := axFind(ctx, tg, role, name)
		n = len(ids)
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// typeInto focuses the control with this role and name and types text.
func (b *browser) typeInto(t testing.TB, role, name, text string) {
	t.Helper()
	id := b.findRole(t, role, name)
	ctx, cancel := context.WithTimeout(b.ctx, patience)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, dom.Focus, dom.FocusParams{BackendNodeID: id}); err != nil {
			return err
		}
		_, err := chromedp.KeyEvent(text)(ctx, tg)
		return err
	}))
	if err != nil {
		t.Fatalf("typing into %s %q: %v", role, name, err)
	}
}

// key sends keys to whatever has the focus.
func (b *browser) key(t testing.TB, keys string) {
	t.Helper()
	b.do(t, chromedp.KeyEvent(keys))
}

// selectText selects the occurrence-th (0-based) occurrence of phrase in
// the article with a real mouse drag, from the phrase's first character to
// its last.
func (b *browser) selectText(t testing.TB, phrase string, occurrence int) {
	t.Helper()
	b.dragOver(t, b.phraseDrag(t, phrase, occurrence))
	b.checkSelected(t, phrase)
}

// drag is where a mouse drag over a phrase presses and lets go, in the
// window's coordinates: at the left edge of its first character and the
// right edge of its last. (A press at the very middle of a character
// starts no selection in Chromium, page or no page.)
type drag struct{ X0, Y0, X1, Y1 float64 }

// phraseDrag scrolls the occurrence-th (0-based) occurrence of phrase in
// the article to the middle of the window and returns where a drag over it
// presses and lets go.
func (b *browser) phraseDrag(t testing.TB, phrase string, occurrence int) drag {
	t.Helper()
	return b.phraseDragAt(t, phrase, occurrence, 0.5)
}

// phraseDragAt is phraseDrag with the phrase scrolled to this fraction of
// the window's height (0.5: the middle).
func (b *browser) phraseDragAt(t testing.TB, phrase string, occurrence int, at float64) drag {
	t.Helper()
	b.waitFor(t, "the article", `!!document.querySelector("article.article-body")`)
	js := fmt.Sprintf(`(() => {
		const art = document.querySelector("article.article-body");
		const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
		const nodes = []; let text = "";
		while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
		let at = -1;
		for (let i = 0; i <= %d; i++) { at = text.indexOf(%q, at + 1); if (at < 0) return null; }
		const end = at + %d;
		const locate = (off, isEnd) => {
			for (const [n, s] of nodes) {
				if (off >= s && (off < s + n.data.length || (isEnd && off === s + n.data.length))) return [n, off - s];
			}
			return null;
		};
		const [sn, so] = locate(at, false), [en, eo] = locate(end, true);
		const first = document.createRange(); first.setStart(sn, so); first.setEnd(sn, so + 1);
		const last = document.createRange(); last.setStart(en, eo - 1); last.setEnd(en, eo);
		first.startContainer.parentElement.scrollIntoView({block: "center"});
		if (%v !== 0.5) scrollBy(0, first.getBoundingClientRect().top - innerHeight * %v);
		const a = first.getBoundingClientRect(), z = last.getBoundingClientRect();
		return {X0: a.left + 1, Y0: (a.top + a.bottom) / 2, X1: z.right - 1, Y1: (z.top + z.bottom) / 2};
	})()`, occurrence, phrase, utf16Len(phrase), at, at)
	d := eval[*drag](t, b, js)
	if d == nil {
		t.Fatalf("%q (occurrence %d) is not in the article", phrase, occurrence)
	}
	return *d
}

// dragOver presses the left mouse button at the drag's start, moves to its
// end and lets go there, as a hand does.
func (b *browser) dragOver(t testing.TB, d drag) {
	t.Helper()
	b.do(t,
		chromedp.MouseEvent(chromedp.MouseMoved, d.X0, d.Y0),
		chromedp.MouseEvent(chromedp.MousePressed, d.X0, d.Y0, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(chromedp.MouseMoved, (d.X0+d.X1)/2, (d.Y0+d.Y1)/2, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, d.X1, d.Y1, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseReleased, d.X1, d.Y1, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	)
}

// checkSelected fails the test unless the page's selection is phrase.
func (b *browser) checkSelected(t testing.TB, phrase string) {
	t.Helper()
	// Between paragraphs the browser's selection text has line breaks that
	// the page's text nodes do not.
	got := strings.ReplaceAll(eval[string](t, b, `String(window.getSelection())`), "\n", "")
	if got != phrase {
		t.Fatalf("the mouse selected %q, want %q", got, phrase)
	}
}

// utf16Len is the UTF-16 length of s: JavaScript's indexes count units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func jsonUnmarshal(v []byte, dst any) error { return json.Unmarshal(v, dst) }

// markTexts returns the text of each annotation's marks of an annotation, in order.
func (b *browser) markTexts(t testing.TB) map[string]string {
	t.Helper()
	return eval[map[string]string](t, b, `(() => {
		const out = {};
		for (const m of document.querySelectorAll("article mark[data-annotation-id]")) {
			const id = m.dataset.annotationId;
			out[id] = (out[id] || "") + m.textContent;
		}
		return out;
	})()`)
}

// emulateColorScheme makes the page see prefers-color-scheme as scheme.
func (b *browser) emulateColorScheme(t testing.TB, scheme string) {
	t.Helper()
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	}))
}

// acceptDialogs answers every JavaScript dialog of the tab with OK from now
// on, as a reader confirming would.
func (b *browser) acceptDialogs() {
	dialogs := chromedp.Events(b.ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
}

// clickNode clicks an element with the mouse at its centre, having scrolled
// it to the middle of the view as a person would: at an edge it may sit
// under the fixed message bar.
func clickNode(ctx context.Context, tg *chromedp.Target, id cdp.BackendNodeID) error {
	obj, err := cdp.Call(ctx, tg, dom.ResolveNode, dom.ResolveNodeParams{BackendNodeID: id})
	if err != nil {
		return err
	}
	defer cdp.Call(ctx, tg, runtime.ReleaseObject, runtime.ReleaseObjectParams{ObjectID: obj.Object.ObjectID})
	yes := true
	// Scroll the node into view, then wait until it stays put for two
	// frames and nothing covers its middle: a toast that finds its place
	// after it is drawn (status_bar.go) or a card that follows its highlight
	// would otherwise take the click somewhere else, as it would a person's.
	res, err := cdp.Call(ctx, tg, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
		FunctionDeclaration: `function() {
			this.scrollIntoView({block: "center", inline: "center"});
			return new Promise(done => {
				let last = "", same = 0;
				const step = () => {
					const r = this.getBoundingClientRect();
					const key = [r.x, r.y, r.width, r.height].join();
					same = key === last ? same + 1 : 0;
					last = key;
					const x = r.x + r.width / 2, y = r.y + r.height / 2;
					const hit = document.elementFromPoint(x, y);
					if (same >= 2 && hit && (hit === this || this.contains(hit))) {
						return done([x, y]);
					}
					requestAnimationFrame(step);
				};
				requestAnimationFrame(step);
			});
		}`,
		ObjectID:      obj.Object.ObjectID,
		AwaitPromise:  &yes,
		ReturnByValue: &yes,
	})
	if err != nil {
		return err
	}
	if res.ExceptionDetails != nil {
		return fmt.Errorf("placing the click: %s", res.ExceptionDetails.Text)
	}
	var xy [2]float64
	if err := json.Unmarshal(res.Result.Value, &xy); err != nil {
		return fmt.Errorf("placing the click: %v", err)
	}
	_, err = chromedp.MouseClickXY(xy[0], xy[1])(ctx, tg)
	return err
}
