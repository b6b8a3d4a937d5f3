//go:build !wasm

package ui

// The host and native tests have no DOM: twins of compare_dom_wasm.go.

func showModal(id string)  {}
func closeModal(id string) {}
