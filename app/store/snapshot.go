package store

import (
	"sort"

	"github.com/annotator/annotator/app/annotation"
)

// Snapshot returns every annotation the store holds, tombstones included, by
// article id. An import's preview compares against it, so that a file does
// not bring back what the reader deleted.
func (s *Store) Snapshot() map[string][]annotation.Annotation {
	out := make(map[string][]annotation.Annotation, len(s.annotations))
	for id, m := range s.annotations {
		list := make([]annotation.Annotation, 0, len(m))
		for _, a := range m {
			list = append(list, clone(a))
		}
		sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
		out[id] = list
	}
	return out
}
