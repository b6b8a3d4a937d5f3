package store

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/annotator/annotator/app/annotation"
)

// The realistic entry is vouched for whole (else the read would check
// every annotation again), and the rich fixture's vouched annotations pass
// check.
func TestVouchedRealistic(t *testing.T) {
	id, _, packed := realisticEntry(1000)
	list, vouched, err := decodeEntryVouched(id, packed)
	if err != nil {
		t.Fatal(err)
	}
	vouchedPassCheck(t, id, list, vouched)
	for i, ok := range vouched {
		if !ok {
			t.Errorf("realistic annotation %d not vouched for: %s", i, rawJSON(list[i]))
		}
	}
	var rich []annotation.Annotation
	if err := json.Unmarshal([]byte(loadFixture(t, "testdata/v2.json")[annotationsKey("rich")]), &rich); err != nil {
		t.Fatal(err)
	}
	list, vouched, err = decodeEntryVouched("rich", encodeEntry("rich", byID(rich...), t0))
	if err != nil {
		t.Fatal(err)
	}
	vouchedPassCheck(t, "rich", list, vouched)
}

// Every value the compact tables hold is one Validate accepts, except the
// empty kind: vouch relies on it.
func TestVouchTables(t *testing.T) {
	base := benchAnnotation("art", 1)
	try := func(what string, change func(a *annotation.Annotation)) {
		t.Helper()
		a := base
		change(&a)
		if err := check("art", &a); err != nil {
			t.Errorf("%s: %v", what, err)
		}
	}
	for _, v := range quoteTypes {
		try("quote type "+v, func(a *annotation.Annotation) { a.Quote.Type = v })
	}
	for _, v := range positionTypes {
		try("position type "+v, func(a *annotation.Annotation) { a.Position.Type = v })
	}
	for _, v := range labelTable {
		try("label "+v, func(a *annotation.Annotation) { a.Label = v })
	}
	for _, v := range kindTable {
		if v == "" || v == string(annotation.KindClaim) {
			continue // vouch checks these itself
		}
		try("kind "+v, func(a *annotation.Annotation) { a.Kind = annotation.Kind(v) })
	}
	for _, v := range claimTypeTab {
		for _, w := range verdictTable {
			try("claim "+v+" "+w, func(a *annotation.Annotation) {
				a.Kind = annotation.KindClaim
				a.Claim = &annotation.Claim{Type: annotation.ClaimType(v), Verdict: annotation.Verdict(w)}
			})
		}
	}
}

// What vouch must not vouch for is set aside as check says, one by one.
func TestVouchRefuses(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	cases := map[string]func(a *annotation.Annotation){
		// The prefix ends inside "€" (e2 82 ac); the exact's length, 172,
		// is the uvarint ac 01, whose first byte would complete the
		// character: the strings must be checked one by one.
		"a string cut inside a character": func(a *annotation.Annotation) {
			a.Quote.Prefix = "abc\xe2\x82"
			a.Quote.Exact = long(172)
		},
		"invalid UTF-8":       func(a *annotation.Annotation) { a.Note = "a\xffb" },
		"an empty quote":      func(a *annotation.Annotation) { a.Quote.Exact = "" },
		"a long prefix":       func(a *annotation.Annotation) { a.Quote.Prefix = long(annotation.MaxContextLen + 1) },
		"a long exact":        func(a *annotation.Annotation) { a.Quote.Exact = long(annotation.MaxExactLen + 1) },
		"a long note":         func(a *annotation.Annotation) { a.Note = long(annotation.MaxNoteLen + 1) },
		"a long creator":      func(a *annotation.Annotation) { a.Creator = long(annotation.MaxCreatorLen + 1) },
		"a long source":       func(a *annotation.Annotation) { a.Source = long(annotation.MaxSourceLen + 1) },
		"a long tag":          func(a *annotation.Annotation) { a.Tags = []string{long(annotation.MaxTagLen + 1)} },
		"a blank tag":         func(a *annotation.Annotation) { a.Tags = []string{" "} },
		"too many tags":       func(a *annotation.Annotation) { a.Tags = strings.Split(long(annotation.MaxTags+1), "") },
		"an empty kind":       func(a *annotation.Annotation) { a.Kind = "" },
		"an unknown kind":     func(a *annotation.Annotation) { a.Kind = "other" },
		"an unknown label":    func(a *annotation.Annotation) { a.Label = "other" },
		"a quote type":        func(a *annotation.Annotation) { a.Quote.Type = "Other" },
		"a position type":     func(a *annotation.Annotation) { a.Position.Type = "Other" },
		"an empty position":   func(a *annotation.Annotation) { a.Position.End = a.Position.Start },
		"a negative position": func(a *annotation.Annotation) { a.Position.Start, a.Position.End = -1, 3 },
		"a bad hash":          func(a *annotation.Annotation) { a.ArticleHash = "sha256:XYZ" },
		"a bad id":            func(a *annotation.Annotation) { a.ID = "urn:uuid:X" },
		"another article":     func(a *annotation.Annotation) { a.Article = "other" },
		"a time before 1970":  func(a *annotation.Annotation) { a.Created = time.UnixMilli(-1).UTC() },
		"a time after 8999":   func(a *annotation.Annotation) { a.Modified = annotation.MaxTime.Add(time.Millisecond) },
		"a time in full":      func(a *annotation.Annotation) { a.Created = time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC) },
		"a claim on a note":   func(a *annotation.Annotation) { a.Claim = &annotation.Claim{} },
		"a claim without one": func(a *annotation.Annotation) { a.Kind = annotation.KindClaim },
		"an unknown verdict": func(a *annotation.Annotation) {
			a.Kind, a.Claim = annotation.KindClaim, &annotation.Claim{Verdict: "other"}
		},
		"an unknown claim type": func(a *annotation.Annotation) {
			a.Kind, a.Claim = annotation.KindClaim, &annotation.Claim{Type: "other"}
		},
		"a long speaker": func(a *annotation.Annotation) {
			a.Kind, a.Claim = annotation.KindClaim, &annotation.Claim{Speaker: long(annotation.MaxSpeakerLen + 1)}
		},
		"a long rationale": func(a *annotation.Annotation) {
			a.Kind, a.Claim = annotation.KindClaim, &annotation.Claim{Rationale: long(annotation.MaxRationaleLen + 1)}
		},
		"too much evidence": func(a *annotation.Annotation) {
			a.Kind, a.Claim = annotation.KindClaim, &annotation.Claim{Evidence: make([]annotation.Evidence, annotation.MaxEvidence+1)}
			for i := range a.Claim.Evidence {
				a.Claim.Evidence[i].URL = "https://x.org/"
			}
		},
		"a long evidence title": func(a *annotation.Annotation) {
			a.Kind, a.Claim = annotation.KindClaim, &annotation.Claim{Evidence: []annotation.Evidence{{URL: "https://x.org/", Title: long(annotation.MaxEvidenceTitleLen + 1)}}}
		},
		"a long evidence quote": func(a *annotation.Annotation) {
			a.Kind, a.Claim = annotation.KindClaim, &annotation.Claim{Evidence: []annotation.Evidence{{URL: "https://x.org/", Quote: long(annotation.MaxEvidenceQuoteLen + 1)}}}
		},
		"a bad evidence link": func(a *annotation.Annotation) {
			a.Kind, a.Claim = annotation.KindClaim, &annotation.Claim{Evidence: []annotation.Evidence{{URL: "javascript:x"}}}
		},
	}
	for name, change := range cases {
		good, bad := benchAnnotation("art", 1), benchAnnotation("art", 2)
		change(&bad)
		// A second annotation refers to the first one's tags and hash.
		after := benchAnnotation("art", 3)
		after.Tags, after.ArticleHash = bad.Tags, bad.ArticleHash
		value := encodeEntry("art", byID(good, bad, after), t0)
		list, vouched, err := decodeEntryVouched("art", value)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		vouchedPassCheck(t, "art", list, vouched)
		loaded, problems, err := decodeArticle("art", value)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The same as checking every annotation, as the store did before.
		var want []string
		for i := range list {
			if err := check("art", &list[i]); err != nil {
				want = append(want, list[i].ID+": "+err.Error())
			}
		}
		var got []string
		for _, p := range problems {
			got = append(got, p.ID+": "+p.Reason)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") || !strings.Contains(strings.Join(got, "\n"), bad.ID) {
			t.Errorf("%s: set aside\n%s\ncheck says\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if len(loaded)+len(problems) != 3 {
			t.Errorf("%s: %d loaded, %d set aside", name, len(loaded), len(problems))
		}
	}
	// The entry's article id itself is checked.
	a := benchAnnotation("Bad!", 1)
	_, problems, err := decodeArticle("Bad!", encodeEntry("Bad!", byID(a), t0))
	if err != nil || len(problems) != 1 {
		t.Errorf("a bad article id: %v %+v", err, problems)
	}
}

// validUTF8 agrees with utf8.ValidString.
func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"", "abc", "héllo “quoted” ’", "\xed\xa0\x80", "\xe0\x80\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "\xef\xbf\xbd", "12345678\xe2\x80", "€€€€€€€€€\xc2", "𝄞𝄞 abcdefghij \xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if validUTF8(s) != utf8.ValidString(s) {
			t.Fatalf("validUTF8(%q) = %v", s, validUTF8(s))
		}
	})
}

// What plainWebURL accepts, ValidateEvidenceURL accepts.
func FuzzPlainWebURL(f *testing.F) {
	for _, s := range []string{"https://example.org/a-b_c.d~e/f", "http://x", "https://", "https:///x", "https://a.b/%41", "https://a..-/", "http://A.org/", "https://x.org/?q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if plainWebURL(s) {
			if err := annotation.ValidateEvidenceURL(s); err != nil {
				t.Fatalf("plainWebURL(%q), but ValidateEvidenceURL says %v", s, err)
			}
		}
	})
}
