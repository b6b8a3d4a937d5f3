// Package store keeps a reader's annotations, the articles they added and their
// small preferences in the browser's localStorage, and nowhere else.
//
// It owns the storage layout (one key per article, so a write costs one
// article and not the whole library), the schema version and its forward-only
// migrations, setting aside entries that cannot be decoded, keeping state in
// memory when a write fails for quota, and merging another tab's changes per
// annotation by modification time. An import is written by Apply, all or
// nothing (batch.go), or by BeginApply a slice at a time, so that the page
// stays responsive: Applying.Step encodes and compresses, Commit writes at
// once and refuses (ErrChanged) a batch whose articles changed since the
// Mark it was made at (applying.go).
//
// Everything here is plain Go and is tested natively against Memory, an
// in-memory twin of localStorage that counts its quota the way Chromium does.
// Only localstorage.go (built for wasm) talks to the browser.
//
// Layout (schema 4):
//
//	annotator/meta                      {"schema":4}
//	annotator/annotations/<article id>  the article's annotations, tombstones included, sorted by id,
//	                                    packed: "~" and LZ4-compressed compact columns, 15 bits to a
//	                                    UTF-16 character (entry.go, compact.go, pack.go)
//	annotator/article/<article id>      a reader-added article (JSON)
//	annotator/classpack/<article id>    Instructions of the class pack that brought the article (JSON)
//	annotator/prefs                     Prefs (JSON)
//	annotator/waiting                   web addresses added offline, waiting to be fetched (JSON, waiting.go)
//	annotator/opened                    when each article was last opened: id → Unix ms (JSON; library.go)
//	annotator/corrupt/<key>@<unix ms>   an entry set aside because it could not be decoded, as it was
//
// Schema 3 stored the compact encoding's version 1, which lost a note's
// format and an import's provenance; schema 4 stores version 2 and reads
// both. Schema 2 stored each article's annotations as a JSON array, about
// twelve times larger; schema 1 kept every annotation in one array under
// "annotator:annotations". Open migrates all forward (migrate.go,
// migrate3.go, migrate4.go) and reads schema 2's arrays wherever they
// still appear.
// Usage reports the space used and an estimate of how many more
// annotations fit. docs/storage.md has the figures.
//
// Keys without the "annotator/" prefix belong to others and are never
// touched, except annotator-classpack/<article id>, where earlier versions
// kept class pack instructions: Open moves them to annotator/classpack/.
package store
