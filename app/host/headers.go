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

// No page carries a preload of app.wasm (a Link header, as before issue
// 18): app.js starts its download once the prerendered page is painted
// (annotatorPagePainted, appjs.go), so that on a slow link the 1.4 MB do
// not compete with the page's style sheet and text.
