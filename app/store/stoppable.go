package store

import "errors"

// ErrStopped is returned by every write to a stopped backend (Stoppable).
var ErrStopped = errors.New("saving has stopped after an internal error in Annotator: reload the page to go on")

// Stoppable is a Backend whose writes stop for good once stopped() reports
// true: Set and Remove then fail with ErrStopped and change nothing, while
// reads go on. The app stops writing after an internal error (a panic),
// when what it holds in memory may no longer be what the reader meant to
// save, so that nothing already saved is overwritten with it.
type Stoppable struct {
	Backend
	stopped func() bool
}

// NewStoppable wraps b; stopped must be safe to call from any goroutine.
func NewStoppable(b Backend, stopped func() bool) *Stoppable {
	return &Stoppable{Backend: b, stopped: stopped}
}

// Set implements Backend.
func (s *Stoppable) Set(key, value string) error {
	if s.stopped() {
		return ErrStopped
	}
	return s.Backend.Set(key, value)
}

// Remove implements Backend.
func (s *Stoppable) Remove(key string) error {
	if s.stopped() {
		return ErrStopped
	}
	return s.Backend.Remove(key)
}

// QuotaChars passes the wrapped Backend's quota on (Usage needs it).
func (s *Stoppable) QuotaChars() int {
	if q, ok := s.Backend.(quotaKnower); ok {
		return q.QuotaChars()
	}
	return 0
}
