package htmlblocks_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/htmlblocks"
	"github.com/annotator/annotator/app/webpage"
	"golang.org/x/net/html"
)

// blocks reads an HTML fragment as htmlblocks does, through webpage's
// adapter for x/net/html, and renders the blocks one a line.
func blocks(t testing.TB, src string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return render(webpage.Blocks(doc))
}

func render(bs []article.Block) string {
	var b strings.Builder
	for _, bl := range bs {
		fmt.Fprintf(&b, "%s: %s\n", bl.Kind, bl.Text)
	}
	return b.String()
}

func TestRules(t *testing.T) {
	cases := []struct {
		name, html, want string
	}{
		{"paragraphs", "<p>One.</p><p>Two.</p>", "p: One.\np: Two.\n"},
		{"headings", "<h1>Top</h1><h2>Two</h2><h3>Three</h3><h6>Six</h6>", "h2: Top\nh2: Two\nh3: Three\nh6: Six\n"},
		{"inline elements keep their text", `<p>A <a href="/x">link</a>, <em>stress</em>, <code>code</code>, H<sub>2</sub>O and x<sup>2</sup>.</p>`, "p: A link, stress, code, H2O and x2.\n"},
		{"whitespace collapses", "<p>  a \n\t b  </p>", "p: a b\n"},
		{"non-breaking space stays", "<p>10&nbsp;km</p>", "p: 10\u00a0km\n"},
		{"one line break is a space", "<p>a<br>b</p>", "p: a b\n"},
		{"two line breaks end a paragraph", "<div>a<br><br>b<br> <br>c</div>", "p: a\np: b\np: c\n"},
		{"text beside blocks", "<div>before<p>inside</p>after</div>", "p: before\np: inside\np: after\n"},
		{"blockquote", "<blockquote><h2>Said</h2><p>One.</p><ul><li>Two.</li></ul></blockquote><p>After.</p>", "quote: Said\nquote: One.\nquote: Two.\np: After.\n"},
		{"list items", "<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>", "li: a\nli: b\nli: c\n"},
		{"a list item's later paragraphs", "<ul><li><p>first</p><p>second</p></li><li>next</li></ul>", "li: first\np: second\nli: next\n"},
		{"nested lists", "<ul><li>outer<ul><li>inner</li></ul>tail</li></ul>", "li: outer\nli: inner\np: tail\n"},
		{"heading in a list item", "<ol><li><h3>Step</h3><p>Do it.</p></li></ol>", "li: Step\np: Do it.\n"},
		{"block inside a heading", "<h2>Part <div>one</div></h2>", "h2: Part one\n"},
		{"data table", "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>7</td></tr></table>", "p: Name | Age\np: Ann | 7\n"},
		{"layout table", "<table><tr><td><p>Column one.</p></td><td><p>Column two.</p></td></tr></table>", "p: Column one.\np: Column two.\n"},
		{"inline quotation", "<p>She said <q>yes</q>.</p>", "p: She said “yes”.\n"},
		{"pre", "<pre>line one\n    line two</pre>", "p: line one line two\n"},
		{"figure caption", `<figure><img src="a.png" alt="A picture"><figcaption>A caption.</figcaption></figure>`, "p: A caption.\n"},
		{"definition list", "<dl><dt>Term</dt><dd>Meaning.</dd></dl>", "p: Term\np: Meaning.\n"},
		{"ruby", "<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字<rt>ji</rt></ruby></p>", "p: 漢字\n"},
		{"scripts, styles and templates", "<p>a<script>alert(1)</script><style>p{}</style><template><p>t</p></template><noscript>ns</noscript>b</p>", "p: ab\n"},
		{"media and embeds", `<p>a<img alt="img"><svg><text>svg</text></svg><video>v</video><iframe>i</iframe><object>o</object>b</p>`, "p: ab\n"},
		{"page furniture", "<nav>Menu</nav><aside>Related</aside><p>Text.</p><footer>Footer</footer><dialog open>Cookies</dialog>", "p: Text.\n"},
		{"form controls go, a form's text stays", `<form><p>Inside a form.</p><label>Email</label><input value="x"><select><option>One</option></select><textarea>typed</textarea><button>Send</button><fieldset><legend>Legend</legend></fieldset></form>`, "p: Inside a form.\n"},
		{"hidden", `<p>a<span hidden>h</span><span aria-hidden="true">ah</span><span style="display: none">dn</span><span style="VISIBILITY:hidden">vh</span>b</p>`, "p: ab\n"},
		{"hidden until found stays", `<div hidden="until-found"><p>Found.</p></div>`, "p: Found.\n"},
		{"roles", `<div role="navigation">nav</div><div role="complementary">side</div><div role="dialog">dlg</div><div role="main"><p>Main.</p></div>`, "p: Main.\n"},
		{"wikipedia furniture", `<h2>History<span class="mw-editsection">[<a>edit</a>]</span></h2><ol><li><span class="mw-cite-backlink">^</span> Source.</li></ol>`, "h2: History\nli: Source.\n"},
		{"invisible characters", "<p>soft\u00adhyphen, \ufeffbom, bell\x07, c1\u0085</p>", "p: softhyphen, bom, bell, c1\n"},
		{"comments", "<p>a<!-- hidden -->b</p>", "p: ab\n"},
		{"empty blocks", "<p> </p><div><span></span></div><h2> </h2><li></li>", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := blocks(t, c.html); got != c.want {
				t.Errorf("%s\n got: %q\nwant: %q", c.html, got, c.want)
			}
		})
	}
}

func TestIsPage(t *testing.T) {
	for name, want := range map[string]bool{
		"a.html": true, "A.HTM": true, "page.xhtml": true, "saved page.Html": true,
		"a.md": false, "a.txt": false, "html": false, "a.html.txt": false, "a.mhtml": false,
	} {
		if htmlblocks.IsPage(name) != want {
			t.Errorf("IsPage(%q) = %v", name, !want)
		}
	}
}

// A document nested far deeper than any page is walked without
// recursion, so it cannot exhaust the stack.
func TestDeepNesting(t *testing.T) {
	const depth = 200_000
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	n := root
	for i := 0; i < depth; i++ {
		tag := "div"
		if i%3 == 0 {
			tag = "blockquote"
		}
		c := &html.Node{Type: html.ElementNode, Data: tag}
		n.AppendChild(c)
		n = c
	}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: "deep"})
	got := render(webpage.Blocks(root))
	if got != "quote: deep\n" {
		t.Fatalf("got %q", got)
	}
}
