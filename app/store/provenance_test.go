package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/annotation"
)

// withProvenance sets the five fields the compact encoding's version 1 did
// not hold, as an import from Hypothesis leaves them.
func withProvenance(a annotation.Annotation) annotation.Annotation {
	a = withNote(a, "**Markdown** note")
	a.NoteFormat = annotation.FormatMarkdown
	a.CreatorID = "acct:alice@hypothes.is"
	a.Creator = "Alice"
	a.Via = "https://hypothes.is/a/AbCdEf123"
	a.Canonical = "https://example.org/annotations/42"
	a.Imported = strings.Repeat("0123456789abcdef", 4)
	a.Source = "hypothesis.json"
	return a
}

// The five provenance fields survive encodeEntry and decodeEntry: the JSON
// is byte for byte the same, and the decoding vouches for them.
func TestProvenanceRoundTrip(t *testing.T) {
	with := withProvenance(ann("art", 1, t0))
	only := ann("art", 2, t0)
	only.Imported = "sha256-of-the-copy" // one field alone sets the flag
	plain := ann("art", 3, t0)
	list, vouched, err := decodeEntryVouched("art", encodeEntry("art", byID(with, only, plain), t0))
	if err != nil || len(list) != 3 {
		t.Fatalf("%d annotations, %v", len(list), err)
	}
	for i, want := range []annotation.Annotation{with, only, plain} {
		if got := string(rawJSON(list[i])); got != string(rawJSON(want)) {
			t.Errorf("annotation %d:\n%s\nwant\n%s", i, got, rawJSON(want))
		}
		if !vouched[i] {
			t.Errorf("annotation %d not vouched for", i)
		}
	}
}

// Saved, then read by a new Store: the provenance is still there.
func TestProvenanceSurvivesReopen(t *testing.T) {
	m := NewMemory(0)
	s, _ := mustOpen(t, m, t0)
	a := withProvenance(ann("art", 1, t0))
	must(t, s.Put(a))
	again, rep := mustOpen(t, m, t0)
	if len(rep.SetAside) != 0 || len(rep.Migrations) != 0 {
		t.Fatalf("report: %+v", rep)
	}
	got := again.Annotations("art")
	if len(got) != 1 || string(rawJSON(got[0])) != string(rawJSON(a)) {
		t.Fatalf("reopened: %v\nwant %s", got, rawJSON(a))
	}
}

// What the decoding cannot vouch for is left to Validate, which sets it
// aside: an unknown note format, an over-long IRI.
func TestProvenanceChecked(t *testing.T) {
	badFormat := withProvenance(ann("art", 1, t0))
	badFormat.NoteFormat = "text/html"
	longVia := withProvenance(ann("art", 2, t0))
	longVia.Via = "https://x.org/" + strings.Repeat("a", annotation.MaxURLLen)
	longImported := withProvenance(ann("art", 3, t0))
	longImported.Imported += "0"
	good := withProvenance(ann("art", 4, t0))
	value := encodeEntry("art", byID(badFormat, longVia, longImported, good), t0)
	_, vouched, err := decodeEntryVouched("art", value)
	if err != nil || vouched[0] || vouched[1] || vouched[2] || !vouched[3] {
		t.Fatalf("vouched %v, %v", vouched, err)
	}
	kept, problems, err := decodeArticle("art", value)
	if err != nil || len(kept) != 1 || kept[0].ID != good.ID || len(problems) != 3 {
		t.Fatalf("kept %d, problems %+v, %v", len(kept), problems, err)
	}
	for i, field := range []string{"noteFormat", "via", "imported"} {
		if !strings.HasPrefix(problems[i].Reason, field+": ") {
			t.Errorf("problem %d: %s, want one about %s", i, problems[i].Reason, field)
		}
	}
}

// A version-1 entry cannot have the flag version 2 added, and a version-2
// one cannot have it with nothing after it (the encoding is canonical);
// a version after 2 is unknown.
func TestCompactVersions(t *testing.T) {
	plain := ann("art", 1, t0)
	v2 := encodeCompact("art", []*annotation.Annotation{&plain})
	if v2[0] != 2 {
		t.Fatalf("version %d written", v2[0])
	}
	v1 := append([]byte{1}, v2[1:]...) // without provenance, the versions agree
	if list, err := decodeCompact("art", v1); err != nil || len(list) != 1 || string(rawJSON(list[0])) != string(rawJSON(plain)) {
		t.Fatalf("version 1 read as %v, %v", list, err)
	}

	a := ann("art", 1, t0)
	a.Imported = "z"
	b := encodeCompact("art", []*annotation.Annotation{&a})
	if _, err := decodeCompact("art", b); err != nil {
		t.Fatal(err)
	}
	asV1 := append([]byte{1}, b[1:]...)
	if _, err := decodeCompact("art", asV1); !errors.Is(err, errCompact) || !strings.Contains(err.Error(), "unknown flags") {
		t.Errorf("version 1 with fProvenance: %v", err)
	}
	// Imported is the last string of the text column: "\x01z" becomes "\x00".
	if !strings.HasSuffix(string(b), "\x01z") {
		t.Fatalf("the encoding does not end with Imported: %q", b)
	}
	empty := append(b[:len(b)-2:len(b)-2], 0)
	if _, err := decodeCompact("art", empty); !errors.Is(err, errCompact) || !strings.Contains(err.Error(), "empty provenance") {
		t.Errorf("fProvenance with five empty strings: %v", err)
	}
	v3 := append([]byte{3}, v2[1:]...)
	if _, err := decodeCompact("art", v3); !errors.Is(err, errCompact) {
		t.Errorf("version 3: %v", err)
	}
}

// A storage at schema 5, or a tab that writes it, is a newer app's: Open
// refuses and changes nothing; an open store says so.
func TestSchema5IsNewer(t *testing.T) {
	kv := map[string]string{metaKey: `{"schema":5}`, annotationsKey("art"): encodeEntry("art", byID(ann("art", 1, t0)), t0)}
	m := memoryFrom(t, 0, kv)
	if _, _, err := open(m, fixedClock(t0)); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open: %v", err)
	}
	if got := m.Snapshot(); len(got) != 2 || got[metaKey] != kv[metaKey] {
		t.Fatalf("Open changed the storage: %v", got)
	}
	s, _ := mustOpen(t, NewMemory(0), t0)
	if _, err := s.ApplyExternal(metaKey, `{"schema":5}`); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("ApplyExternal: %v", err)
	}
	if _, err := s.ApplyExternal(metaKey, `{"schema":4}`); err != nil {
		t.Fatalf("ApplyExternal of schema 4: %v", err)
	}
}
