package share

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// Limits on an import, each reported with its own message. A W3C export
// takes about 1.1 KB per annotation, so MaxImportAnnotations of them fit in
// MaxImportBytes.
const (
	MaxImportBytes       = 32 << 20 // 32 MiB
	MaxImportAnnotations = 20000
)

// Format names what kind of file an import was.
type Format string

const (
	FormatW3C        Format = "W3C Web Annotation"
	FormatClassPack  Format = "class pack"
	FormatHypothesis Format = "Hypothesis export"
)

// ImportOptions is what an import matches its items against.
type ImportOptions struct {
	// Known is the reader's library: a target is mapped to an article by a
	// collection's article map, by the "urn:annotator:article:<id>" form,
	// or by a known article whose Source equals the target's address.
	Known []article.Summary
	// Text returns the canonical text of a library article. It is needed
	// only for targets that give a position and no quote: the quote is read
	// from the text. Without it (nil, or false for that article) such an
	// item is rejected with a reason that says to open the article first.
	Text func(articleID string) (string, bool)
	// Here is the article whose page the import was made on ("" on the
	// library page). An annotation whose target names no article (as
	// Recogito writes them) is then flagged NoSource on Here and written
	// only if the reader agrees (ImportSet.Attach); on the library page it
	// is rejected.
	Here string
}

// ImportSet is a parsed, validated import, not yet merged with anything.
// Nothing in it has been written; Preview says what writing it would do.
type ImportSet struct {
	Filename string
	Format   Format
	// Annotations are the accepted annotations, each with its Article set to
	// a known article or to one in NewArticles, and Source set to its
	// provenance.
	Annotations []Incoming
	// Rejected lists the items that were not accepted, with their reasons.
	Rejected []Rejection
	// NewArticles are articles the file brings (a class pack's) that the
	// reader does not have: applying the import adds them as local articles.
	NewArticles []*article.Article
	// Pack is set for a class pack: its instructions and who made it. Its
	// Annotations field is not kept.
	Pack *ClassPack
	// Packs are the class packs of every file, when Merge joined several.
	Packs []*ClassPack
	// Warnings are things the reader should know about the file as a
	// whole; each annotation's own are in Incoming.Warnings.
	Warnings []string
	// Here is ImportOptions.Here. Attach, set by the UI when the reader
	// agrees, makes PreviewImport write the NoSource annotations on Here.
	Here   string
	Attach bool
}

// Incoming is one accepted annotation, the index of its item in the file,
// and what the reader should know about it.
type Incoming struct {
	Item       int
	Annotation annotation.Annotation
	// File names the file it came from when Merge joined several.
	File string
	// Warnings say in plain words what the item carried that was not kept,
	// or was kept in another form ("kept a link (…) in the note").
	Warnings []string
	// NoSource marks an annotation whose target named no article: it is
	// on ImportSet.Here, and written only when ImportSet.Attach is set.
	NoSource bool
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

// ParseImport reads a whole import file at once; see Importer for one that
// works in slices. known is the reader's library.
//
// An error means the file as a whole cannot be imported (too big, not JSON,
// not a format we read, too many annotations, a broken class pack) and the
// set is nil. Items that fail on their own are listed in Rejected.
func ParseImport(data []byte, filename string, known []article.Summary) (*ImportSet, error) {
	return Parse(data, filename, ImportOptions{Known: known})
}

// Parse is ParseImport with all the options.
func Parse(data []byte, filename string, opt ImportOptions) (*ImportSet, error) {
	im := NewImporter(data, filename, opt)
	for {
		done, err := im.Step(1 << 30)
		if err != nil {
			return nil, err
		}
		if done {
			return im.Set(), nil
		}
	}
}

// Importer parses an import file a slice at a time, so that the browser can
// draw a progress bar and stay responsive between slices:
//
//	im := share.NewImporter(data, name, opts)
//	for {
//		done, err := im.Step(500) // at most 500 items of work
//		if err != nil { … }       // the file as a whole cannot be imported
//		if done { break }
//		show(im.Progress())       // 0…1; then yield to the browser
//	}
//	set := im.Set()
//
// It reads W3C Web Annotation JSON-LD (one annotation, a list of them, an
// AnnotationPage, an AnnotationCollection with embedded pages), an Annotator
// class pack, and Hypothesis's forms: one API annotation, a list of them, a
// search result ({"rows": […]}) and the client's export file
// ({"annotations": […]}); Hypothesis's own JSON-LD is W3C. The file is
// read once, as a stream: the item count is checked while reading, and
// every step is linear in the items it handles.
type Importer struct {
	set  *ImportSet
	opt  ImportOptions
	data []byte
	sp   *splitter
	conv *converter
	next int
	err  error
	done bool
}

// NewImporter starts reading data, the file named filename.
func NewImporter(data []byte, filename string, opt ImportOptions) *Importer {
	im := &Importer{set: &ImportSet{Filename: filename, Here: opt.Here}, opt: opt}
	if len(data) > MaxImportBytes {
		im.err = fmt.Errorf("%s is too big to import: %s, at most %d MiB", displayName(filename), byteSize(len(data)), MaxImportBytes>>20)
		return im
	}
	im.data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark
	im.sp = newSplitter(im.data)
	return im
}

// Step does up to n items of work: reading the file, then converting its
// items. It reports whether the import is parsed; after an error it keeps
// returning that error.
func (im *Importer) Step(n int) (bool, error) {
	if im.err != nil || im.done {
		return im.done, im.err
	}
	n = max(n, 1)
	if im.conv == nil && !im.sp.done {
		// Cutting out an item costs about a twentieth of converting one
		// (2 against 45 µs in WebAssembly): n items of work read 16n. A
		// caller that sizes its steps by their time then moves on to
		// converting with steps of the right size, not with 16 times
		// too many (a first conversion step of 160 ms).
		if _, err := im.sp.step(n * splitPerItem); err != nil {
			im.err = readError(err, im.data, im.set.Filename)
			return false, im.err
		}
		return false, nil
	}
	if im.conv == nil {
		var err error
		if im.conv, err = im.plan(); err != nil {
			im.err = err
			return false, err
		}
		// Most items become one annotation: room for them all at once, not
		// a list of 20,000 large structs copied as it doubles.
		im.set.Annotations = make([]Incoming, 0, len(im.conv.items))
		im.conv.seen = make(map[string]int, len(im.conv.items))
		return false, nil
	}
	end := min(im.next+n, len(im.conv.items))
	for ; im.next < end; im.next++ {
		if err := im.conv.convert(im.next); err != nil {
			im.err = readError(err, im.data, im.set.Filename)
			return false, im.err
		}
	}
	if im.next == len(im.conv.items) {
		im.set.provenance()
		im.done = true
	}
	return im.done, nil
}

// splitPerItem is how many items the splitter cuts out for one item of
// converting work (Importer.Step).
const splitPerItem = 16

// Progress says how far the import is, from 0 to 1: reading the file is the
// first fifth, converting its items the rest.
func (im *Importer) Progress() float64 {
	switch {
	case im.done:
		return 1
	case im.conv == nil:
		if im.sp == nil {
			return 0
		}
		return 0.2 * im.sp.progress()
	case len(im.conv.items) == 0:
		return 1
	}
	return 0.2 + 0.8*float64(im.next)/float64(len(im.conv.items))
}

// Set returns the parsed set once Step has reported done, else nil.
func (im *Importer) Set() *ImportSet {
	if !im.done || im.err != nil {
		return nil
	}
	return im.set
}

// plan decides what the file is, once it has been read, and prepares the
// conversion of its items.
func (im *Importer) plan() (*converter, error) {
	sp, s := im.sp, im.set
	c := newConverter(s, im.opt)
	from := func(prefixes ...string) []splitItem {
		out := make([]splitItem, 0, len(sp.items))
		for _, it := range sp.items {
			for _, p := range prefixes {
				if strings.HasPrefix(it.list, p) {
					out = append(out, it)
					break
				}
			}
		}
		return out
	}
	if sp.topArray {
		c.items = sp.items
		if len(c.items) > 0 && looksHypothesis(c.items[0].raw) {
			s.Format, c.hypothesis = FormatHypothesis, true
		} else {
			s.Format = FormatW3C
		}
		return c, nil
	}
	types := names(sp.top[".type"])
	if raw := sp.top[".annotatorArticles"]; raw != nil {
		json.Unmarshal(raw, &c.articles) // a damaged map is only a lost hint
	}
	switch {
	case types[ClassPackType]:
		s.Format = FormatClassPack
		if err := c.readClassPack(sp); err != nil {
			return nil, err
		}
		c.items = from(".annotations.first.")
	case types["AnnotationCollection"]:
		s.Format = FormatW3C
		if err := remotePage(sp.top[".first"]); err != nil {
			return nil, err
		}
		c.items = from(".first.")
	case types["AnnotationPage"]:
		s.Format = FormatW3C
		c.items = from(".items")
	case types["Annotation"]:
		s.Format = FormatW3C
		c.items = []splitItem{{raw: bytes.TrimSpace(im.data)}}
	case sp.lists[".rows"]:
		s.Format, c.hypothesis = FormatHypothesis, true
		c.items = from(".rows")
	case sp.lists[".annotations"] && sp.top[".annotations.type"] == nil:
		s.Format, c.hypothesis = FormatHypothesis, true // the client's export file
		c.items = from(".annotations")
	case sp.top[".uri"] != nil && sp.top[".user"] != nil && sp.top[".type"] == nil:
		s.Format, c.hypothesis = FormatHypothesis, true // one annotation from the API
		c.items = []splitItem{{raw: bytes.TrimSpace(im.data)}}
	default:
		return nil, errors.New("this file is not an annotation file we can read: expected W3C Web Annotations, an Annotator class pack or a Hypothesis export")
	}
	return c, nil
}

// remotePage refuses a collection whose pages are links to elsewhere:
// imports never touch the network.
func remotePage(first json.RawMessage) error {
	if t := bytes.TrimSpace(first); len(t) > 0 && t[0] == '"' {
		return errors.New("this collection's pages are links to elsewhere, not included in the file; export it with its annotations embedded")
	}
	return nil
}

func tooMany(n int) error {
	return fmt.Errorf("this file holds too many annotations to import at once: more than %d (it has at least %d)", MaxImportAnnotations, n)
}

// converter turns a file's items into annotations, each in constant time
// (maps, not scans, for articles and ids).
type converter struct {
	set        *ImportSet
	opt        ImportOptions
	items      []splitItem
	hypothesis bool
	articles   map[string]string // a collection's map from target source to article id
	forced     *article.Article  // a class pack's article: the only one its items may be on
	byID       map[string]article.Summary
	bySource   map[string]string
	seen       map[string]int // accepted annotation id → item
	texts      map[string]*anchor.Text
}

func newConverter(s *ImportSet, opt ImportOptions) *converter {
	c := &converter{set: s, opt: opt, byID: map[string]article.Summary{}, bySource: map[string]string{},
		seen: map[string]int{}, texts: map[string]*anchor.Text{}}
	for _, k := range opt.Known {
		if _, ok := c.byID[k.ID]; !ok {
			c.byID[k.ID] = k
		}
		if k.Source != "" {
			if _, ok := c.bySource[k.Source]; !ok {
				c.bySource[k.Source] = k.ID
			}
		}
	}
	return c
}

// convert converts item i. An error means the item is not JSON, and so
// neither is the file.
func (c *converter) convert(i int) error {
	v, err := annotation.ParseJSON(c.items[i].raw)
	if err != nil {
		return errSyntax
	}
	if c.hypothesis {
		m, ok := v.(map[string]any)
		if !ok {
			c.reject(i, "it is "+annotation.JSONKind(v)+", not a Hypothesis annotation")
			return nil
		}
		w, uri, reason := hypothesisToW3C(m)
		if reason != "" {
			c.reject(i, reason)
			return nil
		}
		c.read(i, w, uri)
		return nil
	}
	w, err := annotation.W3CFromJSON(v)
	if err != nil {
		c.reject(i, err.Error())
		return nil
	}
	c.read(i, w, "")
	return nil
}

// placed is one target of an item made into an annotation.
type candidate struct {
	a        annotation.Annotation
	warnings []string
	noSource bool
}

// read turns one W3C annotation into one annotation per text target.
// alt is another address its article may be known by (Hypothesis's uri).
func (c *converter) read(i int, w annotation.W3CAnnotation, alt string) {
	r, err := annotation.ReadW3C(w)
	if err != nil {
		c.reject(i, err.Error())
		return
	}
	// Nearly every item has one target: room for it here, not a 450-byte
	// allocation per item (8 MB of garbage for 20,000).
	var one [1]candidate
	cands := one[:0]
	var failed []string
	for k, t := range r.Targets {
		a := t.Apply(r.Annotation)
		if k > 0 {
			a.ID = annotation.DerivedID(w.ID, k)
		}
		cand := candidate{warnings: append([]string(nil), r.Warnings...)}
		var reason string
		cand.a, cand.noSource, reason = c.place(a, t, alt, &cand.warnings)
		if reason != "" {
			if len(r.Targets) > 1 {
				reason = "its " + ordinal(k+1) + " passage: " + reason
			}
			failed = append(failed, reason)
			continue
		}
		cands = append(cands, cand)
	}
	if len(cands) == 0 {
		c.reject(i, failed[0])
		return
	}
	for _, cand := range cands {
		for _, f := range failed {
			cand.warnings = append(cand.warnings, "not kept: "+f)
		}
		c.accept(i, cand)
	}
}

// place puts a on its article: the one its target names, the class pack's,
// or (no source) the article the import was made on. A target with a
// position and no quote gets its quote from the article's text.
func (c *converter) place(a annotation.Annotation, t annotation.W3CTextTarget, alt string, warnings *[]string) (annotation.Annotation, bool, string) {
	src := t.Source
	var id string
	noSource := false
	switch {
	case c.forced != nil:
		if src != "" && src != SourceIRI(c.forced) && src != articleURNPrefix+c.forced.ID {
			return a, false, fmt.Sprintf("it is on “%s”, not on the class pack's article", clip(src))
		}
		id = c.forced.ID
	case src == "" && alt == "":
		if c.opt.Here == "" {
			return a, false, "it does not say which article it is on; import the file from the article's page to attach it there"
		}
		id, noSource = c.opt.Here, true
	default:
		id = c.articles[src]
		if id == "" {
			id = c.articleFor(src)
		}
		if id == "" && alt != "" {
			id = c.articleFor(alt)
		}
		if id == "" {
			where := src
			if where == "" {
				where = alt
			}
			return a, false, fmt.Sprintf("it is on “%s”, which is not an article in your library", clip(where))
		}
	}
	sum, ok := c.summary(id)
	if !ok {
		return a, false, fmt.Sprintf("it is on the article “%s”, which is not in your library", clip(id))
	}
	a.Article = id
	if a.Quote.Exact == "" {
		// A position alone: read the quote from the article's text.
		text, ok := c.text(id)
		start, end := a.Position.Start, a.Position.End
		switch {
		case !ok:
			return a, false, fmt.Sprintf("it gives only a position (%d–%d), not the words, and the text of “%s” is not at hand: open the article, then import the file there", start, end, clip(sum.Title))
		case end > text.Len():
			return a, false, fmt.Sprintf("its position (%d–%d) is past the end of “%s”", start, end, clip(sum.Title))
		}
		other := a.ArticleHash != "" && a.ArticleHash != sum.Hash
		a = a.AnchoredAt(text, start, end, sum.Hash)
		msg := fmt.Sprintf("its words were read from the article at the position it gives (%d–%d)", start, end)
		if other {
			msg += ", which was given on another version of the text: check that they are the right ones"
		}
		*warnings = append(*warnings, msg)
	}
	if a.ArticleHash == "" {
		a.ArticleHash = sum.Hash
	}
	return a, noSource, ""
}

// articleFor maps a target source to a known article id.
func (c *converter) articleFor(src string) string {
	if id, ok := strings.CutPrefix(src, articleURNPrefix); ok {
		return id
	}
	return c.bySource[src]
}

func (c *converter) summary(id string) (article.Summary, bool) {
	if c.forced != nil && id == c.forced.ID {
		return c.forced.Summary(), true
	}
	s, ok := c.byID[id]
	return s, ok
}

func (c *converter) text(id string) (*anchor.Text, bool) {
	if t, ok := c.texts[id]; ok {
		return t, t != nil
	}
	var t *anchor.Text
	switch {
	case c.forced != nil && id == c.forced.ID:
		t = anchor.NewText(c.forced.Text)
	case c.opt.Text != nil:
		if s, ok := c.opt.Text(id); ok {
			t = anchor.NewText(s)
		}
	}
	c.texts[id] = t
	return t, t != nil
}

// accept validates an annotation and adds it, or rejects its item with the
// first problems, in plain words.
func (c *converter) accept(item int, cand candidate) {
	a := cand.a
	if err := a.Validate(); err != nil {
		var msgs []string
		for _, e := range annotation.FieldErrors(err) {
			msgs = append(msgs, e.Msg)
			if len(msgs) == 3 {
				break
			}
		}
		if len(msgs) == 0 {
			msgs = append(msgs, err.Error())
		}
		c.reject(item, strings.Join(msgs, " "))
		return
	}
	if first, ok := c.seen[a.ID]; ok {
		c.reject(item, fmt.Sprintf("it has the same id as item %d", first+1))
		return
	}
	c.seen[a.ID] = item
	a.Imported = a.ContentHash()
	c.set.Annotations = append(c.set.Annotations, Incoming{Item: item, Annotation: a, Warnings: cand.warnings, NoSource: cand.noSource})
}

func (c *converter) reject(item int, reason string) {
	c.set.Rejected = append(c.set.Rejected, Rejection{Item: item, Reason: reason})
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

func ordinal(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return fmt.Sprintf("%dth", n)
	case n%10 == 1:
		return fmt.Sprintf("%dst", n)
	case n%10 == 2:
		return fmt.Sprintf("%dnd", n)
	case n%10 == 3:
		return fmt.Sprintf("%drd", n)
	}
	return fmt.Sprintf("%dth", n)
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

// lineCol turns a byte offset into a 1-based line and column (in characters).
func lineCol(data []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(data))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	lastNL := bytes.LastIndexByte(before, '\n')
	col = len([]rune(string(before[lastNL+1:]))) + 1
	return line, col
}
