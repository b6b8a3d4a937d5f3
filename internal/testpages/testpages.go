// Package testpages makes web pages for tests and benchmarks: large
// enough to measure, with the clutter of real pages around the article.
// Only tests import it.
package testpages

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// LongPage returns a news page whose article has about words words, in
// paragraphs with headings, lists and quotations, among what a real page
// also holds: navigation, adverts, icons, related links, comments, and the
// application state a news site inlines as a script (300 KB here, so the
// 5,000-word page weighs about 400 KB, as such pages do).
func LongPage(words int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := strings.Fields(`the council river ferry crossing passengers town vote budget engine
		landing stage crews season cyclists walkers path station campaign signatures report fares
		running costs parking fund winter summer weather fuel prices committee councillor residents
		bridge harbour street trees shade planners survey neighbourhood water roots pipes cables
		notebook reading writing slowly evidence claim source journalist editor interview study`)
	sentence := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		s := strings.Join(w, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>A long report on the river crossing | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier"><meta name="author" content="Maria Chen">
<meta property="article:published_time" content="2025-03-14T09:30:00Z">
<script>window.dataLayer = [];</script><script type="application/json" id="state">`)
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&b, `{"id":%d,"headline":"%s","url":"https://courier.example.com/story/%d"},`, i, sentence(8), i)
	}
	b.WriteString(`{}</script><style>body { font: 1em serif }</style></head><body>
<header><nav><ul>`)
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, `<li><a href="/section/%d"><svg viewBox="0 0 24 24"><path d="M4 12h16M12 4v16"/></svg>Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav></header><div class="ad"><iframe src="https://ads.example.net/1"></iframe></div>
<main><article><h1>A long report on the river crossing</h1><p class="byline">By Maria Chen</p><div class="story-body">`)
	n := 0
	for i := 0; n < words; i++ {
		switch {
		case i%12 == 11:
			fmt.Fprintf(&b, "<h2>%s</h2>\n", sentence(5))
			n += 5
		case i%17 == 16:
			b.WriteString("<ul>")
			for j := 0; j < 4; j++ {
				fmt.Fprintf(&b, "<li>%s</li>", sentence(12))
				n += 12
			}
			b.WriteString("</ul>\n")
		case i%23 == 22:
			fmt.Fprintf(&b, "<blockquote><p>%s</p></blockquote>\n", sentence(25))
			n += 25
		default:
			b.WriteString("<p>")
			for j := 0; j < 5; j++ {
				fmt.Fprintf(&b, `%s <a href="/link/%d">%s</a> `, sentence(10), j, sentence(5))
				n += 15
			}
			b.WriteString("</p>\n")
		}
	}
	b.WriteString(`</div></article><aside><h2>Related</h2><ul>`)
	for i := 0; i < 10; i++ {
		fmt.Fprintf(&b, `<li><a href="/related/%d">%s</a></li>`, i, sentence(6))
	}
	b.WriteString(`</ul></aside><section id="comments" class="comments"><h2>Comments</h2><ol>`)
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&b, `<li class="comment"><b>reader%d</b> says: <p>%s</p><a href="?reply=%d">Reply</a></li>`, i, sentence(20), i)
	}
	b.WriteString(`</ol></section></main><footer><p>© The Valley Courier</p></footer><script src="/app.js"></script></body></html>`)
	return []byte(b.String())
}
