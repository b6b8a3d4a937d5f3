//go:build !wasm

package host

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
)

// errNotRegular is returned for a name that is not, when opened, a regular
// file of the folder: a folder, a symbolic link, a device, a pipe.
var errNotRegular = errors.New("not a regular file")

// openRegular opens name in root if it is a regular file there, and not a
// symbolic link to one. The file is opened first and checked after, by its
// own descriptor, against what the name is (Lstat): a name swapped for a
// link between any check and the open is refused, never followed. root
// already keeps every path inside the folder; this also keeps to the files
// a directory listing (and the static build) would show as files.
// O_NONBLOCK keeps a pipe swapped in from stalling the open.
func openRegular(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.OpenFile(name, os.O_RDONLY|openNonBlock, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = errNotRegular
	}
	if err == nil {
		var lst fs.FileInfo
		lst, err = root.Lstat(name)
		if err == nil && (!lst.Mode().IsRegular() || !os.SameFile(st, lst)) {
			err = errNotRegular
		}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// webFiles is the /web/ folder for http.FileServer: regular files inside
// it, each opened through an os.Root by openRegular, and nothing else (no
// folder listings, no symbolic links), as the static build copies it.
type webFiles struct{ dir string }

func (w webFiles) Open(name string) (http.File, error) {
	rel := strings.TrimPrefix(path.Clean("/"+name), "/")
	if rel == "" {
		return nil, os.ErrNotExist
	}
	root, err := os.OpenRoot(w.dir)
	if err != nil {
		return nil, err
	}
	defer root.Close() // the file stays open
	f, _, err := openRegular(root, rel)
	if err != nil {
		return nil, os.ErrNotExist
	}
	return f, nil
}
