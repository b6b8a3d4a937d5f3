package lz4

import (
	"bytes"
	"math/rand/v2"
	"testing"

	ref "github.com/pierrec/lz4/v4"

	"github.com/annotator/annotator/internal/realistic"
)

// inputs are the shapes compression meets: nothing, tiny, incompressible,
// one byte repeated (overlapping matches), prose, and lengths around the
// block format's end rules and the 64 KB window.
func inputs() [][]byte {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 100_000)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	prose := []byte(realistic.Prose())
	in := [][]byte{nil, []byte("a"), []byte("abcdabcdabcdabcd"), bytes.Repeat([]byte{'x'}, 70_000), random, prose[:200_000]}
	for _, n := range []int{4, 5, 11, 12, 13, 14, 17, 18, 19, 20, 64, 255, 270, 65535, 65536, 65537, 140_000} {
		in = append(in, prose[1000:1000+n], bytes.Repeat([]byte("ab"), n/2+1)[:n])
	}
	return in
}

func TestRoundTripAndReference(t *testing.T) {
	for i, src := range inputs() {
		c := Compress(nil, src)
		got, err := Decompress(c, len(src))
		if err != nil || !bytes.Equal(got, src) {
			t.Fatalf("input %d (%d bytes): round trip failed: %v", i, len(src), err)
		}
		// The reference decoder reads ours…
		out := make([]byte, len(src)+1)
		n, err := ref.UncompressBlock(c, out)
		if len(src) > 0 && (err != nil || !bytes.Equal(out[:n], src)) {
			t.Fatalf("input %d (%d bytes): the reference decoder says %v", i, len(src), err)
		}
		// …and ours reads the reference encoder's, fast and HC.
		for _, level := range []ref.CompressionLevel{ref.Fast, ref.Level9} {
			buf := make([]byte, ref.CompressBlockBound(len(src)))
			var m int
			if level == ref.Fast {
				var z ref.Compressor
				m, err = z.CompressBlock(src, buf)
			} else {
				z := ref.CompressorHC{Level: level}
				m, err = z.CompressBlock(src, buf)
			}
			if err != nil || m == 0 {
				continue // incompressible: the reference stores nothing
			}
			got, err := Decompress(buf[:m], len(src))
			if err != nil || !bytes.Equal(got, src) {
				t.Fatalf("input %d (%d bytes): reference block (level %v) not read: %v", i, len(src), level, err)
			}
		}
	}
}

func TestCompresses(t *testing.T) {
	prose := []byte(realistic.Prose())[:100_000]
	c := Compress(nil, prose)
	var z ref.Compressor
	buf := make([]byte, ref.CompressBlockBound(len(prose)))
	m, _ := z.CompressBlock(prose, buf)
	t.Logf("100 KB of prose: ours %d bytes, reference fast %d", len(c), m)
	if len(c) > m {
		t.Errorf("ours (%d bytes) compresses worse than the reference's fast mode (%d)", len(c), m)
	}
}

func TestDecompressRejects(t *testing.T) {
	good := Compress(nil, []byte(realistic.Prose()[:5000]))
	for name, c := range map[string][]byte{
		"empty":           {},
		"cut short":       good[:len(good)/2],
		"offset zero":     {0x14, 'a', 0, 0, 0x00},
		"offset too far":  {0x14, 'a', 9, 0, 0x00},
		"length overflow": append([]byte{0xf0}, bytes.Repeat([]byte{255}, 20)...),
	} {
		if _, err := Decompress(c, 5000); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := Decompress(good, 4999); err == nil {
		t.Error("wrong size accepted")
	}
}

func FuzzDecompress(f *testing.F) {
	for _, in := range inputs()[:8] {
		f.Add(Compress(nil, in), len(in))
	}
	f.Fuzz(func(t *testing.T, c []byte, size int) {
		if size > 1<<20 {
			size = 1 << 20
		}
		out, err := Decompress(c, size)
		if err == nil && len(out) != size {
			t.Fatalf("%d bytes, want %d", len(out), size)
		}
	})
}

func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte("abcabcabcabcabcabcabcabc"))
	f.Add([]byte(realistic.Prose()[:300]))
	f.Fuzz(func(t *testing.T, src []byte) {
		c := Compress(nil, src)
		got, err := Decompress(c, len(src))
		if err != nil || !bytes.Equal(got, src) {
			t.Fatalf("round trip failed: %v", err)
		}
		out := make([]byte, len(src)+1)
		if n, err := ref.UncompressBlock(c, out); len(src) > 0 && (err != nil || !bytes.Equal(out[:n], src)) {
			t.Fatalf("the reference decoder says %v", err)
		}
	})
}

func BenchmarkCompress(b *testing.B) {
	src := []byte(realistic.Prose())[:300_000]
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Compress(nil, src)
	}
}

func BenchmarkDecompress(b *testing.B) {
	src := []byte(realistic.Prose())[:300_000]
	c := Compress(nil, src)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Decompress(c, len(src)); err != nil {
			b.Fatal(err)
		}
	}
}

// A Compressor makes Compress's block, byte for byte, however its steps
// are cut.
func TestCompressorMatchesCompress(t *testing.T) {
	for _, src := range inputs() {
		want := Compress([]byte("prefix"), src)
		for _, n := range []int{1, 7, 100, 4096, 1 << 30} {
			c := NewCompressor([]byte("prefix"), src)
			steps := 0
			for !c.Step(n) {
				if steps++; steps > len(src)+1 {
					t.Fatalf("%d bytes in steps of %d: not done after %d steps", len(src), n, steps)
				}
				if p := c.Progress(); p < 0 || p > len(src) {
					t.Fatalf("progress %d of %d", p, len(src))
				}
			}
			if !bytes.Equal(c.Bytes(), want) {
				t.Errorf("%d bytes in steps of %d: the block differs from Compress's", len(src), n)
			}
			if c.Progress() != len(src) || !c.Step(n) {
				t.Errorf("%d bytes in steps of %d: not done after done", len(src), n)
			}
		}
	}
}
