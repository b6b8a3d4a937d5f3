package store

import "strings"

// isQuotaException reports whether a DOMException thrown by the browser's
// storage says that it is full, by its name, its legacy code or, for
// browsers that say it only in words, its message. Browsers disagree:
// Chromium and Safari throw QuotaExceededError (code 22), older Firefox
// NS_ERROR_DOM_QUOTA_REACHED (code 1014).
func isQuotaException(name string, code int, message string) bool {
	switch {
	case name == "QuotaExceededError", name == "NS_ERROR_DOM_QUOTA_REACHED":
		return true
	case code == 22 || code == 1014:
		return true
	}
	return strings.Contains(strings.ToLower(message), "quota")
}
