package annotation

import (
	"regexp"
	"strings"
	"testing"
)

// The hand-written shape checks agree with the patterns they replaced.
func TestShapesMatchPatterns(t *testing.T) {
	id := regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	art := regexp.MustCompile(`^[a-z0-9-]+$`)
	hash := regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)
	good := NewID()
	hex64 := strings.Repeat("0123456789abcdef", 4)
	inputs := []string{
		"", "-", "a", "a-b-0", "A", "a_b", "a b", "a\n", "é", "a/b", "..",
		good, strings.ToUpper(good), good + "\n", good + "0", good[:len(good)-1],
		"urn:uuid:", "urn:uuid:12345678-1234-1234-1234-123456789abc",
		"urn:uuid:12345678-1234-1234-1234-123456789abg",
		"urn:uuid:12345678+1234-1234-1234-123456789abc",
		"urn:uuid:123456781-234-1234-1234-123456789abc",
		"URN:uuid:12345678-1234-1234-1234-123456789abc",
		"sha256:" + hex64, "sha256:" + hex64 + "0", "sha256:" + hex64[1:],
		"sha256:" + strings.ToUpper(hex64), "sha256:" + hex64[1:] + "g", "sha1:" + hex64,
	}
	for _, s := range inputs {
		if got, want := IsID(s), id.MatchString(s); got != want {
			t.Errorf("IsID(%q) = %v, pattern says %v", s, got, want)
		}
		if got, want := isArticleID(s), art.MatchString(s); got != want {
			t.Errorf("isArticleID(%q) = %v, pattern says %v", s, got, want)
		}
		if got, want := isArticleHash(s), hash.MatchString(s); got != want {
			t.Errorf("isArticleHash(%q) = %v, pattern says %v", s, got, want)
		}
	}
}
