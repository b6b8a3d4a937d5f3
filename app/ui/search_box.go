package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// searchBox finds annotations in every article as the reader types.
type searchBox struct {
	app.Compo
}

func newSearchBox() *searchBox { return &searchBox{} }

func (s *searchBox) Render() app.UI {
	return app.Div().Class("search")
}
