package ui

import (
	"sort"

	"github.com/annotator/annotator/app/annotation"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The reader page's filter of its side panel by who made the annotations.

// showMine is the filter's value for the reader's own annotations.
const showMine = "\x00mine"

// othersOnArticle are the names of the other people with annotations here.
func (p *readerPage) othersOnArticle() []string {
	me := ws.Store().Prefs().Creator
	seen := map[string]bool{}
	var out []string
	for _, a := range p.anns {
		if n := authorName(a, me); n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// byCreator keeps the annotations the side panel's filter shows.
func (p *readerPage) byCreator(list []annotation.Annotation) []annotation.Annotation {
	if p.showBy == "" {
		return list
	}
	me := ws.Store().Prefs().Creator
	var out []annotation.Annotation
	for _, a := range list {
		n := authorName(a, me)
		if (p.showBy == showMine && n == "") || n == p.showBy {
			out = append(out, a)
		}
	}
	return out
}

// showEveryone is the filter's value for everyone's annotations.
const showEveryone = "\x01everyone"

// renderCreatorFilter lets the reader see everyone's annotations, their
// own, or one other person's; it is shown when others' annotations are here.
func (p *readerPage) renderCreatorFilter() app.UI {
	others := p.othersOnArticle()
	if len(others) == 0 {
		if p.showBy != "" {
			p.showBy = ""
		}
		return nil
	}
	return app.Div().Class("field creator-filter").Body(
		app.Label().For("show-by").Text("Show annotations by"),
		app.Select().ID("show-by").OnChange(func(ctx app.Context, e app.Event) {
			p.showBy = ctx.JSSrc().Get("value").String()
			if p.showBy == showEveryone {
				p.showBy = ""
			}
		}).Body(
			// go-app drops an empty value attribute: "Everyone" has its own.
			app.Option().Value(showEveryone).Selected(p.showBy == "").Text("Everyone"),
			app.Option().Value(showMine).Selected(p.showBy == showMine).Text("Mine"),
			app.Range(others).Slice(func(i int) app.UI {
				return app.Option().Value(others[i]).Selected(p.showBy == others[i]).Text(others[i])
			}),
		),
	)
}
