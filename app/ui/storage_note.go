package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// storageNote tells a reader, on the library page, whether this browser
// keeps what they wrote for good or may clear it when it runs short of
// space, and lets them ask it to keep it. Browsers treat a site's storage as
// "best effort" unless it is made persistent (navigator.storage.persist):
// then only the reader can clear it. Chromium and Safari decide by how the
// site is used (installed, bookmarked, visited often); Firefox asks the
// reader. The question is asked only when the reader presses the button,
// never by itself.
type storageNote struct {
	app.Compo
	state storageState
}

type storageState int

const (
	storageUnknown  storageState = iota // not asked yet, or no such API: nothing shown
	storageKept                         // persistent
	storageMayClear                     // best effort
	storageRefused                      // the reader asked; the browser said no
)

func newStorageNote() *storageNote { return &storageNote{} }

func (s *storageNote) OnMount(ctx app.Context) {
	storagePersistence(false, func(kept, ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			if !ok {
				s.state = storageUnknown
			} else if kept {
				s.state = storageKept
			} else {
				s.state = storageMayClear
			}
		})
	})
}

func (s *storageNote) keep(ctx app.Context, e app.Event) {
	storagePersistence(true, func(kept, ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			// The button pressed is gone or renamed: the focus goes to what
			// replaced it, not to the page's body.
			if kept {
				s.state = storageKept
				say(ctx, "This browser will keep your annotations and articles until you clear them.")
				focusElement("storage-note")
				return
			}
			s.state = storageRefused
			say(ctx, "The browser did not agree to keep them for good.")
			focusElement("storage-keep")
		})
	})
}

func (s *storageNote) Render() app.UI {
	note := app.P().ID("storage-note").Class("storage-note").TabIndex(-1)
	switch s.state {
	case storageKept:
		return note.Text("Kept for good: this browser will not clear your annotations and articles to free space; only you can.")
	case storageMayClear:
		return note.Body(
			app.Text("This browser may clear your annotations and articles if it runs short of space. "),
			app.Button().Type("button").ID("storage-keep").Class("quiet").Text("Keep them for good").OnClick(s.keep),
		)
	case storageRefused:
		return note.Body(
			app.Text("This browser may clear your annotations and articles if it runs short of space, and did not agree to keep them for good. Export a copy now and then (Export and import, below). "),
			app.Button().Type("button").ID("storage-keep").Class("quiet").Text("Ask again").OnClick(s.keep),
		)
	}
	return note
}
