package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// renderShare is the reader's Export and Import controls for this article.
func (p *readerPage) renderShare() app.UI {
	return nil
}

// libraryShare is the library page's Export and Import controls.
type libraryShare struct {
	app.Compo
}

func newLibraryShare() *libraryShare { return &libraryShare{} }

func (l *libraryShare) Render() app.UI {
	return app.Div().Class("library-share")
}
