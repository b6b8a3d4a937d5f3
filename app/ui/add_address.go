package ui

import (
	"encoding/json"
	"fmt"
	"net/url"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Adding an article by its web address: the host fetches the page and
// extracts its article (GET /api/fetch, app/host/fetch.go), and the app
// keeps it among the reader's own articles, in the browser, with its
// address as its Source. The add box (add_article.go) and the share
// target's page (share_page.go) ask for it.
//
// The request is an app-wide action (actionFetchAddress), so that it ends,
// and the article is kept, even when the reader has left the page that
// asked: its handler waits for the host in a goroutine of its own, then
// finishes on the UI goroutine (finishAddress). What the add box and the
// share page show (the addresses being fetched, how each request ended,
// whether this deployment fetches at all) is in ws.adding; the stateAddress
// state tells them it changed.
//
// Offline, an address waits in the store (store.Waiting) and is fetched
// when the browser is online again (watchOnline), or when the library is
// next opened online. The same address twice opens the reader's copy and
// offers to fetch it again; fetching it again replaces the text, and the
// annotations re-anchor as on an edited bundled article: those that moved
// or changed are marked for review on the reader page.
const (
	actionFetchAddress = "address/fetch"       // value: addressRequest
	actionFetchWaiting = "address/waiting"     // fetch the waiting addresses
	actionFetchAgain   = "address/fetch-again" // value: the id of the reader's article
	actionProbeFetch   = "address/probe"       // does this deployment fetch?
	actionOpenArticle  = "article/open"        // value: the id of the reader's article
	stateAddress       = "address"             // an int that changes with ws.adding
)

// addressRequest asks for the page at URL.
type addressRequest struct {
	URL string
	// Title is the page's title when it was shared with one, for the
	// waiting list.
	Title string
	// Replace is the id of the reader's article whose text the page
	// replaces: "Fetch again".
	Replace string
	// Open says to open the article once added, if the reader is still on
	// the page at From.
	Open bool
	From string
}

// addressOutcome is how the last request for an address ended.
type addressOutcome struct {
	Problem string // why nothing was added, for the reader
	Waiting bool   // kept to be fetched once online
	ID      string // the article added, or found already there
	Message string // what happened, for the reader
}

// fetchMode is whether this deployment fetches pages by address.
type fetchMode uint8

const (
	fetchUnknown fetchMode = iota // not asked yet, or offline
	fetchOn
	fetchOff    // the host's fetching is off (-fetch=false, or a network address)
	fetchStatic // a static site: no host
)

// adding is the tab's part of adding articles by address (in ws).
type adding struct {
	mode    fetchMode
	offNote string // the host's words when its fetching is off
	probing bool
	// fetching and outcomes are by article.AddressKey.
	fetching map[string]bool
	outcomes map[string]addressOutcome
	// resumeAt is when the waiting list is fetched again after the host
	// could not be reached while the browser said it was online (no
	// "online" event will come then).
	resumeAt time.Time
	n        int
}

// unreachablePause is how long the waiting list rests after the host
// could not be reached.
const unreachablePause = 30 * time.Second

// publishAdding tells the add box and the share page that ws.adding or
// the waiting list changed.
func publishAdding(ctx app.Context) {
	ws.adding.n++
	ctx.SetState(stateAddress, ws.adding.n)
}

func (d *adding) isFetching(addr string) bool { return d.fetching[article.AddressKey(addr)] }

func (d *adding) outcome(addr string) (addressOutcome, bool) {
	o, ok := d.outcomes[article.AddressKey(addr)]
	return o, ok
}

func (d *adding) setOutcome(addr string, o addressOutcome) {
	if d.outcomes == nil {
		d.outcomes = map[string]addressOutcome{}
	}
	d.outcomes[article.AddressKey(addr)] = o
}

// Messages for the reader.
const (
	staticNote = "This site cannot fetch web pages by their address: it is served without Annotator's own server. Open the page in your browser, copy the article's text and paste it here, or save the page (as .html) and open the file."
)

func waitingMessage(addr string) string {
	return "You are offline: " + addr + " will be fetched when you are online. It waits in the list below the box where you add articles."
}

// findBySource returns the reader's article fetched from addr (or at the
// same page, article.AddressKey), if any.
func findBySource(addr string) (*article.Article, bool) {
	key := article.AddressKey(addr)
	if key == "" {
		return nil, false
	}
	for _, a := range ws.Store().LocalArticles() {
		if article.AddressKey(a.Source) == key {
			return a, true
		}
	}
	return nil, false
}

// requestAddress adds the page at req.URL: it opens the reader's copy when
// there is one, keeps the address for later when offline, and otherwise
// asks the host. It runs on the UI goroutine.
func requestAddress(ctx app.Context, req addressRequest) {
	d := &ws.adding
	if d.fetching == nil {
		d.fetching = map[string]bool{}
	}
	key := article.AddressKey(req.URL)
	if key == "" || d.fetching[key] {
		return
	}
	if req.From == "" {
		req.From = currentPath()
	}
	if old, ok := findBySource(req.URL); ok && req.Replace == "" {
		ended(ctx, req, addressOutcome{ID: old.ID}, old)
		return
	}
	switch {
	case d.mode == fetchStatic:
		ended(ctx, req, addressOutcome{Problem: staticNote}, nil)
	case d.mode == fetchOff:
		ended(ctx, req, addressOutcome{Problem: d.offNote}, nil)
	case !browserOnline():
		wait(ctx, req, waitingMessage(req.URL))
	default:
		d.fetching[key] = true
		delete(d.outcomes, key)
		publishAdding(ctx)
		ctx.NewActionWithValue(actionFetchAddress, req)
	}
}

// ended records how a request ended and tells the reader: a problem in the
// page that asked (or the status bar once they left it, and in the
// waiting list for a waiting address); an article added, replaced or found
// in the library is opened, if the reader is still where they asked.
// already is the reader's copy when the page was in the library before.
func ended(ctx app.Context, req addressRequest, o addressOutcome, already *article.Article) {
	d := &ws.adding
	delete(d.fetching, article.AddressKey(req.URL))
	d.setOutcome(req.URL, o)
	defer publishAdding(ctx)
	stayed := currentPath() == req.From
	if o.Problem != "" {
		if _, waiting := waitingEntry(req.URL); waiting {
			ws.Store().SetWaitingProblem(req.URL, o.Problem)
		}
		if !stayed {
			sayError(ctx, o.Problem)
		}
		return
	}
	ws.Store().RemoveWaiting(req.URL)
	if already != nil {
		// The offer belongs to the page of the copy when the reader is
		// taken there, and the status bar clears another page's messages.
		page := pagePath(ctx)
		if req.Open && stayed {
			page = "/read/" + already.ID
		}
		ctx.SetState(stateStatus, statusMessage{
			Page:       page,
			Text:       "“" + already.Title + "” is already in your library: this is your copy, with your annotations. Fetch it again to replace its text with the page as it is now.",
			Offer:      actionFetchAgain,
			OfferLabel: "Fetch again",
			OfferValue: already.ID,
			At:         time.Now(),
		})
	} else {
		say(ctx, o.Message)
		ctx.NewAction(actionLibraryChanged)
	}
	if !req.Open || !stayed {
		return
	}
	if ws.reader != nil && ws.reader.id == o.ID {
		ctx.NewAction(actionStoreChanged)
		return
	}
	ctx.Navigate("/read/" + o.ID)
}

// wait keeps an address to fetch once online.
func wait(ctx app.Context, req addressRequest, message string) {
	delete(ws.adding.fetching, article.AddressKey(req.URL))
	err := ws.Store().AddWaiting(store.Waiting{URL: req.URL, Title: req.Title, Added: time.Now().UTC().Truncate(time.Second)})
	o := addressOutcome{Waiting: true, Message: message}
	if err != nil {
		o = addressOutcome{Problem: "The address could not be kept to fetch later: " + writeProblem(err)}
	} else {
		say(ctx, message)
	}
	ws.adding.setOutcome(req.URL, o)
	publishAdding(ctx)
}

// handleFetchAddress asks the host for the page (actionFetchAddress). go-app
// runs it in a goroutine of its own.
func handleFetchAddress(ctx app.Context, a app.Action) {
	req, ok := a.Value.(addressRequest)
	if !ok {
		return
	}
	status, body, err := fetchAPI("/api/fetch?url=" + url.QueryEscape(req.URL))
	ctx.Dispatch(func(ctx app.Context) {
		finishAddress(ctx, req, status, body, err)
		fetchWaiting(ctx) // the next waiting address, if any
	})
}

// fetchAnswer is /api/fetch's refusal.
type fetchAnswer struct {
	Error string `json:"error"`
	Code  string `json:"code"`
}

// finishAddress keeps the page the host sent, or says why there is none.
func finishAddress(ctx app.Context, req addressRequest, status int, body []byte, err error) {
	d := &ws.adding
	var ans fetchAnswer
	json.Unmarshal(body, &ans)
	problem := ""
	switch {
	case err != nil && status == 0:
		// No answer at all: offline, or the host is down.
		d.resumeAt = time.Now().Add(unreachablePause)
		wait(ctx, req, "Annotator's server could not be reached, so "+req.URL+" will be fetched when you are online again.")
		return
	case err != nil:
		problem = req.URL + " could not be fetched: " + err.Error() + "."
	case status == 404:
		// Only a deployment without the endpoint answers 404.
		d.mode, problem = fetchStatic, staticNote
	case status == 403 && ans.Code == "disabled":
		d.mode, d.offNote, problem = fetchOff, ans.Error, ans.Error
	case status != 200 && ans.Error != "":
		problem = req.URL + " could not be fetched. " + ans.Error
	case status != 200:
		problem = fmt.Sprintf("%s could not be fetched: the server answered %d.", req.URL, status)
	}
	if problem != "" {
		ended(ctx, req, addressOutcome{Problem: problem}, nil)
		return
	}
	d.mode = fetchOn
	var a article.Article
	if json.Unmarshal(body, &a) != nil || a.Check() != nil || article.HashText(a.Text) != a.Hash {
		ended(ctx, req, addressOutcome{Problem: req.URL + " could not be fetched: the server's answer could not be read. Try again, or copy the text and paste it instead."}, nil)
		return
	}
	a.Origin = "local"
	if a.Source == "" {
		a.Source = req.URL
	}
	old, found := ws.LocalArticle(req.Replace)
	if !found {
		if old, found = sameArticle(&a, req.URL); found {
			ended(ctx, req, addressOutcome{ID: old.ID}, old)
			return
		}
	}
	o := addressOutcome{ID: a.ID, Message: "Added “" + a.Title + "” to your library."}
	if found {
		// Fetched again: the new text under the copy's id, where its
		// annotations re-anchor.
		a.ID, o.ID = old.ID, old.ID
		o.Message = replacedMessage(a.Title, reanchor(&a, ws.Store().Annotations(old.ID)))
		if old.Hash == a.Hash {
			o.Message = "“" + old.Title + "” has not changed since you added it: your copy is the page as it is now."
		}
	}
	if err := ws.Store().PutLocalArticle(&a); err != nil {
		ended(ctx, req, addressOutcome{Problem: "“" + a.Title + "” could not be kept: " + writeProblem(err)}, nil)
		return
	}
	delete(ws.articles, a.ID)
	ws.search.Changed(a.ID, nil)
	ended(ctx, req, o, nil)
}

// sameArticle finds the reader's copy of a fetched page: the same id (the
// host names a page by its final address) or the same page as its source.
func sameArticle(a *article.Article, asked string) (*article.Article, bool) {
	if old, ok := ws.LocalArticle(a.ID); ok {
		return old, true
	}
	if old, ok := findBySource(a.Source); ok {
		return old, true
	}
	return findBySource(asked)
}

// waitingEntry returns the address's entry in the waiting list.
func waitingEntry(addr string) (store.Waiting, bool) {
	key := article.AddressKey(addr)
	for _, w := range ws.Store().Waiting() {
		if article.AddressKey(w.URL) == key {
			return w, true
		}
	}
	return store.Waiting{}, false
}

// anchorCounts counts an article's annotations by how they anchor.
type anchorCounts struct{ Exact, Moved, Fuzzy, Orphan int }

// reanchor resolves annotations on an article's text, as the reader page
// does when it opens it.
func reanchor(a *article.Article, anns []annotation.Annotation) anchorCounts {
	var c anchorCounts
	text := anchor.NewText(a.Text)
	for _, an := range anns {
		pos := an.Position
		switch text.Resolve(an.Quote, &pos).Status {
		case anchor.Exact:
			c.Exact++
		case anchor.Moved:
			c.Moved++
		case anchor.Fuzzy:
			c.Fuzzy++
		default:
			c.Orphan++
		}
	}
	return c
}

// replacedMessage says what replacing an article's text did to its
// annotations.
func replacedMessage(title string, c anchorCounts) string {
	msg := fmt.Sprintf("Replaced the text of “%s” with the page as it is now.", title)
	if c.Moved+c.Fuzzy+c.Orphan == 0 {
		return msg
	}
	return msg + fmt.Sprintf(" Your annotations: %d in place, %d moved with their text, %d on text that changed (marked “needs review”), %d on text that is gone (listed under Orphaned annotations).", c.Exact, c.Moved, c.Fuzzy, c.Orphan)
}

// writeProblem says why the store could not keep something.
func writeProblem(err error) string {
	if store.IsQuota(err) {
		return "the browser's storage is full. Remove an article or export your annotations to make room."
	}
	return err.Error()
}

// handleOpenArticle is the status bar's offer to open the reader's copy
// of a text added twice (actionOpenArticle, add_article.go).
func handleOpenArticle(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	ctx.Dispatch(func(ctx app.Context) {
		if _, ok := ws.LocalArticle(id); ok {
			ctx.Navigate("/read/" + id)
		}
	})
}

// handleFetchAgain is the status bar's "Fetch again" (actionFetchAgain).
func handleFetchAgain(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	ctx.Dispatch(func(ctx app.Context) {
		old, ok := ws.LocalArticle(id)
		if !ok || article.AddressKey(old.Source) == "" {
			sayError(ctx, "This article has no web address to fetch it from again.")
			return
		}
		if !browserOnline() {
			sayError(ctx, "You are offline: connect to the internet to fetch “"+old.Title+"” again.")
			return
		}
		say(ctx, "Fetching “"+old.Title+"” again…")
		requestAddress(ctx, addressRequest{URL: old.Source, Replace: old.ID, Open: true, From: currentPath()})
	})
}

// fetchWaiting fetches the next waiting address, one at a time, so that
// a long list neither runs into the host's rate limit nor competes with
// the reader's own requests. It runs on the UI goroutine.
func fetchWaiting(ctx app.Context) {
	d := &ws.adding
	if !browserOnline() || d.mode == fetchStatic || d.mode == fetchOff || time.Now().Before(d.resumeAt) {
		return
	}
	list := ws.Store().Waiting()
	for _, w := range list {
		if d.isFetching(w.URL) {
			return // one at a time; finishAddress asks for the next
		}
	}
	for _, w := range list {
		if w.Problem == "" {
			requestAddress(ctx, addressRequest{URL: w.URL, Title: w.Title})
			return
		}
	}
}

// handleFetchWaiting: the browser is online again (watchOnline).
func handleFetchWaiting(ctx app.Context, a app.Action) {
	ctx.Dispatch(func(ctx app.Context) {
		ws.adding.resumeAt = time.Time{}
		fetchWaiting(ctx)
	})
}

// probeFetch asks the host, once per tab, whether it fetches pages, so
// that the add box can say how this deployment adds articles before the
// reader tries (a request without an address costs the host nothing).
func probeFetch(ctx app.Context) {
	d := &ws.adding
	if d.mode != fetchUnknown || d.probing || !browserOnline() {
		return
	}
	d.probing = true
	ctx.NewAction(actionProbeFetch)
}

func handleProbeFetch(ctx app.Context, a app.Action) {
	status, body, err := fetchAPI("/api/fetch")
	ctx.Dispatch(func(ctx app.Context) {
		d := &ws.adding
		d.probing = false
		var ans fetchAnswer
		json.Unmarshal(body, &ans)
		switch {
		case err != nil && status == 0:
			return // offline: ask again later
		case status == 404:
			d.mode = fetchStatic
		case status == 403 && ans.Code == "disabled":
			d.mode, d.offNote = fetchOff, ans.Error
		case status == 400:
			d.mode = fetchOn
		}
		publishAdding(ctx)
	})
}

// registerAdding declares the app-wide actions of adding by address
// (Register calls it once).
func registerAdding() {
	app.Handle(actionFetchAddress, handleFetchAddress)
	app.Handle(actionFetchWaiting, handleFetchWaiting)
	app.Handle(actionFetchAgain, handleFetchAgain)
	app.Handle(actionProbeFetch, handleProbeFetch)
	app.Handle(actionOpenArticle, handleOpenArticle)
}
