package anchor

// TextQuoteSelector is the W3C TextQuoteSelector.
type TextQuoteSelector struct {
	Type   string `json:"type"` // "TextQuoteSelector"
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// TextPositionSelector is the W3C TextPositionSelector; Start and End count
// Unicode code points, End exclusive.
type TextPositionSelector struct {
	Type  string `json:"type"` // "TextPositionSelector"
	Start int    `json:"start"`
	End   int    `json:"end"`
}
