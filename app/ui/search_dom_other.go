//go:build !wasm

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The host and native tests have no DOM: these twins of search_dom_wasm.go
// do nothing.

func drawResults(query, summary string, views viewSource, open bool)          {}
func flushResults()                                                           {}
func setHiddenOf(id string, hidden bool)                                      {}
func setAttrOf(id, name, value string)                                        {}
func resultIndexAt(e app.Event) int                                           { return -1 }
func focusWithin(e app.Event, id string) bool                                 { return false }
func currentLocation() string                                                 { return "" }
func listenSlash(inputID string) func()                                       { return func() {} }
func listenInput(root app.Value, inputID string, f func(value string)) func() { return func() {} }
func perfRecord(name string, ms float64)                                      {}
func popupHidden() bool                                                       { return true }
func focusOrphan(id string)                                                   {}
