// Package anchor owns W3C text anchoring over an article's canonical text:
// describing a span as a TextQuoteSelector and a TextPositionSelector, and
// resolving those selectors back to a span, with a status and a confidence,
// after the article may have been edited. It also owns offset conversion
// (code points, the W3C unit and the program's, against the DOM's UTF-16
// code units and Go's UTF-8 bytes) and the sentence segmentation the Claim
// button snaps to. Plain Go, no dependencies; it builds for js/wasm.
//
// # Describing
//
// Describe takes the exact text of [start,end) and at least 32 code points of
// context on each side, extended outwards to word boundaries, and grows the
// context by 32 at a time until the selector matches only that place
// (MatchQuote finds exactly one span). Generous context costs a few bytes and
// is what lets Resolve tell the right place from a look-alike later.
//
// # Resolving, cheapest first
//
//  1. Exact: the old position still holds the exact quote (one string
//     comparison).
//  2. Moved: the exact quote occurs elsewhere. Occurrences are found through a
//     gram index (below) and checked byte for byte. The one whose prefix and
//     suffix agree over the most code points wins, then the one nearest the
//     old position. An occurrence is only trusted when enough context agrees:
//     4 code points for a quote of 32 or more, more for shorter quotes, so that
//     "He also" after some other ".\n\n" is not taken for the original. An
//     untrusted occurrence (a look-alike, perhaps) goes on to stage 3, where
//     it competes with edited candidates on context.
//  3. Fuzzy: approximate matching, in three steps.
//     Candidates: every 8-code-point gram of the quote (at most 64, evenly
//     spaced), the prefix's last gram and the suffix's first gram are looked up
//     in the gram index; grams that occur more than 16 times are ignored as
//     uninformative. Each occurrence votes for a diagonal, the text offset at
//     which the quote would start. Votes within 16+m/4 of each other form a
//     cluster; the best three clusters (by votes, then nearness to the old
//     position), widened by 8+m/4 for insertions, are the windows searched. A
//     quote of 16 or more code points needs a cluster of two votes. With no
//     window, the text around the old position is searched; a quote shorter
//     than 16 with no old position is searched over the whole text (one 64-bit
//     block per code point, cheap). Nothing else scans the whole text.
//     Search: Myers' bit-parallel algorithm over code points, block-based
//     (Hyyrö) so that quotes longer than 64 code points work, finds in each
//     window the end of the substring with the least edit distance to the
//     quote.
//     Survival: the quote is aligned (edit-distance DP with traceback, on just
//     that substring) and the quote's code points lying in runs of 8 or more
//     consecutive exact matches are counted. This is the measure that matters:
//     an alignment of unrelated prose still matches a third of its letters one
//     or two at a time, but text that survived an edit comes back in long
//     runs. A quick upper bound (how many quote positions are covered by
//     8-grams present in the window, from a small hash set) skips the DP for
//     windows that cannot pass. The span is the stretch covered by the long
//     runs, widened at each end when the rest of the quote there is still
//     present within half its length in edits (Myers again, on just that
//     piece).
//     Decision: the candidate must keep at least half the quote (the bar
//     rises linearly to all of it at 8 code points), and a quote shorter than
//     32 code points also needs one side of its context to agree at 0.75 or
//     better. Candidates are ranked by 0.6·survival + 0.15·prefix similarity +
//     0.15·suffix similarity + 0.1·nearness (similarity is 1 − edit distance
//     of the nearest 32 code points of context, searched next to the span;
//     nearness is 1/(1+d/2000) for a distance d from the old position). The
//     best is returned with that score.
//  4. Otherwise Orphan, at 0,0. The caller keeps the annotation and lists it.
//
// The gram index hashes the 8-code-point gram at every position into chains
// (head and previous arrays, as in zlib), built once per Text on the first
// search that needs it: about a millisecond for a 20,000-word article.
//
// On testdata/anchoring/edited-article-1000.json this resolves all
// 1,000 quotes correctly (0 wrong, 0 not found); the survival cut at one half
// is exactly the data set's definition of a quote that is gone ("lost more
// than half of its characters"), and the closest calls sit at 0.49 and 0.54.
//
// # Sentences
//
// See sentence.go: rule-based, joins rather than splits when in doubt.
package anchor
