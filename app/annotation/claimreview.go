package annotation

// ClaimReview is a schema.org ClaimReview (https://schema.org/ClaimReview),
// the form fact-checks are published in for search engines and other
// fact-checkers.
type ClaimReview struct {
	Context string `json:"@context"` // "https://schema.org"
	Type    string `json:"@type"`    // "ClaimReview"
	// URL is where the review can be seen: the claim's own link, or the
	// article's address with a text fragment for the passage (the share
	// package sets it; ToClaimReview leaves it empty).
	URL           string          `json:"url,omitempty"`
	ClaimReviewed string          `json:"claimReviewed"`
	ReviewRating  Rating          `json:"reviewRating"`
	ItemReviewed  ReviewedClaim   `json:"itemReviewed"`
	Citation      []CreativeWork  `json:"citation,omitempty"`
	ReviewBody    string          `json:"reviewBody,omitempty"` // the rationale
	Author        *SchemaOrgAgent `json:"author,omitempty"`     // the reviewer
	DatePublished string          `json:"datePublished,omitempty"`
	Keywords      string          `json:"keywords,omitempty"` // the claim type's name
}

// Rating is a schema.org Rating. RatingValue, BestRating and WorstRating are
// absent for an unverified claim, which has only its AlternateName.
type Rating struct {
	Type          string `json:"@type"` // "Rating"
	RatingValue   int    `json:"ratingValue,omitempty"`
	BestRating    int    `json:"bestRating,omitempty"`
	WorstRating   int    `json:"worstRating,omitempty"`
	AlternateName string `json:"alternateName"` // the verdict's label
}

// ReviewedClaim is the schema.org Claim under review.
type ReviewedClaim struct {
	Type       string          `json:"@type"`            // "Claim"
	Author     *SchemaOrgAgent `json:"author,omitempty"` // the speaker
	Appearance *CreativeWork   `json:"appearance,omitempty"`
}

// SchemaOrgAgent is a schema.org Person or Organization.
type SchemaOrgAgent struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// CreativeWork is a schema.org CreativeWork: the article a claim appears in,
// or a piece of evidence.
type CreativeWork struct {
	Type     string `json:"@type"` // "CreativeWork"
	URL      string `json:"url,omitempty"`
	Headline string `json:"headline,omitempty"`
	Name     string `json:"name,omitempty"`
	// DatePublished is the article's publication date, when known.
	DatePublished string `json:"datePublished,omitempty"`
}

// ToClaimReview maps a claim annotation to a schema.org ClaimReview. The
// article's title and URL say where the claim appeared (either may be
// empty); reviewerName is the reviewer, by default the annotation's creator.
// The speaker is written as a Person; schema.org has no way to tell a person
// from an organisation by name alone. An annotation without a claim is
// treated as an unverified claim.
func ToClaimReview(a Annotation, articleTitle, articleURL, reviewerName string) ClaimReview {
	c := Claim{}
	if a.Claim != nil {
		c = *a.Claim
	}
	v, ok := c.Verdict.Info()
	if !ok {
		v, _ = VerdictUnverified.Info()
	}
	r := ClaimReview{
		Context:       "https://schema.org",
		Type:          "ClaimReview",
		ClaimReviewed: a.Quote.Exact,
		ReviewRating:  Rating{Type: "Rating", AlternateName: v.Label},
		ItemReviewed:  ReviewedClaim{Type: "Claim"},
		ReviewBody:    c.Rationale,
	}
	if v.Rating > 0 {
		r.ReviewRating.RatingValue = v.Rating
		r.ReviewRating.BestRating = BestRating
		r.ReviewRating.WorstRating = WorstRating
	}
	if c.Speaker != "" {
		r.ItemReviewed.Author = &SchemaOrgAgent{Type: "Person", Name: c.Speaker}
	}
	if articleTitle != "" || articleURL != "" {
		r.ItemReviewed.Appearance = &CreativeWork{Type: "CreativeWork", URL: articleURL, Headline: articleTitle}
	}
	for _, e := range c.Evidence {
		name := e.Title
		if name == "" {
			name = e.URL
		}
		r.Citation = append(r.Citation, CreativeWork{Type: "CreativeWork", URL: e.URL, Name: name})
	}
	if reviewerName == "" {
		reviewerName = a.Creator
	}
	if reviewerName != "" {
		r.Author = &SchemaOrgAgent{Type: "Person", Name: reviewerName}
	}
	date := a.Modified
	if date.IsZero() {
		date = a.Created
	}
	r.DatePublished = formatTime(date)
	if t, ok := c.Type.Info(); ok {
		r.Keywords = t.Name
	}
	return r
}
