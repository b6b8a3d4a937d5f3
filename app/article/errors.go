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

// errorKinds names each kind of bad input for ErrorKind and ErrorOfKind.
var errorKinds = []struct {
	name string
	err  error
}{
	{"empty", ErrEmpty},
	{"not-utf8", ErrNotUTF8},
	{"too-large", ErrTooLarge},
	{"no-title", ErrNoTitle},
	{"no-body", ErrNoBody},
	{"bad-id", ErrBadID},
}

// ErrorKind names the kind of bad input err wraps ("empty", "not-utf8",
// "too-large", "no-title", "no-body", "bad-id"), or returns "" for any
// other error. With ErrorOfKind it carries an error across a boundary that
// passes only text: the Markdown worker's messages to the page.
func ErrorKind(err error) string {
	for _, k := range errorKinds {
		if errors.Is(err, k.err) {
			return k.name
		}
	}
	return ""
}

// ErrorOfKind returns an error that wraps the kind named (see ErrorKind)
// and reads as message; an unknown kind gives a plain error.
func ErrorOfKind(kind, message string) error {
	for _, k := range errorKinds {
		if k.name == kind {
			return &kindError{message: message, kind: k.err}
		}
	}
	return errors.New(message)
}

type kindError struct {
	message string
	kind    error
}

func (e *kindError) Error() string { return e.message }
func (e *kindError) Unwrap() error { return e.kind }

// WireVersion is the version of what the file worker (cmd/markdown) and
// the app tell each other: a file's bytes and name, and an article as
// JSON, or an error's kind and message. Change it when that changes, so
// that a tab still running an older app.wasm, handed a newer worker by the
// service worker after an update, asks for a reload rather than misreading
// the answer. Version 2 added the file's name, which picks Markdown or a
// web page (web/markdown-worker.js).
const WireVersion = 2
