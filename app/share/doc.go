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
//	e := share.Export{Items: []share.Item{{Article: art, Annotations: anns}}, Date: today, Reviewer: name}
//	e.W3C()         // .jsonld: AnnotationCollection, first = AnnotationPage of the items
//	e.Markdown()    // .md: quotes linked with #:~:text= fragments (see TextFragment)
//	e.HTML()        // .html: self-contained, no scripts, <mark>s, notes, orphans, claims summary
//	e.CSV()         // .csv: RFC 4180, formula cells neutralised
//	e.ClaimReview() // -claims.json: array of schema.org ClaimReview
//	ExportClassPack(art, anns, instructions, creator, RoleTeacher, today) // .annotator.json
//
// Each returns (data []byte, filename string, err error).
//
// Imports are two steps, so that nothing is written before the reader has
// seen what will happen and so that it is all or nothing:
//
//	set, err := share.ParseImport(data, filename, library) // W3C, class pack or Hypothesis
//	p := share.PreviewImport(set, existing)                 // counts new/updated/unchanged/rejected
//	// add p.NewArticles, then store p.Writes[articleID] (each the full list) with PutMany
//
// ParseImport errs on the file as a whole (over MaxImportBytes or
// MaxImportAnnotations, malformed JSON with line and column, an unknown
// format, a damaged class pack); single bad items are Rejected with reasons
// and item numbers. Selectors that do not resolve are kept: they show as
// orphans. Merge is by annotation id and modification time, so importing the
// same file twice changes nothing.
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
