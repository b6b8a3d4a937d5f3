package ui

import (
	"strconv"
	"time"
	"unicode/utf8"

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
	// Page is the path of the page it was said on: a page change clears
	// the messages of the page left (but an offer to undo, which concerns
	// the reader's data rather than the page).
	Page string
}

// undoButtonID is the id of the status bar's Undo button.
const undoButtonID = "status-undo"

// say publishes a message to the status bar.
func say(ctx app.Context, text string) {
	ctx.SetState(stateStatus, statusMessage{Text: text, At: time.Now(), Page: pagePath(ctx)})
}

// sayError publishes a problem to the status bar.
func sayError(ctx app.Context, text string) {
	ctx.SetState(stateStatus, statusMessage{Text: text, Error: true, At: time.Now(), Page: pagePath(ctx)})
}

// sayUndo publishes a confirmation that offers to undo it with action.
func sayUndo(ctx app.Context, text, action string) {
	ctx.SetState(stateStatus, statusMessage{Text: text, Undo: action, At: time.Now(), Page: pagePath(ctx)})
}

func pagePath(ctx app.Context) string {
	if u := ctx.Page().URL(); u != nil {
		return u.Path
	}
	return ""
}

// How long a confirmation shows. A short one leaves after a few seconds,
// a longer one later (reading at about 15 characters a second), one that
// offers Undo later still; none leaves while the pointer rests on it or
// the focus is in it (WCAG 2.2.1), and then it stays a moment after they
// leave. Problems stay until they are dismissed.
const (
	toastShort = 5 * time.Second
	toastUndo  = 10 * time.Second
	toastMost  = 15 * time.Second
	toastGrace = 3 * time.Second
)

func toastTime(m statusMessage) time.Duration {
	d := toastShort + time.Duration(max(0, utf8.RuneCountInString(m.Text)-60))*time.Second/15
	if m.Undo != "" || m.Offer != "" {
		d = max(d, toastUndo)
	}
	return min(d, toastMost)
}

// statusBar shows the reader's messages at the foot of the window.
//
// A confirmation (say) is a toast: it leaves by itself, and it moves out
// of the way of the focused control, of a selection and of a drag
// (placeToast). Its text stays in the polite live region after it has left
// the screen, visually hidden, until the next message or page, so that a
// screen reader can still find it. A problem (sayError) is an alert that
// stays until dismissed; the page keeps room for it at its foot
// (--dock-h), so it covers nothing the reader can reach.
type statusBar struct {
	app.Compo
	msg   statusMessage // the latest, as published
	info  statusMessage // the confirmation shown or last shown
	err   statusMessage // the problem shown
	gone  bool          // info has left the screen
	shown float64       // performance.now() when info was shown
	// due is when info leaves; paused while the pointer or focus is on it.
	due      time.Time
	hover    bool
	focusIn  bool
	timerGen int
	unlisten func()
	// ctx is the bar's own context: timers dispatch with it, since the
	// element whose event armed them may be gone by then.
	ctx app.Context
}

func newStatusBar() *statusBar { return &statusBar{} }

func (s *statusBar) OnMount(ctx app.Context) {
	mountSlice()
	s.ctx = ctx
	ws.page = ctx
	ctx.ObserveState(stateStatus, &s.msg).OnChange(func() { s.take(ctx, s.msg) })
	// The state holds the last message said on any page: this page shows
	// it only if it belongs here (OnNav) or offers an Undo still running.
	var last statusMessage
	ctx.GetState(stateStatus, &last)
	if last.Text != "" && !last.At.Equal(ws.toastGone) && (last.Page == pagePath(ctx) || (last.Undo != "" && time.Since(last.At) < time.Minute)) {
		s.take(ctx, last)
	}
	if p := ws.StartupProblems(); p != "" && !ws.startupSaid {
		ws.startupSaid = true
		sayError(ctx, p)
	}
	s.unlisten = watchToast()
}

func (s *statusBar) OnDismount() {
	s.timerGen++
	if s.unlisten != nil {
		s.unlisten()
		s.unlisten = nil
	}
	setDock(0)
}

// OnNav clears the messages of the page left, but an offer to undo.
func (s *statusBar) OnNav(ctx app.Context) {
	path := pagePath(ctx)
	if s.err.Text != "" && s.err.Page != path {
		s.err = statusMessage{}
		s.afterDraw(ctx)
	}
	if s.info.Text != "" && s.info.Page != path && s.info.Undo == "" {
		s.info, s.gone = statusMessage{}, false
		s.timerGen++
	}
}

// take shows a newly published message.
func (s *statusBar) take(ctx app.Context, m statusMessage) {
	if m.Text == "" {
		return
	}
	if m.Error {
		s.err = m
		s.afterDraw(ctx)
		return
	}
	s.info, s.gone, s.hover, s.focusIn = m, false, false, false
	s.shown = perfNow()
	s.due = time.Now().Add(toastTime(m))
	s.timerGen++
	s.arm(ctx, toastTime(m))
	s.afterDraw(ctx)
}

// arm checks, after d, whether the confirmation is due to leave.
func (s *statusBar) arm(ctx app.Context, d time.Duration) {
	gen := s.timerGen
	s.ctx.After(d, func(ctx app.Context) {
		if gen != s.timerGen || s.gone || s.info.Text == "" {
			return
		}
		if s.hover || s.focusIn {
			// Held by the pointer or the focus. Ask the page again rather
			// than trust the events alone (a focusout can come before the
			// focus lands, a mouseleave not at all when the message moves
			// away from a still pointer): while still held, look again in
			// a second; once free, leave after a moment of grace.
			s.hover = s.hover && pointerOnStatus()
			s.focusIn = s.focusIn && focusWithinStatus()
			if s.hover || s.focusIn {
				s.arm(ctx, time.Second)
				return
			}
			s.due = time.Now().Add(toastGrace)
			s.arm(ctx, toastGrace)
			return
		}
		if left := time.Until(s.due); left > 50*time.Millisecond {
			s.arm(ctx, left)
			return
		}
		s.gone = true
		ws.toastGone = s.info.At
	})
}

func (s *statusBar) afterDraw(ctx app.Context) {
	ctx.Defer(func(app.Context) { afterStatusDrawn() })
}

// pause and resume follow the pointer and the focus on the confirmation.
func (s *statusBar) pause(ctx app.Context, hover, focus bool) {
	s.hover = s.hover || hover
	s.focusIn = s.focusIn || focus
	ctx.PreventUpdate()
}

func (s *statusBar) resume(ctx app.Context, hover, focus bool) {
	if hover {
		s.hover = false
	}
	if focus {
		s.focusIn = focus && focusWithinStatus()
	}
	if s.hover || s.focusIn || s.gone {
		ctx.PreventUpdate()
		return
	}
	if time.Until(s.due) < toastGrace {
		s.due = time.Now().Add(toastGrace)
	}
	s.timerGen++
	s.arm(ctx, time.Until(s.due))
	ctx.PreventUpdate()
}

func (s *statusBar) dismissInfo(ctx app.Context, e app.Event) {
	s.gone = true
	s.timerGen++
	ws.toastGone = s.info.At
}

func (s *statusBar) dismissError(ctx app.Context, e app.Event) {
	s.err = statusMessage{}
	s.afterDraw(ctx)
}

// offer posts the action the confirmation offers (Fetch again).
func (s *statusBar) offer(ctx app.Context, e app.Event) {
	action, value := s.info.Offer, s.info.OfferValue
	s.info, s.gone = statusMessage{}, false
	s.timerGen++
	ctx.NewActionWithValue(action, value)
}

func (s *statusBar) undo(ctx app.Context, e app.Event) {
	action := s.info.Undo
	s.info, s.gone = statusMessage{}, false
	s.timerGen++
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
	info := s.info
	return app.Div().Class("status-bar").Body(
		app.Div().Class("status-text").Body(
			// The polite region: the confirmation while it shows, and its
			// text, visually hidden, once it has left.
			app.Div().Class("status-info").Role("status").Aria("live", "polite").Body(
				// One element throughout, so that its leaving the screen is
				// not announced again.
				app.If(info.Text != "", func() app.UI {
					return app.Div().Class(map[bool]string{true: "status-card toast gone", false: "status-card toast"}[s.gone]).DataSet("kind", "info").
						DataSet("timeout", strconv.Itoa(int(toastTime(info)/time.Millisecond))).
						DataSet("shown", strconv.FormatFloat(s.shown, 'f', 0, 64)).
						DataSet("place", "bottom").
						On("mouseenter", func(ctx app.Context, e app.Event) { s.pause(ctx, true, false) }).
						On("mouseleave", func(ctx app.Context, e app.Event) { s.resume(ctx, true, false) }).
						On("focusin", func(ctx app.Context, e app.Event) { s.pause(ctx, false, true) }).
						On("focusout", func(ctx app.Context, e app.Event) {
							ctx.Defer(func(ctx app.Context) { s.resume(ctx, false, true) })
						}).
						Body(
							app.Span().Class("status-message").Text(info.Text),
							app.If(info.Undo != "" && !s.gone, func() app.UI {
								return app.Button().Type("button").ID(undoButtonID).Text("Undo").OnClick(s.undo)
							}),
							app.If(info.Offer != "" && !s.gone, func() app.UI {
								return app.Button().Type("button").Text(info.OfferLabel).OnClick(s.offer)
							}),
							app.If(!s.gone, func() app.UI {
								return app.Button().Type("button").Class("quiet").Aria("label", "Dismiss message").Text("×").OnClick(s.dismissInfo)
							}),
						)
				}),
			),
			// The assertive region: a problem, until dismissed.
			app.Div().Class("status-alert").Role("alert").Aria("live", "assertive").Body(
				app.If(s.err.Text != "", func() app.UI {
					return app.Div().Class("status-card dock").DataSet("kind", "error").Body(
						app.Span().Class("status-message").Text(s.err.Text),
						app.Button().Type("button").Class("quiet").Aria("label", "Dismiss message").Text("×").OnClick(s.dismissError),
					)
				}),
			),
		),
	)
}
