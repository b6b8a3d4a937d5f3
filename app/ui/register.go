package ui

import (
	"strings"
	"sync"

	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ServerLibrary is the host's article library, used to prerender pages.
type ServerLibrary interface {
	Summaries() []article.Summary
	Article(id string) (*article.Article, bool)
}

// serverLibrary is the library Register was last given (nil in the
// browser), which route factories hand to the pages they make. It is
// package-level because go-app's routes are: they are registered once per
// process, and a pattern route cannot be replaced, while the host's tests
// register a library of their own each.
var (
	serverLibrary  ServerLibrary
	registerRoutes sync.Once
)

// isReaderPath reports whether path is a reader page, /read/{id} with an id
// that article.ValidID accepts (the regular expression ^/read/[a-z0-9-]{1,100}/?$).
// The trailing slash is for static hosts, which serve read/{id}/index.html at
// /read/{id}/ (see host.WriteStatic). It is Go rather than a regexp route:
// compiling that regexp was the first use of package regexp when the app
// starts, which cost about 10 ms in the browser.
func isReaderPath(path string) bool {
	id, ok := strings.CutPrefix(path, "/read/")
	if !ok {
		return false
	}
	id = strings.TrimSuffix(id, "/")
	return article.ValidID(id)
}

// Register declares the app's routes. The host passes its library so that
// pages are prerendered with their text; the browser passes nil.
func Register(lib ServerLibrary) {
	serverLibrary = lib
	if app.IsClient {
		handlePanics()
	}
	registerRoutes.Do(func() {
		app.Handle(actionFetchLibrary, handleFetchLibrary)
		registerAdding()
		app.Route("/", func() app.Composer { return newLibraryPage(serverLibrary) })
		app.RouteFunc(isSharePath, func() app.Composer { return newSharePage() })
		app.RouteFunc(isReaderPath, func() app.Composer { return newReaderPage(serverLibrary) })
	})
	if app.IsClient {
		// The runtime's and the packages' start is one task; the first
		// render (app.RunWhenOnBrowser, next) another.
		yieldToBrowser()
	}
}
