package app

import (
	"encoding/binary"
	"encoding/hex"
	"math/rand/v2"
)

// newUUID returns a random (version 4) UUID in its canonical form, as
// github.com/google/uuid's NewString does. That package also brings
// database/sql/driver, crypto/md5 and their initialisation into app.wasm
// for two calls (annotator patch; see PATCHES.md). The bytes come from
// math/rand/v2, whose ChaCha8 generator the runtime seeds from the system's
// randomness (crypto.getRandomValues in a browser): ids need to be unique,
// not secret, and crypto/rand would link Go's FIPS 140 module into app.wasm.
func newUUID() string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], rand.Uint64())
	binary.BigEndian.PutUint64(b[8:], rand.Uint64())
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // variant RFC 9562
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:36], b[10:16])
	return string(s[:])
}
