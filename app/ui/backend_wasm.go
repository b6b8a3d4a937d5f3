//go:build wasm

package ui

import "github.com/annotator/annotator/app/store"

func newBackend() store.Backend { return store.NewLocalStorage() }
