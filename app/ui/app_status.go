package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// appStatus offers to install the app and says when a new version is ready.
type appStatus struct {
	app.Compo
}

func newAppStatus() *appStatus { return &appStatus{} }

func (s *appStatus) Render() app.UI {
	return app.Div().Class("app-status")
}
