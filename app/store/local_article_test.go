package store

import (
	"strings"
	"testing"

	"github.com/annotator/annotator/app/article"
)

func localArticle(t *testing.T, id string) *article.Article {
	t.Helper()
	a, err := article.New(id, "My notes", []article.Block{{Kind: "p", Text: "First paragraph."}, {Kind: "h2", Text: "A heading"}, {Kind: "p", Text: "Second paragraph."}}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	a.Origin = "local"
	return a
}

// TestBrokenLocalArticleSetAside: a reader-added article in storage whose
// blocks, offsets, text or hash disagree is set aside and reported, like
// any other entry that cannot be used; the rest loads.
func TestBrokenLocalArticleSetAside(t *testing.T) {
	for _, c := range []struct {
		name, reason string
		edit         func(a *article.Article)
	}{
		{"a block out of range", "starts at", func(a *article.Article) { a.Blocks[2].Start = 10_000 }},
		{"a negative start", "starts at", func(a *article.Article) { a.Blocks[0].Start = -5 }},
		{"text that disagrees with its blocks", "content hash", func(a *article.Article) { a.Text = strings.Replace(a.Text, "First", "Fist", 1) }},
		{"blocks that disagree with the text", "do not make up its text", func(a *article.Article) { a.Blocks[1].Text = "A headinG" }},
		{"no blocks", "no text", func(a *article.Article) { a.Blocks = nil }},
		{"an unknown block kind", "unknown kind", func(a *article.Article) { a.Blocks[1].Kind = "script" }},
		{"no title", "no title", func(a *article.Article) { a.Title = " " }},
		{"a bad hash", "content hash", func(a *article.Article) { a.Hash = "sha256:00" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			good, bad := localArticle(t, "good-notes"), localArticle(t, "bad-notes")
			c.edit(bad)
			m := memoryFrom(t, 0, map[string]string{
				metaKey:                  `{"schema":2}`,
				articleKey("good-notes"): encode(t, good),
				articleKey("bad-notes"):  encode(t, bad),
			})
			s, rep := mustOpen(t, m, t0)
			if got := s.LocalArticles(); len(got) != 1 || got[0].ID != "good-notes" {
				t.Errorf("loaded %d articles, want only good-notes", len(got))
			}
			if len(rep.SetAside) != 1 || rep.SetAside[0].Key != articleKey("bad-notes") || !strings.Contains(rep.SetAside[0].Reason, c.reason) || rep.SetAside[0].MovedTo == "" {
				t.Errorf("set aside %+v, want bad-notes for %q", rep.SetAside, c.reason)
			}
			if _, ok, _ := m.Get(articleKey("bad-notes")); ok {
				t.Error("the broken entry is still under its key")
			}
			// Nor is one taken from another tab, or put by the app.
			if _, err := s.ApplyExternal(articleKey("bad-notes"), encode(t, bad)); err == nil {
				t.Error("ApplyExternal took the broken article")
			}
			if err := s.PutLocalArticle(bad); err == nil {
				t.Error("PutLocalArticle took the broken article")
			}
			if len(s.LocalArticles()) != 1 {
				t.Errorf("%d articles after the refusals", len(s.LocalArticles()))
			}
		})
	}
}
