package annotation

import (
	"math"
	"strconv"
	"testing"
)

func TestLabels(t *testing.T) {
	ls := Labels()
	wantKeys := []string{LabelKeyPoint, LabelQuestion, LabelEvidence, LabelDisagree, LabelDefinition}
	if len(ls) != len(wantKeys) {
		t.Fatalf("%d labels", len(ls))
	}
	underlines := map[string]bool{}
	for i, l := range ls {
		if l.Key != wantKeys[i] || l.Name == "" || l.Colour == "" {
			t.Errorf("label %d = %+v", i, l)
		}
		if underlines[l.Underline] {
			t.Errorf("%s repeats underline %q", l.Key, l.Underline)
		}
		underlines[l.Underline] = true
		switch l.Underline {
		case "solid", "dashed", "dotted", "double", "wavy":
		default:
			t.Errorf("%s: underline %q is not a CSS text-decoration-style", l.Key, l.Underline)
		}
		// The contrast promised in labels.go.
		if c := contrast(l.Light, "#1a1a1a"); c < 12 {
			t.Errorf("%s light %s: contrast with dark text %.1f < 12", l.Key, l.Light, c)
		}
		if c := contrast(l.Dark, "#f0f0f0"); c < 7 {
			t.Errorf("%s dark %s: contrast with light text %.1f < 7", l.Key, l.Dark, c)
		}
		if got, ok := LabelByKey(l.Key); !ok || got != l {
			t.Errorf("LabelByKey(%q) = %+v, %v", l.Key, got, ok)
		}
	}
	if _, ok := LabelByKey("nope"); ok {
		t.Error("unknown key found")
	}
	ls[0].Name = "changed"
	if Labels()[0].Name == "changed" {
		t.Error("Labels() shares its slice")
	}
	names := LabelNames{LabelQuestion: "Puzzle"}
	if names.Name(LabelQuestion) != "Puzzle" || names.Name(LabelKeyPoint) != "Key point" || names.Name("x") != "x" {
		t.Error("LabelNames.Name")
	}
}

// contrast is the WCAG 2 contrast ratio of two "#rrggbb" colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	var ch [3]float64
	for i := range ch {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			ch[i] = c / 12.92
		} else {
			ch[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2]
}
