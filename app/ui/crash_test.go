//go:build !wasm

package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// panicky panics in a function the engine dispatches (OnPreRender, which
// runs natively as event handlers do in the browser).
type panicky struct{ app.Compo }

func (*panicky) OnPreRender(app.Context) { panic("a bug in an event handler") }
func (*panicky) Render() app.UI          { return app.Div() }

// TestPanicStopsSavingAndSaysReload: a panic in a dispatched function no
// longer ends the program; the reader is told to reload, and nothing more
// is written to storage.
func TestPanicStopsSavingAndSaysReload(t *testing.T) {
	oldWS := ws
	ws = &workspace{articles: map[string]*article.Article{}}
	t.Cleanup(func() {
		ws = oldWS
		crashed.Store(false)
		shownCrashMessage = ""
		app.HandlePanics(nil)
	})
	handlePanics()

	s := ws.Store()
	now := time.Now().UTC().Truncate(time.Millisecond)
	a := annotation.Annotation{ID: annotation.NewID(), Article: "seed", Kind: annotation.KindHighlight,
		Quote: anchor.TextQuoteSelector{Exact: "x"}, Position: anchor.TextPositionSelector{Start: 0, End: 1},
		Created: now, Modified: now}
	if err := s.Put(a); err != nil {
		t.Fatal(err)
	}

	e := app.NewTestEngine()
	if err := e.Load(&panicky{}); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()

	if !crashed.Load() {
		t.Fatal("the panic was not reported")
	}
	if !strings.Contains(shownCrashMessage, "Reload the page") {
		t.Errorf("the reader is told %q", shownCrashMessage)
	}
	if err := s.Delete("seed", a.ID, now.Add(time.Second)); !errors.Is(err, store.ErrStopped) {
		t.Errorf("a write after the panic: %v, want store.ErrStopped", err)
	}
}
