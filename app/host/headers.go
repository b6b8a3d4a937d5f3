//go:build !wasm

package host

import "net/http"

// metaContentSecurityPolicy is as strict as the app allows: everything from
// this origin only; 'wasm-unsafe-eval' lets the page compile app.wasm and
// nothing else; no inline script or style; blob: for the export downloads.
// Every page carries it as a <meta http-equiv> too (NewAppHandler), so that a
// static site served without headers is protected as well.
const metaContentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self' data: blob:; " +
	"font-src 'self'; " +
	"connect-src 'self'; " +
	"manifest-src 'self'; " +
	"worker-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"form-action 'none'"

// contentSecurityPolicy is the header: the same policy, and no framing by
// other sites. frame-ancestors works only in the header (browsers ignore it
// in a <meta>, with a console error), so a static host that sends no headers
// cannot stop framing: docs/security.md says what to configure.
const contentSecurityPolicy = metaContentSecurityPolicy + "; frame-ancestors 'none'"

func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

// wasmPreload asks the browser to start downloading app.wasm as soon as the
// page's headers arrive, instead of when app.js runs after the page is parsed
// (about 150 ms later on a cold start). It matches app.js's fetch() of the
// same URL (mode cors, credentials same-origin), so the file is read once.
const wasmPreload = "</web/app.wasm>; rel=preload; as=fetch; crossorigin=anonymous"

// setWasmPreload adds the preload to a first visit's page only. Once the
// service worker runs, app.js reads app.wasm straight from its cache and a
// preload would read it a second time: the worker's navigation preload
// marks those requests with Service-Worker-Navigation-Preload. Requests
// that are not a browser navigating (the worker caching pages at install,
// scripts) get no preload either, so no cached copy of a page carries one.
func setWasmPreload(h http.Header, r *http.Request) {
	h.Add("Vary", "Service-Worker-Navigation-Preload, Sec-Fetch-Dest")
	if r.Header.Get("Service-Worker-Navigation-Preload") != "" || r.Header.Get("Sec-Fetch-Dest") != "document" {
		return
	}
	h.Set("Link", wasmPreload)
}
