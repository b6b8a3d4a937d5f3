package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
)

func TestKeepTagsRefusesOnlyTheBadOnes(t *testing.T) {
	long := strings.Repeat("t", annotation.MaxTagLen+1)
	kept, refused := keepTags([]string{"short", long, strings.Repeat("é", annotation.MaxTagLen), "other"})
	if len(kept) != 3 || kept[0] != "short" || kept[2] != "other" {
		t.Errorf("kept %q", kept)
	}
	if !strings.Contains(refused, "“ttt") || !strings.Contains(refused, "at most 64 characters") {
		t.Errorf("refused %q", refused)
	}
	many := make([]string, annotation.MaxTags+2)
	for i := range many {
		many[i] = "tag" + strconv.Itoa(i)
	}
	kept, refused = keepTags(many)
	if len(kept) != annotation.MaxTags || refused != "2 tags not kept: an annotation can have at most 50 tags." {
		t.Errorf("%d kept, refused %q", len(kept), refused)
	}
	if kept, refused := keepTags([]string{"a", "b"}); len(kept) != 2 || refused != "" {
		t.Errorf("kept %q, refused %q", kept, refused)
	}
}

func TestPlainErrorHasNoFieldPaths(t *testing.T) {
	a := annotation.Annotation{ID: annotation.NewID(), Article: "a", Kind: annotation.KindNote,
		Quote: anchor.TextQuoteSelector{Exact: "x"}, Position: anchor.TextPositionSelector{Start: 0, End: 1},
		Note: strings.Repeat("n", annotation.MaxNoteLen+1), Tags: []string{strings.Repeat("t", annotation.MaxTagLen+1)}}
	err := a.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	got := plainError(err)
	if strings.Contains(got, "note:") || strings.Contains(got, "tags[") {
		t.Errorf("plainError = %q", got)
	}
	if !strings.Contains(got, "The note is too long") || !strings.Contains(got, "The tag is too long") {
		t.Errorf("plainError = %q", got)
	}
}
