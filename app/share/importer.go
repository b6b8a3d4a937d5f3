package share

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// Limits on an import, each reported with its own message.
const (
	MaxImportBytes       = 10 << 20 // 10 MiB
	MaxImportAnnotations = 20000
)

// Format names what kind of file an import was.
type Format string

const (
	FormatW3C        Format = "W3C Web Annotation"
	FormatClassPack  Format = "class pack"
	FormatHypothesis Format = "Hypothesis export"
)

// ImportSet is a parsed, validated import, not yet merged with anything.
// Nothing in it has been written; Preview says what writing it would do.
type ImportSet struct {
	Filename string
	Format   Format
	// Annotations are the accepted annotations, each with its Article set to
	// a known article or to one in NewArticles, and Source set to its
	// provenance. Item is the index of each in the file, for messages.
	Annotations []Incoming
	// Rejected lists the items that were not accepted, with their reasons.
	Rejected []Rejection
	// NewArticles are articles the file brings (a class pack's) that the
	// reader does not have: applying the import adds them as local articles.
	NewArticles []*article.Article
	// Pack is set for a class pack: its instructions and who made it.
	Pack *ClassPack
	// Packs are the class packs of every file, when Merge joined several.
	Packs []*ClassPack
	// Warnings are things the reader should know that reject nothing.
	Warnings []string
}

// Incoming is one accepted annotation and its index in the file.
type Incoming struct {
	Item       int
	Annotation annotation.Annotation
}

// Rejection is one item of the file that was not accepted. Item is its
// index in the file (from 0; -1 for the file as a whole).
// File names the file it came from when several files are imported at
// once (see Merge).
type Rejection struct {
	File   string
	Item   int
	Reason string
}

func (r Rejection) String() string {
	msg := r.Reason
	if r.Item >= 0 {
		msg = fmt.Sprintf("item %d: %s", r.Item+1, r.Reason)
	}
	if r.File != "" {
		msg = r.File + ", " + msg
	}
	return msg
}

// ParseImport reads an import file: W3C Web Annotation JSON-LD (one
// annotation, an array of them, an AnnotationPage or an AnnotationCollection
// with embedded pages), an Annotator class pack, or a Hypothesis JSON export.
// known is the reader's library: a target is mapped to an article by the
// collection's article map, by the "urn:annotator:article:<id>" form, or by
// a known article whose Source equals the target's address.
//
// An error means the file as a whole cannot be imported (too big, not JSON,
// not a format we read, too many annotations, a broken class pack) and the
// set is nil. Items that fail on their own are listed in Rejected.
func ParseImport(data []byte, filename string, known []article.Summary) (*ImportSet, error) {
	if len(data) > MaxImportBytes {
		return nil, fmt.Errorf("%s is too big to import: %s, at most 10 MiB", displayName(filename), byteSize(len(data)))
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark
	if !json.Valid(data) {
		return nil, jsonError(data, filename)
	}
	set := &ImportSet{Filename: filename}
	var err error
	switch trimmed := bytes.TrimLeft(data, " \t\r\n"); {
	case len(trimmed) > 0 && trimmed[0] == '[':
		var raws []json.RawMessage
		if err := json.Unmarshal(data, &raws); err != nil {
			return nil, jsonError(data, filename)
		}
		if len(raws) > 0 && looksHypothesis(raws[0]) {
			err = set.readHypothesis(raws, known)
		} else {
			err = set.readW3CItems(raws, nil, known, nil)
		}
	case len(trimmed) > 0 && trimmed[0] == '{':
		err = set.readObject(data, known)
	default:
		err = errors.New("this file is not an annotation file: expected a JSON object or array")
	}
	if err != nil {
		return nil, err
	}
	set.provenance()
	return set, nil
}

// envelope is enough of any top-level object to tell the formats apart.
type envelope struct {
	Type        json.RawMessage   `json:"type"`
	Items       []json.RawMessage `json:"items"`
	First       json.RawMessage   `json:"first"`
	Articles    map[string]string `json:"annotatorArticles"`
	Annotations json.RawMessage   `json:"annotations"`
	Rows        []json.RawMessage `json:"rows"`
}

func (s *ImportSet) readObject(data []byte, known []article.Summary) error {
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		return fmt.Errorf("this file is not an annotation file: %v", err)
	}
	types := typeNames(env.Type)
	switch {
	case types["AnnotatorClassPack"]:
		return s.readClassPack(data, known)
	case types["AnnotationCollection"]:
		s.Format = FormatW3C
		pages, err := collectionPages(env.First)
		if err != nil {
			return err
		}
		return s.readW3CItems(pages, env.Articles, known, nil)
	case types["AnnotationPage"]:
		s.Format = FormatW3C
		return s.readW3CItems(env.Items, env.Articles, known, nil)
	case types["Annotation"]:
		s.Format = FormatW3C
		return s.readW3CItems([]json.RawMessage{data}, nil, known, nil)
	case env.Rows != nil:
		return s.readHypothesis(env.Rows, known)
	case len(env.Annotations) > 0 && env.Annotations[0] == '[':
		var raws []json.RawMessage
		if err := json.Unmarshal(env.Annotations, &raws); err != nil {
			return fmt.Errorf("this file's annotations are not a list: %v", err)
		}
		return s.readHypothesis(raws, known)
	}
	return errors.New("this file is not an annotation file we can read: expected W3C Web Annotations, an Annotator class pack or a Hypothesis export")
}

// collectionPages returns the annotations of a collection's embedded pages,
// following embedded "next" pages. A page given only by its address cannot
// be fetched (imports never touch the network) and is an error.
func collectionPages(first json.RawMessage) ([]json.RawMessage, error) {
	var items []json.RawMessage
	next := first
	for pages := 0; len(next) > 0 && string(next) != "null"; pages++ {
		if pages >= 1000 {
			return nil, errors.New("this collection has too many pages")
		}
		if next[0] == '"' {
			return nil, errors.New("this collection's pages are links to elsewhere, not included in the file; export it with its annotations embedded")
		}
		var p struct {
			Items []json.RawMessage `json:"items"`
			Next  json.RawMessage   `json:"next"`
		}
		if err := json.Unmarshal(next, &p); err != nil {
			return nil, fmt.Errorf("this collection's page is not an AnnotationPage: %v", err)
		}
		items = append(items, p.Items...)
		if len(items) > MaxImportAnnotations {
			return nil, tooMany(len(items))
		}
		next = p.Next
	}
	return items, nil
}

func tooMany(n int) error {
	return fmt.Errorf("this file holds too many annotations to import at once: more than %d (it has at least %d)", MaxImportAnnotations, n)
}

// typeNames reads a JSON-LD "type": a string or an array of strings.
func typeNames(raw json.RawMessage) map[string]bool {
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

// forcedArticle is the one article a class pack's annotations may be on.
type forcedArticle struct {
	art *article.Article
}

// readW3CItems converts W3C annotations. articles is a collection's map from
// target source to article id; forced, when set, is the only article the
// items may target (a class pack's).
func (s *ImportSet) readW3CItems(raws []json.RawMessage, articles map[string]string, known []article.Summary, forced *forcedArticle) error {
	if s.Format == "" {
		s.Format = FormatW3C
	}
	if len(raws) > MaxImportAnnotations {
		return tooMany(len(raws))
	}
	for i, raw := range raws {
		w, err := annotation.DecodeW3C(raw)
		if err != nil {
			s.reject(i, "not a W3C annotation: "+err.Error())
			continue
		}
		a, source, err := annotation.FromW3C(w)
		if err != nil {
			s.reject(i, err.Error())
			continue
		}
		var id, hash string
		switch {
		case forced != nil:
			if source != SourceIRI(forced.art) && source != articleURNPrefix+forced.art.ID {
				s.reject(i, fmt.Sprintf("it is on %q, not on the class pack's article", clip(source)))
				continue
			}
			id, hash = forced.art.ID, forced.art.Hash
		default:
			id = articles[source]
			if id == "" {
				id = ArticleIDFromIRI(source, known)
			}
			if id == "" {
				s.reject(i, fmt.Sprintf("it is on %q, which is not an article in your library", clip(source)))
				continue
			}
			sum, ok := findSummary(known, id)
			if !ok {
				s.reject(i, fmt.Sprintf("it is on the article %q, which is not in your library", clip(id)))
				continue
			}
			hash = sum.Hash
		}
		a.Article = id
		if a.ArticleHash == "" {
			a.ArticleHash = hash
		}
		s.accept(i, a)
	}
	return nil
}

func findSummary(known []article.Summary, id string) (article.Summary, bool) {
	for _, k := range known {
		if k.ID == id {
			return k, true
		}
	}
	return article.Summary{}, false
}

// accept validates a and adds it, or rejects it with the first problems.
func (s *ImportSet) accept(item int, a annotation.Annotation) {
	if err := a.Validate(); err != nil {
		var msgs []string
		for _, e := range annotation.FieldErrors(err) {
			msgs = append(msgs, e.Error())
			if len(msgs) == 3 {
				break
			}
		}
		if len(msgs) == 0 {
			msgs = append(msgs, err.Error())
		}
		s.reject(item, strings.Join(msgs, "; "))
		return
	}
	for _, in := range s.Annotations {
		if in.Annotation.ID == a.ID {
			s.reject(item, fmt.Sprintf("it has the same id as item %d", in.Item+1))
			return
		}
	}
	s.Annotations = append(s.Annotations, Incoming{Item: item, Annotation: a})
}

func (s *ImportSet) reject(item int, reason string) {
	s.Rejected = append(s.Rejected, Rejection{Item: item, Reason: reason})
}

// provenance records where each annotation came from, unless it says already.
func (s *ImportSet) provenance() {
	src := "import: " + displayName(s.Filename)
	if p := s.Pack; p != nil {
		src = "class pack: " + p.Article.Title
		if p.Creator != "" {
			role := p.Role
			if role == "" {
				role = RoleTeacher
			}
			src += " (" + role + " " + p.Creator + ")"
		}
	}
	src = clipRunes(src, annotation.MaxSourceLen)
	for i := range s.Annotations {
		if s.Annotations[i].Annotation.Source == "" {
			s.Annotations[i].Annotation.Source = src
		}
	}
}

func displayName(filename string) string {
	if filename == "" {
		return "the file"
	}
	return clipRunes(filename, 200)
}

func clip(s string) string { return clipRunes(s, 120) }

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func byteSize(n int) string {
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// jsonError says where data stops being JSON, by line and column.
func jsonError(data []byte, filename string) error {
	var v any
	err := json.Unmarshal(data, &v)
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		// Offset counts the bytes read, the offending one included.
		line, col := lineCol(data, int(syn.Offset)-1)
		return fmt.Errorf("%s is not valid JSON: line %d, column %d: %s", displayName(filename), line, col, syn.Error())
	}
	if err != nil {
		return fmt.Errorf("%s is not valid JSON: %v", displayName(filename), err)
	}
	return fmt.Errorf("%s is not valid JSON", displayName(filename))
}

// lineCol turns a byte offset into a 1-based line and column (in characters).
func lineCol(data []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(data))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	lastNL := bytes.LastIndexByte(before, '\n')
	col = len([]rune(string(before[lastNL+1:]))) + 1
	return line, col
}
