// Command markdown is markdown.wasm, the parser of a reader's own Markdown
// files. It runs in a web worker (web/markdown-worker.js) that the app
// starts the first time a reader opens a .md file.
//
// It is a program of its own so that goldmark is not in app.wasm, which
// every reader downloads and compiles before the app starts: goldmark and
// what it brought (package regexp, its tables) made app.wasm 1.45 MB larger
// raw, 170 KB brotli, for a feature a reader uses now and then. The host's articles are parsed by the
// host with the same code (app/article), so a file reads the same either way.
//
// Built natively it only says how to build it.
package main
