// Package e2e holds the end-to-end tests: the real host binary serves a
// temporary copy of the article library, and headless Chromium, driven by
// chromedp, uses the app as a person does, finding controls by their
// accessible role and name.
//
// The tests build with the tag e2e; `make test` builds the host and
// app.wasm first and runs them. BENCH=1 adds the browser benchmarks.
package e2e
