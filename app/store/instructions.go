package store

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Instructions are the teacher's instructions of the class pack that
// brought an article, kept beside the article (under
// annotator/classpack/<article id>) and shown on it. They go when a
// reader-added article is removed.
type Instructions struct {
	Creator string `json:"creator,omitempty"` // who wrote them
	Text    string `json:"text"`
}

const (
	instructionsPrefix = "annotator/classpack/"
	// oldInstructionsPrefix is where the share panel kept instructions
	// before the store owned them: outside our prefix. Open moves them.
	oldInstructionsPrefix = "annotator-classpack/"
)

func instructionsKey(articleID string) string { return instructionsPrefix + articleID }

// Instructions returns the instructions kept for an article.
func (s *Store) Instructions(articleID string) (Instructions, bool) {
	in, ok := s.instructions[articleID]
	return in, ok
}

// SetInstructions keeps instructions for an article; an empty Text removes
// them.
func (s *Store) SetInstructions(articleID string, in Instructions) error {
	if articleID == "" {
		return fmt.Errorf("store: instructions need an article id")
	}
	if strings.TrimSpace(in.Text) == "" {
		delete(s.instructions, articleID)
	} else {
		s.instructions[articleID] = in
	}
	return s.save(instructionsKey(articleID))
}

func decodeInstructions(value string) (Instructions, error) {
	var in Instructions
	if err := json.Unmarshal([]byte(value), &in); err != nil {
		return in, fmt.Errorf("unreadable class pack instructions: %v", err)
	}
	return in, nil
}

// moveOldInstructions moves instructions kept under the share panel's old
// keys (annotator-classpack/<id>, outside our prefix) to
// annotator/classpack/<id>. Each key is written anew before the old one is
// removed, so an interruption loses nothing: the next Open finishes the
// move. A value that cannot be read is set aside like any other; when the
// new key cannot be written (a full storage) the instructions are used from
// the old key and the move waits for the next Open.
func (s *Store) moveOldInstructions(rep *Report, keys []string, has map[string]bool) error {
	moved := 0
	for _, old := range keys {
		id, ok := strings.CutPrefix(old, oldInstructionsPrefix)
		if !ok || id == "" {
			continue
		}
		key := instructionsKey(id)
		if has[key] {
			// Moved before; only the removal was interrupted.
			if err := s.backend.Remove(old); err != nil {
				return fmt.Errorf("store: removing %s: %w", old, err)
			}
			continue
		}
		value, ok, err := s.backend.Get(old)
		if err != nil {
			return fmt.Errorf("store: reading %s: %w", old, err)
		}
		if !ok {
			continue
		}
		in, err := decodeInstructions(value)
		if err != nil {
			if err := s.setAsideWhole(rep, old, err.Error()); err != nil {
				return err
			}
			continue
		}
		if strings.TrimSpace(in.Text) != "" {
			s.instructions[id] = in
		}
		if err := s.backend.Set(key, value); err != nil {
			continue
		}
		if err := s.backend.Remove(old); err != nil {
			return fmt.Errorf("store: removing %s: %w", old, err)
		}
		moved++
	}
	if moved > 0 {
		rep.Migrations = append(rep.Migrations, fmt.Sprintf("class pack instructions: %d moved from annotator-classpack/ to %s", moved, instructionsPrefix))
	}
	return nil
}
