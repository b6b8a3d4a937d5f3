package ui

import (
	"time"

	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderWaiting lists the addresses added offline (add_address.go), under
// the add box: each is fetched when the browser is online again, and can
// be fetched at once or removed.
func (a *addArticle) renderWaiting() app.UI {
	list := ws.Store().Waiting()
	if len(list) == 0 {
		return app.Text("")
	}
	return app.Section().Class("waiting").Aria("labelledby", "waiting-heading").Body(
		app.H3().ID("waiting-heading").Text("Waiting to be fetched when you are online"),
		app.Ul().Aria("label", "Addresses waiting to be fetched").Body(
			app.Range(list).Slice(func(i int) app.UI { return a.renderWaitingItem(list[i]) }),
		),
	)
}

func (a *addArticle) renderWaitingItem(w store.Waiting) app.UI {
	line := w.URL
	if w.Title != "" {
		line = w.Title + " (" + w.URL + ")"
	}
	switch {
	case ws.adding.isFetching(w.URL):
		line += " — fetching…"
	case w.Problem != "":
		line += " — not fetched: " + w.Problem
	}
	return app.Li().Class("waiting-item").Body(
		app.Span().Text(line+" "),
		app.Button().Type("button").Class("quiet").Aria("label", "Fetch now: "+w.URL).Text("Fetch now").
			OnClick(a.retryWaiting(w.URL), app.EventScope(w.URL)),
		app.Button().Type("button").Class("quiet").Aria("label", "Remove from the waiting list: "+w.URL).Text("Remove").
			OnClick(a.removeWaiting(w.URL), app.EventScope(w.URL)),
	)
}

func (a *addArticle) retryWaiting(url string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ws.adding.resumeAt = time.Time{}
		ws.Store().AddWaiting(store.Waiting{URL: url}) // clears its problem
		if !browserOnline() {
			sayError(ctx, "You are offline: "+url+" will be fetched when you are online.")
			return
		}
		a.asked = url
		requestAddress(ctx, addressRequest{URL: url, Open: true})
	}
}

func (a *addArticle) removeWaiting(url string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if err := ws.Store().RemoveWaiting(url); err != nil {
			sayError(ctx, "The address could not be removed: "+writeProblem(err))
			return
		}
		publishAdding(ctx)
		say(ctx, "Removed "+url+" from the waiting list.")
	}
}
