package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"
	"unsafe"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
)

// The compact encoding of one article's annotations: what schemas 3 and 4
// store, before compression (see entry.go).
//
// JSON repeats every field name in every annotation and spells ids, hashes
// and times in hex and decimal; here each annotation is a few bytes of flags
// and small numbers, its id 16 bytes, and its text. The fields are laid out
// in four columns, so that like sits next to like for the compressor:
//
//		payload = version(1) count len(meta) len(nums) len(raw) meta nums raw text
//
//	  - meta: per annotation, uvarint flags, then the enumerations (selector
//	    types, kind, label, claim type, verdict) as an index into a fixed
//	    table (0: the value is spelt out in text), the article hash as a
//	    reference into the entry's own table of hashes, and the tags as
//	    references into the entry's table of tags;
//	  - nums: zigzag varints: the position, Created in Unix milliseconds,
//	    Modified as milliseconds after Created (times that are not whole
//	    milliseconds in UTC are written in full: seconds, nanoseconds, offset);
//	  - raw: 16 bytes per urn:uuid id, 32 per new SHA-256 hash;
//	  - text: uvarint-length-prefixed strings: prefix, exact and suffix next
//	    to each other (they are one run of the article, which the compressor
//	    finds again in the overlapping quotes of other annotations), the note,
//	    then whatever the tables did not cover, then (version 2, flag
//	    fProvenance) the note's format, the creator's IRI, via, canonical
//	    and the imported copy's hash.
//
// Nothing is derived from the article: the quote and its context are stored
// whole, so they survive any edit of the article. The encoding is lossless:
// decoding gives back an annotation whose JSON is byte for byte that of the
// one encoded (FuzzCompact), and it is canonical: the same list always gives
// the same bytes.
//
// The tables are part of the format and never change; a new label or
// verdict is simply spelt out in text until a new version adds it.
//
// Version 1 (schema 3) did not hold NoteFormat, CreatorID, Via, Canonical
// and Imported: an annotation saved with them lost them. Version 2
// (schema 4) adds fProvenance; version 1 is still read (it cannot have the
// flag), and written as version 2 when its article is next saved.
const compactVersion = 2

var (
	quoteTypes    = []string{"TextQuoteSelector", ""}
	positionTypes = []string{"TextPositionSelector", ""}
	kindTable     = []string{"highlight", "note", "claim", ""}
	labelTable    = []string{"", "key-point", "question", "evidence", "disagree", "definition"}
	claimTypeTab  = []string{"", "statistic", "causal", "prediction", "law", "quotation", "experience", "opinion"}
	verdictTable  = []string{"", "unverified", "accurate", "mostly-accurate", "mixed", "mostly-inaccurate", "inaccurate"}
)

// Annotation flags.
const (
	fIDText       = 1 << iota // the id is not a lower-case urn:uuid: spelt out in text
	fArticle                  // the annotation names another article than the entry's
	fNote                     // has a note
	fCreator                  // has a creator
	fSource                   // has a source
	fDeleted                  // a tombstone
	fClaim                    // has a claim
	fCreatedFull              // Created is not whole milliseconds in UTC
	fModifiedFull             // nor Modified
	// fProvenance (version 2): has a NoteFormat, CreatorID, Via, Canonical
	// or Imported; then all five are in text, in that order. It is set
	// only when one of them is not empty, so that the encoding stays
	// canonical.
	fProvenance
)

// maxFlags are the flags each version knows, by version.
var maxFlags = [...]uint64{1: fModifiedFull<<1 - 1, 2: fProvenance<<1 - 1}

// Claim flags.
const (
	cSpeaker = 1 << iota
	cRationale
)

// Article hash references.
const (
	hashNone   = 0 // ""
	hashSHA256 = 1 // a new "sha256:" hash, its 32 bytes in raw
	hashText   = 2 // a new hash of another form, spelt out in text
	hashTable  = 3 // and up: the (ref-hashTable)-th hash seen in this entry
)

type compactWriter struct {
	meta, nums, raw, text []byte
	hashes, tags          map[string]uint64
}

// encodeCompact encodes list, in its order, as annotations of articleID.
func encodeCompact(articleID string, list []*annotation.Annotation) []byte {
	w := newCompactWriter()
	for _, a := range list {
		w.annotation(articleID, a)
	}
	return w.bytes(len(list))
}

func newCompactWriter() *compactWriter {
	return &compactWriter{hashes: map[string]uint64{}, tags: map[string]uint64{}}
}

// bytes returns the encoding of the count annotations written, in order
// (Applying writes them a slice at a time).
func (w *compactWriter) bytes(count int) []byte {
	parts := w.parts(count)
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// parts returns what bytes joins: a header, then the columns (Applying
// joins them a slice at a time).
func (w *compactWriter) parts(count int) [][]byte {
	h := make([]byte, 0, 1+4*binary.MaxVarintLen64)
	h = append(h, compactVersion)
	h = binary.AppendUvarint(h, uint64(count))
	h = binary.AppendUvarint(h, uint64(len(w.meta)))
	h = binary.AppendUvarint(h, uint64(len(w.nums)))
	h = binary.AppendUvarint(h, uint64(len(w.raw)))
	return [][]byte{h, w.meta, w.nums, w.raw, w.text}
}

func (w *compactWriter) uvarint(v uint64) { w.meta = binary.AppendUvarint(w.meta, v) }
func (w *compactWriter) num(v int64)      { w.nums = binary.AppendVarint(w.nums, v) }
func (w *compactWriter) str(s string) {
	w.text = binary.AppendUvarint(w.text, uint64(len(s)))
	w.text = append(w.text, s...)
}

func (w *compactWriter) enum(table []string, s string) {
	for i, t := range table {
		if t == s {
			w.uvarint(uint64(i + 1))
			return
		}
	}
	w.uvarint(0)
	w.str(s)
}

func (w *compactWriter) annotation(articleID string, a *annotation.Annotation) {
	var flags uint64
	id, idOK := uuidBytes(a.ID)
	if !idOK {
		flags |= fIDText
	}
	if a.Article != articleID {
		flags |= fArticle
	}
	if a.Note != "" {
		flags |= fNote
	}
	if a.Creator != "" {
		flags |= fCreator
	}
	if a.Source != "" {
		flags |= fSource
	}
	if a.Deleted {
		flags |= fDeleted
	}
	if a.Claim != nil {
		flags |= fClaim
	}
	if a.NoteFormat != "" || a.CreatorID != "" || a.Via != "" || a.Canonical != "" || a.Imported != "" {
		flags |= fProvenance
	}
	created, createdOK := wholeMillis(a.Created)
	modified, modifiedOK := wholeMillis(a.Modified)
	if !createdOK {
		flags |= fCreatedFull
	}
	if !createdOK || !modifiedOK {
		flags |= fModifiedFull
	}
	w.uvarint(flags)

	if idOK {
		w.raw = append(w.raw, id[:]...)
	} else {
		w.str(a.ID)
	}
	if flags&fArticle != 0 {
		w.str(a.Article)
	}
	w.str(a.Quote.Prefix)
	w.str(a.Quote.Exact)
	w.str(a.Quote.Suffix)
	if a.Note != "" {
		w.str(a.Note)
	}

	w.enum(quoteTypes, a.Quote.Type)
	w.enum(positionTypes, a.Position.Type)
	w.enum(kindTable, string(a.Kind))
	w.enum(labelTable, a.Label)
	w.hash(a.ArticleHash)
	w.uvarint(uint64(len(a.Tags)))
	for _, t := range a.Tags {
		if ref, ok := w.tags[t]; ok {
			w.uvarint(ref)
			continue
		}
		w.uvarint(0)
		w.str(t)
		w.tags[t] = uint64(len(w.tags) + 1)
	}
	if a.Creator != "" {
		w.str(a.Creator)
	}
	if a.Source != "" {
		w.str(a.Source)
	}
	if flags&fProvenance != 0 {
		w.str(a.NoteFormat)
		w.str(a.CreatorID)
		w.str(a.Via)
		w.str(a.Canonical)
		w.str(a.Imported)
	}
	if c := a.Claim; c != nil {
		var cf uint64
		if c.Speaker != "" {
			cf |= cSpeaker
		}
		if c.Rationale != "" {
			cf |= cRationale
		}
		w.uvarint(cf)
		w.enum(claimTypeTab, string(c.Type))
		w.enum(verdictTable, string(c.Verdict))
		if c.Speaker != "" {
			w.str(c.Speaker)
		}
		if c.Rationale != "" {
			w.str(c.Rationale)
		}
		w.uvarint(uint64(len(c.Evidence)))
		for _, e := range c.Evidence {
			w.str(e.URL)
			w.str(e.Title)
			w.str(e.Quote)
		}
	}

	w.num(int64(a.Position.Start))
	w.num(int64(a.Position.End) - int64(a.Position.Start))
	if createdOK {
		w.num(created)
	} else {
		w.fullTime(a.Created)
	}
	if createdOK && modifiedOK {
		w.num(modified - created)
	} else {
		w.fullTime(a.Modified)
	}
}

func (w *compactWriter) hash(h string) {
	if h == "" {
		w.uvarint(hashNone)
		return
	}
	if ref, ok := w.hashes[h]; ok {
		w.uvarint(ref)
		return
	}
	w.hashes[h] = uint64(hashTable + len(w.hashes))
	if sum, ok := sha256Bytes(h); ok {
		w.uvarint(hashSHA256)
		w.raw = append(w.raw, sum[:]...)
		return
	}
	w.uvarint(hashText)
	w.str(h)
}

func (w *compactWriter) fullTime(t time.Time) {
	_, off := t.Zone()
	w.num(t.Unix())
	w.num(int64(t.Nanosecond()))
	w.num(int64(off))
}

// wholeMillis returns t in Unix milliseconds when that is all there is to
// it: whole milliseconds, in UTC (as JSON would write it: offset zero), and
// within ±270,000 years.
func wholeMillis(t time.Time) (int64, bool) {
	_, off := t.Zone()
	sec := t.Unix()
	if off != 0 || t.Nanosecond()%1e6 != 0 || sec > 1<<43 || sec < -(1<<43) {
		return 0, false
	}
	return sec*1000 + int64(t.Nanosecond()/1e6), true
}

const hexDigits = "0123456789abcdef"

// uuidBytes returns the 16 bytes of a lower-case "urn:uuid:…".
func uuidBytes(id string) (b [16]byte, ok bool) {
	const prefix = "urn:uuid:"
	if len(id) != len(prefix)+36 || id[:len(prefix)] != prefix {
		return b, false
	}
	s := id[len(prefix):]
	j := 0
	for i := 0; i < 36; {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if s[i] != '-' {
				return b, false
			}
			i++
			continue
		}
		hi, ok1 := lowerHex(s[i])
		lo, ok2 := lowerHex(s[i+1])
		if !ok1 || !ok2 {
			return b, false
		}
		b[j] = hi<<4 | lo
		j++
		i += 2
	}
	return b, true
}

const uuidLen = len("urn:uuid:") + 36

// appendUUID appends the "urn:uuid:…" form of 16 bytes: the template,
// then each byte's two digits at their place in it.
func appendUUID(dst, b []byte) []byte {
	const template = "urn:uuid:00000000-0000-0000-0000-000000000000"
	n := len(dst)
	dst = append(dst, template...)
	d := dst[n : n+uuidLen]
	for i, c := range b[:16] {
		at := uuidDigitsAt[i]
		d[at], d[at+1] = hexDigits[c>>4], hexDigits[c&15]
	}
	return dst
}

// uuidDigitsAt is where each byte's digits go in a "urn:uuid:…".
var uuidDigitsAt = [16]uint8{9, 11, 13, 15, 18, 20, 23, 25, 28, 30, 33, 35, 37, 39, 41, 43}

// sha256Bytes returns the 32 bytes of a "sha256:" and 64 lower-case hex digits.
func sha256Bytes(h string) (b [32]byte, ok bool) {
	const prefix = "sha256:"
	if len(h) != len(prefix)+64 || h[:len(prefix)] != prefix {
		return b, false
	}
	for i := range b {
		hi, ok1 := lowerHex(h[len(prefix)+2*i])
		lo, ok2 := lowerHex(h[len(prefix)+2*i+1])
		if !ok1 || !ok2 {
			return b, false
		}
		b[i] = hi<<4 | lo
	}
	return b, true
}

func formatSHA256(b []byte) string {
	s := make([]byte, 7+64)
	copy(s, "sha256:")
	for i, c := range b {
		s[7+2*i], s[8+2*i] = hexDigits[c>>4], hexDigits[c&15]
	}
	return string(s)
}

func lowerHex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

var errCompact = errors.New("damaged compact annotations")

// compactReader reads the four columns. Strings are cut from one string
// holding the whole text column, so decoding allocates once for all of
// them rather than once per field.
type compactReader struct {
	meta, nums, raw []byte
	text            string
	err             error
	hashes, tags    []string
	// maxFlags are the annotation flags the entry's version knows.
	maxFlags uint64
	// ids holds the urn:uuid ids as text, which the annotations' IDs are
	// cut from without a copy (its bytes are never written again: an
	// append past its capacity, which cannot happen, would copy them);
	// tagSpace is spare room for the annotations' Tags slices. Both save
	// an allocation per annotation, which in WebAssembly was a third of
	// the decoding time.
	ids      []byte
	tagSpace []string

	// What the reader vouches for (see vouch.go): doubt is set as soon as
	// the annotation being read holds something that the decoding does not
	// make valid by construction; articleOK says whether the entry's own
	// article id is valid; hashOK and tagOK whether each entry of the
	// tables is.
	doubt         bool
	articleOK     bool
	hashOK, tagOK []bool
}

func (r *compactReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s", errCompact, what)
	}
}

func (r *compactReader) uvarint() uint64 {
	// Most are one byte: no call to binary.Uvarint (app.wasm is built
	// without inlining).
	if len(r.meta) > 0 && r.meta[0] < 0x80 {
		v := uint64(r.meta[0])
		r.meta = r.meta[1:]
		return v
	}
	v, n := binary.Uvarint(r.meta)
	if n <= 0 {
		r.fail("flags cut short")
		r.meta = nil
		return 0
	}
	r.meta = r.meta[n:]
	return v
}

func (r *compactReader) num() int64 {
	// binary.Varint by hand, for the same reason as uvarint.
	var u uint64
	var s uint
	for i, c := range r.nums {
		if i == binary.MaxVarintLen64 {
			break
		}
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				break // overflow
			}
			u |= uint64(c) << s
			r.nums = r.nums[i+1:]
			return int64(u>>1) ^ -int64(u&1)
		}
		u |= uint64(c&0x7f) << s
		s += 7
	}
	r.fail("numbers cut short")
	r.nums = nil
	return 0
}

func (r *compactReader) bytes(n int) []byte {
	if len(r.raw) < n {
		r.fail("ids cut short")
		r.raw = nil
		return make([]byte, n)
	}
	b := r.raw[:n]
	r.raw = r.raw[n:]
	return b
}

func (r *compactReader) str() string {
	// A uvarint read straight off the string, without copying it.
	var v uint64
	var s uint
	for i := 0; i < len(r.text) && i < binary.MaxVarintLen64; i++ {
		c := r.text[i]
		if c < 0x80 {
			v |= uint64(c) << s
			if v > uint64(len(r.text)-i-1) {
				break
			}
			end := i + 1 + int(v)
			out := r.text[i+1 : end]
			if !validUTF8(out) {
				r.doubt = true // left to Validate, which says where
			}
			r.text = r.text[end:]
			return out
		}
		v |= uint64(c&0x7f) << s
		s += 7
	}
	r.fail("text cut short")
	r.text = ""
	return ""
}

func (r *compactReader) enum(table []string) string {
	i := r.uvarint()
	switch {
	case i == 0:
		r.doubt = true // spelt out: may be anything
		return r.str()
	case i <= uint64(len(table)):
		return table[i-1]
	}
	r.fail("unknown value")
	return ""
}

// decodeCompact decodes what encodeCompact wrote. Annotations that name no
// other article are given articleID. Their strings share b's memory, so b
// must not be changed afterwards (decodeEntry hands it a buffer of its own).
func decodeCompact(articleID string, b []byte) ([]annotation.Annotation, error) {
	list, _, err := decodeCompactVouched(articleID, b)
	return list, err
}

// decodeCompactVouched is decodeCompact, also saying of each annotation
// whether the decoding vouches for it: vouched[i] means that
// check(articleID, &list[i]) would return nil (vouch.go).
func decodeCompactVouched(articleID string, b []byte) (list []annotation.Annotation, vouched []bool, err error) {
	if len(b) == 0 || b[0] == 0 || b[0] > compactVersion {
		return nil, nil, fmt.Errorf("%w: unknown version", errCompact)
	}
	version := b[0]
	b = b[1:]
	var head [4]uint64
	for i := range head {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, nil, fmt.Errorf("%w: header cut short", errCompact)
		}
		head[i], b = v, b[n:]
	}
	count, lm, ln, lr := head[0], head[1], head[2], head[3]
	if lm > uint64(len(b)) || ln > uint64(len(b))-lm || lr > uint64(len(b))-lm-ln || count > lm {
		return nil, nil, fmt.Errorf("%w: columns longer than the data", errCompact)
	}
	// The text column becomes the annotations' strings without a copy
	// (270 KB of the 307 KB for 1,000 realistic annotations): b is
	// decodeCompact's to keep.
	text := b[lm+ln+lr:]
	r := &compactReader{meta: b[:lm], nums: b[lm : lm+ln], raw: b[lm+ln : lm+ln+lr], text: unsafe.String(unsafe.SliceData(text), len(text)),
		ids:       make([]byte, 0, int(min(lr/16, count))*uuidLen),
		articleOK: annotation.ValidArticleID(articleID), maxFlags: maxFlags[version]}
	out := make([]annotation.Annotation, count)
	vouched = make([]bool, count)
	for i := range out {
		r.doubt = false
		r.annotation(articleID, &out[i])
		if r.err != nil {
			return nil, nil, fmt.Errorf("annotation %d: %w", i, r.err)
		}
		vouched[i] = !r.doubt && r.vouch(&out[i])
	}
	if len(r.meta)+len(r.nums)+len(r.raw)+len(r.text) != 0 {
		return nil, nil, fmt.Errorf("%w: data left over", errCompact)
	}

	return out, vouched, nil
}

func (r *compactReader) annotation(articleID string, a *annotation.Annotation) {
	flags := r.uvarint()
	if flags > r.maxFlags {
		r.fail("unknown flags")
		return
	}
	if flags&fIDText != 0 {
		a.ID = r.str()
	} else {
		at := len(r.ids)
		r.ids = appendUUID(r.ids, r.bytes(16))
		a.ID = unsafe.String(&r.ids[at], uuidLen)
	}
	a.Article = articleID
	if flags&fArticle != 0 {
		a.Article = r.str()
		r.doubt = true
	} else if !r.articleOK {
		r.doubt = true
	}
	if flags&fIDText != 0 {
		r.doubt = true
	}
	a.Quote.Prefix = r.str()
	a.Quote.Exact = r.str()
	a.Quote.Suffix = r.str()
	if flags&fNote != 0 {
		a.Note = r.str()
	}
	a.Quote.Type = r.enum(quoteTypes)
	a.Position.Type = r.enum(positionTypes)
	a.Kind = annotation.Kind(r.enum(kindTable))
	a.Label = r.enum(labelTable)
	a.ArticleHash = r.hash()
	if n := r.uvarint(); n > 0 {
		if n > uint64(len(r.meta)) {
			r.fail("too many tags")
			return
		}
		if uint64(cap(r.tagSpace)-len(r.tagSpace)) < n {
			r.tagSpace = make([]string, 0, max(n, 256))
		}
		k := len(r.tagSpace)
		r.tagSpace = r.tagSpace[:k+int(n)]
		a.Tags = r.tagSpace[k : k+int(n) : k+int(n)] // full: an append copies
		for i := range a.Tags {
			ref := r.uvarint()
			switch {
			case ref == 0:
				doubt := r.doubt
				r.doubt = false
				t := r.str()
				ok := !r.doubt && len(t) <= annotation.MaxTagLen && strings.TrimSpace(t) != ""
				r.doubt = doubt || !ok
				r.tags = append(r.tags, t)
				r.tagOK = append(r.tagOK, ok)
				a.Tags[i] = t
			case ref <= uint64(len(r.tags)):
				a.Tags[i] = r.tags[ref-1]
				if !r.tagOK[ref-1] {
					r.doubt = true
				}
			default:
				r.fail("unknown tag")
				return
			}
		}
	}
	if flags&fCreator != 0 {
		a.Creator = r.str()
	}
	if flags&fSource != 0 {
		a.Source = r.str()
	}
	if flags&fProvenance != 0 {
		r.provenance(a)
	}
	a.Deleted = flags&fDeleted != 0
	if flags&fClaim != 0 {
		c := &annotation.Claim{}
		cf := r.uvarint()
		c.Type = annotation.ClaimType(r.enum(claimTypeTab))
		c.Verdict = annotation.Verdict(r.enum(verdictTable))
		if cf&cSpeaker != 0 {
			c.Speaker = r.str()
		}
		if cf&cRationale != 0 {
			c.Rationale = r.str()
		}
		if n := r.uvarint(); n > 0 {
			if n > uint64(len(r.text)) {
				r.fail("too much evidence")
				return
			}
			c.Evidence = make([]annotation.Evidence, n)
			for i := range c.Evidence {
				c.Evidence[i] = annotation.Evidence{URL: r.str(), Title: r.str(), Quote: r.str()}
			}
		}
		a.Claim = c
	}

	start := r.num()
	a.Position = anchor.TextPositionSelector{Type: a.Position.Type, Start: int(start), End: int(start + r.num())}
	var created int64
	if flags&fCreatedFull == 0 {
		created = r.num()
		a.Created = time.UnixMilli(created).UTC()
		r.millis(created)
	} else {
		a.Created = r.fullTime()
		r.doubt = true
	}
	if flags&fModifiedFull == 0 {
		modified := created + r.num()
		a.Modified = time.UnixMilli(modified).UTC()
		r.millis(modified)
	} else {
		a.Modified = r.fullTime()
		r.doubt = true
	}
}

// provenance reads the five strings fProvenance announces. They are
// vouched for when a byte count shows them within their limits and the
// format is one Validate knows; anything else is left to Validate.
func (r *compactReader) provenance(a *annotation.Annotation) {
	a.NoteFormat = r.str()
	a.CreatorID = r.str()
	a.Via = r.str()
	a.Canonical = r.str()
	a.Imported = r.str()
	if a.NoteFormat == "" && a.CreatorID == "" && a.Via == "" && a.Canonical == "" && a.Imported == "" {
		r.fail("empty provenance") // not what the encoder writes: the encoding is canonical
		return
	}
	if a.NoteFormat != "" && a.NoteFormat != annotation.FormatMarkdown ||
		len(a.CreatorID) > annotation.MaxURLLen || len(a.Via) > annotation.MaxURLLen ||
		len(a.Canonical) > annotation.MaxURLLen || len(a.Imported) > maxImportedLen {
		r.doubt = true
	}
}

// maxImportedLen is what annotation.Validate allows Imported, in characters.
const maxImportedLen = 64

func (r *compactReader) hash() string {
	switch ref := r.uvarint(); {
	case ref == hashNone:
		return ""
	case ref == hashSHA256:
		h := formatSHA256(r.bytes(32))
		r.hashes = append(r.hashes, h)
		r.hashOK = append(r.hashOK, true)
		return h
	case ref == hashText:
		h := r.str()
		r.hashes = append(r.hashes, h)
		r.hashOK = append(r.hashOK, false) // left to Validate
		r.doubt = true
		return h
	case ref-hashTable < uint64(len(r.hashes)):
		if !r.hashOK[ref-hashTable] {
			r.doubt = true
		}
		return r.hashes[ref-hashTable]
	}
	r.fail("unknown article hash")
	return ""
}

func (r *compactReader) fullTime() time.Time {
	sec, nsec, off := r.num(), r.num(), r.num()
	if nsec < 0 || nsec >= 1e9 || off <= -1<<31 || off >= 1<<31 {
		r.fail("impossible time")
		return time.Time{}
	}
	t := time.Unix(sec, nsec)
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", int(off)))
}
