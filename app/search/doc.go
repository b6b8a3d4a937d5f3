// Package search owns finding annotations as the reader types: folding text
// (case, accents, quotes and dashes), parsing queries with facets and quoted
// phrases, typo-tolerant word matching, ranking, and mapping matched letters
// back to code points of the original text for highlighting.
//
// It knows nothing about how annotations are stored or shown: the UI converts
// each annotation into a Doc and keeps the Index up to date as annotations
// change.
//
// How it works: when a Doc is added, each field is folded and split into words
// once; distinct folded words form a vocabulary, and an inverted index maps each
// vocabulary word to the (document, field) pairs that hold it. A query word is
// matched against the vocabulary (a few thousand short strings), not against
// whole annotations, in tiers that rank the way people expect:
//
//	exact word > word prefix > word with one typo (transposed, dropped,
//	doubled or wrong letter) > typo in a prefix > inside a word >
//	letters scattered within one word (sahilm/fuzzy, 4+ letters only)
//
// Letters are never matched scattered across word boundaries, so `qzx` finds
// nothing and a 3-letter query does not light up letters all over a sentence.
// Every query word must match (AND). Each field is judged on its own, so a tag
// or title match is not drowned by a long quote; ties go to the most recently
// modified annotation.
//
// Highlights cost more than finding: SearchTotal builds them for every result
// it returns, SearchDeferred leaves them to a Highlighter, for a UI to build
// only for the results it shows.
package search
