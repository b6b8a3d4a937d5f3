package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/internal/lz4"
)

// The stored form of one article's annotations (schemas 3 and 4):
//
//	entryMarker + pack( uvarint(len(compact)) + lz4(compact) )
//
// compact is encodeCompact's encoding of the annotations sorted by id,
// tombstones older than tombstoneTTL left out; lz4 is an LZ4 block
// (internal/lz4); pack turns bytes into UTF-16 code units, 15 bits each
// (pack.go). The marker, which neither a JSON array nor the packing starts
// with, says which form a value is in: schema 2's JSON arrays are still
// read (a tab running the previous version may write one before it
// reloads), and written forward.
const entryMarker = '~'

// maxCompactLen bounds what a stored value may claim to decompress to, so
// that a damaged length cannot make the store allocate without limit. LZ4
// expands at most about 255 times; 64 MB is far beyond any localStorage.
const maxCompactLen = 64 << 20

// encodeEntry returns the stored form of an article's annotations.
func encodeEntry(articleID string, byID map[string]annotation.Annotation, now time.Time) string {
	return packEntry(compactEntry(articleID, byID, now))
}

// compactEntry is the compact encoding inside encodeEntry's value.
func compactEntry(articleID string, byID map[string]annotation.Annotation, now time.Time) []byte {
	list := make([]annotation.Annotation, 0, len(byID))
	for _, a := range byID {
		if !expired(a, now) {
			list = append(list, a)
		}
	}
	// Sort pointers, not the annotations: swapping 1,000 structs of 350
	// bytes cost more than compressing them.
	sorted := make([]*annotation.Annotation, len(list))
	for i := range list {
		sorted[i] = &list[i]
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID }) // not slices.SortFunc: 15 KB more of app.wasm
	return encodeCompact(articleID, sorted)
}

func packEntry(compact []byte) string {
	z := binary.AppendUvarint(make([]byte, 0, 16+len(compact)), uint64(len(compact)))
	z = lz4.Compress(z, compact)
	out := make([]byte, 0, 1+3*packedLen(len(z)))
	out = append(out, entryMarker)
	return string(packBytes(out, z))
}

// isPacked reports whether a stored value is in the schema-3 form.
func isPacked(value string) bool { return strings.HasPrefix(value, string(entryMarker)) }

// unpackBuffers holds the buffers unpackEntry unpacks LZ4's input into:
// only the decompressed bytes are kept, and not allocating 114 KB a read
// of 1,000 annotations leaves the garbage collector less to do.
var unpackBuffers = sync.Pool{New: func() any { return new([]byte) }}

// unpackEntry returns the compact encoding inside a schema-3 value.
func unpackEntry(value string) ([]byte, error) {
	if !isPacked(value) {
		return nil, errors.New("not a packed entry")
	}
	buf := unpackBuffers.Get().(*[]byte)
	defer unpackBuffers.Put(buf)
	z, err := unpackBytesTo((*buf)[:0], value[1:])
	if err != nil {
		return nil, err
	}
	*buf = z
	return decompressEntry(z)
}

// decompressEntry returns the compact encoding in z, the bytes packed into
// a schema-3 value (a length, then LZ4).
func decompressEntry(z []byte) ([]byte, error) {
	size, n := binary.Uvarint(z)
	if n <= 0 || size > maxCompactLen || size > 255*uint64(len(z))+16 {
		return nil, errors.New("damaged length")
	}
	compact, err := lz4.Decompress(z[n:], int(size))
	if err != nil {
		return nil, fmt.Errorf("cannot decompress: %v", err)
	}
	return compact, nil
}

// decodeEntry decodes a schema-3 value into annotations, in stored order.
func decodeEntry(articleID, value string) ([]annotation.Annotation, error) {
	list, _, err := decodeEntryVouched(articleID, value)
	return list, err
}

// decodeEntryVouched is decodeEntry, also saying which annotations the
// decoding vouches for (decodeCompactVouched).
func decodeEntryVouched(articleID, value string) ([]annotation.Annotation, []bool, error) {
	compact, err := unpackEntry(value)
	if err != nil {
		return nil, nil, err
	}
	return decodeCompactVouched(articleID, compact)
}
