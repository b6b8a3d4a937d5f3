// Package searchindex owns the search index of a reader's library in one
// browser tab: which annotations app/search holds, as what, and keeping
// them in step with the store one article at a time, so that a keystroke
// never waits for a rebuild.
//
// app/search knows documents (search.Doc) and nothing of annotations,
// articles or anchoring; app/store knows annotations and nothing of search.
// This package is the bookkeeping between them, and it is plain Go, tested
// natively: app/ui only calls it.
//
//   - Index is the index itself: New builds it from a walk over the live
//     annotations (store.Store.EachLive), straight from where they are
//     kept, without copying them; Sync then makes it hold exactly one
//     article's annotations, re-indexing only what changed (by modification
//     time, title and orphan status); Refresh takes in titles that arrived
//     late and renamed labels.
//   - An annotation is an orphan (is:orphan) when its quote no longer
//     anchors in its article. The reader page's own resolution is taken
//     when there is one; else the annotation is resolved here against its
//     article, when the article is at hand (Lookup); annotations of
//     articles not at hand are taken as anchored.
//   - Live is the index as a tab uses it: built on first use (the search
//     box's first focus or keystroke) from a Source, the tab's library;
//     told of every change by Changed; and replaceable by a generated
//     corpus for the benchmarks (Replace).
package searchindex
