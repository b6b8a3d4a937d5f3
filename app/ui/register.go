package ui

import (
	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ServerLibrary is the host's article library, used to prerender pages.
type ServerLibrary interface {
	Summaries() []article.Summary
	Article(id string) (*article.Article, bool)
}

// serverLibrary is set on the host only; in the browser it is nil and the
// app reads the library over HTTP.
var serverLibrary ServerLibrary

// readerPattern matches reader pages; ids are article.ValidID's. The
// trailing slash is for static hosts, which serve read/{id}/index.html at
// /read/{id}/ (see host.WriteStatic).
const readerPattern = `^/read/[a-z0-9-]{1,100}/?$`

// Register declares the app's routes. The host passes its library so that
// pages are prerendered with their text; the browser passes nil.
func Register(lib ServerLibrary) {
	serverLibrary = lib
	app.Route("/", func() app.Composer { return newLibraryPage() })
	app.RouteWithRegexp(readerPattern, func() app.Composer { return newReaderPage() })
}
