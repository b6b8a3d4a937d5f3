//go:build wasm

package ui

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/share"
)

// These run the browser-side DEFLATE under Node.js, which has the same
// CompressionStream/DecompressionStream:
//
//	GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" -run Stream ./app/ui

type streamResult struct {
	data []byte
	err  error
}

func runStream(t *testing.T, ctor string, in []byte, limit int) streamResult {
	t.Helper()
	ch := make(chan streamResult, 1)
	streamBytes(ctor, in, limit, func(data []byte, err error) { ch <- streamResult{data, err} })
	select {
	case r := <-ch:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("the stream never ended")
		return streamResult{}
	}
}

func skipWithoutStreams(t *testing.T) {
	if _, err := newStream("DecompressionStream"); err != nil {
		t.Skip(err)
	}
}

func TestStreamRoundTrip(t *testing.T) {
	skipWithoutStreams(t)
	data := []byte(strings.Repeat(`{"type":"Annotation","exact":"candid, substantive, and constructive"},`, 500))
	c := runStream(t, "CompressionStream", data, 0)
	if c.err != nil || len(c.data) == 0 || len(c.data) >= len(data) {
		t.Fatalf("compressed %d bytes to %d: %v", len(data), len(c.data), c.err)
	}
	d := runStream(t, "DecompressionStream", c.data, share.MaxLinkInflated+1)
	if d.err != nil || !bytes.Equal(d.data, data) {
		t.Fatalf("inflated %d bytes, want %d: %v", len(d.data), len(data), d.err)
	}
	// The fragment it gives is the one a link carries, and its steps agree.
	frag, err := share.LinkFragment(c.data)
	if err != nil {
		t.Fatal(err)
	}
	if deflated, err := share.LinkDeflated(frag); err != nil || !bytes.Equal(deflated, c.data) {
		t.Fatalf("LinkDeflated: %v", err)
	}
	t.Logf("%d bytes of JSON in %d bytes of DEFLATE", len(data), len(c.data))
}

// TestStreamBomb: 8 MiB of zeros stop at the limit, with no error, and
// LinkInflated refuses them; a stream cut short is damaged.
func TestStreamBomb(t *testing.T) {
	skipWithoutStreams(t)
	zeros := make([]byte, 8<<20)
	c := runStream(t, "CompressionStream", zeros, 0)
	if c.err != nil {
		t.Fatal(c.err)
	}
	t.Logf("the bomb: %d bytes, a %d-character link", len(c.data), len(share.LinkPrefix+base64.RawURLEncoding.EncodeToString(c.data)))
	limit := share.MaxLinkInflated + 1
	start := time.Now()
	d := runStream(t, "DecompressionStream", c.data, limit)
	t.Logf("inflating it stopped after %v", time.Since(start))
	if d.err != nil || len(d.data) != limit {
		t.Fatalf("the bomb gave %d bytes: %v", len(d.data), d.err)
	}
	if _, err := share.LinkInflated(d.data, d.err); err == nil || !strings.Contains(err.Error(), "1 MiB") {
		t.Errorf("LinkInflated: %v", err)
	}

	small := runStream(t, "CompressionStream", []byte(strings.Repeat("a link cut short ", 200)), 0)
	for name, bad := range map[string][]byte{
		"cut short": small.data[:len(small.data)/2],
		"garbage":   []byte("not deflate at all"),
		"empty":     nil,
	} {
		d := runStream(t, "DecompressionStream", bad, limit)
		if d.err == nil {
			t.Errorf("%s: no error (%d bytes)", name, len(d.data))
		}
		if _, err := share.LinkInflated(d.data, d.err); err != share.ErrLinkDamaged {
			t.Errorf("%s: LinkInflated = %v", name, err)
		}
	}
}
