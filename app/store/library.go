package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/annotator/annotator/app/annotation"
)

// What the library page shows of each article besides its text: how many
// annotations and claims it has, and when the reader last opened it. The
// times are kept under one small key, annotator/opened (article id → Unix
// milliseconds), written when an article is opened.

const openedKey = "annotator/opened"

// Tally is an article's count of live annotations, claims among them.
type Tally struct {
	Annotations int
	Claims      int
}

// Tallies counts every article's live annotations, by article id; articles
// with none are left out. It copies nothing but the counts.
func (s *Store) Tallies() map[string]Tally {
	out := map[string]Tally{}
	for id, m := range s.annotations {
		var t Tally
		for _, a := range m {
			if a.Deleted {
				continue
			}
			t.Annotations++
			if a.Kind == annotation.KindClaim && a.Claim != nil {
				t.Claims++
			}
		}
		if t.Annotations > 0 {
			out[id] = t
		}
	}
	return out
}

// Opened returns when the reader last opened each article, by id.
func (s *Store) Opened() map[string]time.Time {
	out := make(map[string]time.Time, len(s.opened))
	for id, ms := range s.opened {
		out[id] = time.UnixMilli(ms)
	}
	return out
}

// MarkOpened records that the reader opened an article at a time. An
// article opened again within the same minute is not written again.
func (s *Store) MarkOpened(articleID string, at time.Time) error {
	if articleID == "" {
		return fmt.Errorf("store: opened needs an article id")
	}
	ms := at.UnixMilli()
	if old, ok := s.opened[articleID]; ok && ms >= old && ms-old < 60_000 {
		return nil
	}
	if s.opened == nil {
		s.opened = map[string]int64{}
	}
	s.opened[articleID] = ms
	// Written alone, and not retried with later writes when it fails: a
	// full storage must not make the reader's own changes report failure
	// for the sake of this.
	if err := s.writeKey(openedKey); err != nil {
		delete(s.pending, openedKey)
		return err
	}
	return nil
}

// forgetOpened drops an article's time, when the article is removed.
func (s *Store) forgetOpened(articleID string) bool {
	if _, ok := s.opened[articleID]; !ok {
		return false
	}
	delete(s.opened, articleID)
	return true
}

func decodeOpened(value string) (map[string]int64, error) {
	m := map[string]int64{}
	if value == "" {
		return m, nil
	}
	if err := json.Unmarshal([]byte(value), &m); err != nil {
		return nil, fmt.Errorf("unreadable times of opening: %v", err)
	}
	for id, ms := range m {
		if id == "" || ms <= 0 {
			delete(m, id)
		}
	}
	return m, nil
}

func encodeOpened(m map[string]int64) (string, bool) {
	if len(m) == 0 {
		return "", false
	}
	b, _ := json.Marshal(m)
	return string(b), true
}
