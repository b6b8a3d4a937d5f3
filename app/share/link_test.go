//go:build !wasm

package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/annotation"
)

func TestShareLinkRoundTrip(t *testing.T) {
	art := fixtureArticle(t)
	anns := fixtureAnnotations(t, art)
	frag, err := EncodeLink(anns, art)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(frag, LinkPrefix) || len(frag) > MaxLinkChars {
		t.Fatalf("fragment %d chars: %.60s", len(frag), frag)
	}
	data, err := DecodeLink(frag)
	if err != nil {
		t.Fatal(err)
	}
	set, err := ParseImport(data, LinkImportSource, library(art))
	if err != nil {
		t.Fatal(err)
	}
	p := PreviewImport(set, nil)
	if p.New != len(anns) || len(p.Rejected) != 0 {
		t.Errorf("preview %+v", p)
	}
	t.Logf("%d annotations in a %d-character link", len(anns), len(frag))
}

func TestShareLinkLimits(t *testing.T) {
	art := fixtureArticle(t)
	base := fixtureAnnotations(t, art)[0]
	many := copiesOf(base, MaxLinkAnns+1)
	if _, err := EncodeLink(many, art); err == nil || !strings.Contains(err.Error(), "at most 50") {
		t.Errorf("51 annotations: %v", err)
	}
	long := base
	long.Note = strings.Repeat("x", 100) + randomText(20000)
	if _, err := EncodeLink([]annotation.Annotation{long}, art); err != ErrLinkTooLong {
		t.Errorf("a long note: %v", err)
	}
}

// randomText is incompressible-ish text from a fixed generator.
func randomText(n int) string {
	var b strings.Builder
	x := uint32(2463534242)
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteByte("abcdefghijklmnopqrstuvwxyz0123456789"[x%36])
	}
	return b.String()
}

func TestDecodeLinkBomb(t *testing.T) {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	zeros := make([]byte, 1<<16)
	for i := 0; i < 64; i++ { // 4 MiB of zeros
		w.Write(zeros)
	}
	w.Close()
	frag := LinkPrefix + base64.RawURLEncoding.EncodeToString(buf.Bytes())
	if _, err := DecodeLink(frag); err == nil || !strings.Contains(err.Error(), "1 MiB") {
		t.Errorf("a zip bomb: %v (fragment %d chars)", err, len(frag))
	}
	for _, bad := range []string{"", "#nothing", "#import=!!!", "#import=AAAA", "import=" + base64.RawURLEncoding.EncodeToString([]byte("not deflate"))} {
		if _, err := DecodeLink(bad); err == nil {
			t.Errorf("DecodeLink(%q) did not fail", bad)
		}
	}
}

// TestDecodeLinkAnyDeflate: a link made by another DEFLATE encoder (the
// browser's CompressionStream, at its own level) reads the same.
func TestDecodeLinkAnyDeflate(t *testing.T) {
	art := fixtureArticle(t)
	data, err := LinkJSON(fixtureAnnotations(t, art)[:2], art)
	if err != nil {
		t.Fatal(err)
	}
	for _, deflated := range [][]byte{stored(data), DeflateRaw(data)} {
		frag, err := LinkFragment(deflated)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeLink(frag)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("DecodeLink = %d bytes, %v", len(got), err)
		}
	}
}
