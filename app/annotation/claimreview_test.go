package annotation

import (
	"encoding/json"
	"testing"
)

func TestClaimReviewGolden(t *testing.T) {
	a := claimFixture()
	r := ToClaimReview(a, "Jobs report: unemployment at a 53-year low", "https://news.example.com/jobs-report", "Class 10B")
	checkGolden(t, "claimreview.json", marshalIndent(t, r))
}

func TestClaimReviewUnverified(t *testing.T) {
	a := claimFixture()
	a.Claim.Verdict, a.Claim.Speaker, a.Claim.Evidence = "", "", nil
	data, err := json.Marshal(ToClaimReview(a, "", "", ""))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	rating := m["reviewRating"].(map[string]any)
	if _, ok := rating["ratingValue"]; ok || rating["alternateName"] != "Unverified" {
		t.Errorf("unverified rating = %v", rating)
	}
	item := m["itemReviewed"].(map[string]any)
	if _, ok := item["author"]; ok {
		t.Errorf("author without a speaker: %v", item)
	}
	if _, ok := item["appearance"]; ok {
		t.Errorf("appearance without an article: %v", item)
	}
	if m["author"].(map[string]any)["name"] != a.Creator {
		t.Errorf("reviewer does not default to the creator: %v", m["author"])
	}
	if _, ok := m["citation"]; ok {
		t.Error("citation without evidence")
	}
}
