// Package webpage owns reading a web page, an HTML document, as an article:
// its character encoding, which part of the page is the article, the
// article's title, author, date and source, its blocks of text, and the
// refusal of a page that holds almost no article text (a paywall, a login
// page, a page that builds itself with scripts).
//
// Extract decodes the bytes as a browser would (a byte order mark, the
// Content-Type's charset, a <meta charset>, else UTF-8 when the bytes are
// valid UTF-8, else windows-1252; charset.go), with golang.org/x/text's
// decoders natively and the browser's TextDecoder in WebAssembly, which
// keeps x/text's tables out of the worker; parses them with golang.org/x/net/html,
// and lets readability (codeberg.org/readeck/go-readability/v2, a port of
// Firefox's Reader View) choose the article among the navigation, adverts,
// comments and sidebars. The chosen tree is then read into blocks by
// app/htmlblocks, whose rules the app also applies to pasted HTML, so
// headings, paragraphs, lists and quotations come out the same whichever way
// an article arrives. Readability's own text output is not used: it flattens
// the structure the reader wants to keep.
//
// Both the host (GET /api/fetch, app/host/fetch.go) and the browser, for a
// saved .html file, use this package; in the browser it runs in the worker
// of cmd/markdown (markdown.wasm), never in app.wasm, which stays free of an
// HTML parser (cmd/annotator's TestAppWasmImports guards that).
//
// Plain Go; it builds natively and for js/wasm, where only the decoding
// (charset_wasm.go) calls the browser. Its tests run in both.
package webpage
