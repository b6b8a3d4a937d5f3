// Package ui is the application's user interface: go-app components and the
// wiring between them and the domain packages. It is the only package that
// renders, and it decides nothing a domain package could: transactions and
// storage keys are app/store's, the search index's bookkeeping is
// app/searchindex's, speaker guessing and ids are app/annotation's, imports
// and exports app/share's; their tests run natively, without a browser.
//
// Pages are prerendered by the host (OnPreRender, with the host's library)
// and then run live in the browser (OnNav, with the reader's local storage).
//
// One component per file, each with its newX constructor and its event
// handlers as methods: library_page.go, add_article.go, storage_note.go,
// share_panel.go, import_preview.go (the import: reading in slices with a
// progress bar, the preview, attaching), claims_compare.go, search_box.go, status_bar.go,
// app_status.go, site_header.go, label_settings.go, annotation_item.go,
// block_view.go, panel_list.go (the side panel's lists, drawn in slices
// after a long article's paint, each updated alone). The reader page (reader_page.go) is one component too
// large for one file: its parts are in reader_*.go (the article and its
// marks, the side panel, the annotation and claim cards, the claims panel,
// the filter by creator, opening an annotation named in the address, and
// reader_positions.go: resolved positions written back to the store, the
// review of a fuzzy anchor, the anchors exports are given).
//
// The tab's data lives in the workspace, ws (workspace.go): the store, the
// articles fetched so far and the search index. I/O that several
// components wait for goes through go-app's actions and states: the
// library index is fetched by the library/fetch action and published as
// the library state (library.go); messages for the reader are the status
// state (status_bar.go).
//
// The DOM glue that go-app does not cover (the text selection, focus,
// files, downloads, the clipboard, the search results list, yielding the
// main thread to the browser between slices of long work) lives in
// *_wasm.go files, with inert twins in *_other.go for the host and native
// tests; what both share is in untagged files (dom.go, fetch.go, link.go).
// The search benchmark's hook is built only with -tags searchbench.
package ui
