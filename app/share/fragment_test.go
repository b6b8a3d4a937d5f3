package share

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/language"
	"golang.org/x/text/search"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/article"
)

// A reference implementation of the Text Fragments spec's matching, "find a
// range from a text directive" (https://wicg.github.io/scroll-to-text-fragment/),
// written from the spec and independent of the generator in fragment.go: the
// page is the article's title and blocks; each term is searched inside one
// block at the primary level of the Unicode Collation Algorithm (x/text's
// search, ignoring case and diacritics); word boundaries are UAX #29's
// (rivo/uniseg), as ICU gives them to browsers outside dictionary scripts.

type refPos struct{ block, off int } // a block and a byte offset in it

func (a refPos) before(b refPos) bool {
	return a.block < b.block || a.block == b.block && a.off < b.off
}

type refPage struct {
	blocks     []string
	boundaries []map[int]bool
	matcher    *search.Matcher
}

func newRefPage(art *article.Article) *refPage {
	p := &refPage{matcher: search.New(language.Und, search.IgnoreCase, search.IgnoreDiacritics)}
	p.add(art.Title)
	for _, b := range art.Blocks {
		p.add(b.Text)
	}
	return p
}

func (p *refPage) add(text string) {
	bounds := map[int]bool{0: true, len(text): true}
	state, rest, at := -1, text, 0
	for len(rest) > 0 {
		var word string
		word, rest, state = uniseg.FirstWordInString(rest, state)
		at += len(word)
		bounds[at] = true
	}
	p.blocks = append(p.blocks, text)
	p.boundaries = append(p.boundaries, bounds)
}

// findString is the spec's "find a string in range": the first match of
// query at or after from, inside one block, with the boundaries asked for.
func (p *refPage) findString(query string, from refPos, wordStart, wordEnd bool) (refPos, refPos, bool) {
	pat := p.matcher.CompileString(query)
	for b := from.block; b < len(p.blocks); b++ {
		text, off := p.blocks[b], 0
		if b == from.block {
			off = from.off
		}
		for off <= len(text) {
			s, e := pat.IndexString(text[off:])
			if s < 0 {
				break
			}
			s, e = s+off, e+off
			if (wordStart && !p.boundaries[b][s]) || (wordEnd && !p.boundaries[b][e]) {
				_, size := utf8.DecodeRuneInString(text[s:])
				off = s + max(size, 1)
				continue
			}
			return refPos{b, s}, refPos{b, e}, true
		}
	}
	return refPos{}, refPos{}, false
}

// nextNonSpace is the spec's "advance range's start to the next
// non-whitespace position", which crosses into the following blocks.
func (p *refPage) nextNonSpace(at refPos) (refPos, bool) {
	for at.block < len(p.blocks) {
		text := p.blocks[at.block]
		for at.off < len(text) {
			r, size := utf8.DecodeRuneInString(text[at.off:])
			if !isRefSpace(r) {
				return at, true
			}
			at.off += size
		}
		at = refPos{at.block + 1, 0}
	}
	return at, false
}

func isRefSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == 0xA0
}

// find is the spec's "find a range from a text directive".
func (p *refPage) find(prefix, start, end, suffix string) (refPos, refPos, bool) {
	search := refPos{0, 0}
	for search.block < len(p.blocks) {
		var ms, me refPos
		if prefix != "" {
			ps, pe, ok := p.findString(prefix, search, true, false)
			if !ok {
				return refPos{}, refPos{}, false
			}
			_, size := utf8.DecodeRuneInString(p.blocks[ps.block][ps.off:])
			search = refPos{ps.block, ps.off + max(size, 1)}
			at, ok := p.nextNonSpace(pe)
			if !ok {
				return refPos{}, refPos{}, false
			}
			mustEnd := end != "" || suffix == ""
			s, e, ok := p.findString(start, at, false, mustEnd)
			if !ok {
				return refPos{}, refPos{}, false
			}
			if s != at {
				continue
			}
			ms, me = s, e
		} else {
			mustEnd := end != "" || suffix == ""
			s, e, ok := p.findString(start, search, true, mustEnd)
			if !ok {
				return refPos{}, refPos{}, false
			}
			_, size := utf8.DecodeRuneInString(p.blocks[s.block][s.off:])
			search = refPos{s.block, s.off + max(size, 1)}
			ms, me = s, e
		}
		rangeEnd := me
		for {
			if end != "" {
				_, ee, ok := p.findString(end, rangeEnd, true, suffix == "")
				if !ok {
					return refPos{}, refPos{}, false
				}
				me = ee
			}
			if suffix == "" {
				return ms, me, true
			}
			at, ok := p.nextNonSpace(me)
			if !ok {
				return refPos{}, refPos{}, false
			}
			ss, _, ok := p.findString(suffix, at, false, true)
			if !ok {
				return refPos{}, refPos{}, false
			}
			if ss == at {
				return ms, me, true
			}
			if end == "" {
				break
			}
			rangeEnd = me
		}
	}
	return refPos{}, refPos{}, false
}

// parseDirective splits "#:~:text=…" (or an address ending in one) into
// its terms, percent-decoded.
func parseDirective(t *testing.T, link string) (prefix, start, end, suffix string) {
	t.Helper()
	i := strings.Index(link, ":~:text=")
	if i < 0 {
		t.Fatalf("no text directive in %q", link)
	}
	parts := strings.Split(link[i+len(":~:text="):], ",")
	dec := func(s string) string {
		u, err := url.PathUnescape(s)
		if err != nil {
			t.Fatalf("%q: %v", link, err)
		}
		return u
	}
	if strings.HasSuffix(parts[0], "-") {
		prefix, parts = dec(strings.TrimSuffix(parts[0], "-")), parts[1:]
	}
	if n := len(parts); n > 0 && strings.HasPrefix(parts[n-1], "-") {
		suffix, parts = dec(strings.TrimPrefix(parts[n-1], "-")), parts[:n-1]
	}
	switch len(parts) {
	case 1:
		start = dec(parts[0])
	case 2:
		start, end = dec(parts[0]), dec(parts[1])
	default:
		t.Fatalf("malformed directive %q", link)
	}
	return
}

// refTarget is where the passage [start,end) of art's text lies on the
// reference page, trimmed of white space.
func refTarget(art *article.Article, start, end int) (refPos, refPos) {
	text := art.Text
	for start < end && isRefSpace([]rune(anchor.NewText(text).Slice(start, start+1))[0]) {
		start++
	}
	for end > start && isRefSpace([]rune(anchor.NewText(text).Slice(end-1, end))[0]) {
		end--
	}
	at := func(cp int, isEnd bool) refPos {
		k := 0
		for i, b := range art.Blocks {
			if b.Start < cp || (!isEnd && b.Start == cp) {
				k = i
			}
		}
		b := art.Blocks[k]
		off := min(max(cp-b.Start, 0), utf8.RuneCountInString(b.Text))
		return refPos{k + 1, anchor.CodePointToByte(b.Text, off)}
	}
	return at(start, false), at(end, true)
}

// checkFragment asserts that the directive finds the passage [start,end)
// of art first.
func checkFragment(t *testing.T, ref *refPage, art *article.Article, start, end int, link string) {
	t.Helper()
	prefix, s, e, suffix := parseDirective(t, link)
	ms, me, ok := ref.find(prefix, s, e, suffix)
	ws, we := refTarget(art, start, end)
	passage := anchor.NewText(art.Text).Slice(start, end)
	if !ok {
		t.Errorf("%s finds nothing; the passage is %q", link, passage)
		return
	}
	if ms != ws || me != we {
		found := ref.blocks[ms.block][ms.off:]
		if me.block == ms.block {
			found = ref.blocks[ms.block][ms.off:me.off]
		}
		t.Errorf("%s finds %q at %v–%v first, not the passage %q at %v–%v", link, found, ms, me, passage, ws, we)
	}
}

// TestMarkdownFragmentsFindTheirPassage runs every text fragment of the
// Markdown export through the reference matcher.
func TestMarkdownFragmentsFindTheirPassage(t *testing.T) {
	e := fixtureExport(t)
	art := e.Items[0].Article
	data, _, err := e.Markdown()
	if err != nil {
		t.Fatal(err)
	}
	links := regexp.MustCompile(`\]\((https://[^)]*:~:text=[^)]*)\)`).FindAllStringSubmatch(string(data), -1)
	anns := place(e.Items[0])
	var live []placed
	for _, p := range anns {
		if p.Status != anchor.Orphan {
			live = append(live, p)
		}
	}
	if len(links) != len(live) {
		t.Fatalf("%d fragment links for %d anchored annotations", len(links), len(live))
	}
	ref := newRefPage(art)
	for i, p := range live {
		checkFragment(t, ref, art, p.Start, p.End, links[i][1])
	}
}

// lookAlikes is an article whose passages repeat with differences that
// the browser's matching ignores (case, accents, white space) or that a
// directive must work around (punctuation, word boundaries, blocks).
func lookAlikes(t testing.TB) *article.Article {
	t.Helper()
	a, err := article.New("look-alikes", "Look-alikes: how the talks ended", []article.Block{
		{Text: "THE TALKS ENDED. Nobody said so at first; the talks ended quietly, and the talkshow went on."},
		{Text: "The talks ended there"},
		{Text: "Thé tålks ended, said the café owner — a naïve view of the Café Crème summit."},
		{Text: "So the talks ended"},
		{Text: "Sunday’s talks ended early. Sunday's talks ended late. The talks ended!"},
		{Text: "减少误判 was the slogan. 减少误判，他们说。The talks ended."},
		{Text: "Cafe creme was served. The talks ended."},
	}, article.Meta{Source: "https://example.com/look-alikes#top"})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestFragmentsPickTheRightLookAlike checks each occurrence of a repeated
// passage, and passages that start or end inside a word.
func TestFragmentsPickTheRightLookAlike(t *testing.T) {
	art := lookAlikes(t)
	ref := newRefPage(art)
	text := art.Text
	var spans [][2]int
	for _, q := range []string{"the talks ended", "THE TALKS ENDED", "Thé tålks ended", "talks ended", "Café Crème", "Cafe creme",
		"减少误判", "他们说", "s talks ended", "talks en", "alks ended", "The talks ended!", "Sunday’s talks", "Sunday's talks"} {
		for off := 0; ; {
			i := strings.Index(text[off:], q)
			if i < 0 {
				break
			}
			cp := anchor.ByteToCodePoint(text, off+i)
			spans = append(spans, [2]int{cp, cp + utf8.RuneCountInString(q)})
			off += i + len(q)
		}
	}
	// A passage across blocks, and one that starts a block.
	spans = append(spans, [2]int{art.Blocks[1].Start, art.Blocks[2].Start + 10}, [2]int{art.Blocks[3].Start, art.Blocks[3].Start + 9})
	for _, s := range spans {
		link := FragmentURL(art.Source, TextFragmentFor(art, s[0], s[1]))
		if !strings.HasPrefix(link, "https://example.com/look-alikes#top:~:text=") {
			t.Errorf("link %q does not keep the address's own fragment with one #", link)
		}
		checkFragment(t, ref, art, s[0], s[1], link)
	}
}

// TestFragmentsOnGeneratedArticles is the property over many passages of
// articles written with a small vocabulary, where every short phrase
// repeats: whole words, parts of words, several blocks, long passages.
func TestFragmentsOnGeneratedArticles(t *testing.T) {
	for seed := uint64(1); seed <= 6; seed++ {
		r := rand.New(rand.NewPCG(seed, 5))
		art := scaleArticle(t, fmt.Sprintf("frag-%d", seed), 12, r)
		ref := newRefPage(art)
		n := utf8.RuneCountInString(art.Text)
		for k := 0; k < 60; k++ {
			start := r.IntN(n - 10)
			length := 1 + r.IntN(40)
			switch k % 4 {
			case 1:
				length = 200 + r.IntN(600) // long, maybe across blocks
			case 2:
				length = 3 + r.IntN(12) // short, often repeated
			}
			end := min(start+length, n)
			frag := TextFragmentFor(art, start, end)
			if frag == "" {
				continue // only white space
			}
			checkFragment(t, ref, art, start, end, frag)
		}
	}
}

func TestFragmentURL(t *testing.T) {
	for _, tc := range []struct{ address, want string }{
		{"https://example.com/a", "https://example.com/a#:~:text=x"},
		{"https://example.com/a#section-2", "https://example.com/a#section-2:~:text=x"},
		{"https://example.com/a#", "https://example.com/a#:~:text=x"},
	} {
		if got := FragmentURL(tc.address, "#:~:text=x"); got != tc.want {
			t.Errorf("FragmentURL(%q) = %q, want %q", tc.address, got, tc.want)
		}
	}
}

func TestTextFragmentEncoding(t *testing.T) {
	art, err := article.New("enc", "T", []article.Block{{Text: "Intro words here. a-b, c&d #1 减少误判 end of the text."}}, article.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(art.Text, "a-b, c&d #1 减少误判")
	cp := anchor.ByteToCodePoint(art.Text, i)
	got := TextFragmentFor(art, cp, cp+utf8.RuneCountInString("a-b, c&d #1 减少误判"))
	if want := "#:~:text=a%2Db%2C%20c%26d%20%231%20%E5%87%8F%E5%B0%91%E8%AF%AF%E5%88%A4"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
