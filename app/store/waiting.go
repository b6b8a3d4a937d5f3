package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/annotator/annotator/app/article"
)

// Waiting is a web address the reader added while offline (in the add box,
// or shared to the app): it waits, kept in storage, until the app can
// fetch it.
type Waiting struct {
	URL string `json:"url"`
	// Title is the page's title as it was shared, if it was.
	Title string    `json:"title,omitempty"`
	Added time.Time `json:"added"`
	// Problem is why the last attempt failed, for the reader; an address
	// with a problem is not fetched again until the reader asks.
	Problem string `json:"problem,omitempty"`
}

// waitingKey holds the list of waiting addresses, oldest first.
const waitingKey = "annotator/waiting"

// MaxWaiting is how many addresses may wait at once.
const MaxWaiting = 100

// Waiting returns the addresses waiting to be fetched, oldest first.
func (s *Store) Waiting() []Waiting { return append([]Waiting(nil), s.waiting...) }

// AddWaiting keeps an address to fetch later. An address already waiting
// (article.AddressKey) is not added twice; its problem is cleared.
func (s *Store) AddWaiting(w Waiting) error {
	key := article.AddressKey(w.URL)
	if key == "" {
		return fmt.Errorf("store: %.120q is not a web address", w.URL)
	}
	for i, old := range s.waiting {
		if article.AddressKey(old.URL) == key {
			s.waiting[i].Problem = ""
			return s.save(waitingKey)
		}
	}
	if len(s.waiting) >= MaxWaiting {
		return fmt.Errorf("store: %d addresses are already waiting to be fetched", MaxWaiting)
	}
	s.waiting = append(s.waiting, w)
	return s.save(waitingKey)
}

// SetWaitingProblem records why fetching an address failed.
func (s *Store) SetWaitingProblem(url, problem string) error {
	key := article.AddressKey(url)
	for i, w := range s.waiting {
		if article.AddressKey(w.URL) == key {
			s.waiting[i].Problem = problem
			return s.save(waitingKey)
		}
	}
	return nil
}

// RemoveWaiting forgets an address: fetched, or given up by the reader.
func (s *Store) RemoveWaiting(url string) error {
	key := article.AddressKey(url)
	kept := s.waiting[:0]
	found := false
	for _, w := range s.waiting {
		if article.AddressKey(w.URL) == key {
			found = true
			continue
		}
		kept = append(kept, w)
	}
	s.waiting = kept
	if !found {
		return nil
	}
	return s.save(waitingKey)
}

// decodeWaiting reads the stored list, keeping only web addresses.
func decodeWaiting(value string) ([]Waiting, error) {
	var list []Waiting
	if err := json.Unmarshal([]byte(value), &list); err != nil {
		return nil, fmt.Errorf("unreadable list of addresses to fetch: %v", err)
	}
	kept := list[:0]
	for _, w := range list {
		if article.AddressKey(w.URL) != "" && len(kept) < MaxWaiting {
			kept = append(kept, w)
		}
	}
	return kept, nil
}

func (s *Store) waitingValue() (string, bool) {
	if len(s.waiting) == 0 {
		return "", false
	}
	b, _ := json.Marshal(s.waiting)
	return string(b), true
}
