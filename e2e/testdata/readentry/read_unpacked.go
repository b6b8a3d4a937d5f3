//go:build js && wasm

package store

import (
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// readForBench is BenchmarkReadEntryInBrowser's read in a store with
// getUnpacked (e2e/bench_read_entry_test.go adds this file to such a
// tree): what load does of an annotations key, into a buffer reused from
// read to read as load's pool does. get is getUnpacked's time.
func readForBench(ls Backend, key, id string, buf *[]byte) (good []annotation.Annotation, problems []Problem, get time.Duration, err error) {
	t := time.Now()
	b, _, packed, _, err := ls.(unpackingGetter).getUnpacked(key, (*buf)[:0])
	get = time.Since(t)
	if err != nil {
		return nil, nil, get, err
	}
	*buf = b
	good, problems, err = decodeStored(id, b, packed)
	return good, problems, get, err
}
