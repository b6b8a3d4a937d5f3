package ui

import (
	"fmt"
	"strings"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/share"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// packMime is the media type a class pack is downloaded as.
const packMime = "application/json"

// actionPackSaved tells the share panel that a class pack was saved (or
// the form cancelled), so that it closes the form and gives the focus back
// to the Export button.
const actionPackSaved = "class-pack/saved"

// packChoice is one answer to "What the pack gives students".
type packChoice struct {
	Gives share.PackGives
	Label string
	Hint  string
}

// packChoices are the teacher's choices, the default (hiding the verdicts)
// in the middle, where a teacher reads it first as the usual one.
var packChoices = []packChoice{
	{share.PackArticle, "The article only", "No annotations and no instructions: students start from a clean page."},
	{share.PackQuestions, "The article, your questions and instructions", "Your highlights, notes and claims, but not your verdicts, rationales or evidence: students judge the claims themselves."},
	{share.PackEverything, "Everything, verdicts and rationales included", "For going through the answers together after the class has handed its work back."},
}

// classPackForm saves the reader's annotations on an article as a class
// pack (.annotator.json): a teacher's, to hand out, choosing what it gives
// the students; or a student's, to hand back. It is shown under the share
// panel's Export button, opened from its menu (share_panel.go).
type classPackForm struct {
	app.Compo
	ArticleID string

	name         string
	role         string
	gives        share.PackGives
	instructions string
	problem      string
}

// newClassPackForm makes the form filled in (reset), so that its first
// draw is the one that stays: filled in on mount, it was drawn first
// empty, as a student's, then again as the teacher's. go-app mounts the
// first instance; the ones the share panel makes as it renders again are
// only compared with it, and their fields are not copied unless the
// article changes (OnUpdate).
func newClassPackForm(articleID string) *classPackForm {
	f := &classPackForm{ArticleID: articleID}
	f.reset()
	return f
}

// OnMount puts the focus in the name field.
func (f *classPackForm) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) { focusElement("pack-name") })
}

// OnUpdate runs when the reader moves to another article in the same page.
func (f *classPackForm) OnUpdate(ctx app.Context) { f.reset() }

// reset fills in the reader's name and guesses their role: a student
// when the article came with someone else's class pack.
func (f *classPackForm) reset() {
	prefs := ws.Store().Prefs()
	f.name, f.problem, f.instructions = prefs.Creator, "", ""
	f.role, f.gives = share.RoleTeacher, share.PackQuestions
	for _, a := range ws.Store().Annotations(f.ArticleID) {
		if !isMine(a, prefs.Creator) && strings.HasPrefix(a.Source, "class pack:") {
			f.role = share.RoleStudent
			break
		}
	}
}

// save exports the reader's own annotations on the article as a class
// pack, with their name on each, named <article>-<person>-<role>.
func (f *classPackForm) save(ctx app.Context, e app.Event) {
	e.PreventDefault()
	name := strings.TrimSpace(f.name)
	if name == "" {
		f.problem = "Write your name: it shows whose annotations these are, and names the file."
		ctx.Defer(func(app.Context) { focusElement("pack-name") })
		return
	}
	art, ok := ws.Article(f.ArticleID)
	if !ok {
		sayError(ctx, "This article is not at hand: reload the page and try again.")
		return
	}
	prefs := ws.Store().Prefs()
	if prefs.Creator != name {
		prefs.Creator = name
		if err := ws.Store().SetPrefs(prefs); err != nil {
			reportWriteError(ctx, err)
			return
		}
	}
	var mine []annotation.Annotation
	for _, a := range ws.Store().Annotations(f.ArticleID) {
		if isMine(a, name) {
			if a.Creator == "" {
				a.Creator = name
			}
			mine = append(mine, a)
		}
	}
	p := share.PackExport{Article: art, Annotations: mine, Creator: name, Role: f.role,
		Labels: annotation.LabelNames(prefs.LabelNames)}
	if f.role == share.RoleTeacher {
		p.Gives, p.Instructions = f.gives, strings.TrimSpace(f.instructions)
	}
	data, fname, err := p.ClassPack()
	if err != nil {
		f.problem = "The class pack could not be made: " + err.Error()
		return
	}
	downloadFile(fname, packMime, data)
	f.problem = ""
	say(ctx, fmt.Sprintf("Saved %s: %s.", fname, packSummary(p, len(mine))))
	ctx.NewAction(actionPackSaved)
}

// packSummary says what a saved pack holds: "a class pack with 2
// annotations by Ms Rivera (teacher), without your verdicts".
func packSummary(p share.PackExport, n int) string {
	what := "a class pack with " + plural(n, "annotation", "annotations")
	switch {
	case p.Role == share.RoleTeacher && p.Gives == share.PackArticle:
		what = "a class pack with the article only"
	}
	what += " by " + p.Creator + " (" + p.Role + ")"
	if p.Role == share.RoleTeacher && p.Gives == share.PackQuestions {
		what += ", without your verdicts, rationales and evidence"
	}
	return what
}

func (f *classPackForm) Render() app.UI {
	teacher := f.role == share.RoleTeacher
	return app.Form().ID("pack-form").Class("pack-form").OnSubmit(f.save).Body(
		app.P().Class("hint").Text("A class pack holds the article itself and your annotations on it, so it opens with no network. Teachers hand one out; students hand their work back the same way. The file is named after the article, you and your role, so a class's returns can be saved side by side."),
		app.Label().For("pack-name").Text("Your name"),
		app.Input().Type("text").ID("pack-name").Value(f.name).Attr("autocomplete", "name").
			OnInput(func(ctx app.Context, e app.Event) { f.name = ctx.JSSrc().Get("value").String() }),
		app.FieldSet().Body(
			app.Legend().Text("You are"),
			app.Label().Class("choice").Body(
				app.Input().Type("radio").Name("pack-role").Value(share.RoleTeacher).Checked(teacher).
					OnChange(func(ctx app.Context, e app.Event) { f.role = share.RoleTeacher }),
				app.Text(" the teacher (handing out the article)"),
			),
			app.Label().Class("choice").Body(
				app.Input().Type("radio").Name("pack-role").Value(share.RoleStudent).Checked(!teacher).
					OnChange(func(ctx app.Context, e app.Event) { f.role = share.RoleStudent }),
				app.Text(" a student (handing back your work)"),
			),
		),
		app.If(teacher, f.renderGives),
		app.If(teacher && f.gives != share.PackArticle, func() app.UI {
			return app.Div().Body(
				app.Label().For("pack-instructions").Text("Instructions for students (optional)"),
				app.Textarea().ID("pack-instructions").Rows(3).Text(f.instructions).
					OnInput(func(ctx app.Context, e app.Event) { f.instructions = ctx.JSSrc().Get("value").String() }),
			)
		}),
		app.If(f.problem != "", func() app.UI {
			return app.P().Class("problem").Role("alert").Text(f.problem)
		}),
		app.Div().Class("row").Body(
			app.Button().Type("submit").Text("Save class pack"),
			app.Button().Type("button").Class("quiet").Text("Cancel").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionPackSaved) }),
		),
	)
}

// renderGives is the teacher's choice of what the pack gives students.
func (f *classPackForm) renderGives() app.UI {
	return app.FieldSet().Class("pack-gives").Body(
		app.Legend().Text("What the pack gives students"),
		app.Range(packChoices).Slice(func(i int) app.UI {
			c := packChoices[i]
			id := "pack-gives-" + string(c.Gives)
			return app.Div().Class("choice-row").Body(
				app.Input().Type("radio").ID(id).Name("pack-gives").Value(string(c.Gives)).
					Checked(f.gives == c.Gives).Aria("describedby", id+"-hint").
					OnChange(func(ctx app.Context, e app.Event) { f.gives = c.Gives }),
				app.Label().Class("choice").For(id).Text(" "+c.Label),
				app.P().ID(id+"-hint").Class("hint").Text(c.Hint),
			)
		}),
	)
}
