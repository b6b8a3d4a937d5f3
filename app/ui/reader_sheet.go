package ui

import (
	"fmt"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// On a phone the side panel is a sheet over the article, opened from the
// reader's bar at the foot of the window: Annotations, Claims or Share,
// each opening the sheet at its section. On a wide screen the bar is not
// shown and the panel sits beside the article; the stylesheet decides.

// The sheet's parts, by the heading each opens at.
var sheetParts = []struct{ key, heading string }{
	{"annotations", "annotations-heading"},
	{"claims", "claims-heading"},
	{"share", "share-heading"},
}

func (p *readerPage) panelClass() string {
	if p.sheet != "" {
		return "panel open"
	}
	return "panel"
}

// openSheet opens the panel's sheet at a part, with the focus on its
// heading.
func (p *readerPage) openSheet(part string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.sheet = part
		for _, s := range sheetParts {
			if s.key == part {
				focusHeading(s.heading)
			}
		}
	}
}

// closeSheet closes the sheet and gives the focus back to the bar's
// button that opened it.
func (p *readerPage) closeSheet(ctx app.Context, e app.Event) {
	part := p.sheet
	p.sheet = ""
	if part != "" {
		focusElement("sheet-open-" + part)
	}
}

// onSheetKey closes the sheet on Escape, unless something inside it used
// that Escape: a menu that closed (it prevents the default), or a modal
// dialog (Compare claims), which the browser closes. Closing the sheet
// too would hide the control the focus was just handed back to.
func (p *readerPage) onSheetKey(ctx app.Context, e app.Event) {
	if p.sheet == "" || e.Get("key").String() != "Escape" || e.Get("defaultPrevented").Bool() ||
		e.Get("target").Call("closest", "dialog").Truthy() {
		ctx.PreventUpdate()
		return
	}
	p.closeSheet(ctx, e)
}

// renderSheetHead is the sheet's heading and close button (drawn on a
// phone only).
func (p *readerPage) renderSheetHead() app.UI {
	return app.Div().Class("sheet-head").Body(
		app.H2().ID("panel-heading").Class("visually-hidden").Text("Annotations, claims and sharing"),
		app.Span().Class("sheet-grip").Aria("hidden", "true"),
		app.Button().Type("button").Class("quiet icon").Aria("label", "Close the panel").Text("×").OnClick(p.closeSheet),
	)
}

// renderReaderBar is the phone's bar at the foot of the reader.
func (p *readerPage) renderReaderBar() app.UI {
	notes, claims := 0, 0
	for _, a := range p.anns {
		switch {
		case a.Kind == annotation.KindClaim && a.Claim != nil:
			claims++
		case p.anchors[a.ID].Status != anchor.Orphan:
			notes++
		}
	}
	button := func(part, label string) app.UI {
		return app.Button().Type("button").ID("sheet-open-"+part).Class("quiet").
			Aria("expanded", map[bool]string{true: "true", false: "false"}[p.sheet == part]).
			Aria("controls", "panel").
			Text(label).OnClick(p.openSheet(part), app.EventScope(part))
	}
	return app.Nav().Class("reader-bar").Aria("label", "Panel").Body(
		button("annotations", fmt.Sprintf("Annotations (%d)", notes)),
		button("claims", fmt.Sprintf("Claims (%d)", claims)),
		button("share", "Share"),
	)
}
