//go:build !wasm

package host

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/annotator/annotator/app/article"
)

// Library is the bundled article library: the .txt and .md files of one
// folder, parsed, and parsed again when a file changes.
type Library struct {
	dir    string
	logger *log.Logger

	mu       sync.Mutex
	files    map[string]libraryFile // by file name
	articles map[string]*article.Article
	order    []string          // ids sorted by title
	skipped  map[string]string // file name → why it is not served, as last logged
}

type libraryFile struct {
	size    int64
	modTime time.Time
	art     *article.Article // nil when the file could not be parsed
}

// OpenLibrary reads the articles in dir. A missing or unreadable dir is an
// error naming it; a file that cannot be parsed is left out with a warning.
func OpenLibrary(dir string, logger *log.Logger) (*Library, error) {
	if logger == nil {
		logger = log.Default()
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("articles folder %q: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("articles folder %q is not a folder", dir)
	}
	l := &Library{dir: dir, logger: logger, files: map[string]libraryFile{}}
	if err := l.refresh(); err != nil {
		return nil, err
	}
	return l, nil
}

// Summaries lists the library's articles, sorted by title (see titleKey).
func (l *Library) Summaries() []article.Summary {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.refreshLogged()
	out := make([]article.Summary, 0, len(l.order))
	for _, id := range l.order {
		out = append(out, l.articles[id].Summary())
	}
	return out
}

// Article returns the article with the given id.
func (l *Library) Article(id string) (*article.Article, bool) {
	if !article.ValidID(id) {
		return nil, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.refreshLogged()
	a, ok := l.articles[id]
	return a, ok
}

// IDs lists the ids of the library's articles.
func (l *Library) IDs() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.refreshLogged()
	return append([]string(nil), l.order...)
}

func (l *Library) refreshLogged() {
	if err := l.refresh(); err != nil {
		l.logger.Printf("articles: %v (serving the articles read before)", err)
	}
}

// refresh re-reads the folder, parsing only files that are new or changed.
// Its cost is one ReadDir and one Stat per file: cheap for a library of
// hundreds of articles, and it keeps the host free of watchers. Files are
// opened through an os.Root and checked once open (openRegular), so a file
// swapped for a symbolic link is never followed out of the folder.
func (l *Library) refresh() error {
	root, err := os.OpenRoot(l.dir)
	if err != nil {
		return fmt.Errorf("reading articles folder %q: %w", l.dir, err)
	}
	defer root.Close()
	entries, err := os.ReadDir(l.dir)
	if err != nil {
		return fmt.Errorf("reading articles folder %q: %w", l.dir, err)
	}
	seen := map[string]bool{}
	skipped := map[string]string{}
	changed := false
	for _, e := range entries {
		name := e.Name()
		id, ok := article.IDFromFilename(name)
		if !ok || !e.Type().IsRegular() {
			if why := skipReason(name, e.Type(), ok); why != "" {
				skipped[name] = why
			}
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		seen[name] = true
		old, known := l.files[name]
		if known && old.size == info.Size() && old.modTime.Equal(info.ModTime()) {
			continue
		}
		f := libraryFile{size: info.Size(), modTime: info.ModTime()}
		f.art, err = l.parse(root, name, id)
		if errors.Is(err, errNotRegular) {
			// Replaced (by a link, a folder…) since the listing: not
			// remembered, so the next request looks again.
			skipped[name] = "it is no longer a regular file"
			delete(seen, name)
			continue
		}
		changed = true
		if err != nil {
			l.logger.Printf("articles: leaving out %s: %v", filepath.Join(l.dir, name), err)
		}
		l.files[name] = f
	}
	for name := range l.files {
		if !seen[name] {
			delete(l.files, name)
			changed = true
		}
	}
	// One line per skipped file, when it is first seen (the folder is read
	// on every request).
	for name, why := range skipped {
		if l.skipped[name] != why {
			l.logger.Printf("articles: skipping %s: %s", filepath.Join(l.dir, name), why)
		}
	}
	l.skipped = skipped
	if changed || l.articles == nil {
		l.index()
	}
	return nil
}

// skipReason says why an entry of the articles folder that looks like an
// article file is not one, or returns "" for entries that do not look like
// one (hidden files such as editors' temporaries, other extensions,
// folders), which are passed over silently.
func skipReason(name string, mode fs.FileMode, goodName bool) string {
	ext := strings.ToLower(filepath.Ext(name))
	if strings.HasPrefix(name, ".") || (ext != ".txt" && ext != ".md") {
		return ""
	}
	switch {
	case mode&fs.ModeSymlink != 0:
		return "it is a symbolic link; only files in the folder itself are served"
	case !mode.IsRegular() && !mode.IsDir():
		return "it is not a regular file"
	case mode.IsDir():
		return ""
	case !goodName:
		return "the name is not an article id (lower-case letters, digits and dashes, then .txt or .md)"
	}
	return ""
}

func (l *Library) parse(root *os.Root, name, id string) (*article.Article, error) {
	f, info, err := openRegular(root, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > article.MaxSize {
		return nil, fmt.Errorf("%d bytes is over the limit of %d", info.Size(), article.MaxSize)
	}
	data, err := io.ReadAll(io.LimitReader(f, article.MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > article.MaxSize {
		return nil, fmt.Errorf("over the limit of %d bytes", article.MaxSize)
	}
	a, err := article.Parse(id, name, data)
	if err != nil {
		return nil, err
	}
	a.Origin = "bundled"
	return a, nil
}

func (l *Library) index() {
	l.articles = map[string]*article.Article{}
	// In file-name order, so that of two files with one id (x.md, x.txt)
	// the same one is served every time.
	names := make([]string, 0, len(l.files))
	for name := range l.files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f := l.files[name]
		if f.art == nil {
			continue
		}
		if prev, dup := l.articles[f.art.ID]; dup {
			// blinken.txt and blinken.md would share an id: keep one, say so.
			l.logger.Printf("articles: %s has the same id as another file (%q); keeping one", name, prev.ID)
			continue
		}
		l.articles[f.art.ID] = f.art
	}
	l.order = l.order[:0]
	for id := range l.articles {
		l.order = append(l.order, id)
	}
	sort.Slice(l.order, func(i, j int) bool {
		a, b := l.articles[l.order[i]], l.articles[l.order[j]]
		if ka, kb := titleKey(a.Title), titleKey(b.Title); ka != kb {
			return ka < kb
		}
		return a.ID < b.ID
	})
}

// titleKey sorts titles as a reader looks them up: without leading quotes or
// other punctuation, and regardless of case (‘A real…’ sorts under A).
func titleKey(title string) string {
	return strings.ToLower(strings.TrimLeftFunc(title, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}))
}

var errNotFound = errors.New("not found")
