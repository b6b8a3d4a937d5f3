package shasum

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// The FIPS 180 examples, and lengths around the padding's block boundary.
func TestKnownDigests(t *testing.T) {
	tests := []struct {
		in           string
		sha1, sha256 string
	}{
		{"", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{"abc", "a9993e364706816aba3e25717850c26c9cd0d89d", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
		{strings.Repeat("a", 1000000), "34aa973cd4c4daa4f61eeb2bdbad27316534016f", "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
	}
	for _, tt := range tests {
		if got := Sum1([]byte(tt.in)); hex.EncodeToString(got[:]) != tt.sha1 {
			t.Errorf("Sum1(%.20q) = %x, want %s", tt.in, got, tt.sha1)
		}
		if got := Sum256([]byte(tt.in)); hex.EncodeToString(got[:]) != tt.sha256 {
			t.Errorf("Sum256(%.20q) = %x, want %s", tt.in, got, tt.sha256)
		}
	}
}

func TestEveryLengthAgreesWithCrypto(t *testing.T) {
	data := make([]byte, 300)
	for i := range data {
		data[i] = byte(i*7 + 3)
	}
	for n := range data {
		same(t, data[:n])
	}
}

func FuzzAgreesWithCrypto(f *testing.F) {
	f.Add([]byte(""))
	f.Add([]byte("annotator-v1:abc"))
	f.Add(make([]byte, 55))
	f.Add(make([]byte, 56))
	f.Add(make([]byte, 64))
	f.Fuzz(func(t *testing.T, data []byte) { same(t, data) })
}

func same(t *testing.T, data []byte) {
	t.Helper()
	if got, want := Sum1(data), sha1.Sum(data); got != want {
		t.Fatalf("Sum1 of %d bytes = %x, crypto/sha1 says %x", len(data), got, want)
	}
	if got, want := Sum256(data), sha256.Sum256(data); got != want {
		t.Fatalf("Sum256 of %d bytes = %x, crypto/sha256 says %x", len(data), got, want)
	}
}
