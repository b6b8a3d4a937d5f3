// Package htmlblocks owns the rules that read a tree of HTML elements as an
// article's blocks: which elements are headings, paragraphs, list items and
// quotations, which are left out (navigation, forms, scripts, images,
// hidden elements), and how their text is joined. Links, emphasis and other
// inline elements keep only their text.
//
// It knows no HTML parser: Blocks walks any tree through the small Node
// interface, so that one set of rules serves every way an article arrives as
// HTML. The host and the worker (app/webpage) walk the article that
// readability chose from a page parsed by golang.org/x/net/html; the app can
// walk what the browser's own DOMParser made of pasted HTML, through
// syscall/js, without an HTML parser in app.wasm. Either way a page reads as
// the same blocks. Pasted makes an article of a pasted selection's blocks,
// taking its title from them (pasted.go).
//
// # The rules
//
//   - Headings h1–h6 are blocks "h2".."h6" (an h1 inside an article is a
//     section heading: the title is kept apart).
//   - p, div, section, pre, figcaption, dt, dd and the other block elements
//     end the block before them and start a new one; their text is a "p".
//   - Everything inside a blockquote is "quote", headings and lists too.
//   - A list item's first block is "li"; further paragraphs of the same item
//     are "p"; a nested list's items are "li" of their own.
//   - A table row whose cells hold only inline content is one "p", its
//     cells joined by " | "; a layout table (cells holding paragraphs) is
//     read as the blocks inside its cells.
//   - Two line breaks in a row end a paragraph; one is a space.
//   - q gets quotation marks “…”; rt and rp (ruby annotations) are dropped.
//   - Left out with everything inside: script, style, template, noscript,
//     svg, math, canvas, media and embeds, images, form controls (a form's
//     own text is kept: some sites wrap whole pages in one), nav, aside,
//     footer, dialog, elements marked hidden (the hidden attribute,
//     aria-hidden="true", display:none or visibility:hidden in a style
//     attribute), navigation-like ARIA roles, and Wikipedia's "[edit]"
//     links and "noprint" boxes.
//
// Text is returned as the article package keeps it: runs of ASCII
// whitespace are one space, other characters are kept as written, except
// that control characters, soft hyphens and byte order marks, which are
// invisible on the page, are dropped, and invalid UTF-8 becomes U+FFFD.
//
// The walk is iterative, so a document nested thousands of levels deep
// cannot exhaust the stack, and it visits each node once (a table row is
// looked through once more to tell a data row from a layout row).
package htmlblocks
