// Package shasum computes SHA-1 and SHA-256 digests of a byte slice, for
// the browser build (app.wasm), where the standard crypto packages cost far
// more than the hashing itself.
//
// Annotator hashes in two places: an article's content hash ("sha256:…",
// app/article) and name-based (version 5) UUIDs, which RFC 9562 defines
// over SHA-1 (app/annotation, the one place ids are made). Importing crypto/sha1
// or crypto/sha256 links the FIPS 140 module into app.wasm: its self-test
// registrations run at start-up, and with them come the DRBG, AES, GCM,
// HMAC, SHA-3 and SHA-512. Leaving all of crypto/ out of app.wasm made it
// 346 KB smaller (8.09 → 7.74 MB raw); this package is about 5 KB of it.
//
// The block functions are Go's own portable ones (crypto/sha1/sha1block.go
// and crypto/internal/fips140/sha256/sha256block.go from Go 1.26, BSD
// licence, see LICENSE), which is also what the standard library runs on
// GOARCH=wasm, so hashing is as fast as before. The tests compare every
// result with crypto/sha1 and crypto/sha256, including under go test -fuzz.
package shasum
