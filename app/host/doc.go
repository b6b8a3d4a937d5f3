// Package host is the HTTP host: it serves the go-app application (the
// prerendered pages, app.js, the service worker and the manifest), the static
// files under /web/ with app.wasm precompressed, and the bundled article
// library as JSON.
//
// The host keeps no state but the articles folder it reads. It re-reads an
// article file when its size or modification time changes, so an edited
// article is seen on the next request. Every response carries the security
// headers in headers.go.
//
// The host only builds natively; nothing here is in app.wasm.
package host
