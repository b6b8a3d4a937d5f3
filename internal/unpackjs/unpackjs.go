// Package unpackjs holds annotatorUnpack, the JavaScript function with which
// app/store's localStorage backend reads a packed annotations entry
// (unpack.js). The host appends it to app.js; app/store's tests and its
// read benchmark load the same source.
package unpackjs

import _ "embed"

// Source is unpack.js: a function declaration, for a page's own script.
//
//go:embed unpack.js
var Source string
