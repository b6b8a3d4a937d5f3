package article

import (
	"strings"
	"testing"
)

func TestWebAddress(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"https://example.org/a", "https://example.org/a", true},
		{"  http://example.org\n", "http://example.org", true},
		{"HTTPS://Example.org/A?b=c#d", "HTTPS://Example.org/A?b=c#d", true},
		{"https://[2001:db8::1]:8443/x", "https://[2001:db8::1]:8443/x", true},
		{"example.org/a", "", false},
		{"ftp://example.org/a", "", false},
		{"https://", "", false},
		{"https:///path", "", false},
		{"https://user:pw@example.org/", "", false},
		{"https://example.org/a b", "", false},
		{"https://example.org/a\n\nThe article's text.", "", false},
		{"A title\n\nhttps://example.org/a", "", false},
		{"javascript:alert(1)", "", false},
		{"https://example.org/" + strings.Repeat("a", MaxAddressLen), "", false},
		{"", "", false},
	} {
		got, ok := WebAddress(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("WebAddress(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestAddressKey(t *testing.T) {
	same := [][]string{
		{"https://example.org/", "https://example.org", "HTTPS://EXAMPLE.ORG/", "https://example.org:443/", "https://example.org/#top"},
		{"https://example.org/news/a?id=3", "https://Example.org/news/a?id=3#:~:text=river"},
		{"http://example.org:8080/a", "http://EXAMPLE.org:8080/a"},
		{"https://[2001:db8::1]/a", "https://[2001:DB8::1]:443/a"},
	}
	for _, group := range same {
		for _, a := range group[1:] {
			if AddressKey(a) != AddressKey(group[0]) {
				t.Errorf("AddressKey(%q) = %q, AddressKey(%q) = %q: want the same", a, AddressKey(a), group[0], AddressKey(group[0]))
			}
		}
	}
	different := [][2]string{
		{"https://example.org/a", "http://example.org/a"},
		{"https://example.org/a", "https://example.org/A"},
		{"https://example.org/a", "https://example.org/a/"},
		{"https://example.org/a?id=3", "https://example.org/a?id=4"},
		{"https://example.org:8443/a", "https://example.org/a"},
		{"https://www.example.org/a", "https://example.org/a"},
	}
	for _, d := range different {
		if AddressKey(d[0]) == AddressKey(d[1]) {
			t.Errorf("AddressKey(%q) == AddressKey(%q) = %q", d[0], d[1], AddressKey(d[0]))
		}
	}
	if k := AddressKey("not an address"); k != "" {
		t.Errorf("AddressKey of text = %q", k)
	}
}
