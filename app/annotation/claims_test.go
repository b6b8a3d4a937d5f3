package annotation

import (
	"errors"
	"testing"
)

func TestValidateEvidenceURL(t *testing.T) {
	tests := []struct {
		url  string
		kind error // nil means accepted
	}{
		{"https://www.bls.gov/news.release/empsit.nr0.htm", nil},
		{"http://example.org", nil},
		{"HTTPS://Example.org/a?b=c#d", nil},
		{"https://[::1]:8080/x", nil},
		{"", ErrMissing},
		{"   ", ErrMissing},
		{"javascript:alert(1)", ErrMalformed},
		{"JavaScript:alert(1)", ErrMalformed},
		{"data:text/html,<script>alert(1)</script>", ErrMalformed},
		{"ftp://example.org/file", ErrMalformed},
		{"mailto:a@example.org", ErrMalformed},
		{"example.org/page", ErrMalformed},
		{"/relative/path", ErrMalformed},
		{"//example.org/x", ErrMalformed},
		{"https://", ErrMalformed},
		{"https:///path", ErrMalformed},
		{"http:example.org", ErrMalformed},
		{"https://exa mple.org", ErrMalformed},
		{" https://example.org", ErrMalformed},
		{"https://example.org/\x00", ErrMalformed},
		{"https://%zz", ErrMalformed},
		{"https://example.org/" + string(make([]byte, MaxURLLen)), ErrTooLong},
	}
	for _, tt := range tests {
		err := ValidateEvidenceURL(tt.url)
		if tt.kind == nil {
			if err != nil {
				t.Errorf("%q refused: %v", tt.url, err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, tt.kind) || e.Field != "url" || e.Msg == "" {
			t.Errorf("%q: got %v, want a %v error on url", tt.url, err, tt.kind)
		}
	}
}

func TestVerdictsAndClaimTypes(t *testing.T) {
	vs := Verdicts()
	if len(vs) != 6 || vs[0].Verdict != VerdictUnverified || vs[0].Rating != 0 {
		t.Fatalf("Verdicts() = %+v", vs)
	}
	symbols, colours, ratings := map[string]bool{}, map[string]bool{}, map[int]bool{}
	for _, v := range vs {
		if v.Label == "" || v.Symbol == "" || len(v.Colour) != 7 {
			t.Errorf("incomplete %+v", v)
		}
		if symbols[v.Symbol] || colours[v.Colour] || ratings[v.Rating] {
			t.Errorf("%s shares its symbol, colour or rating", v.Verdict)
		}
		symbols[v.Symbol], colours[v.Colour], ratings[v.Rating] = true, true, true
		if v.Verdict != VerdictUnverified && (v.Rating < WorstRating || v.Rating > BestRating) {
			t.Errorf("%s rating %d out of range", v.Verdict, v.Rating)
		}
		if got, ok := v.Verdict.Info(); !ok || got != v {
			t.Errorf("Info(%s) = %+v, %v", v.Verdict, got, ok)
		}
	}
	if i, ok := Verdict("").Info(); !ok || i.Verdict != VerdictUnverified {
		t.Error("empty verdict is not unverified")
	}
	if i, _ := VerdictMixed.Info(); i.Label != "Mixed or misleading" {
		t.Errorf("mixed label = %q", i.Label)
	}
	ct := ClaimTypes()
	if len(ct) != 7 {
		t.Fatalf("ClaimTypes() = %+v", ct)
	}
	for _, c := range ct {
		if c.Name == "" || c.Description == "" {
			t.Errorf("incomplete %+v", c)
		}
	}
	if i, ok := ClaimOpinion.Info(); !ok || i.Checkable || i.Name != "Opinion (not checkable)" {
		t.Errorf("opinion = %+v", i)
	}
	if _, ok := ClaimType("").Info(); ok {
		t.Error("empty claim type has info")
	}
}

// Verdict colours are drawn as underlines and badges on both themes, so each
// needs the 3:1 contrast WCAG asks of graphics against white and near-black.
func TestVerdictColourContrast(t *testing.T) {
	for _, v := range Verdicts() {
		for _, bg := range []string{"#ffffff", "#121212"} {
			if c := contrast(v.Colour, bg); c < 3 {
				t.Errorf("%s %s on %s: contrast %.2f < 3", v.Verdict, v.Colour, bg, c)
			}
		}
	}
}
