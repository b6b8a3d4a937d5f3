package ui

import (
	"fmt"
	"strconv"

	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// storageNote tells a reader, on the library page, whether this browser
// keeps what they wrote for good or may clear it when it runs short of
// space, and lets them ask it to keep it. Browsers treat a site's storage as
// "best effort" unless it is made persistent (navigator.storage.persist):
// then only the reader can clear it. Chromium and Safari decide by how the
// site is used (installed, bookmarked, visited often); Firefox asks the
// reader. The question is asked only when the reader presses the button,
// never by itself.
//
// Above that it says how much of the browser's storage is used and about how
// many more annotations fit (store.Usage): measured once the page has been
// drawn, so that the start does not wait for it, and again when the store
// changes (an import, a removed article, another tab).
type storageNote struct {
	app.Compo
	state storageState
	usage string
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
	mountSlice()
	afterFirstFrame(ctx, s.measure)
	ctx.Handle(actionStoreChanged, func(ctx app.Context, a app.Action) { s.measure(ctx) })
	ctx.Handle(actionLibraryChanged, func(ctx app.Context, a app.Action) { s.measure(ctx) })
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

// measure reads the store's usage into the line.
func (s *storageNote) measure(ctx app.Context) {
	u, err := ws.Store().Usage()
	if err != nil {
		s.usage = ""
		return
	}
	s.usage = usageLine(u)
}

// usageLine says how full the storage is, in words a reader can act on.
func usageLine(u store.Usage) string {
	var who string
	switch u.Annotations {
	case 0:
		who = "Nothing you wrote is stored yet"
	case 1:
		who = "Your 1 annotation takes"
	default:
		who = "Your " + thousands(u.Annotations) + " annotations take"
	}
	if u.QuotaChars <= 0 {
		if u.Annotations == 0 {
			return who + "."
		}
		return who + " " + thousands(u.AnnotationChars) + " characters of this browser's storage."
	}
	pct := func(n int) string {
		p := float64(n) * 100 / float64(u.QuotaChars)
		if p > 0 && p < 1 {
			return "under 1%"
		}
		return fmt.Sprintf("%.0f%%", p)
	}
	line := who
	if u.Annotations > 0 {
		line += " " + pct(u.AnnotationChars) + " of this browser's storage for Annotator"
	}
	if u.Annotations > 0 && u.UsedChars-u.AnnotationChars > u.QuotaChars/100 {
		line += " (" + pct(u.UsedChars) + " used in all)"
	} else if u.Annotations == 0 {
		line += "; " + pct(u.UsedChars) + " of this browser's storage for Annotator is used"
	}
	switch {
	case u.MoreAnnotations == 0:
		return line + ". It is full: export your annotations, then remove an article you no longer need."
	case u.MoreAnnotations > 0 && u.Annotations == 0:
		return line + ". About " + thousands(roundDown(u.MoreAnnotations)) + " annotations fit."
	case u.MoreAnnotations > 0:
		return line + ". About " + thousands(roundDown(u.MoreAnnotations)) + " more annotations fit."
	}
	return line + "."
}

// roundDown keeps an estimate from claiming more precision than it has:
// two significant digits.
func roundDown(n int) int {
	m := 1
	for n/m >= 100 {
		m *= 10
	}
	return n / m * m
}

// thousands writes n with commas: 12,345.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (s *storageNote) Render() app.UI {
	return app.Div().Class("storage").Body(
		app.If(s.usage != "", func() app.UI {
			return app.P().ID("storage-usage").Class("storage-usage").Text(s.usage)
		}),
		s.renderPersistence(),
	)
}

func (s *storageNote) renderPersistence() app.UI {
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
			app.Text("This browser may clear your annotations and articles if it runs short of space, and did not agree to keep them for good. Export a copy now and then (Export and import, above). "),
			app.Button().Type("button").ID("storage-keep").Class("quiet").Text("Ask again").OnClick(s.keep),
		)
	}
	return note
}
