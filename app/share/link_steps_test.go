package share

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/annotation"
)

// These test the steps of a share link around its compression, in every
// build (app.wasm does the compression with the browser's own).

// stored is data as raw DEFLATE in stored blocks: valid DEFLATE with no
// compression, which any inflater reads.
func stored(data []byte) []byte {
	var out []byte
	for {
		n := min(len(data), 0xffff)
		final := byte(0)
		if n == len(data) {
			final = 1
		}
		out = append(out, final, byte(n), byte(n>>8), ^byte(n), ^byte(n>>8))
		out = append(out, data[:n]...)
		data = data[n:]
		if final == 1 {
			return out
		}
	}
}

func TestLinkSteps(t *testing.T) {
	art := fixtureArticle(t)
	anns := fixtureAnnotations(t, art)[:2] // uncompressed, they must fit
	data, err := LinkJSON(anns, art)
	if err != nil {
		t.Fatal(err)
	}
	frag, err := LinkFragment(stored(data))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(frag, LinkPrefix) {
		t.Fatalf("fragment %.40q", frag)
	}
	for _, f := range []string{frag, strings.TrimPrefix(frag, "#"), frag + "=="} {
		got, err := LinkDeflated(f)
		if err != nil || !bytes.Equal(got, stored(data)) {
			t.Errorf("LinkDeflated(%.20q…) = %d bytes, %v", f, len(got), err)
		}
	}
	if got, err := LinkInflated(data, nil); err != nil || !bytes.Equal(got, data) {
		t.Errorf("LinkInflated = %d bytes, %v", len(got), err)
	}
	if set, err := ParseImport(data, LinkImportSource, library(art)); err != nil || len(set.Annotations) != len(anns) {
		t.Errorf("the link's JSON does not import: %v", err)
	}
}

func TestLinkStepLimits(t *testing.T) {
	art := fixtureArticle(t)
	base := fixtureAnnotations(t, art)[0]
	many := copiesOf(base, MaxLinkAnns+1)
	if _, err := LinkJSON(many, art); err == nil || !strings.Contains(err.Error(), "at most 50") {
		t.Errorf("51 annotations: %v", err)
	}
	if _, err := LinkJSON(many[:1], nil); err != ErrNothingToExport {
		t.Errorf("no article: %v", err)
	}
	if _, err := LinkFragment(make([]byte, MaxLinkChars*3/4)); err != ErrLinkTooLong {
		t.Errorf("a long link: %v", err)
	}
	for in, want := range map[string]string{
		"":                                      "carries no annotations",
		"#nothing":                              "carries no annotations",
		"#import=!!!":                           "damaged",
		"#import=A":                             "damaged",
		"#import=" + strings.Repeat("A", 70000): "too long",
	} {
		if _, err := LinkDeflated(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("LinkDeflated(%.20q) = %v, want %q", in, err, want)
		}
	}
	big := make([]byte, MaxLinkInflated+1)
	for _, err := range []error{nil, io.ErrUnexpectedEOF} {
		if _, err := LinkInflated(big, err); err == nil || !strings.Contains(err.Error(), "1 MiB") {
			t.Errorf("over the limit: %v", err)
		}
	}
	if _, err := LinkInflated([]byte("{"), errors.New("flate: corrupt input")); err != ErrLinkDamaged {
		t.Errorf("a damaged stream: %v", err)
	}
}

// copiesOf returns n copies of a, each with its own id.
func copiesOf(a annotation.Annotation, n int) []annotation.Annotation {
	out := make([]annotation.Annotation, n)
	for i := range out {
		out[i] = a
		out[i].ID = uuid(1000 + i)
	}
	return out
}
