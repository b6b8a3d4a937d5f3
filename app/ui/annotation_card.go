package ui

import (
	"slices"
	"strings"
	"time"

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
	return p.cardFrame(a, "card", "Annotation",
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
			app.Textarea().ID("note-"+id).Rows(4).Text(a.Note).
				Aria("describedby", "note-hint-"+id).
				OnInput(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					p.update(ctx, id, func(a *annotation.Annotation) error {
						if a.Note != "" || v != "" {
							if a.Kind == annotation.KindHighlight && v != "" {
								a.Kind = annotation.KindNote
							}
						}
						a.Note = v
						return nil
					})
				}, app.EventScope(id)),
			app.P().ID("note-hint-"+id).Class("hint").Text("Saved as you type. Escape closes."),
		),
		app.Div().Class("field").Body(
			app.Label().For("tags-"+id).Text("Tags"),
			app.Input().Type("text").ID("tags-"+id).List("tag-suggestions").
				Value(strings.Join(a.Tags, ", ")).
				Aria("describedby", "tags-hint-"+id).
				OnChange(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					p.update(ctx, id, func(a *annotation.Annotation) error {
						a.Tags = annotation.NormalizeTags(strings.Split(v, ","))
						return nil
					})
				}, app.EventScope(id)),
			app.P().ID("tags-hint-"+id).Class("hint").Text("Separate tags with commas."),
			tagSuggestions(p.knownTags()),
		),
		app.P().Class("hint").Text(cardTimes(a)),
		app.Div().Class("row").Body(
			app.Button().Type("button").Class("danger").Text("Delete annotation").
				OnClick(func(ctx app.Context, e app.Event) { p.remove(ctx, id) }, app.EventScope(id)),
		),
	)
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
				OnClick(func(ctx app.Context, e app.Event) { p.selected = "" }, app.EventScope(id)),
		),
		app.Blockquote().Class("card-quote").Text(a.Quote.Exact),
		app.If(r.Status == anchor.Fuzzy, func() app.UI {
			return app.P().Class("review").Body(
				app.Strong().Text("Needs review. "),
				app.Text(fuzzyChange(a, p.text, r)),
			)
		}),
	}
	return app.Section().ID("card-"+id).Class(class).TabIndex(-1).
		Aria("label", title).
		OnKeyDown(func(ctx app.Context, e app.Event) {
			if e.Get("key").String() == "Escape" {
				p.selected = ""
				focusMark(id)
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
