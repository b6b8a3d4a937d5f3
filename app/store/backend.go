package store

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// Backend is a string key-value store: the browser's localStorage, or a
// Memory in tests.
type Backend interface {
	// Get returns the value stored under key; ok is false when there is none.
	Get(key string) (value string, ok bool, err error)
	// Set stores value under key. When the storage is full it returns an
	// error for which IsQuota is true, and the old value stays.
	Set(key, value string) error
	// Remove deletes key; removing a missing key is not an error.
	Remove(key string) error
	// Keys lists every key, ours and others'.
	Keys() ([]string, error)
}

// ErrQuota is wrapped by every error that reports a full storage.
var ErrQuota = errors.New("browser storage is full")

// IsQuota reports whether err says the storage is full.
func IsQuota(err error) bool { return errors.Is(err, ErrQuota) }

// Memory is an in-memory Backend that behaves like localStorage, including
// its quota: it counts UTF-16 code units of keys and values, as Chromium does
// (5,242,880 per origin).
type Memory struct {
	mu         sync.Mutex
	data       map[string]string
	quotaChars int
	usedChars  int
}

// ChromiumQuotaChars is Chromium's localStorage limit per origin, in UTF-16
// code units of keys and values.
const ChromiumQuotaChars = 5_242_880

// NewMemory returns an empty Memory holding at most quotaChars UTF-16 code
// units of keys and values; 0 means unlimited.
func NewMemory(quotaChars int) *Memory {
	return &Memory{data: map[string]string{}, quotaChars: quotaChars}
}

// utf16Len counts s in UTF-16 code units, the unit of a JavaScript string's
// length: one per character, two for one outside the BMP; an invalid byte
// counts as U+FFFD, one unit, as ranging over s would give it. ASCII and
// 3-byte sequences (every character of a packed value) are decoded inline:
// packed annotations are hundreds of thousands of characters, and
// decoding each with a call took a tenth of a save.
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		if c >= 0xE1 && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			n++ // U+1000–U+CFFF: never overlong, never a surrogate
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += utf16.RuneLen(r)
		i += size
	}
	return n
}

// Get implements Backend.
func (m *Memory) Get(key string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.data[key]
	return v, ok, nil
}

// Set implements Backend.
func (m *Memory) Set(key, value string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	used := m.usedChars + utf16Len(value)
	if old, ok := m.data[key]; ok {
		used -= utf16Len(old)
	} else {
		used += utf16Len(key)
	}
	if m.quotaChars > 0 && used > m.quotaChars {
		return fmt.Errorf("%w: setting %q needs %d characters, the quota is %d", ErrQuota, key, used, m.quotaChars)
	}
	m.data[key] = value
	m.usedChars = used
	return nil
}

// Remove implements Backend.
func (m *Memory) Remove(key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.data[key]; ok {
		m.usedChars -= utf16Len(key) + utf16Len(old)
		delete(m.data, key)
	}
	return nil
}

// Keys implements Backend; they come sorted.
func (m *Memory) Keys() ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]string, 0, len(m.data))
	for k := range m.data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}

// UsedChars returns how many UTF-16 code units the keys and values take.
func (m *Memory) UsedChars() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.usedChars
}

// Snapshot returns a copy of everything stored.
func (m *Memory) Snapshot() map[string]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := make(map[string]string, len(m.data))
	for k, v := range m.data {
		c[k] = v
	}
	return c
}
