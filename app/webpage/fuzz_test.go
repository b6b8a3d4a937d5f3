package webpage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/annotator/annotator/app/article"
)

// FuzzExtract gives Extract any bytes: it returns a valid article or one of
// its documented errors, and never panics. The test pages are its seeds;
// the corpus is in testdata/fuzz/FuzzExtract.
func FuzzExtract(f *testing.F) {
	pages, _ := filepath.Glob("testdata/pages/*.html")
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Extract("fuzz", data, Page{})
		if err != nil {
			for _, known := range []error{ErrLittleText, ErrUnreadable, article.ErrNotUTF8, article.ErrTooLarge} {
				if errors.Is(err, known) {
					return
				}
			}
			t.Fatalf("error of no known kind: %v", err)
		}
		if a.Words < MinWords {
			t.Fatalf("an article of %d words", a.Words)
		}
		again, err := article.New(a.ID, a.Title, a.Blocks, article.Meta{Source: a.Source, Author: a.Author, Published: a.Published})
		if err != nil || again.Hash != a.Hash {
			t.Fatalf("not a canonical article: %v", err)
		}
	})
}
