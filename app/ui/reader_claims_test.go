package ui

import (
	"reflect"
	"testing"

	"github.com/annotator/annotator/app/annotation"
)

func claimWith(t annotation.ClaimType, v annotation.Verdict, evidence int) annotation.Annotation {
	c := &annotation.Claim{Type: t, Verdict: v}
	for i := 0; i < evidence; i++ {
		c.Evidence = append(c.Evidence, annotation.Evidence{URL: "https://example.org/"})
	}
	return annotation.Annotation{Kind: annotation.KindClaim, Claim: c}
}

func TestClaimSummary(t *testing.T) {
	n := func(v annotation.Verdict, k int) []annotation.Annotation {
		var out []annotation.Annotation
		for i := 0; i < k; i++ {
			out = append(out, claimWith("", v, 0))
		}
		return out
	}
	join := func(lists ...[]annotation.Annotation) []annotation.Annotation {
		var out []annotation.Annotation
		for _, l := range lists {
			out = append(out, l...)
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		claims []annotation.Annotation
		want   string
	}{
		{"none", nil, "No claims yet."},
		{"one", n("", 1), "1 claim: 1 unverified"},
		{"the issue's example", join(n(annotation.VerdictAccurate, 2), n(annotation.VerdictUnverified, 3), n("", 1), n(annotation.VerdictMixed, 1), n(annotation.VerdictInaccurate, 2)),
			"9 claims: 2 inaccurate, 1 mixed or misleading, 4 unverified, 2 accurate"},
		{"every verdict, worst first", join(n(annotation.VerdictAccurate, 1), n(annotation.VerdictMostlyAccurate, 1), n(annotation.VerdictMostlyInaccurate, 1), n(annotation.VerdictInaccurate, 1)),
			"4 claims: 1 inaccurate, 1 mostly inaccurate, 1 mostly accurate, 1 accurate"},
	} {
		if got := claimSummary(tc.claims); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestFilterClaims(t *testing.T) {
	claims := []annotation.Annotation{
		claimWith(annotation.ClaimStatistic, annotation.VerdictAccurate, 0),
		claimWith(annotation.ClaimStatistic, "", 1),
		claimWith("", annotation.VerdictInaccurate, 2),
		claimWith(annotation.ClaimOpinion, annotation.VerdictInaccurate, 0),
		{Kind: annotation.KindHighlight},
	}
	for _, tc := range []struct {
		typ, verdict string
		want         []int
	}{
		{"", "", []int{0, 1, 2, 3}},
		{"statistic", "", []int{0, 1}},
		{"", "unverified", []int{1}},
		{"", "inaccurate", []int{2, 3}},
		{claimTypeNone, "", []int{2}},
		{"opinion", "inaccurate", []int{3}},
		{"prediction", "", nil},
	} {
		got := filterClaims(claims, tc.typ, tc.verdict)
		var idx []int
		for _, g := range got {
			for i := range claims {
				if claims[i].Claim == g.Claim {
					idx = append(idx, i)
				}
			}
		}
		if !reflect.DeepEqual(idx, tc.want) {
			t.Errorf("filter %q %q: %v, want %v", tc.typ, tc.verdict, idx, tc.want)
		}
	}
	if got := claimsOf(claims); len(got) != 4 {
		t.Errorf("claimsOf kept %d, want 4", len(got))
	}
}

func TestEvidenceCount(t *testing.T) {
	for n, want := range map[int]string{0: "no evidence", 1: "1 piece of evidence", 2: "2 pieces of evidence"} {
		if got := evidenceCount(n); got != want {
			t.Errorf("evidenceCount(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestURLProblem(t *testing.T) {
	for _, tc := range []struct {
		url string
		bad bool
	}{
		{"https://www.state.gov/secretary-blinkens-travel-to-china/", false},
		{"http://example.org", false},
		{"javascript:alert(1)", true},
		{"data:text/html,<b>x</b>", true},
		{"not a url", true},
		{"www.example.org", true},
		{"", true},
	} {
		if got := urlProblem(tc.url); (got != "") != tc.bad {
			t.Errorf("urlProblem(%q) = %q, want bad=%v", tc.url, got, tc.bad)
		}
	}
}
