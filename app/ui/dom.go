package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The DOM glue that go-app does not cover (the text selection, focus,
// files, downloads, the clipboard, other tabs' storage events) is in
// dom_wasm.go, with inert twins in dom_other.go for the host's prerendering
// and the native tests. What both need is here.

// selection is the reader's selection in the article, in code points of
// its text, and where the toolbar goes.
type selection struct {
	Start, End int
	OK         bool // the selection lies in the article
	X, Y       int  // the selection's left and bottom, in the page
	Top        int  // its top, in the page
}

// readerEvents are what the reader page hears from the browser: the
// selection changing, a shortcut key, another tab's storage change.
type readerEvents struct {
	selection func(app.Context, selection)
	shortcut  func(app.Context, string)
	cursor    func(app.Context, string) // j, k, J or K: the sentence cursor
	storage   func(app.Context, string, string)
}
