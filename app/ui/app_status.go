package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// appStatus sits in the site header. It offers to install the app when the
// browser allows it, and says when a new version has been deployed, with a
// Reload button: the app never reloads under a reader's feet.
//
// go-app's app.js tells the app about both: the browser's
// beforeinstallprompt event (OnAppInstallChange) and a new service worker
// that has activated while an older one controlled the page (OnAppUpdate).
// Either may happen before this component mounts, or while another page's
// header was mounted, so OnMount reads the current state too.
type appStatus struct {
	app.Compo
	installable bool
	apple       bool // Safari has no install prompt: explain instead
	appleHint   bool
	update      bool
	menuOpen    bool // the More menu
}

func newAppStatus() *appStatus { return &appStatus{} }

// updateEvery is how often an open tab asks whether a new version is out;
// browsers also check on every navigation.
const updateEvery = 30 * time.Minute

func (s *appStatus) OnMount(ctx app.Context) {
	mountSlice()
	s.installable = ctx.IsAppInstallable()
	s.apple = ctx.IsAppleBrowser()
	s.update = ws.updateReady
	// Whether a new version is out is not needed for the first frame: ask
	// once the page has been drawn, so that the start does not wait for it.
	afterFirstFrame(ctx, func(ctx app.Context) {
		// Nothing here changes what is drawn at once (OnAppUpdate
		// dispatches its own change): without this, go-app would render
		// the page around the header again, on a reader page the whole
		// article's panel, maybe just after the article arrived.
		ctx.PreventUpdate()
		if ctx.AppUpdateAvailable() && !ws.updateReady {
			s.OnAppUpdate(ctx)
		}
		if !ws.updateChecks {
			ws.updateChecks = true
			watchForUpdate(app.Getenv("GOAPP_VERSION"))
			go func() {
				for range time.Tick(updateEvery) {
					app.TryUpdate()
				}
			}()
		}
	})
}

func (s *appStatus) OnAppInstallChange(ctx app.Context) {
	s.installable = ctx.IsAppInstallable()
	if !s.installable {
		s.appleHint = false
	}
}

// OnAppUpdate is go-app's word that a new service worker has activated; it
// is confirmed first (see staleVersion), since go-app also says so on the
// first visit.
func (s *appStatus) OnAppUpdate(ctx app.Context) {
	staleVersion(app.Getenv("GOAPP_VERSION"), func(stale bool) {
		if !stale {
			return
		}
		ws.updateReady = true
		ctx.Dispatch(func(ctx app.Context) { s.update = true })
	})
}

func (s *appStatus) install(ctx app.Context, e app.Event) {
	if s.apple {
		s.appleHint = !s.appleHint
		return
	}
	ctx.ShowAppInstallPrompt()
}

func (s *appStatus) reload(ctx app.Context, e app.Event) {
	ctx.Reload()
}

// The More menu holds what a phone's header has no room for: Install,
// and the keyboard's help. It is a menu button (WAI-ARIA's pattern): the
// arrow keys move through its items, Escape closes it and gives the focus
// back to its button.

func (s *appStatus) toggleMenu(ctx app.Context, e app.Event) {
	s.menuOpen = !s.menuOpen
	if s.menuOpen {
		focusSoon("more-first")
	}
}

func (s *appStatus) closeMenu(ctx app.Context, focusButton bool) {
	s.menuOpen = false
	if focusButton {
		focusElement("more-button")
	}
}

func (s *appStatus) onMenuKey(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "Escape":
		s.closeMenu(ctx, true)
	case "ArrowDown", "ArrowUp", "Home", "End":
		e.PreventDefault()
		moveMenuFocus("more-menu", e.Get("key").String())
		ctx.PreventUpdate()
	default:
		ctx.PreventUpdate()
	}
}

// onMenuFocusOut closes the menu when the focus leaves it for elsewhere.
func (s *appStatus) onMenuFocusOut(ctx app.Context, e app.Event) {
	if !s.menuOpen || focusWithin(e, "more") {
		ctx.PreventUpdate()
		return
	}
	s.menuOpen = false
}

func (s *appStatus) showHelp(ctx app.Context, e app.Event) {
	s.menuOpen = false
	openKeyboardHelp()
}

func (s *appStatus) installFromMenu(ctx app.Context, e app.Event) {
	s.menuOpen = false
	s.install(ctx, e)
}

func (s *appStatus) renderMenu() app.UI {
	expanded := map[bool]string{true: "true", false: "false"}[s.menuOpen]
	return app.Div().ID("more").Class("more").On("focusout", s.onMenuFocusOut).OnKeyDown(s.onMenuKey).Body(
		app.Button().Type("button").ID("more-button").Class("quiet icon").
			Aria("label", "More").Aria("haspopup", "menu").Aria("expanded", expanded).Aria("controls", "more-menu").
			Title("More: keyboard shortcuts, install").
			Text("⋮").OnClick(s.toggleMenu),
		app.If(s.menuOpen, func() app.UI {
			return app.Ul().ID("more-menu").Class("menu").Role("menu").Aria("labelledby", "more-button").Body(
				app.Li().Role("none").Body(
					app.Button().Type("button").ID("more-first").Role("menuitem").TabIndex(-1).
						Text("Keyboard shortcuts").OnClick(s.showHelp),
				),
				app.If(s.installable, func() app.UI {
					return app.Li().Role("none").Body(
						app.Button().Type("button").Role("menuitem").TabIndex(-1).
							Text("Install Annotator").OnClick(s.installFromMenu),
					)
				}),
				app.Li().Role("none").Body(
					app.A().Href("/").Role("menuitem").TabIndex(-1).Text("Library").
						OnClick(func(ctx app.Context, e app.Event) { s.menuOpen = false }),
				),
			)
		}),
	)
}

func (s *appStatus) Render() app.UI {
	return app.Div().Class("app-status").Body(
		// The live region is always there, so that the notice is announced
		// when it appears.
		app.Div().Role("status").Class("update-notice").Body(
			app.If(s.update, func() app.UI {
				return app.Span().Class("update-card").Body(
					app.Span().Text("A new version of Annotator is ready."),
					app.Button().Type("button").Text("Reload").
						Title("Reload the page into the new version (what you wrote is already saved)").
						OnClick(s.reload),
				)
			}),
		),
		// Slots that stay in place, so that the menu's button is not drawn
		// anew (losing a press) when Install comes or goes.
		app.Span().Class("slot").Body(app.If(s.installable, func() app.UI {
			b := app.Button().Type("button").Class("quiet install").Text("Install").
				Title("Install Annotator as an app that opens in its own window and works offline").
				OnClick(s.install)
			if s.apple {
				b = b.Aria("expanded", map[bool]string{true: "true", false: "false"}[s.appleHint])
			}
			return b
		})),
		s.renderMenu(),
		app.Div().Class("slot").Body(app.If(s.appleHint, func() app.UI {
			return app.P().Class("hint install-hint").Text("In Safari, choose Share, then “Add to Home Screen” (on a Mac: File, then “Add to Dock”).")
		})),
	)
}
