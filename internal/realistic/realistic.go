// Package realistic makes the data the storage and scale benchmarks run on:
// articles of real English prose, and the annotations a heavy reader makes
// on them, as issue 18 defines "realistic":
//
//   - quotes of 40–220 characters, cut at random places (snapped to word
//     boundaries, as a reader's selection is) from the article's own text,
//     with the context the app itself records (anchor.Text.Describe: 32 or
//     more characters each side, out to a word boundary);
//   - notes of 0–120 characters of prose, cut from elsewhere in the corpus;
//   - 0–2 tags out of 20, one of the five labels;
//   - a claim on one annotation in ten, with a verdict, usually a type,
//     sometimes a speaker and an evidence link;
//   - random (version 4) ids, and times spread over a year at millisecond
//     precision, as the app records them; three in ten edited after they
//     were made;
//   - 500 annotations per article, one article holding 1,000 (Library).
//
// Everything is seeded and deterministic: the same seed gives the same
// articles and annotations on every machine and Go version (math/rand/v2's
// PCG is specified).
//
// The prose is The Adventures of Sherlock Holmes by Arthur Conan Doyle
// (1892), Project Gutenberg eBook #1661 (prose/README.md): public domain.
//
// The package is for tests, benchmarks and the end-to-end suite only; the
// app never imports it (cmd/annotator's TestAppWasmImports guards that), so
// its 580 KB of prose never reach app.wasm.
package realistic

import (
	_ "embed"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

//go:embed prose/sherlock-holmes.txt
var corpus string

// Prose returns the whole corpus, as the file holds it.
func Prose() string { return corpus }

var (
	parasOnce sync.Once
	paras     []string // the corpus's paragraphs, whitespace collapsed
)

// paragraphs splits the corpus at blank lines, joins each paragraph's lines
// and drops the headings (paragraphs without a lower-case letter) and the
// table of contents.
func paragraphs() []string {
	parasOnce.Do(func() {
		for _, p := range strings.Split(strings.ReplaceAll(corpus, "\r\n", "\n"), "\n\n") {
			p = strings.Join(strings.Fields(p), " ")
			if p == "" || !strings.ContainsFunc(p, unicode.IsLower) || strings.HasPrefix(p, "Contents") {
				continue
			}
			paras = append(paras, p)
		}
	})
	return paras
}

// ArticleID is the id of the library's i-th article.
func ArticleID(i int) string { return fmt.Sprintf("realistic-%03d", i) }

// Articles returns n articles of 1,000 to 3,000 words (the length of a news
// story to a long read), each a run of consecutive paragraphs of the corpus
// from a random place; their ids are ArticleID(0) … ArticleID(n-1).
func Articles(seed uint64, n int) []*article.Article {
	out := make([]*article.Article, n)
	for i := range out {
		out[i] = Article(seed, i)
	}
	return out
}

// Article returns the library's i-th article (see Articles).
func Article(seed uint64, i int) *article.Article {
	rng := rand.New(rand.NewPCG(seed, uint64(i)*2+1))
	ps := paragraphs()
	words := 1000 + rng.IntN(2001)
	first := rng.IntN(len(ps))
	var blocks []article.Block
	for n, j := 0, first; n < words; j = (j + 1) % len(ps) {
		blocks = append(blocks, article.Block{Kind: "p", Text: ps[j]})
		n += article.CountWords(ps[j])
	}
	a, err := article.New(ArticleID(i), titleFrom(blocks[0].Text, i), blocks,
		article.Meta{Author: "Arthur Conan Doyle", Source: "The Adventures of Sherlock Holmes"})
	if err != nil {
		panic(fmt.Sprintf("realistic: article %d: %v", i, err)) // the corpus is fixed: a bug here
	}
	return a
}

// titleFrom makes a title of the first words of a paragraph.
func titleFrom(p string, i int) string {
	w := strings.Fields(p)
	if len(w) > 8 {
		w = w[:8]
	}
	t := strings.TrimRight(strings.Join(w, " "), ".,;:!?—“”‘’\"'-")
	return fmt.Sprintf("%s (%d)", t, i)
}

// File returns a's text as a plain-text article file (article.ParseText reads
// it back to the same canonical text and hash), for a test host's articles
// folder.
func File(a *article.Article) []byte {
	var b strings.Builder
	b.WriteString(a.Title + "\n")
	b.WriteString("Author: " + a.Author + "\nSource: " + a.Source + "\n")
	for _, bl := range a.Blocks {
		b.WriteString("\n" + bl.Text + "\n")
	}
	return []byte(b.String())
}

// WriteArticles writes each article as <id>.txt into dir.
func WriteArticles(dir string, arts []*article.Article) error {
	for _, a := range arts {
		if err := os.WriteFile(filepath.Join(dir, a.ID+".txt"), File(a), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// The reader's vocabulary.
var (
	tags = []string{"method", "follow-up", "key", "check", "quote", "source", "context", "history",
		"motive", "evidence", "timeline", "character", "theme", "question", "important", "clue",
		"setting", "style", "contradiction", "summary"}
	labels     = []string{annotation.LabelKeyPoint, annotation.LabelQuestion, annotation.LabelEvidence, annotation.LabelDisagree, annotation.LabelDefinition}
	claimTypes = []annotation.ClaimType{"", annotation.ClaimStatistic, annotation.ClaimCausal, annotation.ClaimPrediction,
		annotation.ClaimLaw, annotation.ClaimQuotation, annotation.ClaimExperience, annotation.ClaimOpinion}
	verdicts = []annotation.Verdict{annotation.VerdictUnverified, annotation.VerdictAccurate, annotation.VerdictMostlyAccurate,
		annotation.VerdictMixed, annotation.VerdictMostlyInaccurate, annotation.VerdictInaccurate}
	speakers = []string{"Sherlock Holmes", "Dr. Watson", "Inspector Lestrade", "Mrs. Hudson", "the client", "the narrator"}
)

// YearStart is when the generated reader's year of annotating begins; every
// Created and Modified time falls in the 365 days after it.
var YearStart = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// Annotations returns n annotations on the article with this id and
// canonical text, made as the app makes them (valid, with the text's hash),
// in random order. The same seed, id and text give the same annotations.
func Annotations(seed uint64, articleID, text string, n int) []annotation.Annotation {
	h := fnv.New64a()
	h.Write([]byte(articleID))
	rng := rand.New(rand.NewPCG(seed, h.Sum64()))
	t := anchor.NewText(text)
	runes := []rune(text)
	hash := article.HashText(text)
	ps := paragraphs()
	year := int64(365 * 24 * time.Hour / time.Millisecond)

	out := make([]annotation.Annotation, 0, n)
	for len(out) < n {
		start, end, ok := quoteSpan(rng, runes)
		if !ok {
			break // a text too short to quote 40 characters from
		}
		q, pos := t.Describe(start, end)
		created := YearStart.Add(time.Duration(rng.Int64N(year)) * time.Millisecond)
		modified := created
		if rng.IntN(10) < 3 {
			left := YearStart.Add(365*24*time.Hour).Sub(created) / time.Millisecond
			modified = created.Add(time.Duration(rng.Int64N(int64(left))) * time.Millisecond)
		}
		a := annotation.Annotation{
			ID:          uuid(rng),
			Article:     articleID,
			ArticleHash: hash,
			Quote:       q,
			Position:    pos,
			Kind:        annotation.KindHighlight,
			Label:       labels[rng.IntN(len(labels))],
			Created:     created,
			Modified:    modified,
		}
		if l := rng.IntN(121); l > 0 {
			a.Note = cut(rng, ps, l)
			a.Kind = annotation.KindNote
		}
		for k := rng.IntN(3); k > 0; k-- {
			tag := tags[rng.IntN(len(tags))]
			if len(a.Tags) == 0 || a.Tags[0] != tag {
				a.Tags = append(a.Tags, tag)
			}
		}
		if rng.IntN(10) == 0 {
			a.Kind = annotation.KindClaim
			c := &annotation.Claim{Type: claimTypes[rng.IntN(len(claimTypes))], Verdict: verdicts[rng.IntN(len(verdicts))]}
			if rng.IntN(10) < 3 {
				c.Speaker = speakers[rng.IntN(len(speakers))]
			}
			if rng.IntN(2) == 0 {
				title := cut(rng, ps, 20+rng.IntN(40))
				c.Evidence = []annotation.Evidence{{URL: "https://example.org/" + slug(title), Title: title}}
			}
			a.Claim = c
		}
		if err := a.Validate(); err != nil {
			panic(fmt.Sprintf("realistic: made an invalid annotation: %v", err))
		}
		out = append(out, a)
	}
	return out
}

// quoteSpan picks [start,end) of 40 to 220 code points at a random place,
// starting at the start of a word and ending at the end of one where the
// length allows.
func quoteSpan(rng *rand.Rand, runes []rune) (start, end int, ok bool) {
	const minLen, maxLen = 40, 220
	if len(runes) < maxLen+1 {
		return 0, 0, false
	}
	start = rng.IntN(len(runes) - maxLen)
	for start > 0 && isWord(runes[start-1]) && isWord(runes[start]) {
		start--
	}
	for start < len(runes)-maxLen && !isWord(runes[start]) {
		start++
	}
	end = start + minLen + rng.IntN(maxLen-minLen+1)
	for end > start+minLen && end < len(runes) && isWord(runes[end-1]) && isWord(runes[end]) {
		end--
	}
	return start, end, true
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// cut returns about n code points of prose from a random paragraph,
// starting at a word.
func cut(rng *rand.Rand, ps []string, n int) string {
	for {
		p := ps[rng.IntN(len(ps))]
		r := []rune(p)
		if len(r) <= n {
			continue
		}
		i := rng.IntN(len(r) - n + 1)
		for i > 0 && isWord(r[i-1]) && i < len(r)-n {
			i++
		}
		s := strings.TrimSpace(string(r[i : i+n]))
		if s != "" && utf8.RuneCountInString(s) <= n {
			return s
		}
	}
}

// slug turns words into the path of an address.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// uuid returns a random version-4 urn:uuid from rng.
func uuid(rng *rand.Rand) string {
	var b [16]byte
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hex = "0123456789abcdef"
	var s strings.Builder
	s.WriteString("urn:uuid:")
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			s.WriteByte('-')
		}
		s.WriteByte(hex[c>>4])
		s.WriteByte(hex[c&15])
	}
	return s.String()
}

// Library is a reader's library: articles, and their annotations by article
// id (articles without annotations have no entry).
type Library struct {
	Articles    []*article.Article
	Annotations map[string][]annotation.Annotation
}

// PerArticle is how many annotations Library puts on each article but the
// first, which holds BigArticle.
const (
	PerArticle = 500
	BigArticle = 1000
)

// NewLibrary returns nArticles articles holding total annotations: the
// first article holds BigArticle (or total, if fewer), the next ones
// PerArticle each, the last the rest, and the remaining articles none. The
// issue's scale profile is NewLibrary(seed, 200, 0 | 1_000 | 10_000).
func NewLibrary(seed uint64, nArticles, total int) *Library {
	lib := &Library{Articles: Articles(seed, nArticles), Annotations: map[string][]annotation.Annotation{}}
	left := total
	for i, a := range lib.Articles {
		if left <= 0 {
			break
		}
		n := min(PerArticle, left)
		if i == 0 {
			n = min(BigArticle, left)
		}
		lib.Annotations[a.ID] = Annotations(seed, a.ID, a.Text, n)
		left -= n
	}
	if left > 0 {
		panic(fmt.Sprintf("realistic: %d articles cannot hold %d annotations", nArticles, total))
	}
	return lib
}

// Count returns how many annotations the library holds.
func (l *Library) Count() int {
	n := 0
	for _, list := range l.Annotations {
		n += len(list)
	}
	return n
}
