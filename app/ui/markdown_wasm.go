//go:build wasm

package ui

import (
	"encoding/json"
	"errors"

	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// parseArticle parses a reader's file as article.Parse does and calls done
// on the UI goroutine. Plain text is parsed here; Markdown in the worker of
// web/markdown-worker.js, so that goldmark is not in app.wasm (cmd/markdown
// says why).
func parseArticle(ctx app.Context, id, name string, data []byte, done func(app.Context, *article.Article, error)) {
	if !article.IsMarkdown(name) {
		a, err := article.ParseText(id, data)
		done(ctx, a, err)
		return
	}
	markdown.parse(ctx, id, data, done)
}

// errMarkdownUnavailable means the Markdown worker could not start.
var errMarkdownUnavailable = errors.New("markdown reader unavailable")

// markdownWorker is the Markdown worker, started by the first .md file and
// kept for the next; when it fails to start it is dropped, so that the next
// file tries again.
type markdownWorker struct {
	worker  app.Value
	funcs   []app.Func
	seq     int
	pending map[int]markdownRequest
}

type markdownRequest struct {
	ctx  app.Context
	id   string
	done func(app.Context, *article.Article, error)
}

var markdown markdownWorker

func (m *markdownWorker) parse(ctx app.Context, id string, data []byte, done func(app.Context, *article.Article, error)) {
	if m.worker == nil {
		m.start()
	}
	m.seq++
	m.pending[m.seq] = markdownRequest{ctx: ctx, id: id, done: done}
	bytes := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(bytes, data)
	m.worker.Call("postMessage", map[string]any{"seq": m.seq, "id": id, "data": bytes})
}

func (m *markdownWorker) start() {
	m.pending = map[int]markdownRequest{}
	m.worker = app.Window().Get("Worker").New("/web/markdown-worker.js")
	onMessage := app.FuncOf(func(this app.Value, args []app.Value) any {
		m.answer(args[0].Get("data"))
		return nil
	})
	onError := app.FuncOf(func(this app.Value, args []app.Value) any {
		// The script itself could not be loaded or run.
		args[0].Call("preventDefault")
		m.fail(errMarkdownUnavailable)
		return nil
	})
	m.worker.Set("onmessage", onMessage)
	m.worker.Set("onerror", onError)
	m.funcs = []app.Func{onMessage, onError}
}

// answer hands one reply to the request it answers.
func (m *markdownWorker) answer(reply app.Value) {
	seq := reply.Get("seq").Int()
	req, ok := m.pending[seq]
	if !ok {
		return
	}
	delete(m.pending, seq)
	kind, message := stringField(reply, "error"), stringField(reply, "message")
	var a *article.Article
	var err error
	switch {
	case kind == "unavailable":
		m.fail(errMarkdownUnavailable)
		err = errMarkdownUnavailable
	case kind != "" || message != "":
		err = article.ErrorOfKind(kind, message)
	default:
		a = new(article.Article)
		if jerr := json.Unmarshal([]byte(stringField(reply, "article")), a); jerr != nil || a.ID != req.id {
			a, err = nil, errors.New("the Markdown reader gave an answer that could not be read")
		}
	}
	req.ctx.Dispatch(func(ctx app.Context) { req.done(ctx, a, err) })
}

// fail ends every waiting request with err and drops the worker.
func (m *markdownWorker) fail(err error) {
	if m.worker == nil {
		return
	}
	m.worker.Call("terminate")
	for _, f := range m.funcs {
		f.Release()
	}
	pending := m.pending
	*m = markdownWorker{}
	for _, req := range pending {
		req.ctx.Dispatch(func(ctx app.Context) { req.done(ctx, nil, err) })
	}
}

func stringField(v app.Value, name string) string {
	f := v.Get(name)
	if f.Type() != app.TypeString {
		return ""
	}
	return f.String()
}
