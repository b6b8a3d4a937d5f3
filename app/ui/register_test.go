package ui

import (
	"regexp"
	"strings"
	"testing"
)

// isReaderPath accepts exactly the paths of the regexp route it replaced.
func TestIsReaderPath(t *testing.T) {
	pattern := regexp.MustCompile(`^/read/[a-z0-9-]{1,100}/?$`)
	id100 := strings.Repeat("a", 100)
	for _, p := range []string{
		"/read/blinken-beijing-talks", "/read/blinken-beijing-talks/", "/read/a", "/read/0-9",
		"/read/" + id100, "/read/" + id100 + "/", "/read/" + id100 + "a",
		"", "/", "/read", "/read/", "/read//", "/read/a//", "/read/A", "/read/a_b", "/read/a/b",
		"/read/a.b", "/read/..", "/read/é", "/read/a\n", "read/a", "/reader/a", "/x/read/a", "//read/a",
	} {
		if got, want := isReaderPath(p), pattern.MatchString(p); got != want {
			t.Errorf("isReaderPath(%q) = %v, the pattern says %v", p, got, want)
		}
	}
}
