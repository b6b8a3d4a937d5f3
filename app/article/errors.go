package article

import (
	"errors"
	"fmt"
)

// The kinds of bad input. Parse, New and Load return errors that wrap one of
// these, so a caller can pick a message with errors.Is; their texts are written
// to be shown to a reader as they are.
var (
	ErrEmpty    = errors.New("the text is empty")
	ErrNotUTF8  = errors.New("not UTF-8 text (binary data or another encoding)")
	ErrTooLarge = fmt.Errorf("larger than the %d MB limit", MaxSize>>20)
	ErrNoTitle  = errors.New("no title")
	ErrNoBody   = errors.New("no text after the title")
	ErrBadID    = errors.New("not a valid article id (1 to 100 of a-z, 0-9 and -)")
)

// FileError is a problem with one file of a library folder; Load reports one
// per file it leaves out.
type FileError struct {
	Path string // the file, as dir joined with its name
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }
