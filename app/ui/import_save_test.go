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

// TestImportSaveAfterChanges: the reader edits the article an import writes
// between its preview and the save (here, or in another tab). The save
// never overwrites the edit: with the same counts the import is previewed
// again and saved with it; with other counts nothing is written and the
// reader sees the new preview.
func TestImportSaveAfterChanges(t *testing.T) {
	art, err := article.New("pack-article", "A class pack's article", []article.Block{{Kind: "p", Text: "One sentence to annotate here."}}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	mk := func(id string, start, end int, mod time.Time) annotation.Annotation {
		text := anchor.NewText(art.Text)
		q, pos := text.Describe(start, end)
		return annotation.Annotation{ID: id, Article: art.ID, ArticleHash: art.Hash, Kind: annotation.KindHighlight,
			Quote: q, Position: pos, Created: now, Modified: mod}
	}
	a := mk(annotation.NewID(), 4, 12, now)
	pack, name, err := share.PackExport{Article: art, Annotations: []annotation.Annotation{a}, Creator: "Ms Rivera", Role: share.RoleTeacher, Gives: share.PackEverything}.ClassPack()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		edit  annotation.Annotation
		saved bool
	}{
		{"another annotation on the article", mk(annotation.NewID(), 0, 3, now.Add(time.Hour)), true},
		{"the file's annotation, edited later here", func() annotation.Annotation {
			x := mk(a.ID, 4, 12, now.Add(time.Hour))
			x.Kind, x.Note = annotation.KindNote, "mine, edited after the file"
			return x
		}(), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			set, err := share.ParseImport(pack, name, nil)
			if err != nil {
				t.Fatal(err)
			}
			oldWS := ws
			ws = &workspace{articles: map[string]*article.Article{}}
			t.Cleanup(func() { ws = oldWS })
			if ws.store, ws.report, err = store.Open(store.NewMemory(0)); err != nil {
				t.Fatal(err)
			}
			preview := share.PreviewImport(set, ws.store.Snapshot())
			panel := &importPanel{set: set, preview: &preview, importName: name, mark: ws.store.Mark()}
			// The edit, after the preview and before Import is pressed.
			if err := ws.store.Put(c.edit); err != nil {
				t.Fatal(err)
			}
			e := app.NewTestEngine()
			var ctx app.Context
			if err := e.Load(&ctxProbe{got: func(x app.Context) { ctx = x }}); err != nil {
				t.Fatal(err)
			}
			e.ConsumeAll()
			saveNow(e, ctx, panel)
			var status statusMessage
			ctx.GetState(stateStatus, &status)

			got := map[string]annotation.Annotation{}
			for _, x := range ws.store.Annotations(art.ID) {
				got[x.ID] = x
			}
			if kept := got[c.edit.ID]; kept.Note != c.edit.Note || !kept.Modified.Equal(c.edit.Modified) {
				t.Errorf("the edit was overwritten: %+v", kept)
			}
			if c.saved {
				if _, ok := got[a.ID]; !ok || len(ws.store.LocalArticles()) != 1 || !strings.HasPrefix(status.Text, "Imported 1 annotation") {
					t.Errorf("not saved: %d annotations, status %q", len(got), status.Text)
				}
				return
			}
			if !status.Error || !strings.Contains(status.Text, "changed since this preview") || len(ws.store.LocalArticles()) != 0 {
				t.Errorf("status %q, %d local articles", status.Text, len(ws.store.LocalArticles()))
			}
			if panel.preview == nil || panel.preview.Unchanged != 1 || panel.saving || panel.job != nil {
				t.Errorf("the new preview is not shown: %+v", panel.preview)
			}
		})
	}
}
