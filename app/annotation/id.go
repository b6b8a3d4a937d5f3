package annotation

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
	"strings"

	"github.com/annotator/annotator/internal/shasum"
)

// Annotation ids are "urn:uuid:" and a UUID in lowercase hex. They are made
// here and nowhere else: at random for a new annotation (NewID), or from a
// name for one that comes from elsewhere (NameID), so that importing or
// migrating the same thing twice gives the same id. Ids are stored and
// exchanged, so the way a name becomes an id must never change (id_test.go
// pins today's).

// URLNamespace is RFC 9562's namespace for names that are URLs
// (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
var URLNamespace = []byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// NewID returns a fresh annotation id: a random (version 4) UUID.
func NewID() string {
	// math/rand/v2's generator is ChaCha8, seeded by the runtime from the
	// system's (the browser's crypto.getRandomValues) randomness: 122 random
	// bits make ids unique without linking crypto/rand (internal/shasum
	// says why that matters).
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], rand.Uint64())
	binary.BigEndian.PutUint64(b[8:], rand.Uint64())
	return uuidURN(b, 4)
}

// NameID returns the id that name always maps to: the name-based
// (version 5) UUID of name in namespace, SHA-1 over the namespace's 16
// bytes and then the name. Foreign annotation ids are names in
// URLNamespace. A nil namespace hashes the name alone: the schema-1
// migration (app/store) made its ids that way, and they must not change.
func NameID(namespace []byte, name string) string {
	sum := shasum.Sum1(append(append([]byte(nil), namespace...), name...))
	var b [16]byte
	copy(b[:], sum[:])
	return uuidURN(b, 5)
}

// uuidURN sets the version and the RFC 9562 variant bits of b and formats
// it as a urn:uuid.
func uuidURN(b [16]byte, version byte) string {
	b[6] = b[6]&0x0f | version<<4
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return "urn:uuid:" + h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// IsID reports whether s is an annotation id: "urn:uuid:" and a UUID in
// lowercase hex (8-4-4-4-12 digits).
func IsID(s string) bool {
	const prefix = "urn:uuid:"
	if len(s) != len(prefix)+36 || s[:len(prefix)] != prefix {
		return false
	}
	u := s[len(prefix):]
	if u[8] != '-' || u[13] != '-' || u[18] != '-' || u[23] != '-' {
		return false
	}
	// A table lookup a digit rather than a call: every stored annotation's
	// id is checked as it loads, and the call a character was a fifth of
	// reading an article's annotations in WebAssembly, where app.wasm is
	// built without inlining.
	return notHex(u[:8])|notHex(u[9:13])|notHex(u[14:18])|notHex(u[19:23])|notHex(u[24:]) == 0
}

// notHex returns 0 if s is lowercase hex digits only.
func notHex(s string) byte {
	var bad byte
	for i := 0; i < len(s); i++ {
		bad |= notHexDigit[s[i]]
	}
	return bad
}

// notHexDigit is 0 for 0-9 and a-f, 1 for every other byte.
var notHexDigit = func() (t [256]byte) {
	for c := range t {
		if !isLowerHex(byte(c)) {
			t[c] = 1
		}
	}
	return t
}()

// idFor returns the id to store for an annotation known elsewhere by id. A
// urn:uuid is kept (lowercased); any other IRI is mapped to its NameID in
// URLNamespace, so importing the same foreign annotation twice gives the
// same id.
func idFor(foreign string) string {
	if l := strings.ToLower(foreign); IsID(l) {
		return l
	} else if u := "urn:uuid:" + strings.TrimPrefix(l, "#"); l != "" && l[0] == '#' && IsID(u) {
		// Recogito names its annotations "#<uuid>", relative to the page.
		return u
	}
	return NameID(URLNamespace, foreign)
}
