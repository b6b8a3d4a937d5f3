package store

import (
	"fmt"
	"testing"
)

func TestIsQuotaException(t *testing.T) {
	for _, tc := range []struct {
		name    string
		code    int
		message string
		want    bool
	}{
		{"QuotaExceededError", 22, "Failed to execute 'setItem' on 'Storage': Setting the value of 'k' exceeded the quota.", true},
		{"QuotaExceededError", 0, "", true},
		{"NS_ERROR_DOM_QUOTA_REACHED", 1014, "Persistent storage maximum size reached", true},
		{"", 22, "", true},
		{"Error", 0, "The quota has been exceeded.", true},
		{"SecurityError", 18, "The operation is insecure.", false},
		{"TypeError", 0, "Cannot read properties of null", false},
		{"", 0, "", false},
	} {
		if got := isQuotaException(tc.name, tc.code, tc.message); got != tc.want {
			t.Errorf("isQuotaException(%q, %d, %q) = %v, want %v", tc.name, tc.code, tc.message, got, tc.want)
		}
	}
}

func TestIsQuota(t *testing.T) {
	wrapped := fmt.Errorf("store: saving k: %w", fmt.Errorf("%w (writing k: QuotaExceededError)", ErrQuota))
	for err, want := range map[error]bool{
		nil:                               false,
		ErrQuota:                          true,
		wrapped:                           true,
		fmt.Errorf("the quota is a word"): false, // words alone are not the storage's answer
		fmt.Errorf("x: %w", ErrNotFound):  false,
	} {
		if got := IsQuota(err); got != want {
			t.Errorf("IsQuota(%v) = %v, want %v", err, got, want)
		}
	}
}
