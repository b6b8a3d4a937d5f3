// Package ui is the application's user interface: go-app components, one per
// file, and the only package that renders. Pages are prerendered by the host
// (OnPreRender, with the host's library) and then run live in the browser
// (OnNav, with the reader's local storage).
//
// I/O happens in the workspace (workspace.go) and in ctx.Async goroutines
// that hand their results back with ctx.Dispatch. The DOM glue that go-app
// does not cover (the text selection, focus, downloads) lives in dom_wasm.go,
// with inert twins in dom_other.go for the host and native tests.
package ui
