package store

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
)

// entrySeeds are stored values to start fuzzing from: realistic ones, the
// rich annotations of testdata/v2.json, an empty list, and damaged copies.
func entrySeeds(t testing.TB) []string {
	_, _, three := realisticEntry(3)
	var rich []annotation.Annotation
	if err := json.Unmarshal([]byte(loadFixture(t, "testdata/v2.json")[annotationsKey("rich")]), &rich); err != nil {
		t.Fatal(err)
	}
	richValue := encodeEntry("rich", byID(rich...), t0)
	r := []rune(three)
	provenance := encodeEntry("rich", byID(withProvenance(ann("rich", 1, t0)), ann("rich", 2, t0)), t0)
	return []string{three, richValue, encodeEntry("x", nil, t0), string(r[:len(r)/2]), string(r[:len(r)-1]) + "Ā",
		string(entryMarker), string(entryMarker) + "㐀", string(entryMarker) + string(r[2:]), provenance}
}

// FuzzDecodeEntry feeds damaged stored values to the decoder: it never
// panics, and what it accepts encodes and decodes again to the same.
func FuzzDecodeEntry(f *testing.F) {
	for _, s := range entrySeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		good, _, err := decodeArticle("rich", value)
		if err != nil || !isPacked(value) {
			return
		}
		list, vouched, err := decodeEntryVouched("rich", value)
		if err != nil {
			t.Fatalf("decodeArticle read it, decodeEntryVouched did not: %v", err)
		}
		vouchedPassCheck(t, "rich", list, vouched)
		again, _, err := decodeArticle("rich", encodeEntry("rich", byID(good...), t0))
		if err != nil {
			t.Fatalf("re-encoded entry does not decode: %v", err)
		}
		if a, b := jsonList(t, good), jsonList(t, withoutExpired(good)); len(again) != len(withoutExpired(good)) || jsonList(t, again) != b {
			t.Fatalf("decoded again differently:\n%s\n%s", a, jsonList(t, again))
		}
	})
}

// vouchedPassCheck fails t if the decoding vouched for an annotation that
// check refuses (vouch.go's promise).
func vouchedPassCheck(t *testing.T, articleID string, list []annotation.Annotation, vouched []bool) {
	t.Helper()
	for i := range list {
		if err := check(articleID, &list[i]); vouched[i] && err != nil {
			t.Fatalf("annotation %d vouched for, but check says: %v\n%s", i, err, rawJSON(list[i]))
		}
	}
}

func withoutExpired(list []annotation.Annotation) []annotation.Annotation {
	var out []annotation.Annotation
	for _, a := range list {
		if !expired(a, t0) {
			out = append(out, a)
		}
	}
	return out
}

func jsonList(t *testing.T, list []annotation.Annotation) string {
	var b bytes.Buffer
	for _, a := range list {
		b.Write(rawJSON(a))
		b.WriteByte('\n')
	}
	return b.String()
}

// FuzzCompact: arbitrary bytes never make decodeCompact panic, and what it
// accepts it reads back the same after encoding.
func FuzzCompact(f *testing.F) {
	for _, s := range entrySeeds(f)[:3] {
		c, err := unpackEntry(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(c)
	}
	f.Add([]byte{compactVersion, 1, 0, 0, 0})
	p := withProvenance(ann("x", 1, t0))
	f.Add(encodeCompact("x", []*annotation.Annotation{&p}))
	f.Fuzz(func(t *testing.T, b []byte) {
		list, vouched, err := decodeCompactVouched("x", b)
		if err != nil {
			return
		}
		vouchedPassCheck(t, "x", list, vouched)
		ptrs := make([]*annotation.Annotation, len(list))
		for i := range list {
			ptrs[i] = &list[i]
		}
		again, err := decodeCompact("x", encodeCompact("x", ptrs))
		if err != nil {
			t.Fatalf("re-encoded: %v", err)
		}
		if jsonList(t, again) != jsonList(t, list) {
			t.Fatalf("decoded again differently")
		}
	})
}

// FuzzCompactLossless builds annotations from arbitrary fields: decoding
// their encoding gives back an annotation with the same JSON, field by
// field what schema 2 stored. The provenance fields are taken from the
// other arguments (the signature stays that of the committed corpus): set
// or not, each on its own bit of nsec.
func FuzzCompactLossless(f *testing.F) {
	f.Add("urn:uuid:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", "art", "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", "TextQuoteSelector", "exact", "pre", "suf", 10, 15, "note", "key-point", "a\x00b", "statistic", "accurate", "https://x.org/", int64(1700000000), int64(0), 0, true)
	f.Add("URN:UUID:X", "other", "", "", "", "", "", -5, -10, "", "new-label", "", "new-type", "", "", int64(-62135596800), int64(999999999), 3600, false)
	f.Add("", "art", "sha256:xyz", "Other", "\xff", "\u00e9", "📉", 1<<40, 0, "\n", "", "t1\x00t1\x00t2", "", "unverified", "", int64(253402300799), int64(1), -34200, true)
	f.Fuzz(func(t *testing.T, id, art, hash, qtype, exact, prefix, suffix string, start, end int, note, label, tags, ctype, verdict, url string, sec, nsec int64, off int, claim bool) {
		if nsec < 0 || nsec >= 1e9 || off <= -1<<31 || off >= 1<<31 || sec > 1<<50 || sec < -(1<<50) {
			return
		}
		tm := time.Unix(sec, nsec).In(time.FixedZone("", off))
		a := annotation.Annotation{ID: id, Article: art, ArticleHash: hash,
			Quote:    anchor.TextQuoteSelector{Type: qtype, Exact: exact, Prefix: prefix, Suffix: suffix},
			Position: anchor.TextPositionSelector{Type: strings.Replace(qtype, "Quote", "Position", 1), Start: start, End: end},
			Kind:     annotation.Kind(label), Label: label, Note: note, Creator: suffix, Source: prefix,
			Created: tm, Modified: tm.Add(time.Duration(nsec)), Deleted: claim}
		if nsec&1 != 0 {
			a.NoteFormat = annotation.FormatMarkdown
			if nsec&32 != 0 {
				a.NoteFormat = qtype // anything: Validate's to refuse
			}
		}
		if nsec&2 != 0 {
			a.CreatorID = url
		}
		if nsec&4 != 0 {
			a.Via = ctype
		}
		if nsec&8 != 0 {
			a.Canonical = verdict
		}
		if nsec&16 != 0 {
			a.Imported = hash
		}
		if tags != "" {
			a.Tags = strings.Split(tags, "\x00")
		}
		if claim {
			a.Claim = &annotation.Claim{Type: annotation.ClaimType(ctype), Verdict: annotation.Verdict(verdict), Speaker: note, Rationale: exact}
			if url != "" { // without evidence, a claim can be vouched for
				a.Claim.Evidence = []annotation.Evidence{{URL: url, Title: prefix}, {URL: suffix, Quote: exact}}
			}
		}
		b := encodeCompact("art", []*annotation.Annotation{&a, &a})
		back, vouched, err := decodeCompactVouched("art", b)
		if err != nil || len(back) != 2 {
			t.Fatalf("decoding: %v", err)
		}
		vouchedPassCheck(t, "art", back, vouched)
		want, err1 := json.Marshal(a)
		got, err2 := json.Marshal(back[1])
		if (err1 == nil) != (err2 == nil) || string(want) != string(got) {
			t.Fatalf("not lossless:\n%s (%v)\n%s (%v)", want, err1, got, err2)
		}
		if !back[1].Created.Equal(a.Created) || !back[1].Modified.Equal(a.Modified) {
			t.Fatalf("times changed: %v %v → %v %v", a.Created, a.Modified, back[1].Created, back[1].Modified)
		}
	})
}

// FuzzPack: packing any bytes gives a string of the packing's characters
// only (no surrogates: every character is a whole BMP one), of the
// predicted UTF-16 length, that unpacks to the same bytes.
func FuzzPack(f *testing.F) {
	for _, b := range [][]byte{nil, {0}, {0xff}, []byte("hello"), bytes.Repeat([]byte{0xff}, 15)} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s := string(packBytes(nil, b))
		if utf16Len(s) != packedLen(len(b)) {
			t.Fatalf("%d units, predicted %d", utf16Len(s), packedLen(len(b)))
		}
		for _, r := range s {
			if r >= 0xD800 && r <= 0xDFFF || r > 0xFFFF || r < unit7Base {
				t.Fatalf("character %U", r)
			}
		}
		back, err := unpackBytes(s)
		if err != nil || !bytes.Equal(back, b) {
			t.Fatalf("unpacked %x, want %x (%v)", back, b, err)
		}
	})
}

func TestPackKnownValues(t *testing.T) {
	for _, c := range []struct {
		in   []byte
		want []rune
	}{
		{nil, nil},
		{[]byte{0xff}, []rune{unit15Base + 0x7f80}},                            // 8 bits: a 15-bit unit, 7 of them padding
		{[]byte{0xab, 0xcd}, []rune{unit15Base + 0xabcd>>1, unit7Base + 0x40}}, // 15 bits, then 1 bit
	} {
		got := []rune(string(packBytes(nil, c.in)))
		if string(got) != string(c.want) {
			t.Errorf("packBytes(%x) = %U, want %U", c.in, got, c.want)
		}
	}
}

// unpackReference is unpackBytes written plainly, over the string's runes.
func unpackReference(s string) ([]byte, error) {
	var out []byte
	var acc uint32
	n := 0
	for i, r := range s {
		var v uint32
		var w int
		switch {
		case r >= unit15Base && r < unit15Base+1<<15:
			v, w = uint32(r-unit15Base), 15
		case r >= unit7Base && r < unit7Base+1<<7 && i+utf8.RuneLen(r) == len(s):
			v, w = uint32(r-unit7Base), 7
		default:
			return nil, errPacked
		}
		acc = acc<<w | v
		n += w
		for n >= 8 {
			n -= 8
			out = append(out, byte(acc>>n))
		}
		acc &= 1<<n - 1
	}
	return out, nil
}

// FuzzUnpack: on any string, unpackBytes agrees with unpackReference.
func FuzzUnpack(f *testing.F) {
	f.Add(string(packBytes(nil, []byte("hello, world"))))
	f.Add(string(packBytes(nil, []byte("a longer run of bytes: eight units at a time, and more")))[1:])
	f.Add("\xed\xa0\x80")  // a surrogate, as UTF-8
	f.Add("\xe3\x90\x80Ā") // U+3400 U+0100
	f.Add("\xe0\x80\x80")  // overlong
	f.Fuzz(func(t *testing.T, s string) {
		got, err := unpackBytes(s)
		want, werr := unpackReference(s)
		if (err == nil) != (werr == nil) || !bytes.Equal(got, want) {
			t.Fatalf("unpackBytes(%q) = %x, %v; want %x, %v", s, got, err, want, werr)
		}
	})
}
