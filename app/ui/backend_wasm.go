//go:build wasm

package ui

import (
	"strconv"

	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func newBackend() store.Backend { return &signalledStorage{Backend: store.NewLocalStorage()} }

// signalledStorage is the browser's localStorage, telling scripts and the
// end-to-end tests when it has been written: <html data-saved="N"> counts
// the writes that succeeded, and data-save-failed="M" (absent until one
// fails) those that did not. A test that made a change waits for the count
// to grow and for the page to show the change, rather than for a time, or
// for the stored text, whose encoding is the store's business.
type signalledStorage struct {
	store.Backend
	saved, failed int
}

func (s *signalledStorage) Set(key, value string) error {
	err := s.Backend.Set(key, value)
	s.signal(err)
	return err
}

func (s *signalledStorage) Remove(key string) error {
	err := s.Backend.Remove(key)
	s.signal(err)
	return err
}

// QuotaChars passes on the quota of the storage it wraps, which the store's
// usage line needs (store.Usage): an embedded interface would hide it.
func (s *signalledStorage) QuotaChars() int {
	if q, ok := s.Backend.(interface{ QuotaChars() int }); ok {
		return q.QuotaChars()
	}
	return 0
}

func (s *signalledStorage) signal(err error) {
	html := app.Window().Get("document").Get("documentElement")
	if err != nil {
		s.failed++
		html.Call("setAttribute", "data-save-failed", strconv.Itoa(s.failed))
		return
	}
	s.saved++
	html.Call("setAttribute", "data-saved", strconv.Itoa(s.saved))
}
