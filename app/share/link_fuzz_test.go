//go:build !wasm

package share

import "testing"

// FuzzDecodeLink: a link never panics, never inflates past the limit, and
// what it carries goes through the same import path.
func FuzzDecodeLink(f *testing.F) {
	art := fixtureArticle(f)
	if frag, err := EncodeLink(fixtureAnnotations(f, art)[:2], art); err == nil {
		f.Add(frag)
	}
	f.Add("#import=")
	f.Add("#import=AAAA")
	f.Add("import=S0lNS0xJBAA")
	lib := library(art)
	f.Fuzz(func(t *testing.T, frag string) {
		data, err := DecodeLink(frag)
		if err != nil {
			return
		}
		if len(data) > MaxLinkInflated {
			t.Fatalf("inflated to %d bytes", len(data))
		}
		if set, err := ParseImport(data, LinkImportSource, lib); err != nil && set != nil {
			t.Fatal("an error with a set")
		}
	})
}
