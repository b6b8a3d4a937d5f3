// Package host is the HTTP host: it serves the go-app application (the
// prerendered pages, app.js, the service worker and the manifest), the static
// files under /web/ with app.wasm precompressed, and the bundled article
// library as JSON.
//
// The host keeps no state but the articles folder it reads. It re-reads an
// article file when its size or modification time changes, so an edited
// article is seen on the next request. Every response carries the security
// headers in headers.go, and every page the same Content-Security-Policy as
// a <meta>; net/http's own error answers get the headers through Listener
// (server.go). Files, articles and /web/ alike, are opened through an
// os.Root and checked once open (files.go): only regular files inside their
// folder are served. Methods other than GET and HEAD get 405.
//
// The host only builds natively; nothing here is in app.wasm.
package host
