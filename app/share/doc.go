// Package share owns the exchange of annotations with people and programs:
// exports, class packs, imports with their preview and merge, share links, and
// the class comparison of claims. It is plain Go (no go-app, no syscall/js)
// and builds for js/wasm; it never touches the network or storage: the UI
// saves the bytes it returns and writes what a Preview says to write.
//
// Articles are named in W3C targets by SourceIRI: the article's Source when
// that is an http(s) URL, else "urn:annotator:article:<id>". A collection also
// carries an "annotatorArticles" map from each target source to the article
// id, so an import maps web addresses back exactly; ArticleIDFromIRI is the
// fallback for other files.
//
// Exports (file names "<article id or library>-<YYYY-MM-DD><ext>"; the date
// is a field, never time.Now):
//
//	e := share.Export{Items: []share.Item{{Article: art, Annotations: anns, Anchors: anchors}}, Date: today, Reviewer: name}
//	e.W3C()         // .jsonld: AnnotationCollection, first = AnnotationPage of the items
//	e.Markdown()    // .md: quotes linked with #:~:text= fragments (see TextFragmentFor)
//	e.HTML()        // .html: self-contained, no scripts, <mark>s, notes, orphans, claims summary
//	e.CSV()         // .csv: RFC 4180, UTF-8 with a byte order mark, formula cells neutralised
//	e.ClaimReview() // -claims.json: array of schema.org ClaimReview, each with a url
//	PackExport{Article: art, Annotations: anns, Creator: name, Role: RoleTeacher, Gives: PackQuestions, Labels: names}.ClassPack() // <article>-<person>-<role>.annotator.json
//
// Each returns (data []byte, filename string, err error).
//
// # Positions on the way out
//
// Every export resolves each annotation on its article's text first; Item.Anchors,
// when the reader page has them (its map of anchor.Result by id), are used as
// they are, so the file says exactly what the reader sees. The W3C export
// writes, for an exact or moved anchor, the TextPositionSelector found (code
// points of Annotator's copy of the text), context true of that text, and the
// text's hash as target.state; for an orphan or an unreviewed fuzzy match, the
// quote alone (no position, no state). The reader page keeps the store true
// too:
//
//	updates := share.PositionUpdates(art, anns, anchors) // exact/moved anchors whose stored selectors are stale
//	store.PutMany(art.ID, merged(anns, updates))         // Modified untouched: bookkeeping, not an edit
//
// A fuzzy anchor the reader accepts ("Keep here") and an orphan attached to a
// new selection are recorded with annotation.AnchoredAt(text, start, end,
// art.Hash) and a new Modified: the quote becomes what the article says now,
// and the anchor is exact from then on. ClaimReview's url is
// Export.ClaimLink(articleID, annotationID) when set and not "", else the
// article's address with the claim's text fragment.
//
// # Imports
//
// Imports are two steps, so that nothing is written before the reader has
// seen what will happen and so that it is all or nothing. In the browser the
// first step runs in slices, so the page can show progress and stay
// responsive:
//
//	opts := share.ImportOptions{
//		Known: library,                     // []article.Summary
//		Text:  func(id string) (string, bool) { … }, // an article's text, for position-only targets
//		Here:  articleID,                   // the article whose page the import is made on, "" on the library
//	}
//	im := share.NewImporter(data, filename, opts)
//	for {
//		done, err := im.Step(500)          // up to 500 items of work; linear in the items
//		if err != nil { … }                // the file as a whole cannot be imported: show err (plain words)
//		if done { break }
//		progress(im.Progress())            // 0…1, then yield to the browser
//	}
//	set := share.Merge(sets)               // several files previewed as one (each file's set from im.Set())
//	p := share.PreviewImport(set, existing) // linear; existing = the store's annotations by article id
//
// The browser does these two in slices too: pv := share.NewPreviewer(sets,
// existing); for !pv.Step(n) { … yield … }; set, p := pv.Set(), pv.Preview().
//
// share.Parse(data, filename, opts) does the whole first step at once, and
// ParseImport(data, filename, known) is Parse with only Known.
//
// The Preview holds what the UI shows and writes:
//
//   - New, Updated, Unchanged, Rejected ([]Rejection: file, item, reason in
//     plain words; String() gives "f.json, item 3: …");
//   - ItemWarnings ([]ItemWarning: file, item, annotation id, message),
//     what an accepted item carried that was not kept or was kept in another
//     form ("kept a link (…) in the note", "its 2 passages became 2
//     annotations"); WarningCounts() groups them by message for a long file;
//   - Decisions ([]Decision: file, item, id, start of the quote, Winner
//     FileWins or LocalWins, Reason), one per annotation whose copies differ:
//     who won and why ("the file's copy does not say when it was changed, and
//     yours was edited since it was imported");
//   - Unattached ([]Incoming): annotations whose target named no article (as
//     RecogitoJS writes them), on ImportOptions.Here, not written and not
//     counted. To offer "Attach N annotations to this article": set
//     set.Attach = true and call PreviewImport again;
//   - Warnings about the files, NewArticles to add first, and Writes: for each
//     article whose annotations change, its complete new list, stored with one
//     PutMany each, all or nothing.
//
// The merge is by annotation id: new ids are added; the same content is
// unchanged; with a modification time on both sides the later wins; when the
// file's copy has none, it wins only if ours was imported and not edited since
// (annotation.Annotation.Imported holds the ContentHash of the copy imported;
// every accepted annotation gets it). Selectors that do not resolve are kept:
// they show as orphans. Importing the same file twice changes nothing.
//
// Formats read: W3C Web Annotation JSON-LD in every shape the model allows
// (annotation.ReadW3C has the mapping), Annotator class packs, and
// Hypothesis's API object, list, search result and client export (rewritten
// into Hypothesis's own JSON-LD and read as W3C, so every form gives the same
// annotation). docs/interop.md has the table of what is kept from each.
//
// Limits, each with its own message: MaxImportBytes (32 MiB) and
// MaxImportAnnotations (20,000) per file, counted while the file is read (a
// file of a million "{}" is refused in milliseconds); MaxImportFiles and
// MaxImportTotalBytes for one import of several files.
//
// A share link carries up to MaxLinkAnns annotations in the URL fragment:
// "#import=<base64url(deflate-raw(W3C JSON))>". Natively, EncodeLink makes
// one and DecodeLink returns its JSON for ParseImport (never inflating past
// MaxLinkInflated). Those two use compress/flate and live in link_flate.go,
// built only for !wasm: app.wasm does not carry compress/flate (164 KB) but
// uses the browser's CompressionStream/DecompressionStream("deflate-raw"),
// which write and read the same format, around the steps every build has:
//
//	data, err := share.LinkJSON(anns, art)     // at most MaxLinkAnns
//	frag, err := share.LinkFragment(deflated)  // at most MaxLinkChars, else ErrLinkTooLong
//	deflated, err := share.LinkDeflated(frag)  // no link, too long, ErrLinkDamaged
//	data, err := share.LinkInflated(out, err)  // out read up to MaxLinkInflated+1: over 1 MiB, ErrLinkDamaged
//
// A build tag rather than a subpackage keeps the names share.EncodeLink and
// share.DecodeLink, and the link tests in this package; calling them from a
// wasm build fails to compile, so compress/flate cannot come back unseen.
//
// Compare lines up several people's claims on one article, with the verdict
// each gave, for a class's agreement at a glance.
package share
