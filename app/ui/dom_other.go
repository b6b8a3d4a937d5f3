//go:build !wasm

package ui

import (
	"github.com/annotator/annotator/app/article"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The host and native tests have no DOM: these twins of dom_wasm.go do nothing.

func listenReader(ctx app.Context, ev readerEvents) func() { return func() {} }
func prerenderedArticle() *article.Article                 { return nil }
func hasSelection() bool                                   { return false }
func clearSelection()                                      {}
func focusElement(id string)                               {}
func focusMark(id string)                                  {}
func markIDAt(e app.Event) string                          { return "" }
func confirmDialog(msg string) bool                        { return false }

func prerenderedLibrary() []article.Summary { return nil }

func absoluteURL(path string) string { return path }

func afterFirstFrame(ctx app.Context, fn func(app.Context)) { ctx.Dispatch(fn) }
func storagePersistence(ask bool, done func(kept, ok bool)) { done(false, false) }
func perfNow() float64                                      { return 0 }
func perfMeasure(name string, start float64)                {}

func readFirstFile(ctx app.Context, input app.Value, limit int, done func(app.Context, string, []byte, error)) {
}

func watchForUpdate(version string)                {}
func staleVersion(version string, done func(bool)) { done(false) }
func downloadFile(name, mime string, data []byte)  {}
func copyTextSoon(ctx app.Context, done func(app.Context, bool)) func(string) {
	return func(string) {}
}
func locationHash() string { return "" }
func clearLocationHash()   {}
func readFiles(ctx app.Context, list app.Value, limit int, done func(app.Context, []importFile)) {
}

func listenDrop(ctx app.Context, limit int, done func(app.Context, []importFile)) func() {
	return func() {}
}

func listenStorage(ctx app.Context, fn func(app.Context, string, string)) func() {
	return func() {}
}

// Twins of messages_wasm.go.
func watchToast() func()      { return func() {} }
func setDock(h float64)       {}
func afterStatusDrawn()       {}
func focusWithinStatus() bool { return false }
func pointerOnStatus() bool   { return false }

// Twins of reader_dom_wasm.go.
func isWide() bool                            { return true }
func placeCard(id, focus string, center bool) {}
func revealMark(id string, scroll bool)       {}
func selectSpan(start, end int) bool          { return false }
func firstVisibleStart() int                  { return -1 }
func clearFieldValue(id string)               {}
func focusSoon(id string)                     {}
func focusHeading(id string)                  {}
func openKeyboardHelp()                       {}
func closeKeyboardHelp()                      {}
func listenHelpKey() func()                   { return func() {} }
func moveMenuFocus(menuID, key string)        {}
