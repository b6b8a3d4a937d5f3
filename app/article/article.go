package article

// Block is one block of an article's body: a paragraph, heading, list item or
// quotation. Its text is plain text (no markup) with no blank lines inside.
type Block struct {
	// Kind is one of "p", "h2".."h6", "li", "quote".
	Kind string `json:"kind"`
	Text string `json:"text"`
	// Start is the code-point offset of Text in the article's canonical text.
	Start int `json:"start"`
}

// Article is a parsed article. Its canonical text is its blocks' texts joined
// by a blank line ("\n\n"); every offset in the program counts code points into it.
type Article struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Source    string  `json:"source,omitempty"` // a URL or a publication's name
	Author    string  `json:"author,omitempty"`
	Published string  `json:"published,omitempty"` // as written in the header, ideally YYYY-MM-DD
	Blocks    []Block `json:"blocks"`
	Text      string  `json:"text"`  // canonical text
	Hash      string  `json:"hash"`  // "sha256:" + hex of Text
	Words     int     `json:"words"` // word count of Text
	// Origin is "bundled" for the host's library and "local" for one a reader added.
	Origin string `json:"origin,omitempty"`
}

// Summary is an article's entry in the library index.
type Summary struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source,omitempty"`
	Author    string `json:"author,omitempty"`
	Published string `json:"published,omitempty"`
	Words     int    `json:"words"`
	Hash      string `json:"hash"`
	Origin    string `json:"origin,omitempty"`
}

// Summary returns the article's library entry.
func (a *Article) Summary() Summary {
	return Summary{ID: a.ID, Title: a.Title, Source: a.Source, Author: a.Author,
		Published: a.Published, Words: a.Words, Hash: a.Hash, Origin: a.Origin}
}
