package share

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// splitter reads an import file once, as a stream, and cuts out its items:
// the annotations in a top-level array, a page's "items", a Hypothesis
// search result's "rows", a client export's or a class pack's
// "annotations", through a collection's "first" and "next" pages. Items are
// slices of the file, not copies; everything else at the top of the file
// (type, annotatorArticles, a class pack's article…) is kept by its path.
// It counts items as it goes and stops at the limit at once, so that a file
// of a million "{}" is refused after reading MaxImportAnnotations+1 of them.
// It works in steps (step reads up to n items), so that the browser can
// yield between them.
//
// It only finds where values begin and end (one quick pass over the bytes,
// minding strings and nesting); each item is checked and decoded by
// encoding/json when it is converted, and a file that breaks the JSON
// grammar anywhere is refused whole, with its line and column.
type splitter struct {
	data  []byte
	pos   int
	stack []frame
	// top holds the raw values at the file's top level and inside the
	// containers it descends, by path: ".type", ".first", ".annotations.type".
	top map[string]json.RawMessage
	// lists holds the path of every list and page descended into, empty or
	// not: ".rows", ".annotations", ".first".
	lists map[string]bool
	items []splitItem
	// topArray is set when the file is one JSON array of items.
	topArray, topObject bool
	started, done       bool
}

type frame struct {
	path  string // "" for the top; ".first", ".annotations.first.next"…
	array bool
	items bool // an array whose elements are items
	n     int  // values read so far
}

// splitItem is one item of the file: its bytes and the path of its list.
type splitItem struct {
	raw  []byte
	list string // ".items", ".rows", ".annotations", ".first.items"…, "" for a top-level array
}

// skipValue is a json.Unmarshaler that keeps nothing: decoding into it
// checks a value without building it.
type skipValue struct{}

func (*skipValue) UnmarshalJSON([]byte) error { return nil }

// errSyntax is the splitter's own "this is not JSON": readError then asks
// encoding/json where and why.
var errSyntax = errors.New("not JSON")

// maxPages bounds how deep a collection's "next" pages may nest.
const maxPages = 1000

func newSplitter(data []byte) *splitter {
	return &splitter{data: data, top: map[string]json.RawMessage{}, lists: map[string]bool{}}
}

// containerKey reports whether key, inside the container at path, leads
// to more items: it is then descended into rather than kept whole.
func containerKey(path, key string) bool {
	switch key {
	case "items":
		return path == "" || isPagePath(path)
	case "rows":
		return path == ""
	case "annotations":
		return path == ""
	case "first":
		return path == "" || path == ".annotations"
	case "next":
		return isPagePath(path)
	}
	return false
}

func isPagePath(path string) bool {
	return strings.HasSuffix(path, ".first") || strings.HasSuffix(path, ".next")
}

func (s *splitter) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\r', '\n':
			s.pos++
		default:
			return
		}
	}
}

// peek returns the next byte that is not white space, or 0 at the end.
func (s *splitter) peek() byte {
	s.space()
	if s.pos >= len(s.data) {
		return 0
	}
	return s.data[s.pos]
}

// special marks the bytes skip must look at inside a value: quotes,
// backslashes, brackets and control characters. Everything else is passed
// over in a tight loop.
var special = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	for _, c := range `"\\{}[]` {
		t[c] = true
	}
	return t
}()

// skipString moves past the string starting at s.pos.
func (s *splitter) skipString() error {
	d := s.data
	for i := s.pos + 1; i < len(d); {
		for i < len(d) && !special[d[i]] {
			i++
		}
		if i >= len(d) {
			break
		}
		switch c := d[i]; {
		case c == '"':
			s.pos = i + 1
			return nil
		case c == '\\':
			i += 2
		case c < 0x20:
			return errSyntax
		default:
			i++ // a bracket inside a string
		}
	}
	return errSyntax
}

// skip moves past the value starting at s.pos.
func (s *splitter) skip() error {
	switch c := s.peek(); c {
	case '"':
		return s.skipString()
	case '{', '[':
		d, depth := s.data, 0
		for i := s.pos; i < len(d); {
			for i < len(d) && !special[d[i]] {
				i++
			}
			if i >= len(d) {
				break
			}
			switch d[i] {
			case '"':
				s.pos = i
				if err := s.skipString(); err != nil {
					return err
				}
				i = s.pos
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					s.pos = i + 1
					return nil
				}
			case '\\':
				return errSyntax
			default:
				// Control characters between tokens: only white space may be.
				if c := d[i]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
					return errSyntax
				}
			}
			i++
		}
		return errSyntax
	case 0, '}', ']', ',', ':':
		return errSyntax
	default: // a number, true, false or null
		start := s.pos
		for s.pos < len(s.data) && !strings.ContainsRune(" \t\r\n,]}:[{\"", rune(s.data[s.pos])) {
			s.pos++
		}
		if !json.Valid(s.data[start:s.pos]) {
			return errSyntax
		}
		return nil
	}
}

// key reads an object's key and the colon after it.
func (s *splitter) key() (string, error) {
	if s.peek() != '"' {
		return "", errSyntax
	}
	start := s.pos
	if err := s.skipString(); err != nil {
		return "", err
	}
	raw := s.data[start:s.pos]
	var key string
	if bytes.IndexByte(raw, '\\') < 0 {
		key = string(raw[1 : len(raw)-1])
	} else if json.Unmarshal(raw, &key) != nil {
		return "", errSyntax
	}
	if s.peek() != ':' {
		return "", errSyntax
	}
	s.pos++
	return key, nil
}

// step reads up to n items. It returns done once the whole file is read.
func (s *splitter) step(n int) (bool, error) {
	if s.done {
		return true, nil
	}
	if !s.started {
		s.started = true
		switch c := s.peek(); c {
		case '[':
			s.topArray = true
			s.stack = append(s.stack, frame{array: true, items: true})
		case '{':
			s.topObject = true
			s.stack = append(s.stack, frame{})
		case 0:
			return false, errors.New("this file is empty")
		default:
			if s.skip() != nil {
				return false, errSyntax
			}
			return false, errors.New("this file is not an annotation file: it holds a single value, not a JSON object or list")
		}
		s.pos++
	}
	for budget := n; budget > 0 && len(s.stack) > 0; budget-- {
		f := &s.stack[len(s.stack)-1]
		end := byte('}')
		if f.array {
			end = ']'
		}
		switch c := s.peek(); {
		case c == end:
			s.pos++
			s.stack = s.stack[:len(s.stack)-1]
			continue
		case f.n > 0 && c != ',':
			return false, errSyntax
		case f.n > 0:
			s.pos++
		}
		f.n++
		if f.array {
			s.space()
			start := s.pos
			if err := s.skip(); err != nil {
				return false, err
			}
			if f.items {
				s.items = append(s.items, splitItem{raw: s.data[start:s.pos], list: f.path})
				if len(s.items) > MaxImportAnnotations {
					return false, tooMany(len(s.items))
				}
			}
			continue
		}
		key, err := s.key()
		if err != nil {
			return false, err
		}
		path := f.path + "." + key
		if c := s.peek(); containerKey(f.path, key) && (c == '[' || c == '{') {
			if len(s.stack) > maxPages {
				return false, errors.New("this collection has too many pages")
			}
			s.pos++
			s.lists[path] = true
			s.stack = append(s.stack, frame{path: path, array: c == '[', items: c == '['})
			continue
		}
		s.space()
		start := s.pos
		if err := s.skip(); err != nil {
			return false, err
		}
		if f.path == "" || f.path == ".annotations" || containerKey(f.path, key) {
			s.top[path] = s.data[start:s.pos]
		}
	}
	if len(s.stack) > 0 {
		return false, nil
	}
	if s.peek() != 0 {
		return false, errSyntax
	}
	s.done = true
	return true, nil
}

// progress is the share of the file read, from 0 to 1.
func (s *splitter) progress() float64 {
	if s.done || len(s.data) == 0 {
		return 1
	}
	return float64(s.pos) / float64(len(s.data))
}

// names reads a JSON-LD "type" (or any string or list of strings) as a set.
func names(raw json.RawMessage) map[string]bool {
	out := map[string]bool{}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		out[one] = true
		return out
	}
	var many []string
	if json.Unmarshal(raw, &many) == nil {
		for _, t := range many {
			out[t] = true
		}
	}
	return out
}

// readError turns what the JSON decoder said into a sentence that says
// where the file stops being JSON, in plain words.
func readError(err error, data []byte, filename string) error {
	var syn *json.SyntaxError
	switch {
	case errors.Is(err, errSyntax) || errors.As(err, &syn):
		// The stream decoder counts offsets from the value it was reading;
		// a whole-file check (on this error path only) gives the place.
		if e := json.Unmarshal(data, &skipValue{}); errors.As(e, &syn) {
			line, col := lineCol(data, int(syn.Offset)-1)
			return fmt.Errorf("%s is not valid JSON: line %d, column %d: %s", displayName(filename), line, col, plainSyntax(syn.Error()))
		}
		return fmt.Errorf("%s is not valid JSON", displayName(filename))
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return fmt.Errorf("%s is not valid JSON: it ends too early (it may have been cut short)", displayName(filename))
	}
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		return fmt.Errorf("%s is not valid JSON", displayName(filename))
	}
	return err
}

// plainSyntax says what encoding/json's syntax error means, without its
// jargon.
func plainSyntax(msg string) string {
	char := ""
	if i := strings.Index(msg, "invalid character "); i >= 0 {
		rest := msg[i+len("invalid character "):]
		if j := strings.LastIndex(rest, "' "); j > 0 {
			char = rest[:j+1]
		} else if j := strings.Index(rest, " "); j > 0 {
			char = rest[:j]
		}
	}
	where := ""
	switch {
	case msg == "":
		return "there is more after the end of the file's data"
	case strings.Contains(msg, "looking for beginning of value"):
		where = " where a value should start"
	case strings.Contains(msg, "looking for beginning of object key string"):
		where = " where a quoted name should start"
	case strings.Contains(msg, "after object key:value pair"):
		where = " where a comma or } should follow"
	case strings.Contains(msg, "after object key"):
		where = " where a colon should follow a name"
	case strings.Contains(msg, "after array element"):
		where = " where a comma or ] should follow"
	case strings.Contains(msg, "in string literal"):
		where = " inside a string (line breaks and control characters must be escaped)"
	case strings.Contains(msg, "in string escape code"):
		where = " in a backslash escape"
	case strings.Contains(msg, "in numeric literal"):
		where = " in a number"
	case strings.Contains(msg, "in literal"):
		where = " in a word that should be true, false or null"
	case strings.Contains(msg, "after top-level value"):
		return "there is more after the end of the file's data"
	case strings.Contains(msg, "expected comma"):
		return "a comma is missing"
	case strings.Contains(msg, "expected colon"):
		return "a colon is missing after a name"
	case strings.Contains(msg, "unexpected end"):
		return "it ends too early (it may have been cut short)"
	}
	if char == "" {
		return "it is not well formed here"
	}
	return "unexpected " + char + where
}
