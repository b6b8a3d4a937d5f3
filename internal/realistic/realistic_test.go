package realistic

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

func TestArticles(t *testing.T) {
	arts := Articles(1, 20)
	for i, a := range arts {
		if a.ID != ArticleID(i) || a.Words < 1000 || a.Words > 3500 {
			t.Errorf("article %d: id %s, %d words", i, a.ID, a.Words)
		}
		back, err := article.ParseText(a.ID, File(a))
		if err != nil || back.Hash != a.Hash || back.Title != a.Title {
			t.Errorf("article %d does not read back from its file: %v", i, err)
		}
	}
	if !reflect.DeepEqual(Articles(1, 3), arts[:3]) {
		t.Error("the same seed made other articles")
	}
	if Article(2, 0).Text == arts[0].Text {
		t.Error("another seed made the same article")
	}
}

func TestAnnotationsAreRealistic(t *testing.T) {
	a := Article(7, 3)
	list := Annotations(7, a.ID, a.Text, 2000)
	if len(list) != 2000 {
		t.Fatalf("%d annotations", len(list))
	}
	if !reflect.DeepEqual(Annotations(7, a.ID, a.Text, 10), list[:10]) {
		t.Fatal("not deterministic")
	}
	text := anchor.NewText(a.Text)
	ids := map[string]bool{}
	quotes := map[string]bool{}
	var claims, notes, tagged, edited, evidence int
	labels := map[string]int{}
	for _, x := range list {
		if err := x.Validate(); err != nil {
			t.Fatal(err)
		}
		if ids[x.ID] {
			t.Fatalf("duplicate id %s", x.ID)
		}
		ids[x.ID] = true
		quotes[x.Quote.Exact] = true
		if n := utf8.RuneCountInString(x.Quote.Exact); n < 40 || n > 220 {
			t.Errorf("quote of %d characters", n)
		}
		if utf8.RuneCountInString(x.Quote.Prefix) < 32 && x.Position.Start >= 32 ||
			utf8.RuneCountInString(x.Quote.Suffix) < 32 && x.Position.End+32 <= utf8.RuneCountInString(a.Text) {
			t.Errorf("context too short: %q … %q", x.Quote.Prefix, x.Quote.Suffix)
		}
		if text.Slice(x.Position.Start, x.Position.End) != x.Quote.Exact || x.ArticleHash != a.Hash {
			t.Errorf("%s does not anchor on its article", x.ID)
		}
		if n := utf8.RuneCountInString(x.Note); n > 120 {
			t.Errorf("note of %d characters", n)
		}
		if len(x.Tags) > 2 {
			t.Errorf("%d tags", len(x.Tags))
		}
		if x.Note != "" {
			notes++
		}
		if len(x.Tags) > 0 {
			tagged++
		}
		if x.Kind == annotation.KindClaim {
			claims++
			if len(x.Claim.Evidence) > 0 {
				evidence++
			}
		}
		if !x.Modified.Equal(x.Created) {
			edited++
		}
		if x.Created.Before(YearStart) || x.Modified.After(YearStart.AddDate(0, 0, 365)) || x.Modified.Before(x.Created) {
			t.Errorf("times out of the year: %v %v", x.Created, x.Modified)
		}
		labels[x.Label]++
	}
	if len(quotes) < 1950 {
		t.Errorf("only %d different quotes in 2,000", len(quotes))
	}
	if claims < 150 || claims > 250 || evidence == 0 || notes < 1900 || tagged < 1200 || edited < 500 || len(labels) != 5 {
		t.Errorf("claims %d (evidence %d), notes %d, tagged %d, edited %d, labels %v", claims, evidence, notes, tagged, edited, labels)
	}
	if strings.Contains(list[0].Note, "  ") {
		t.Errorf("note with double spaces: %q", list[0].Note)
	}
}

func TestLibrary(t *testing.T) {
	lib := NewLibrary(1, 200, 10_000)
	if len(lib.Articles) != 200 || lib.Count() != 10_000 || len(lib.Annotations[ArticleID(0)]) != 1000 ||
		len(lib.Annotations[ArticleID(1)]) != 500 || len(lib.Annotations) != 19 {
		t.Fatalf("%d articles, %d annotations over %d", len(lib.Articles), lib.Count(), len(lib.Annotations))
	}
}
