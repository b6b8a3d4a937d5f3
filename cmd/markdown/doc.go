// Command markdown is markdown.wasm, the reader of a reader's own files:
// Markdown (.md) with goldmark (app/article), and web pages saved from a
// browser (.html, .htm, .xhtml) with readability (app/webpage). It runs in
// a web worker (web/markdown-worker.js) that the app starts when the file
// picker gets the focus, and the service worker caches it at install, so
// that a reader's files open offline.
//
// It is a program of its own so that goldmark, an HTML parser and
// readability are not in app.wasm, which every reader downloads and
// compiles before the app starts: goldmark and what it brought (package
// regexp, its tables) made app.wasm 1.45 MB larger raw, 170 KB brotli, for
// a feature a reader uses now and then. The host parses its articles and
// fetched pages with the same code, so a file reads the same either way.
//
// One worker reads both kinds of file, and it is precached for every
// reader, though web pages made it larger (docs/performance.md has the
// figures): what web pages do not need in the browser is left out instead
// (x/text's encoding tables, as the browser's TextDecoder decodes; package
// mime; net/http and go-shiori/dom's charset detection, by patches in
// third_party/), which took back nearly half of what they added. A second
// worker downloaded when a reader first opens a web page would save the
// rest at install, but a saved page could then not be opened offline
// until one had been opened online, nor after each update of the app until
// the new worker had been fetched again, and the first page would wait for
// its download; reading saved pages is how a reader of the static site,
// which cannot fetch, brings in a web article at all.
//
// Built natively it only says how to build it.
package main
