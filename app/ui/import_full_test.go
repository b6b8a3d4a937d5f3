//go:build !wasm

package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/share"
	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ctxProbe hands its context to a test (OnPreRender runs natively).
type ctxProbe struct {
	app.Compo
	got func(app.Context)
}

func (p *ctxProbe) OnPreRender(ctx app.Context) { p.got(ctx) }
func (p *ctxProbe) Render() app.UI              { return app.Div() }

// TestImportIntoFullStorage: importing a class pack (a new article and its
// annotations) while the browser's storage is full writes nothing and says
// so plainly: the storage is full, and nothing needs taking back. (It said
// that part of the import could not be taken back, with the browser's raw
// error text, because taking back the failed write failed again.)
func TestImportIntoFullStorage(t *testing.T) {
	art, err := article.New("pack-article", "A class pack's article", []article.Block{{Kind: "p", Text: "One sentence to annotate here."}}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	a := annotation.Annotation{ID: annotation.NewID(), Article: art.ID, ArticleHash: art.Hash, Kind: annotation.KindHighlight,
		Quote:    anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: "sentence"},
		Position: anchor.TextPositionSelector{Type: "TextPositionSelector", Start: 4, End: 12}, Created: now, Modified: now}
	pack, name, err := share.PackExport{Article: art, Annotations: []annotation.Annotation{a}, Instructions: "Read it.", Creator: "Ms Rivera", Role: share.RoleTeacher, Gives: share.PackEverything}.ClassPack()
	if err != nil {
		t.Fatal(err)
	}
	set, err := share.ParseImport(pack, name, nil)
	if err != nil {
		t.Fatal(err)
	}
	preview := share.PreviewImport(set, nil)

	// Someone else's data fills the storage: not even the schema key fits.
	full := store.NewMemory(1000)
	if err := full.Set("other-app", strings.Repeat("x", 990)); err != nil {
		t.Fatal(err)
	}
	before := full.Snapshot()
	oldWS := ws
	ws = &workspace{articles: map[string]*article.Article{}}
	ws.store, ws.report, err = store.Open(full)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws = oldWS })

	var status statusMessage
	panel := &importPanel{set: set, preview: &preview, importName: name, mark: ws.store.Mark()}
	e := app.NewTestEngine()
	var ctx app.Context
	if err := e.Load(&ctxProbe{got: func(c app.Context) { ctx = c }}); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	saveNow(e, ctx, panel)
	ctx.GetState(stateStatus, &status)

	if !status.Error || !strings.Contains(status.Text, "storage is full") || strings.Contains(status.Text, "taken back") ||
		strings.Contains(status.Text, "setting") || strings.Contains(status.Text, "quota is") {
		t.Errorf("the reader is told %q", status.Text)
	}
	if got := full.Snapshot(); len(got) != len(before) || got["other-app"] != before["other-app"] {
		t.Errorf("the storage changed: %v", got)
	}
	if len(ws.store.LocalArticles()) != 0 || len(ws.store.Annotations(art.ID)) != 0 || len(ws.store.Pending()) != 0 {
		t.Errorf("memory holds part of the import: %d articles, %d annotations, pending %v",
			len(ws.store.LocalArticles()), len(ws.store.Annotations(art.ID)), ws.store.Pending())
	}
}

// saveNow does what pressing Import does (importPanel.apply), running the
// dispatches of the save on this goroutine until it has ended.
func saveNow(e app.TestEngine, ctx app.Context, panel *importPanel) {
	panel.ctx = ctx
	job := newImportJob()
	panel.saving, panel.job = true, job
	go panel.save(job, panel.set, *panel.preview, panel.mark)
	for panel.job == job {
		e.ConsumeNext()
	}
	e.ConsumeAll()
}
