package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// noLabel is the value of the "No label" choice: go-app drops an empty
// value attribute, and the option's text would be sent instead.
const noLabel = "none"

// renderCard is the open annotation: its label, note and tags, all saved as
// they change, and its delete button.
func (p *readerPage) renderCard(a annotation.Annotation, names annotation.LabelNames) app.UI {
	id := a.ID
	return p.cardFrame(a, "card annotation-card", "Annotation",
		app.If(a.Kind != annotation.KindClaim, func() app.UI {
			return app.Div().Class("field").Body(
				app.Label().For("label-"+id).Text("Label"),
				app.Select().ID("label-"+id).OnChange(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					if v == noLabel {
						v = ""
					}
					p.update(ctx, id, func(a *annotation.Annotation) error { a.Label = v; return nil })
				}, app.EventScope(id)).Body(
					app.Option().Value(noLabel).Selected(a.Label == "").Text("No label"),
					app.Range(annotation.Labels()).Slice(func(i int) app.UI {
						l := annotation.Labels()[i]
						return app.Option().Value(l.Key).Selected(a.Label == l.Key).Text(names.Name(l.Key))
					}),
				),
			)
		}),
		app.Div().Class("field").Body(
			app.Label().For("note-"+id).Text("Note"),
			// maxlength counts UTF-16 code units, the limit code points: a
			// code point is one or two units, so a note the field lets
			// through is always within the limit.
			app.Textarea().ID("note-"+id).Rows(4).Text(a.Note).
				MaxLength(annotation.MaxNoteLen).
				Aria("describedby", "note-hint-"+id).
				OnInput(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					full := jsLength(v) >= annotation.MaxNoteLen
					p.update(ctx, id, func(a *annotation.Annotation) error {
						if full && jsLength(a.Note) < annotation.MaxNoteLen {
							// A paste the field cut short must not pass unheard.
							say(ctx, fmt.Sprintf("The note is full: it can have at most %d characters.", annotation.MaxNoteLen))
						}
						if a.Note != "" || v != "" {
							if a.Kind == annotation.KindHighlight && v != "" {
								a.Kind = annotation.KindNote
							}
						}
						a.Note = v
						return nil
					})
				}, app.EventScope(id)),
			app.P().ID("note-hint-"+id).Class("hint").Text(fmt.Sprintf("Saved as you type, up to %d characters. Escape closes.", annotation.MaxNoteLen)),
		),
		app.Div().Class("field").Body(
			app.Label().For("tags-"+id).Text("Tags"),
			app.Input().Type("text").ID("tags-"+id).List("tag-suggestions").
				Value(strings.Join(a.Tags, ", ")).
				Aria("describedby", "tags-hint-"+id).
				OnChange(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					tags, refused := keepTags(annotation.NormalizeTags(strings.Split(v, ",")))
					if p.update(ctx, id, func(a *annotation.Annotation) error { a.Tags = tags; return nil }) && refused != "" {
						sayError(ctx, refused)
					}
				}, app.EventScope(id)),
			app.P().ID("tags-hint-"+id).Class("hint").Text(fmt.Sprintf("Separate tags with commas; each up to %d characters.", annotation.MaxTagLen)),
			tagSuggestions(p.knownTags()),
		),
		app.P().Class("hint").Text(cardTimes(a)),
		app.Div().Class("row").Body(
			app.Button().Type("button").Class("danger").Text("Delete annotation").
				OnClick(func(ctx app.Context, e app.Event) { p.remove(ctx, id) }, app.EventScope(id)),
		),
	)
}

// keepTags splits tags into those an annotation may hold and a plain
// sentence naming the others (too long, or past the most an annotation can
// have), so one bad tag does not keep the good ones from being saved.
func keepTags(tags []string) (kept []string, refused string) {
	var long []string
	extra := 0
	for _, t := range tags {
		switch {
		case utf8.RuneCountInString(t) > annotation.MaxTagLen:
			long = append(long, "“"+shorten(t, 30)+"”")
		case len(kept) >= annotation.MaxTags:
			extra++
		default:
			kept = append(kept, t)
		}
	}
	var msgs []string
	switch len(long) {
	case 0:
	case 1:
		msgs = append(msgs, fmt.Sprintf("The tag %s is not kept: a tag can have at most %d characters.", long[0], annotation.MaxTagLen))
	default:
		msgs = append(msgs, fmt.Sprintf("The tags %s are not kept: a tag can have at most %d characters.", strings.Join(long, ", "), annotation.MaxTagLen))
	}
	if extra > 0 {
		msgs = append(msgs, fmt.Sprintf("%s not kept: an annotation can have at most %d tags.", plural(extra, "tag", "tags"), annotation.MaxTags))
	}
	return kept, strings.Join(msgs, " ")
}

// jsLength is the length of s as a browser counts it (maxlength, .length).
func jsLength(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// plainError is a validation error in plain words: each problem's sentence
// without the field path it concerns ("note:", "tags[1]:").
func plainError(err error) string {
	fe := annotation.FieldErrors(err)
	if len(fe) == 0 {
		return err.Error()
	}
	msgs := make([]string, len(fe))
	for i, e := range fe {
		msgs[i] = e.Msg
	}
	return strings.Join(msgs, " ")
}

// tagSuggestions is the datalist that completes the tags field.
func tagSuggestions(tags []string) app.UI {
	return app.DataList().ID("tag-suggestions").Body(
		app.Range(tags).Slice(func(i int) app.UI { return app.Option().Value(tags[i]) }),
	)
}

// cardFrame is what every annotation card shares: a labelled section that
// Escape closes (handing the focus back to the text), its heading with a
// close button, the quote, and the "needs review" line of a fuzzy anchor.
func (p *readerPage) cardFrame(a annotation.Annotation, class, title string, body ...app.UI) app.UI {
	id := a.ID
	r := p.anchors[id]
	head := []app.UI{
		app.Div().Class("card-head").Body(
			app.H2().Text(title),
			app.Button().Type("button").Class("quiet").Aria("label", "Close the "+strings.ToLower(title)).Text("×").
				OnClick(func(ctx app.Context, e app.Event) {
					// A click with a count came from a mouse or a finger,
					// one without from Enter or Space on the button.
					p.closeCard(id, e.Get("detail").Int() > 0)
				}, app.EventScope(id)),
		),
		app.Blockquote().Class("card-quote").Text(a.Quote.Exact),
		app.If(r.Status == anchor.Fuzzy, func() app.UI { return p.renderReview(a, r) }),
	}
	return app.Section().ID("card-"+id).Class(class).TabIndex(-1).
		Aria("label", title).
		OnKeyDown(func(ctx app.Context, e app.Event) {
			if e.Get("key").String() == "Escape" {
				p.closeCard(id, false)
			}
		}, app.EventScope(id)).
		Body(append(head, body...)...)
}

// knownTags are the tags used anywhere, for completion, in alphabetical
// order so the list does not reshuffle as the card is redrawn.
func (p *readerPage) knownTags() []string {
	seen := map[string]bool{}
	var out []string
	for _, list := range ws.Store().All() {
		for _, a := range list {
			for _, t := range a.Tags {
				if k := strings.ToLower(t); !seen[k] {
					seen[k] = true
					out = append(out, t)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}

func cardTimes(a annotation.Annotation) string {
	s := "Created " + a.Created.Local().Format("2 Jan 2006 15:04")
	if a.Modified.Sub(a.Created) > time.Second {
		s += ", edited " + a.Modified.Local().Format("2 Jan 2006 15:04")
	}
	if a.Creator != "" {
		s += " by " + a.Creator
	}
	if a.Source != "" {
		s += " · from " + a.Source
	}
	return s
}
