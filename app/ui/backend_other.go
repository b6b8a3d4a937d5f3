//go:build !wasm

package ui

import "github.com/annotator/annotator/app/store"

// On the host the store is never written; prerendered pages show no
// annotations.
func newBackend() store.Backend { return store.NewMemory(0) }
