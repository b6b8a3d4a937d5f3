package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// keyboardHelp is the app's own list of keys: a dialog opened from the
// header's More menu or by pressing ? outside a text field. It is a modal
// <dialog>, so the browser keeps the focus in it, closes it on Escape and
// gives the focus back to where it was.
type keyboardHelp struct {
	app.Compo
	unlisten func()
}

func newKeyboardHelp() *keyboardHelp { return &keyboardHelp{} }

// keyboardHelpID is the dialog's id.
const keyboardHelpID = "keyboard-help"

func (k *keyboardHelp) OnMount(ctx app.Context) {
	mountSlice()
	k.unlisten = listenHelpKey()
	ctx.PreventUpdate() // nothing drawn changed: spare the page a render
}

func (k *keyboardHelp) OnDismount() {
	if k.unlisten != nil {
		k.unlisten()
		k.unlisten = nil
	}
}

// helpKeys are the keys, grouped by where they work.
var helpKeys = []struct {
	where string
	keys  [][2]string
}{
	{"Anywhere", [][2]string{
		{"/", "search annotations in every article"},
		{"?", "this list"},
	}},
	{"Reading (Tab to the article first)", [][2]string{
		{"j / k", "select the next / previous sentence"},
		{"Shift+J / Shift+K", "extend the selection by a sentence / take one back"},
		{"Esc", "clear the selection; close a card, a menu or this list"},
	}},
	{"With text selected", [][2]string{
		{"h", "highlight it"},
		{"n", "highlight it and write a note"},
		{"c", "mark the sentence as a claim"},
	}},
	{"In search results", [][2]string{
		{"↓ ↑ Home End", "move through the results"},
		{"Enter", "open the result"},
	}},
}

func (k *keyboardHelp) close(ctx app.Context, e app.Event) { closeKeyboardHelp() }

func (k *keyboardHelp) Render() app.UI {
	return app.Dialog().ID(keyboardHelpID).Class("help-dialog").Aria("labelledby", "keyboard-help-heading").Body(
		app.Div().Class("card-head").Body(
			app.H2().ID("keyboard-help-heading").Text("Keyboard shortcuts"),
			app.Button().Type("button").Class("quiet icon").Aria("label", "Close the keyboard shortcuts").Text("×").OnClick(k.close),
		),
		app.Range(helpKeys).Slice(func(i int) app.UI {
			g := helpKeys[i]
			return app.Section().Body(
				app.H3().Text(g.where),
				app.Dl().Class("keys").Body(
					app.Range(g.keys).Slice(func(j int) app.UI {
						return app.Div().Body(
							app.Dt().Body(app.Kbd().Text(g.keys[j][0])),
							app.Dd().Text(g.keys[j][1]),
						)
					}),
				),
			)
		}),
		app.P().Class("hint").Text("A phone or tablet: press and hold a word to select it, drag the handles, and the toolbar appears under the selection."),
	)
}
