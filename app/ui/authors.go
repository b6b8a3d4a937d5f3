package ui

import (
	"github.com/annotator/annotator/app/annotation"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Whose annotation is whose: a reader's own, or one that came in a file
// (a student's class pack, a colleague's export) under its creator's name.

// isMine says whether an annotation is the reader's own: made in this
// browser (imports carry their Source) or carrying the reader's name.
func isMine(a annotation.Annotation, me string) bool {
	return a.Source == "" || (me != "" && a.Creator == me)
}

// authorName is the name an annotation is shown under: "" for the reader's
// own, else its creator, else where it came from.
func authorName(a annotation.Annotation, me string) string {
	if isMine(a, me) {
		return ""
	}
	if a.Creator != "" {
		return a.Creator
	}
	return "unnamed (" + shorten(a.Source, 40) + ")"
}

// renderAuthor names who made an annotation when it is not the reader.
func renderAuthor(a annotation.Annotation) app.UI {
	n := authorName(a, ws.Store().Prefs().Creator)
	if n == "" {
		return nil
	}
	return app.Span().Class("by").Text("by " + n)
}
