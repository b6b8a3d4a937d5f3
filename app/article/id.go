package article

import (
	"path"
	"strings"
)

// MaxSize is the largest article file accepted, in bytes; larger files are
// refused with ErrTooLarge rather than truncated.
const MaxSize = 2 << 20

// MaxIDLen is the longest id accepted, in bytes.
const MaxIDLen = 100

// ValidID reports whether id is 1 to MaxIDLen characters of a-z, 0-9 and '-'.
// Ids appear in URLs (/read/{id}) and name files, so they are kept to
// characters that need no escaping and cannot spell a path. (There is no
// regexp for it: compiling one at package initialisation cost the app's
// start-up in the browser about a millisecond.)
func ValidID(id string) bool {
	if id == "" || len(id) > MaxIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// IDFromFilename returns the id of an article file: its name without the
// extension, e.g. "blinken-beijing-talks.txt" → "blinken-beijing-talks". It
// reports false for a name with a directory part, an extension other than .txt
// or .md (in any case), or a stem that is not a valid id.
func IDFromFilename(name string) (string, bool) {
	if strings.ContainsAny(name, `/\`) {
		return "", false
	}
	ext := path.Ext(name)
	switch strings.ToLower(ext) {
	case ".txt", ".md":
	default:
		return "", false
	}
	id := strings.TrimSuffix(name, ext)
	if !ValidID(id) {
		return "", false
	}
	return id, true
}

// SlugID makes a valid id from any text, such as the title of an article a
// reader pasted: ASCII letters and digits are kept (lower-cased), every other
// run of characters becomes one '-'. It returns "article" when nothing is left.
func SlugID(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= MaxIDLen {
				break
			}
			continue
		}
		dash = true
	}
	id := strings.TrimRight(b.String(), "-")
	if len(id) > MaxIDLen {
		id = strings.TrimRight(id[:MaxIDLen], "-")
	}
	if id == "" {
		return "article"
	}
	return id
}
