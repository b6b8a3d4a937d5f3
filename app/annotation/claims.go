package annotation

import (
	"net/url"
	"strings"
)

// The claim taxonomy. An empty ClaimType means "not classified yet".
const (
	ClaimStatistic  ClaimType = "statistic"
	ClaimCausal     ClaimType = "causal"
	ClaimPrediction ClaimType = "prediction"
	ClaimLaw        ClaimType = "law"
	ClaimQuotation  ClaimType = "quotation"
	ClaimExperience ClaimType = "experience"
	ClaimOpinion    ClaimType = "opinion"
)

// ClaimTypeInfo describes a claim type for people.
type ClaimTypeInfo struct {
	Type        ClaimType `json:"type"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	// Checkable is false for opinions: they can be classified but not verified.
	Checkable bool `json:"checkable"`
}

var claimTypes = []ClaimTypeInfo{
	{ClaimStatistic, "Quantity or statistic", "A number, amount, rate or comparison that can be looked up.", true},
	{ClaimCausal, "Cause and effect", "Says that one thing caused or leads to another.", true},
	{ClaimPrediction, "Prediction", "Says what will happen; checkable once the time has come.", true},
	{ClaimLaw, "Law or rule", "Says what a law, regulation or official rule requires or allows.", true},
	{ClaimQuotation, "Quotation attributed to someone", "Says that a person or organisation said or wrote something.", true},
	{ClaimExperience, "Personal experience", "Someone's account of what happened to them; hard to check from outside.", true},
	{ClaimOpinion, "Opinion (not checkable)", "A judgement or preference; it can be argued with but not verified.", false},
}

// ClaimTypes returns the claim taxonomy in display order. The slice is a copy.
func ClaimTypes() []ClaimTypeInfo {
	return append([]ClaimTypeInfo(nil), claimTypes...)
}

// Info returns the description of t; ok is false for an unknown or empty type.
func (t ClaimType) Info() (info ClaimTypeInfo, ok bool) {
	for _, c := range claimTypes {
		if c.Type == t {
			return c, true
		}
	}
	return ClaimTypeInfo{}, false
}

// The verdict scale. An empty Verdict means VerdictUnverified.
const (
	VerdictUnverified       Verdict = "unverified"
	VerdictAccurate         Verdict = "accurate"
	VerdictMostlyAccurate   Verdict = "mostly-accurate"
	VerdictMixed            Verdict = "mixed"
	VerdictMostlyInaccurate Verdict = "mostly-inaccurate"
	VerdictInaccurate       Verdict = "inaccurate"
)

// Rating scale used for schema.org ClaimReview: 1 (worst) to 5 (best).
const (
	WorstRating = 1
	BestRating  = 5
)

// VerdictInfo describes a verdict for people and for ClaimReview.
type VerdictInfo struct {
	Verdict Verdict `json:"verdict"`
	Label   string  `json:"label"` // display label, also the accessible name
	// Rating is the ClaimReview ratingValue, WorstRating..BestRating; 0 for
	// unverified, which has no rating.
	Rating int    `json:"rating"`
	Colour string `json:"colour"` // "#rrggbb", readable on light and dark backgrounds
	// Symbol is shown beside the colour so that a verdict never depends on
	// colour alone; each verdict has a different one.
	Symbol string `json:"symbol"`
}

var verdicts = []VerdictInfo{
	{VerdictUnverified, "Unverified", 0, "#8a8a8a", "?"},
	{VerdictAccurate, "Accurate", 5, "#1a8a3a", "✔"},
	{VerdictMostlyAccurate, "Mostly accurate", 4, "#6a9a1a", "✓"},
	{VerdictMixed, "Mixed or misleading", 3, "#b87e00", "≈"},
	{VerdictMostlyInaccurate, "Mostly inaccurate", 2, "#d9622b", "✗"},
	{VerdictInaccurate, "Inaccurate", 1, "#cc2936", "✖"},
}

// Verdicts returns the verdict scale, unverified first and then from
// accurate to inaccurate. The slice is a copy.
func Verdicts() []VerdictInfo {
	return append([]VerdictInfo(nil), verdicts...)
}

// OrDefault returns v, or VerdictUnverified when v is empty.
func (v Verdict) OrDefault() Verdict {
	if v == "" {
		return VerdictUnverified
	}
	return v
}

// Info returns the description of v; an empty v is unverified. ok is false
// for an unknown verdict.
func (v Verdict) Info() (info VerdictInfo, ok bool) {
	v = v.OrDefault()
	for _, i := range verdicts {
		if i.Verdict == v {
			return i, true
		}
	}
	return VerdictInfo{}, false
}

// ValidateEvidenceURL reports whether raw may be stored as an evidence link:
// an absolute http or https URL with a host. Anything else (javascript:,
// data:, relative or malformed addresses) is refused with an *Error whose
// Msg can be shown next to the field as it is.
func ValidateEvidenceURL(raw string) error {
	const field = "url"
	if strings.TrimSpace(raw) == "" {
		return &Error{Field: field, Kind: ErrMissing, Msg: "Enter the address of the evidence, starting with https://."}
	}
	if n := len([]rune(raw)); n > MaxURLLen {
		return &Error{Field: field, Kind: ErrTooLong, Msg: "This address is too long (at most 2,048 characters)."}
	}
	if raw != strings.TrimSpace(raw) || strings.ContainsAny(raw, " \t\r\n") {
		return &Error{Field: field, Kind: ErrMalformed, Msg: "A web address cannot contain spaces."}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return &Error{Field: field, Kind: ErrMalformed, Msg: "This is not a valid web address."}
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return &Error{Field: field, Kind: ErrMalformed, Msg: "Use a full web address starting with https:// or http://."}
	default:
		return &Error{Field: field, Kind: ErrMalformed, Msg: "Only http and https links can be evidence (not " + u.Scheme + ":)."}
	}
	if u.Opaque != "" || u.Host == "" || u.Hostname() == "" {
		return &Error{Field: field, Kind: ErrMalformed, Msg: "This web address has no site name (it should look like https://example.org/page)."}
	}
	return nil
}
