package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// panelList is one of the side panel's entry lists, the claims or the
// annotations: an ordered list of the entries the reader page describes.
// It owns how many of them are drawn. When the page opens a long article
// (readerPage.drawPanelLater) the list draws none of them with the
// article, then a slice per frame after the article's first paint: go-app
// mounts an entry one element and one attribute at a time, each a call
// into JavaScript, and the 100 annotations and 87 claims listed for an
// article of 1,000 annotations took a quarter of the app's time before
// the article's first paint (issue 18, docs/performance.md).
//
// Each slice updates this list alone (Context.DispatchAlone, go-app patch
// 0009): with the page's ctx.Dispatch, each one rendered and compared the
// whole reader page again, the article's blocks included, some 300 ms of
// work after the paint that the reader's first keystroke waited behind.
type panelList struct {
	app.Compo
	// Label is the list's accessible name, Class its class.
	Label, Class string
	// Annotations or Claims are its entries, in order: one of the two is
	// set. They are plain values (their app.Compo unused), compared by
	// go-app when the page renders; Render makes the components.
	Annotations []annotationItem
	Claims      []claimItem
	// Opened is the page's count of long articles opened: a new count
	// draws the entries again in slices. Zero draws them all at once (the
	// prerendered page, a short article).
	Opened int
	// Skip is how many of the panel's entries, drawn in the same slices,
	// come before this list's (the claims, before the annotations): the
	// slices fill the panel from the top, panelSlice entries at a time.
	Skip int

	// opened is the Opened whose slices were started; drawn counts the
	// panel's entries drawn so far, Skip's included, while slicing.
	opened  int
	drawn   int
	slicing bool
}

// newAnnotationList is the side panel's list of annotations, drawn in
// the same slices as the claims listed before it (skip of them).
func newAnnotationList(items []annotationItem, opened, skip int) *panelList {
	return &panelList{Label: "Annotations", Annotations: items, Opened: opened, Skip: skip}
}

// newClaimList is the claims panel's list.
func newClaimList(items []claimItem, opened int) *panelList {
	return &panelList{Label: "Claims", Class: "claims-list", Claims: items, Opened: opened}
}

// panelSlice is how many of the side panel's entries are drawn per frame
// after a long article's first paint: two slices for the article of 1,000
// (87 claims and 100 annotations listed).
const panelSlice = listPage

func (l *panelList) len() int { return len(l.Annotations) + len(l.Claims) }

// shown is how many of the entries are drawn now.
func (l *panelList) shown() int {
	switch {
	case l.opened != l.Opened:
		// Rendered before OnMount or OnUpdate starts the slices.
		return 0
	case l.slicing:
		return max(0, min(l.len(), l.drawn-l.Skip))
	}
	return l.len()
}

func (l *panelList) Render() app.UI {
	entries := make([]app.UI, l.shown())
	for i := range entries {
		if l.Claims != nil {
			it := l.Claims[i]
			entries[i] = &it
		} else {
			it := l.Annotations[i]
			entries[i] = &it
		}
	}
	return app.Ol().Class(l.Class).Aria("label", l.Label).Body(entries...)
}

// OnMount starts the slices of a list mounted with a new article.
func (l *panelList) OnMount(ctx app.Context) {
	l.follow(ctx)
	// go-app dispatches OnMount, which would render the whole reader page
	// again on the next frame: nothing outside the list has changed.
	ctx.PreventUpdate()
}

// OnUpdate runs before the list renders the page's new fields.
func (l *panelList) OnUpdate(ctx app.Context) { l.follow(ctx) }

// follow starts drawing the entries in slices when the page has opened
// another long article.
func (l *panelList) follow(ctx app.Context) {
	if l.opened == l.Opened {
		return
	}
	l.opened, l.drawn, l.slicing = l.Opened, 0, true
	l.drawStep(ctx, l.opened)
}

// drawStep draws one more slice once the browser has painted a frame,
// until every entry is drawn or another article is opened.
func (l *panelList) drawStep(ctx app.Context, opened int) {
	ctx.Async(func() {
		afterPaint()
		ctx.DispatchAlone(func(ctx app.Context) {
			if l.opened != opened || !l.slicing {
				return // a needless render of the list alone; PreventUpdate would cancel the page's too
			}
			l.drawn += panelSlice
			if l.drawn-l.Skip >= l.len() {
				l.slicing = false
				return
			}
			l.drawStep(ctx, opened)
		})
	})
}
