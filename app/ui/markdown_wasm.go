//go:build wasm

package ui

import (
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/htmlblocks"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// parseArticle parses a reader's file as article.Parse does and calls done
// on the UI goroutine. Plain text is parsed here, at once; Markdown and
// saved web pages in the worker of web/markdown-worker.js, so that
// goldmark, an HTML parser and readability are not in app.wasm
// (cmd/markdown says why). done runs even when the component that asked has
// left the page meanwhile, then with a context of the page's body, so that
// the article is still kept.
func parseArticle(ctx app.Context, id, name string, data []byte, done func(app.Context, *article.Article, error)) {
	if !article.IsMarkdown(name) && !htmlblocks.IsPage(name) {
		a, err := article.ParseText(id, data)
		done(ctx, a, err)
		return
	}
	markdown.parse(ctx, id, name, data, done)
}

// The ways the Markdown worker can fail, besides the file's own problems.
var (
	errMarkdownUnavailable = errors.New("markdown reader unavailable")
	errMarkdownStopped     = errors.New("markdown reader stopped")
	errMarkdownSlow        = errors.New("markdown reader too slow")
	errMarkdownNewVersion  = errors.New("markdown reader of another version")
)

const (
	// markdownTimeout is how long a file may take, from the worker's start.
	markdownTimeout = time.Minute
	// markdownIdle is how long an idle worker is kept before its memory is
	// given back; the next file starts another.
	markdownIdle = time.Minute
)

// markdownWorker is the Markdown worker, started by the first .md file and
// kept for the next while in use. A worker that fails is dropped, so the
// next file starts afresh. Its methods run on the UI goroutine, on JS
// callbacks' and on timers', hence the lock; the ...Locked ones expect it
// held.
type markdownWorker struct {
	mu      sync.Mutex
	worker  app.Value
	funcs   []app.Func
	seq     int
	pending map[int]markdownRequest
	idle    *time.Timer
}

type markdownRequest struct {
	ctx   app.Context
	id    string
	done  func(app.Context, *article.Article, error)
	timer *time.Timer
}

// markdownAnswer is one answer on its way to the UI goroutine.
type markdownAnswer struct {
	req     markdownRequest
	article *article.Article
	err     error
}

// actionMarkdownAnswer takes an answer to the UI goroutine through a
// handler of the page's body, which is always mounted: a Dispatch on the
// asking component's context would be dropped once that component has left
// the page, and the reader's article with it.
const actionMarkdownAnswer = "markdown-answer"

func init() {
	app.Handle(actionMarkdownAnswer, func(ctx app.Context, a app.Action) {
		ans, ok := a.Value.(markdownAnswer)
		if !ok {
			return
		}
		ctx.Dispatch(func(ctx app.Context) {
			ans.req.done(ctx, ans.article, ans.err)
			ans.req.ctx.Dispatch(nil) // redraws the asking component, if still there
		})
	})
}

// markdown is the tab's one Markdown worker. It is package-level for the
// reason ws is (workspace.go), and is wasm-only DOM glue besides.
var markdown markdownWorker

// prepareMarkdown starts the Markdown worker before a file is chosen, when
// the file picker gets the focus (a click on its label focuses it too), and
// has it parse a small document: markdown.wasm's compile, Go's start,
// goldmark's initialisation (it compiles its regular expressions then) and
// the first run of its parsing code, most of a first .md file's wait, pass
// while the reader picks the file (e2e TestBenchMarkdownOpen). Unused, the
// worker stops after markdownIdle.
func prepareMarkdown() {
	m := &markdown
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.worker != nil {
		if len(m.pending) == 0 && m.idle != nil {
			m.idle.Reset(markdownIdle)
		}
		return
	}
	if m.start() != nil {
		return // parse says so when a file is chosen
	}
	// seq 0 is no request's: its answer is dropped.
	bytes := app.Window().Get("Uint8Array").New(len(markdownWarmUp))
	app.CopyBytesToJS(bytes, []byte(markdownWarmUp))
	m.worker.Call("postMessage", map[string]any{"seq": 0, "id": "warm-up", "name": "warm-up.md", "data": bytes})
	m.idleLocked()
}

// markdownWarmUp has the shapes most articles have.
const markdownWarmUp = "# A title\n\nA *paragraph* with **emphasis**, `code` and a [link](https://example.org/).\n\n## A heading\n\n- an item\n- another\n\n> A quote.\n"

func (m *markdownWorker) parse(ctx app.Context, id, name string, data []byte, done func(app.Context, *article.Article, error)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.worker == nil {
		if err := m.start(); err != nil {
			done(ctx, nil, err)
			return
		}
	}
	if m.idle != nil {
		m.idle.Stop()
		m.idle = nil
	}
	m.seq++
	seq := m.seq
	req := markdownRequest{ctx: ctx, id: id, done: done}
	req.timer = time.AfterFunc(markdownTimeout, func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		if _, ok := m.pending[seq]; ok {
			m.failLocked(errMarkdownSlow)
		}
	})
	m.pending[seq] = req
	bytes := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(bytes, data)
	m.worker.Call("postMessage", map[string]any{"seq": seq, "id": id, "data": bytes, "name": name})
}

// start starts the worker; a browser that cannot is told apart from one
// whose worker fails later.
func (m *markdownWorker) start() (err error) {
	defer func() {
		if r := recover(); r != nil {
			m.worker, err = nil, errMarkdownUnavailable
		}
	}()
	ctor := app.Window().Get("Worker")
	if !ctor.Truthy() {
		return errMarkdownUnavailable
	}
	m.pending = map[int]markdownRequest{}
	m.worker = ctor.New("/web/markdown-worker.js")
	onMessage := app.FuncOf(func(this app.Value, args []app.Value) any {
		m.mu.Lock()
		defer m.mu.Unlock()
		m.answerLocked(args[0].Get("data"))
		return nil
	})
	onError := app.FuncOf(func(this app.Value, args []app.Value) any {
		// The script itself could not be loaded or run.
		args[0].Call("preventDefault")
		m.mu.Lock()
		defer m.mu.Unlock()
		m.failLocked(errMarkdownUnavailable)
		return nil
	})
	m.worker.Set("onmessage", onMessage)
	m.worker.Set("onerror", onError)
	m.funcs = []app.Func{onMessage, onError}
	return nil
}

// answerLocked hands one reply to the request it answers.
func (m *markdownWorker) answerLocked(reply app.Value) {
	if reply.Type() != app.TypeObject || reply.Get("seq").Type() != app.TypeNumber {
		return
	}
	seq := reply.Get("seq").Int()
	req, ok := m.pending[seq]
	if !ok {
		return
	}
	delete(m.pending, seq)
	req.timer.Stop()
	kind, message := stringField(reply, "error"), stringField(reply, "message")
	var a *article.Article
	var err error
	switch {
	case kind == "unavailable" || kind == "stopped":
		err = map[string]error{"unavailable": errMarkdownUnavailable, "stopped": errMarkdownStopped}[kind]
		m.failLocked(err)
	case reply.Get("version").Type() != app.TypeNumber || reply.Get("version").Int() != article.WireVersion:
		// A newer worker, cached by a newer version of the app than the
		// one running in this tab, may speak another format.
		err = errMarkdownNewVersion
		m.failLocked(err)
	case kind != "" || message != "":
		err = article.ErrorOfKind(kind, message)
	default:
		a = new(article.Article)
		if jerr := json.Unmarshal([]byte(stringField(reply, "article")), a); jerr != nil || a.ID != req.id {
			a, err = nil, errors.New("the Markdown reader gave an answer that could not be read")
		}
	}
	deliver(req, a, err)
	if m.worker != nil && len(m.pending) == 0 {
		m.idleLocked()
	}
}

// idleLocked stops the worker after markdownIdle unless a file comes first.
func (m *markdownWorker) idleLocked() {
	m.idle = time.AfterFunc(markdownIdle, func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		if len(m.pending) == 0 {
			m.stopLocked()
		}
	})
}

func deliver(req markdownRequest, a *article.Article, err error) {
	req.ctx.NewActionWithValue(actionMarkdownAnswer, markdownAnswer{req: req, article: a, err: err})
}

// failLocked ends every waiting request with err and drops the worker.
func (m *markdownWorker) failLocked(err error) {
	pending := m.pending
	m.stopLocked()
	for _, req := range pending {
		req.timer.Stop()
		deliver(req, nil, err)
	}
}

// stopLocked ends the worker and forgets it.
func (m *markdownWorker) stopLocked() {
	if m.worker == nil {
		return
	}
	m.worker.Call("terminate")
	for _, f := range m.funcs {
		f.Release()
	}
	if m.idle != nil {
		m.idle.Stop()
	}
	m.worker, m.funcs, m.pending, m.idle = nil, nil, nil, nil
}

// markdownProblem says what a reader can do when the Markdown reader
// itself failed; "" for any other error.
func markdownProblem(err error) string {
	switch {
	case errors.Is(err, errMarkdownUnavailable):
		if !app.Window().Get("navigator").Get("onLine").Bool() {
			return "the Markdown reader is not saved in this browser yet. Connect to the internet and try again (once loaded, it works offline)."
		}
		return "the Markdown reader could not be started. Reload the page and try again."
	case errors.Is(err, errMarkdownStopped):
		return "the Markdown reader stopped while reading it. Try again; if it happens again, open the file as plain text (.txt)."
	case errors.Is(err, errMarkdownSlow):
		return "reading it took more than a minute, so it was stopped."
	case errors.Is(err, errMarkdownNewVersion):
		return "a new version of Annotator is ready: reload the page, then open the file again."
	}
	return ""
}

func stringField(v app.Value, name string) string {
	f := v.Get(name)
	if f.Type() != app.TypeString {
		return ""
	}
	return f.String()
}
