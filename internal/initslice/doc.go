// Package initslice splits the start of the browser's app.wasm into tasks
// (issue 18: Total Blocking Time). Go initialises every package in one call
// from JavaScript, 25-70 ms on a fast machine (most of it V8 compiling each
// function on its first call), one task that Lighthouse's mobile run counts
// four times over. A package's init may block: this one's (in WebAssembly
// only) gives the browser the main thread for a task and resumes in the
// next one.
//
// Where it runs depends on Go's initialisation order: packages sorted by
// import path, each initialised as soon as everything it imports is. This
// package imports only syscall/js, so it comes right after it, early;
// initslice/late also imports app/search, whose initialisation is among
// the longest, and so comes after that, about two thirds of the way.
// cmd/annotator imports both for their side effect.
package initslice
