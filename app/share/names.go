package share

import (
	"fmt"
	"sort"
	"strings"

	"github.com/annotator/annotator/app/annotation"
)

// Display names for the exports, from the annotation package's vocabularies;
// an unknown key is shown as it is.

// labelName is the name of the label key: the reader's own (names), else
// the default one.
func labelName(names annotation.LabelNames, key string) string {
	if key == "" {
		return ""
	}
	return names.Name(key)
}

func claimTypeName(t annotation.ClaimType) string {
	if info, ok := t.Info(); ok {
		return info.Name
	}
	return string(t)
}

func verdictName(v annotation.Verdict) string {
	if info, ok := v.Info(); ok {
		return info.Label
	}
	return string(v)
}

func kindName(k annotation.Kind) string {
	switch k {
	case annotation.KindHighlight:
		return "Highlight"
	case annotation.KindNote:
		return "Note"
	case annotation.KindClaim:
		return "Claim"
	}
	return string(k)
}

// claimSummary is the line "9 claims: 2 inaccurate, 1 mixed or misleading,
// 4 unverified, 2 accurate": the count of each verdict given, worst first,
// unverified between the negative and the positive verdicts as in the
// issue's example. It is "" when there is no claim.
func claimSummary(anns []placed) string {
	count := map[annotation.Verdict]int{}
	total := 0
	for _, p := range anns {
		if p.Kind == annotation.KindClaim && p.Claim != nil {
			count[p.Claim.Verdict.OrDefault()]++
			total++
		}
	}
	if total == 0 {
		return ""
	}
	order := []annotation.Verdict{annotation.VerdictInaccurate, annotation.VerdictMostlyInaccurate,
		annotation.VerdictMixed, annotation.VerdictUnverified, annotation.VerdictMostlyAccurate,
		annotation.VerdictAccurate}
	var parts []string
	seen := map[annotation.Verdict]bool{}
	for _, v := range order {
		seen[v] = true
		if n := count[v]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(verdictName(v))))
		}
	}
	var unknown []string // verdicts from an import that we do not know, still counted
	for v := range count {
		if !seen[v] {
			unknown = append(unknown, string(v))
		}
	}
	sort.Strings(unknown)
	for _, v := range unknown {
		parts = append(parts, fmt.Sprintf("%d %s", count[annotation.Verdict(v)], v))
	}
	noun := "claims"
	if total == 1 {
		noun = "claim"
	}
	return fmt.Sprintf("%d %s: %s", total, noun, strings.Join(parts, ", "))
}
