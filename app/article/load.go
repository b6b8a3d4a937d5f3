package article

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Load reads the library in dir: every .txt and .md file in it (not in
// subfolders), parsed by Parse, with Origin "bundled", sorted by title and
// then id.
//
// A file that cannot be used (a name that is not an id, an id taken by another
// file, a parse error, a read error) is left out and reported in warnings as a
// *FileError naming it. err is set only when dir itself cannot be read; its
// message names dir. Files are opened through an os.Root, so a symbolic link
// cannot make Load read a file outside dir.
func Load(dir string) (arts []*Article, warnings []error, err error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("articles folder %s: %w", dir, err)
	}
	defer root.Close()
	d, err := root.Open(".")
	if err != nil {
		return nil, nil, fmt.Errorf("articles folder %s: %w", dir, err)
	}
	entries, err := d.ReadDir(-1)
	d.Close()
	if err != nil {
		return nil, nil, fmt.Errorf("articles folder %s: %w", dir, err)
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })

	byID := map[string]string{} // id → the file that has it
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(path.Ext(name))
		if strings.HasPrefix(name, ".") || e.IsDir() || (ext != ".txt" && ext != ".md") {
			continue // hidden files (editors' temporaries), folders, other files
		}
		warn := func(err error) {
			warnings = append(warnings, &FileError{Path: filepath.Join(dir, name), Err: err})
		}
		id, ok := IDFromFilename(name)
		if !ok {
			warn(fmt.Errorf("%w: the file name without its extension is the id", ErrBadID))
			continue
		}
		if other, taken := byID[id]; taken {
			warn(fmt.Errorf("id %q is already used by %s", id, other))
			continue
		}
		data, err := readFile(root, name)
		if err != nil {
			warn(err)
			continue
		}
		a, err := Parse(id, name, data)
		if err != nil {
			warn(err)
			continue
		}
		byID[id] = name
		a.Origin = "bundled"
		arts = append(arts, a)
	}
	slices.SortStableFunc(arts, func(a, b *Article) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)),
			strings.Compare(a.ID, b.ID))
	})
	return arts, warnings, nil
}

// errNotRegular is reported for a name that is, after links, not a file.
var errNotRegular = errors.New("not a regular file")

// readFile reads a file of root, refusing one over MaxSize without reading it
// all.
func readFile(root *os.Root, name string) ([]byte, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if info.Size() > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes", ErrTooLarge, info.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, MaxSize)
	}
	return data, nil
}
