//go:build !panictest

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// crashTestControl is nothing outside the panictest build (crash_inducer.go).
func crashTestControl() app.UI { return nil }
