package article

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Check reports whether a, read from outside the host (a class pack, the
// browser's storage), is whole and unaltered: a valid id, a title, blocks
// of known kinds that make up its text at the offsets they say, UTF-8 text,
// and a hash that matches it. Its error reads after "the article", e.g.
// "has no title". An article made by New or Parse always passes.
func (a *Article) Check() error {
	switch {
	case !ValidID(a.ID):
		return fmt.Errorf("has an invalid id %.60q", a.ID)
	case strings.TrimSpace(a.Title) == "":
		return errors.New("has no title")
	case len(a.Blocks) == 0 || a.Text == "":
		return errors.New("has no text")
	case !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title):
		return errors.New("has text that is not UTF-8")
	case a.Hash != HashText(a.Text):
		return errors.New("does not match its content hash: it was changed or damaged")
	}
	var b strings.Builder
	b.Grow(len(a.Text))
	start := 0
	for i, blk := range a.Blocks {
		if !blockKinds[blk.Kind] {
			return fmt.Errorf("has a block %d of unknown kind %.20q", i+1, blk.Kind)
		}
		if i > 0 {
			b.WriteString("\n\n")
			start += 2
		}
		if blk.Start != start {
			return fmt.Errorf("has a block %d that starts at %d, not %d", i+1, blk.Start, start)
		}
		b.WriteString(blk.Text)
		start += utf8.RuneCountInString(blk.Text)
	}
	if b.String() != a.Text {
		return errors.New("has blocks that do not make up its text")
	}
	return nil
}
