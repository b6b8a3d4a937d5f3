package htmlblocks

import (
	"path"
	"strings"
)

// MaxPageSize is the largest web page read, in bytes, whether fetched by
// the host or opened as a saved file. Pages are much larger than their
// text (scripts, styles, inline images), hence more than article.MaxSize.
const MaxPageSize = 5 << 20

// IsPage reports whether a file is a web page by its name: .html, .htm or
// .xhtml, in any case. The app hands such a file to the worker that reads
// web pages (cmd/markdown), as it does .md files.
func IsPage(filename string) bool {
	switch strings.ToLower(path.Ext(filename)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	return false
}
