//go:build js && wasm

package store

import (
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// readForBench is BenchmarkReadEntryInBrowser's read in a store without
// getUnpacked (e2e/bench_read_entry_test.go adds this file to such a
// tree): the value through Get, then decodeArticle. get is Get's time.
func readForBench(ls Backend, key, id string, _ *[]byte) (good []annotation.Annotation, problems []Problem, get time.Duration, err error) {
	t := time.Now()
	value, _, err := ls.Get(key)
	get = time.Since(t)
	if err != nil {
		return nil, nil, get, err
	}
	good, problems, err = decodeArticle(id, value)
	return good, problems, get, err
}
