package app

import (
	"testing"

	"github.com/google/uuid"
)

func TestNewUUID(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 100; i++ {
		s := newUUID()
		u, err := uuid.Parse(s)
		if err != nil || u.String() != s || u.Version() != 4 || u.Variant() != uuid.RFC4122 {
			t.Fatalf("newUUID() = %q: %v, version %v, variant %v", s, err, u.Version(), u.Variant())
		}
		if seen[s] {
			t.Fatalf("newUUID() repeated %q", s)
		}
		seen[s] = true
	}
}
