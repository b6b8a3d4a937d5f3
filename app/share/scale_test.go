package share

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// scaleWords is the vocabulary of the generated articles: plain English
// words, so that quotes and their context look like prose to the anchoring.
var scaleWords = strings.Fields(`the a of to and in that is was for on it with as by at from this be are have
had not but or which one all were when there been their more who will would what about into than them can only other
new some could time these two may first then do any like now over such our made after also did many before must
through back years where much your way well down should because each just those people how too little state good
very make world still own see men work long here get both between life being under never day same another know while
last might us great old year off come since against go came right used take three states himself few house use during
without again place around however home small found thought went say part once general high upon school every
minister talks official reporters editors sources claims numbers dates names places records evidence verdict
reader article passage sentence quotation statement report agency bureau institute network committee council`)

// scaleArticle is a generated article of n paragraphs of 60–120 words.
func scaleArticle(tb testing.TB, id string, n int, r *rand.Rand) *article.Article {
	tb.Helper()
	blocks := make([]article.Block, n)
	for i := range blocks {
		words := make([]string, 60+r.IntN(60))
		for j := range words {
			words[j] = scaleWords[r.IntN(len(scaleWords))]
		}
		words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
		blocks[i] = article.Block{Kind: "p", Text: strings.Join(words, " ") + "."}
	}
	a, err := article.New(id, "Scale article "+id, blocks, article.Meta{Source: "https://example.com/scale/" + id})
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// scaleLibrary makes articles of 500 annotations each (the issue's
// "realistic" density), n annotations in all: quotes of 40–220 code points
// cut at word boundaries, a note on one in three, tags on one in four, a
// claim on one in ten.
func scaleLibrary(tb testing.TB, n int, seed uint64) []Item {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, 17))
	var items []Item
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for made := 0; made < n; {
		art := scaleArticle(tb, fmt.Sprintf("scale-%d-%d", seed, len(items)), 40, r)
		text := anchor.NewText(art.Text)
		runes := []rune(art.Text)
		k := min(500, n-made)
		anns := make([]annotation.Annotation, 0, k)
		for range k {
			start := r.IntN(len(runes) - 240)
			for start > 0 && runes[start-1] != ' ' {
				start--
			}
			end := start + 40 + r.IntN(180)
			for end < len(runes) && runes[end] != ' ' && runes[end] != '.' {
				end++
			}
			q, p := text.Describe(start, end)
			a := annotation.Annotation{ID: annotation.NewID(), Article: art.ID, ArticleHash: art.Hash,
				Quote: q, Position: p, Kind: annotation.KindHighlight,
				Created: base.Add(time.Duration(r.IntN(365*24)) * time.Hour)}
			a.Modified = a.Created
			if r.IntN(3) == 0 {
				a.Kind, a.Note = annotation.KindNote, "Check this against the record: "+scaleWords[r.IntN(len(scaleWords))]
			}
			if r.IntN(4) == 0 {
				a.Tags = []string{scaleWords[r.IntN(20)]}
			}
			if r.IntN(10) == 0 {
				a.Kind, a.Note = annotation.KindClaim, ""
				a.Claim = &annotation.Claim{Type: annotation.ClaimStatistic, Verdict: annotation.VerdictMostlyAccurate}
			}
			anns = append(anns, a)
		}
		items = append(items, Item{Article: art, Annotations: anns})
		made += k
	}
	return items
}

func scaleKnown(items []Item) []article.Summary {
	out := make([]article.Summary, len(items))
	for i, it := range items {
		out[i] = it.Article.Summary()
	}
	return out
}

// BenchmarkImportPreview measures a W3C library file of n annotations from
// its bytes to the preview, against a library that already holds them (the
// worst case for the merge: every id is looked up and compared). ns/op
// divided by n should stay flat as n grows.
func BenchmarkImportPreview(b *testing.B) {
	for _, n := range []int{1000, 5000, 20000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			items := scaleLibrary(b, n, 1)
			data, _, err := Export{Items: items, Library: true, Date: exportDay}.W3C()
			if err != nil {
				b.Fatal(err)
			}
			known := scaleKnown(items)
			existing := map[string][]annotation.Annotation{}
			for _, it := range items {
				existing[it.Article.ID] = it.Annotations
			}
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for b.Loop() {
				set, err := ParseImport(data, "library.jsonld", known)
				if err != nil {
					b.Fatal(err)
				}
				p := PreviewImport(set, existing)
				if p.Unchanged+p.Updated != n {
					b.Fatalf("preview %d new, %d updated, %d unchanged, rejected %v", p.New, p.Updated, p.Unchanged, len(p.Rejected))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/annotation")
		})
	}
}

// millionEmpty is the hostile file: 3 MB of "{}" items.
func millionEmpty() []byte {
	return []byte("[" + strings.Repeat("{},", 999_999) + "{}]")
}

// TestMillionEmptyObjectsRefusedWhileReading checks that the count limit is
// applied while the file is read: the importer stops after the first
// MaxImportAnnotations+1 items, a fraction of the file, instead of
// decoding all of it first.
func TestMillionEmptyObjectsRefusedWhileReading(t *testing.T) {
	data := millionEmpty()
	im := NewImporter(data, "empty.json", ImportOptions{})
	var err error
	for done := false; !done && err == nil; {
		done, err = im.Step(1000)
	}
	if err == nil || !strings.Contains(err.Error(), "too many annotations") {
		t.Fatalf("got %v", err)
	}
	if read := im.sp.pos; read > len(data)/40 {
		t.Errorf("read %d of %d bytes before refusing; the limit should stop it at about %d", read, len(data), 3*(MaxImportAnnotations+1))
	}
}

// BenchmarkMillionEmpty is the time to refuse the million-"{}" file,
// beside the time a plain decode of it takes (the old way's first step).
func BenchmarkMillionEmpty(b *testing.B) {
	data := millionEmpty()
	b.Run("refuse", func(b *testing.B) {
		for b.Loop() {
			if _, err := ParseImport(data, "empty.json", nil); err == nil {
				b.Fatal("accepted")
			}
		}
	})
	b.Run("baseline-decode-all", func(b *testing.B) {
		for b.Loop() {
			var raws []json.RawMessage
			if err := json.Unmarshal(data, &raws); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkMarkdownFragments is the Markdown export of 500 annotations on
// one article of 40 paragraphs (about 3,600 words from a small vocabulary,
// so that most short passages repeat and need context): the text fragments
// are most of its cost.
func BenchmarkMarkdownFragments(b *testing.B) {
	items := scaleLibrary(b, 500, 7)
	e := Export{Items: items, Date: exportDay}
	for b.Loop() {
		if _, _, err := e.Markdown(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/500, "ns/annotation")
}
