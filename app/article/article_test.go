package article

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkInvariants fails t unless a holds what every parsed article must: the
// canonical text is its blocks joined by a blank line, each Start is the code
// point offset of its block, the hash is of the text, and no block is empty,
// holds a blank line or is invalid UTF-8.
func checkInvariants(t testing.TB, a *Article) {
	t.Helper()
	texts := make([]string, len(a.Blocks))
	for i, b := range a.Blocks {
		texts[i] = b.Text
		if b.Text == "" || b.Text != strings.Trim(b.Text, " \t\n\r\f\v") || strings.Contains(b.Text, "\n") {
			t.Errorf("block %d %q: empty, untrimmed or has a line break", i, b.Text)
		}
		if !utf8.ValidString(b.Text) {
			t.Errorf("block %d: invalid UTF-8", i)
		}
		if !blockKinds[b.Kind] {
			t.Errorf("block %d: kind %q", i, b.Kind)
		}
		runes := []rune(a.Text)
		if end := b.Start + utf8.RuneCountInString(b.Text); b.Start < 0 || end > len(runes) || string(runes[b.Start:end]) != b.Text {
			t.Errorf("block %d: Start %d does not point at its text", i, b.Start)
		}
	}
	if len(a.Blocks) == 0 {
		t.Errorf("no blocks")
	}
	if want := strings.Join(texts, "\n\n"); a.Text != want {
		t.Errorf("Text is not the blocks joined by a blank line")
	}
	if a.Hash != HashText(a.Text) || !strings.HasPrefix(a.Hash, "sha256:") || len(a.Hash) != len("sha256:")+64 {
		t.Errorf("Hash %q is not the text's", a.Hash)
	}
	if a.Title == "" || !utf8.ValidString(a.Title) {
		t.Errorf("Title %q", a.Title)
	}
	if a.Words != CountWords(a.Text) {
		t.Errorf("Words %d, want %d", a.Words, CountWords(a.Text))
	}
}

// parseCase is one row of the parser tables. When err is set the parse must
// fail with it; otherwise the title, metadata and blocks must be as given
// (blocks as "kind:text").
type parseCase struct {
	name   string
	in     string
	err    error
	title  string
	meta   Meta
	blocks []string
}

func runParseCases(t *testing.T, parse func(string, []byte) (*Article, error), cases []parseCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := parse("test-article", []byte(tc.in))
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			checkInvariants(t, a)
			if a.ID != "test-article" {
				t.Errorf("ID = %q", a.ID)
			}
			if a.Title != tc.title {
				t.Errorf("Title = %q, want %q", a.Title, tc.title)
			}
			if got := (Meta{a.Source, a.Author, a.Published}); got != tc.meta {
				t.Errorf("meta = %+v, want %+v", got, tc.meta)
			}
			var got []string
			for _, b := range a.Blocks {
				got = append(got, b.Kind+":"+b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tc.blocks, "\n") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.blocks, "\n"))
			}
		})
	}
}

// common are inputs both parsers must refuse the same way.
var common = []parseCase{
	{name: "empty", in: "", err: ErrEmpty},
	{name: "only whitespace", in: " \n\t\r\n\n  ", err: ErrEmpty},
	{name: "only a BOM", in: "\uFEFF\n", err: ErrEmpty},
	{name: "NUL byte", in: "Title\n\nbody\x00text", err: ErrNotUTF8},
	{name: "binary", in: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", err: ErrNotUTF8},
	{name: "invalid UTF-8", in: "Title\n\ncaf\xe9", err: ErrNotUTF8},
	{name: "UTF-16", in: "\xff\xfeT\x00i\x00", err: ErrNotUTF8},
	{name: "control character", in: "Title\n\nbell\x07", err: ErrNotUTF8},
	{name: "too large", in: "Title\n\n" + strings.Repeat("word ", MaxSize/5+1), err: ErrTooLarge},
	{name: "only a title", in: "Just a title\n\n\n", err: ErrNoBody},
}

func TestParseText(t *testing.T) {
	cases := append([]parseCase{
		{name: "title and paragraphs", in: "Title\n\nOne.\n\nTwo.\n",
			title: "Title", blocks: []string{"p:One.", "p:Two."}},
		{name: "leading blank lines", in: "\n\n  \nTitle  \n\nBody",
			title: "Title", blocks: []string{"p:Body"}},
		{name: "lines joined, whitespace collapsed", in: "T\n\n  one\ntwo \t three\n\n\n\nfour",
			title: "T", blocks: []string{"p:one two three", "p:four"}},
		{name: "CRLF", in: "T\r\nSource: S\r\n\r\none\r\ntwo\r\n\r\nthree\r\n",
			title: "T", meta: Meta{Source: "S"}, blocks: []string{"p:one two", "p:three"}},
		{name: "old Mac CR", in: "T\r\rbody", title: "T", blocks: []string{"p:body"}},
		{name: "BOM", in: "\uFEFFTitle\n\nBody", title: "Title", blocks: []string{"p:Body"}},
		{name: "headers after title", in: "T\nsource: BBC News\nPUBLISHED: 2023-06-18\nAuthor:  A. Writer \n\nBody",
			title: "T", meta: Meta{Source: "BBC News", Published: "2023-06-18", Author: "A. Writer"}, blocks: []string{"p:Body"}},
		{name: "headers after a blank line", in: "T\n\nAuthor: W\nDate: 18 June 2023\n\nBody",
			title: "T", meta: Meta{Author: "W", Published: "18 June 2023"}, blocks: []string{"p:Body"}},
		{name: "header then text without a blank line", in: "T\nSource: S\nBody starts here\nand goes on",
			title: "T", meta: Meta{Source: "S"}, blocks: []string{"p:Body starts here and goes on"}},
		{name: "paragraph starting with Source: is text", in: "T\n\nSource: officials said\nthat it rained.",
			title: "T", blocks: []string{"p:Source: officials said that it rained."}},
		{name: "later header-like lines are text", in: "T\n\nBody\n\nAuthor: X",
			title: "T", blocks: []string{"p:Body", "p:Author: X"}},
		{name: "first header wins, URL is a source", in: "T\nURL: https://example.com/a\nSource: Other\n\nBody",
			title: "T", meta: Meta{Source: "https://example.com/a"}, blocks: []string{"p:Body"}},
		{name: "Title: key", in: "Title: The real title\n\nBody", title: "The real title", blocks: []string{"p:Body"}},
		{name: "title line directly followed by text", in: "T\nBody line",
			title: "T", blocks: []string{"p:Body line"}},
		{name: "markup is literal text", in: "<b>T</b>\n\n<script>alert(1)</script> **bold** &amp; [x](y)",
			title: "<b>T</b>", blocks: []string{"p:<script>alert(1)</script> **bold** &amp; [x](y)"}},
		{name: "curly quotes, dashes and non-breaking spaces kept",
			in:    "‘A’ – “B”\n\nHe said “no” — twice\u00a0… it’s 20\u2009km.",
			title: "‘A’ – “B”", blocks: []string{"p:He said “no” — twice\u00a0… it’s 20\u2009km."}},
		{name: "only title and headers", in: "T\nSource: S\n", err: ErrNoBody},
	}, common...)
	runParseCases(t, ParseText, cases)
}

func TestParseMarkdown(t *testing.T) {
	cases := append([]parseCase{
		{name: "h1 title, blocks", in: "# The *title*\n\nA [link](http://x) and `code`.\n\n## Part two\n\n- one\n- two\n\n> quoted\n> text\n\n### Deep\n\n1. first\n\n   more\n",
			title: "The title", blocks: []string{"p:A link and code.", "h2:Part two", "li:one", "li:two", "quote:quoted text", "h3:Deep", "li:first", "p:more"}},
		{name: "setext title", in: "Title\n=====\n\nBody\n", title: "Title", blocks: []string{"p:Body"}},
		{name: "first line is the title", in: "Just a line\nSource: Example Times\n\nBody", title: "Just a line",
			meta: Meta{Source: "Example Times"}, blocks: []string{"p:Body"}},
		{name: "first line of a paragraph, rest is text", in: "Title line\nbody continues\n\nMore", title: "Title line",
			blocks: []string{"p:body continues", "p:More"}},
		{name: "headers paragraph after h1", in: "# T\n\nPublished: 2024-01-02\nAuthor: Me\n\nBody",
			title: "T", meta: Meta{Published: "2024-01-02", Author: "Me"}, blocks: []string{"p:Body"}},
		{name: "headers later are text", in: "# T\n\nBody\n\nAuthor: Me", title: "T", blocks: []string{"p:Body", "p:Author: Me"}},
		{name: "h1 not first", in: "Intro paragraph.\n\n# Title\n\nBody\n\n# Second h1",
			title: "Title", blocks: []string{"p:Intro paragraph.", "p:Body", "h2:Second h1"}},
		{name: "front matter", in: "---\ntitle: \"Front title\"\nsource: Wire\ndate: 2020-02-02\ntags:\n  - a\n---\n\nBody\n",
			title: "Front title", meta: Meta{Source: "Wire", Published: "2020-02-02"}, blocks: []string{"p:Body"}},
		{name: "thematic breaks are not front matter", in: "---\nTitle\n---\n\nBody",
			title: "Title", blocks: []string{"p:Body"}},
		{name: "HTML block dropped", in: "# T\n\n<div onclick=\"x()\">\n<b>hidden</b>\n</div>\n\n<script>\nalert(1)\n</script>\n\nBody",
			title: "T", blocks: []string{"p:Body"}},
		{name: "inline HTML dropped, its text kept", in: "# T\n\nA <b>bold</b> <img src=x onerror=alert(1)> word <span style=\"x\">here</span>.",
			title: "T", blocks: []string{"p:A bold word here."}},
		{name: "inline script and style content dropped", in: "# T\n\nBefore <script>alert(1)</script> after <style>p{}</style>end.",
			title: "T", blocks: []string{"p:Before after end."}},
		{name: "HTML comment dropped", in: "# T\n\nkeep <!-- secret --> this\n\n<!--\nblock comment\n-->\n",
			title: "T", blocks: []string{"p:keep this"}},
		{name: "escapes and entities", in: "# T\n\n\\*not em\\* &amp; &lt;b&gt; &#8217; &#x2014; &copy; &#0; &#1; &bogus;",
			title: "T", blocks: []string{"p:*not em* & <b> ’ — © \uFFFD \uFFFD &bogus;"}},
		{name: "code spans are raw", in: "# T\n\n`a\\*b &amp;`", title: "T", blocks: []string{"p:a\\*b &amp;"}},
		{name: "autolink and image", in: "# T\n\nSee <https://example.com> ![alt text](x.png) now",
			title: "T", blocks: []string{"p:See https://example.com now"}},
		{name: "code block as text", in: "# T\n\n```go\nfunc  main() {\n\n}\n```\n\n    indented\n    code\n",
			title: "T", blocks: []string{"p:func main() { }", "p:indented code"}},
		{name: "hard and soft breaks become spaces", in: "# T\n\none  \ntwo\\\nthree\nfour",
			title: "T", blocks: []string{"p:one two three four"}},
		{name: "nested list and quote", in: "# T\n\n- a\n  - b\n    > c\n\n> - d\n> # e",
			title: "T", blocks: []string{"li:a", "li:b", "quote:c", "quote:d", "quote:e"}},
		{name: "h1 only after title", in: "# T\n\n# U\n\n#### V\n\ntext", title: "T", blocks: []string{"h2:U", "h4:V", "p:text"}},
		{name: "CRLF and BOM", in: "\uFEFF# T\r\n\r\nline one\r\nline two\r\n", title: "T", blocks: []string{"p:line one line two"}},
		{name: "Unicode kept", in: "# ‘Q’ – x\n\n“Quote” — dash 😀", title: "‘Q’ – x", blocks: []string{"p:“Quote” — dash 😀"}},
		{name: "deep nesting is read as text", in: "# T\n\n" + strings.Repeat("> ", 40) + "*deep*",
			title: "# T", blocks: []string{"p:" + strings.Repeat("> ", 40) + "*deep*"}},
		{name: "a file of nesting is read as text", in: "# T\n\n" + strings.Repeat(">", MaxSize-8),
			title: "# T", blocks: []string{"p:" + strings.Repeat(">", MaxSize-8)}},
		{name: "a long run of link definitions is read as text", in: "# T\n\n" + strings.Repeat("[a]: b\n", 1001) + "end",
			title: "# T", blocks: []string{"p:" + strings.Repeat("[a]: b ", 1001) + "end"}},
		{name: "a few link definitions are dropped", in: "# T\n\n[a]: http://x\n[b]: http://y\n\nSee [a] and [b][].",
			title: "T", blocks: []string{"p:See a and b."}},
		{name: "only HTML", in: "<div>\nhi\n</div>\n", err: ErrNoTitle},
		{name: "only a heading", in: "# Title\n\n<p>x</p>\n", err: ErrNoBody},
		{name: "empty title heading", in: "# <b></b>\n\nBody", err: ErrNoTitle},
	}, common...)
	runParseCases(t, ParseMarkdown, cases)
}

func TestStartCountsCodePoints(t *testing.T) {
	a, err := ParseText("x", []byte("T\n\nhi 😀 é\n\nnext\n\n中文"))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	// "hi 😀 é" is 6 code points (8 UTF-16 units, 10 bytes); then "\n\n".
	if got := []int{a.Blocks[0].Start, a.Blocks[1].Start, a.Blocks[2].Start}; got[1] != 8 || got[2] != 14 {
		t.Errorf("starts = %v, want [0 8 14]", got)
	}
}

func TestParseDispatchesByExtension(t *testing.T) {
	data := []byte("# T\n\n*em*")
	for _, tc := range []struct{ file, want string }{
		{"a.md", "em"}, {"a.MD", "em"}, {"a.txt", "*em*"}, {"pasted", "*em*"},
	} {
		a, err := Parse("a", tc.file, data)
		if err != nil {
			t.Fatal(err)
		}
		if a.Blocks[0].Text != tc.want {
			t.Errorf("%s: %q, want %q", tc.file, a.Blocks[0].Text, tc.want)
		}
	}
}

func TestBadID(t *testing.T) {
	for _, parse := range []func(string, []byte) (*Article, error){ParseText, ParseMarkdown} {
		if _, err := parse("../etc", []byte("T\n\nb")); !errors.Is(err, ErrBadID) {
			t.Errorf("err = %v, want ErrBadID", err)
		}
	}
}

func TestNew(t *testing.T) {
	a, err := New("n", "  A\ttitle ", []Block{
		{Text: "first  one"}, {Kind: "h2", Text: " \n "}, {Kind: "quote", Text: "“q”\n"},
	}, Meta{Source: " S "})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	if a.Title != "A title" || a.Source != "S" || len(a.Blocks) != 2 || a.Blocks[0].Kind != "p" ||
		a.Text != "first one\n\n“q”" || a.Blocks[1].Start != 11 || a.Words != 3 {
		t.Errorf("got %+v", a)
	}
	if _, err := New("n", "T", []Block{{Kind: "div", Text: "x"}}, Meta{}); err == nil {
		t.Error("unknown kind accepted")
	}
	if _, err := New("n", "T", nil, Meta{}); !errors.Is(err, ErrNoBody) {
		t.Errorf("no blocks: %v", err)
	}
	if _, err := New("n", " ", []Block{{Text: "x"}}, Meta{}); !errors.Is(err, ErrNoTitle) {
		t.Errorf("blank title: %v", err)
	}
	if _, err := New("n", "T", []Block{{Text: "\xff"}}, Meta{}); !errors.Is(err, ErrNotUTF8) {
		t.Errorf("invalid UTF-8: %v", err)
	}
	if _, err := New("N", "T", []Block{{Text: "x"}}, Meta{}); !errors.Is(err, ErrBadID) {
		t.Errorf("bad id: %v", err)
	}
}

func TestHashText(t *testing.T) {
	// sha256("abc"), a published test vector.
	if got := HashText("abc"); got != "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("HashText = %s", got)
	}
}

func TestCountWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"one", 1},
		{"  two   words ", 2},
		{"military-to-military talks – Sunday’s 20-hour trip", 5},
		{"a — b … c", 3},
		{"“quoted,” he said.", 3},
		{"中文字", 3},
		{"日本語 and English", 5},
		{"2018 3.5%", 2},
	} {
		if got := CountWords(tc.in); got != tc.want {
			t.Errorf("CountWords(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestValidID(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9-]+$`)
	for id, want := range map[string]bool{
		"blinken-beijing-talks": true, "a": true, "0-9": true, strings.Repeat("a", 100): true,
		"": false, strings.Repeat("a", 101): false, "A": false, "a_b": false, "a.b": false, "..": false,
		"a/b": false, "a%2fb": false, "a\x00": false, "é": false, " a": false,
	} {
		if got := ValidID(id); got != want {
			t.Errorf("ValidID(%q) = %v", id, got)
		}
		if got := pattern.MatchString(id) && len(id) <= MaxIDLen; got != want {
			t.Errorf("the pattern disagrees on %q", id)
		}
	}
}

func TestIDFromFilename(t *testing.T) {
	for _, tc := range []struct {
		name, id string
		ok       bool
	}{
		{"blinken-beijing-talks.txt", "blinken-beijing-talks", true},
		{"reading-news-closely.md", "reading-news-closely", true},
		{"upper-ext.TXT", "upper-ext", true},
		{"notes.html", "", false},
		{"noext", "", false},
		{"Bad Name.txt", "", false},
		{".txt", "", false},
		{"a.b.txt", "", false},
		{"dir/a.txt", "", false},
		{`dir\a.txt`, "", false},
		{strings.Repeat("a", 101) + ".txt", "", false},
	} {
		id, ok := IDFromFilename(tc.name)
		if id != tc.id || ok != tc.ok {
			t.Errorf("IDFromFilename(%q) = %q, %v; want %q, %v", tc.name, id, ok, tc.id, tc.ok)
		}
	}
}

func TestSlugID(t *testing.T) {
	for in, want := range map[string]string{
		"‘A real conversation’: Blinken has ‘constructive’ talks": "a-real-conversation-blinken-has-constructive-talks",
		"  Hello,   World!  ":     "hello-world",
		"café 2024":               "caf-2024",
		"":                        "article",
		"“—”":                     "article",
		strings.Repeat("ab-", 60): strings.TrimRight(strings.Repeat("ab-", 34)[:100], "-"),
	} {
		got := SlugID(in)
		if got != want || !ValidID(got) {
			t.Errorf("SlugID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestErrorMessagesReadable(t *testing.T) {
	_, err := ParseText("x", []byte("T\n\n\x00"))
	if err == nil || !strings.Contains(err.Error(), "not UTF-8") || !strings.Contains(err.Error(), "U+0000") {
		t.Errorf("err = %v", err)
	}
	if !strings.Contains(ErrTooLarge.Error(), "2 MB") {
		t.Errorf("ErrTooLarge = %v", ErrTooLarge)
	}
}

// An error's kind survives a trip through text, as the Markdown worker's
// answers make it.
func TestErrorKindRoundTrip(t *testing.T) {
	for _, data := range []string{"", "\xff\xfe binary", "# Title only\n", strings.Repeat("x", MaxSize+1)} {
		_, err := ParseMarkdown("an-id", []byte(data))
		if err == nil {
			t.Fatalf("ParseMarkdown(%.20q) did not fail", data)
		}
		kind := ErrorKind(err)
		if kind == "" {
			t.Fatalf("ErrorKind(%v) is empty", err)
		}
		back := ErrorOfKind(kind, err.Error())
		if back.Error() != err.Error() || ErrorKind(back) != kind {
			t.Errorf("%v came back as %v (kind %q)", err, back, ErrorKind(back))
		}
	}
	if _, err := ParseMarkdown("Bad ID", []byte("# T\n\nx")); ErrorKind(err) != "bad-id" {
		t.Errorf("a bad id's kind is %q", ErrorKind(err))
	}
	if ErrorKind(errors.New("other")) != "" || ErrorKind(nil) != "" {
		t.Error("an error of no kind has a kind")
	}
	if err := ErrorOfKind("unknown", "it broke"); err.Error() != "it broke" || ErrorKind(err) != "" {
		t.Errorf("an unknown kind gave %v", err)
	}
}
