package article

import (
	"net/url"
	"strings"
)

// MaxAddressLen is the longest web address read as one, in bytes (the
// host's fetch refuses longer ones too).
const MaxAddressLen = 4096

// WebAddress reports whether s is a web address and nothing else: after
// trimming surrounding space, one http:// or https:// URL with a host, no
// space inside, no user name or password. It returns the address trimmed.
// A reader who pastes an address into the box that also takes an
// article's text means the page at it; text that merely starts with an
// address is text.
func WebAddress(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > MaxAddressLen || strings.ContainsAny(s, " \t\n\r\f\v") {
		return "", false
	}
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.User != nil || u.Hostname() == "" {
		return "", false
	}
	return s, true
}

// AddressKey is what two addresses of the same page have in common, to
// find an article already fetched from an address: the scheme and host in
// lower case, the default port dropped, an empty path written "/", the
// query kept, and the fragment (a place in the page, or a text fragment)
// dropped. It is "" for what is not a web address (WebAddress).
func AddressKey(s string) string {
	s, ok := WebAddress(s)
	if !ok {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	scheme := strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port := u.Port(); port != "" && !(scheme == "http" && port == "80") && !(scheme == "https" && port == "443") {
		host += ":" + port
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	key := scheme + "://" + host + path
	if u.RawQuery != "" {
		key += "?" + u.RawQuery
	}
	return key
}
