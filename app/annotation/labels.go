package annotation

// Label is one of the highlight labels a reader picks from. Its colour means
// something, and its underline style carries the same meaning for readers who
// cannot tell the colours apart, so a label never depends on colour alone.
type Label struct {
	Key  string `json:"key"`  // stored in Annotation.Label; never changes
	Name string `json:"name"` // default display name; readers may rename it (see LabelNames)
	// Colour is a plain colour name, used for the accessible description
	// ("yellow highlight") and as a CSS class suffix.
	Colour string `json:"colour"`
	Light  string `json:"light"` // highlight background on a light theme, "#rrggbb"
	Dark   string `json:"dark"`  // highlight background on a dark theme, "#rrggbb"
	// Underline is a CSS text-decoration-style: solid, dashed, dotted, double or wavy.
	Underline string `json:"underline"`
}

// The keys of the default labels.
const (
	LabelKeyPoint   = "key-point"
	LabelQuestion   = "question"
	LabelEvidence   = "evidence"
	LabelDisagree   = "disagree"
	LabelDefinition = "definition"
)

// LabelNames maps a label key to the display name a reader chose for it. The
// UI keeps it with the reader's settings; keys absent from it keep their
// default Name.
type LabelNames map[string]string

// Name returns the display name for key: the reader's own name when set,
// else the default name, else the key itself.
func (n LabelNames) Name(key string) string {
	if s, ok := n[key]; ok && s != "" {
		return s
	}
	if l, ok := LabelByKey(key); ok {
		return l.Name
	}
	return key
}

// The light backgrounds are pale enough for dark text (contrast above 12:1
// with #1a1a1a); the dark ones are deep enough for light text (above 7:1
// with #f0f0f0). Each label has a different underline style.
var labels = []Label{
	{Key: LabelKeyPoint, Name: "Key point", Colour: "yellow", Light: "#fff0a0", Dark: "#5c4a00", Underline: "solid"},
	{Key: LabelQuestion, Name: "Question", Colour: "blue", Light: "#cfe2ff", Dark: "#1d3f73", Underline: "dotted"},
	{Key: LabelEvidence, Name: "Evidence", Colour: "green", Light: "#cdeccd", Dark: "#1e5631", Underline: "double"},
	{Key: LabelDisagree, Name: "Disagree", Colour: "red", Light: "#ffd3d8", Dark: "#6e1f2b", Underline: "wavy"},
	{Key: LabelDefinition, Name: "Definition", Colour: "purple", Light: "#e6d8ff", Dark: "#4b2d7f", Underline: "dashed"},
}

// Labels returns the default labels in display order. The slice is a copy.
func Labels() []Label {
	return append([]Label(nil), labels...)
}

// LabelByKey returns the default label with the given key.
func LabelByKey(key string) (Label, bool) {
	for _, l := range labels {
		if l.Key == key {
			return l, true
		}
	}
	return Label{}, false
}
