package annotation

import (
	"strings"
	"testing"

	"github.com/annotator/annotator/app/anchor"
)

func TestContentHash(t *testing.T) {
	a := noteFixture()
	h := a.ContentHash()
	if len(h) != 12 {
		t.Fatalf("hash %q", h)
	}
	// Bookkeeping is not content.
	b := a
	b.Position.Start, b.Position.End = b.Position.Start+5, b.Position.End+5
	b.Quote.Prefix, b.ArticleHash, b.Source, b.Modified = "other", "", "import: x", b.Modified.Add(1)
	if b.ContentHash() != h {
		t.Error("position, context, hash, source or time changed the content hash")
	}
	// What a reader edits is.
	for name, edit := range map[string]func(*Annotation){
		"note":   func(a *Annotation) { a.Note += "!" },
		"tags":   func(a *Annotation) { a.Tags = append(a.Tags, "new") },
		"label":  func(a *Annotation) { a.Label += "-other" },
		"quote":  func(a *Annotation) { a.Quote.Exact += " more" },
		"delete": func(a *Annotation) { a.Deleted = true },
		"format": func(a *Annotation) { a.NoteFormat = FormatMarkdown },
	} {
		c := a
		c.Tags = append([]string(nil), a.Tags...)
		edit(&c)
		if c.ContentHash() == h {
			t.Errorf("editing the %s left the content hash unchanged", name)
		}
	}
	// A note "ab" with tag "c" differs from note "a" with tag "bc".
	x, y := a, a
	x.Note, x.Tags = "ab", []string{"c"}
	y.Note, y.Tags = "a", []string{"bc"}
	if x.ContentHash() == y.ContentHash() {
		t.Error("field boundaries are not part of the hash")
	}
	imported := a
	imported.Imported = h
	if imported.EditedSinceImport() {
		t.Error("an unedited import reports an edit")
	}
	imported.Note = "changed"
	if !imported.EditedSinceImport() || (Annotation{}).EditedSinceImport() {
		t.Error("EditedSinceImport")
	}
}

func TestAnchoredAt(t *testing.T) {
	text := anchor.NewText("One two three. Four five six, and seven.")
	a := highlightFixture().AnchoredAt(text, 15, 24, "sha256:"+strings.Repeat("a", 64))
	if a.Quote.Exact != "Four five" || a.Position.Start != 15 || a.Position.End != 24 || a.ArticleHash != "sha256:"+strings.Repeat("a", 64) {
		t.Errorf("got %+v", a)
	}
	if r := text.Resolve(a.Quote, &a.Position); r.Status != anchor.Exact {
		t.Errorf("re-anchored annotation resolves %s", r.Status)
	}
}

func TestHTMLText(t *testing.T) {
	for in, want := range map[string]string{
		"<p>j'adore&nbsp;!</p>":                            "j'adore !",
		"<p>One</p><p>Two &amp; <b>three</b></p>":          "One\nTwo & three",
		"a<br>b<br/>c":                                     "a\nb\nc",
		"<script>alert(1)</script>Safe &lt;text&gt;":       "Safe <text>",
		"&#233;t&#xE9; &unknown; &#0;":                     "été &unknown; &#0;",
		"<a href=\"http://x\" onclick=\"evil()\">link</a>": "link",
	} {
		if got := htmlText(in); got != want {
			t.Errorf("htmlText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAccountName(t *testing.T) {
	for in, want := range map[string]string{
		"acct:alice@hypothes.is": "alice", "acct:@x": "acct:@x", "http://example.org/user1": "http://example.org/user1", "": "",
	} {
		if got := AccountName(in); got != want {
			t.Errorf("AccountName(%q) = %q, want %q", in, got, want)
		}
	}
}

// An id "#<uuid>" (RecogitoJS) keeps its UUID; other ids are mapped.
func TestIDFor(t *testing.T) {
	if got := idFor("#2F6E1D3A-9b41-4c2e-8a57-0d9c3e5b7a14"); got != "urn:uuid:2f6e1d3a-9b41-4c2e-8a57-0d9c3e5b7a14" {
		t.Errorf("got %q", got)
	}
	if got := idFor("#not-a-uuid"); !IsID(got) || got == idFor("#not-a-uuid2") {
		t.Errorf("got %q", got)
	}
}

// TestContentHashPinned pins ContentHash's values: they are stored (in
// Imported) and compared with later ones, so a faster implementation must
// give the same digests.
func TestContentHashPinned(t *testing.T) {
	cases := []struct {
		a    Annotation
		want string
	}{
		{Annotation{}, "KsKY99Ncp5cp"},
		{Annotation{Quote: anchor.TextQuoteSelector{Exact: "Crème brûlée"}, Kind: KindNote, Note: "a note", Tags: []string{"x", "yy"}}, "VOgS9r2e51Jr"},
		{Annotation{Quote: anchor.TextQuoteSelector{Exact: "q"}, Kind: KindClaim, Deleted: true, Claim: &Claim{Type: ClaimStatistic, Speaker: "s",
			Verdict: VerdictMostlyAccurate, Rationale: "r", Evidence: []Evidence{{URL: "u", Title: "t", Quote: "qq"}, {}}}}, "DJVr1PTg2Ngy"},
	}
	for i, c := range cases {
		if got := c.a.ContentHash(); got != c.want {
			t.Errorf("case %d: ContentHash %s, want %s", i, got, c.want)
		}
	}
}
