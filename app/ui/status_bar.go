package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// stateStatus is the name of the state that carries the latest message.
const stateStatus = "status"

// statusMessage is a message for the reader: an outcome, a problem, or an
// offer to undo.
type statusMessage struct {
	Text  string
	Error bool
	// Undo, when set, is the action the Undo button posts.
	Undo string
	// Offer, when set, is the action a button named OfferLabel posts,
	// with OfferValue (add_address.go: "Fetch again").
	Offer, OfferLabel, OfferValue string
	At                            time.Time
}

// undoButtonID is the id of the status bar's Undo button.
const undoButtonID = "status-undo"

// say publishes a message to the status bar.
func say(ctx app.Context, text string) {
	ctx.SetState(stateStatus, statusMessage{Text: text, At: time.Now()})
}

// sayError publishes a problem to the status bar.
func sayError(ctx app.Context, text string) {
	ctx.SetState(stateStatus, statusMessage{Text: text, Error: true, At: time.Now()})
}

// statusBar shows the latest message in a live region, so screen readers
// announce it, and keeps it until it is dismissed or replaced.
type statusBar struct {
	app.Compo
	msg statusMessage
}

func newStatusBar() *statusBar { return &statusBar{} }

func (s *statusBar) OnMount(ctx app.Context) {
	ctx.ObserveState(stateStatus, &s.msg)
	if p := ws.StartupProblems(); p != "" {
		sayError(ctx, p)
	}
}

func (s *statusBar) dismiss(ctx app.Context, e app.Event) {
	s.msg = statusMessage{}
}

func (s *statusBar) offer(ctx app.Context, e app.Event) {
	action, value := s.msg.Offer, s.msg.OfferValue
	s.msg = statusMessage{}
	ctx.NewActionWithValue(action, value)
}

func (s *statusBar) undo(ctx app.Context, e app.Event) {
	action := s.msg.Undo
	s.msg = statusMessage{}
	if action == actionUndoDelete && (ws.reader == nil || ws.reader.deleted == nil) && ws.leftDeleted != nil {
		// The reader has left the article it deleted from: restore the
		// annotation through the store.
		undoLeftDelete(ctx)
		return
	}
	ctx.NewAction(action)
}

// undoLeftDelete restores ws.leftDeleted, unless its article has gone.
func undoLeftDelete(ctx app.Context) {
	a := *ws.leftDeleted
	ws.leftDeleted = nil
	art, ok := ws.Article(a.Article)
	if ok && art.Origin == "local" {
		_, ok = ws.LocalArticle(a.Article)
	}
	if !ok {
		sayError(ctx, "The annotation cannot be restored: its article is no longer in this browser.")
		return
	}
	a.Modified = time.Now().UTC().Truncate(time.Millisecond)
	err := ws.Store().Restore(a)
	ws.search.Changed(a.Article, nil)
	ctx.NewAction(actionStoreChanged)
	if err != nil {
		reportWriteError(ctx, err)
		return
	}
	say(ctx, "Restored the annotation on “"+shorten(a.Quote.Exact, 50)+"” in “"+shorten(art.Title, 50)+"”.")
}

func (s *statusBar) Render() app.UI {
	role := "status"
	if s.msg.Error {
		role = "alert"
	}
	return app.Div().Class("status-bar").Body(
		app.Div().Role(role).Aria("live", map[bool]string{true: "assertive", false: "polite"}[s.msg.Error]).
			Class("status-text").Body(
			app.If(s.msg.Text != "", func() app.UI {
				return app.Div().Class("status-card").DataSet("kind", map[bool]string{true: "error", false: "info"}[s.msg.Error]).Body(
					app.Span().Text(s.msg.Text),
					app.If(s.msg.Undo != "", func() app.UI {
						return app.Button().Type("button").ID(undoButtonID).Text("Undo").OnClick(s.undo)
					}),
					app.If(s.msg.Offer != "", func() app.UI {
						return app.Button().Type("button").Text(s.msg.OfferLabel).OnClick(s.offer)
					}),
					app.Button().Type("button").Class("quiet").Aria("label", "Dismiss message").Text("×").OnClick(s.dismiss),
				)
			}),
		),
	)
}
