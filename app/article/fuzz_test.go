package article

import (
	"errors"
	"testing"
)

// parseErrors are the errors a parser may return for any input.
var parseErrors = []error{ErrEmpty, ErrNotUTF8, ErrTooLarge, ErrNoTitle, ErrNoBody}

func fuzzParser(f *testing.F, parse func(string, []byte) (*Article, error)) {
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parse("fuzz", data)
		if err != nil {
			for _, known := range parseErrors {
				if errors.Is(err, known) {
					return
				}
			}
			t.Fatalf("error of no known kind: %v", err)
		}
		checkInvariants(t, a)
	})
}

func FuzzParseText(f *testing.F) {
	fuzzParser(f, ParseText)
}

func FuzzParseMarkdown(f *testing.F) {
	fuzzParser(f, ParseMarkdown)
}
