// Package searchcorpus generates the annotations the search benchmarks
// search: about 160 bytes of English-like text each (Zipf-distributed
// words, as in app/search's own benchmarks), deterministically, so that
// runs compare. The Go benchmarks of app/searchindex use it, and so does
// the browser benchmark's hook in app/ui, which is built only with
// -tags searchbench: the app that readers download does not carry it.
package searchcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
)

var newsWords = strings.Fields(`the of and to in a is that for on was with said he as it by at from
his an be has have are were which will government minister inflation economy election vote votes
budget tax taxes market markets price prices policy president report police health housing
climate energy trade talks china state states people year years percent million billion workers
union strike court judge law claim claims evidence annotation source figure figures rise fall
growth debt spending public private company companies bank banks interest rates forecast
council city country nation national international security defence foreign war peace deal
agreement summit leader leaders party parties campaign candidate poll polls survey data record
crisis reform plan plans schools school teachers hospital hospitals doctors nurses patients
emissions coal gas oil power prices wages jobs unemployment employment industry business
minister ministers parliament senate congress official officials spokesman statement analysis`)

var tags = []string{"economy", "politics", "health", "climate", "housing", "trade", "elections", "tax", "energy", "courts", "defence", "schools"}

// Generator makes sentences of English-like words: the news words and
// made-up ones, about 4,000 in all, drawn with a Zipf distribution as words
// are in prose. Two generators give the same sentences and numbers in the
// same order.
type Generator struct {
	r     *rand.Rand
	vocab []string
	zipf  *rand.Zipf
}

// NewGenerator returns a generator at the start of its sequence.
func NewGenerator() *Generator {
	r := rand.New(rand.NewPCG(1, 2))
	syll := strings.Fields("ba be bi bo bu ca ce co cu da de di do du fa fe fi fo ga ge go gu ha he hi ho la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo wa we wi ya yo za ze st tr pl gr br ch sh th an en in on un er or ar al el il ol ent ant ion ing ed es ly")
	seen := map[string]bool{}
	vocab := append([]string(nil), newsWords...)
	for _, w := range vocab {
		seen[w] = true
	}
	for len(vocab) < 4000 {
		var b strings.Builder
		for range 1 + r.IntN(4) {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		if w := b.String(); len(w) >= 2 && !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	return &Generator{r: r, vocab: vocab, zipf: rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))}
}

// Sentence is at least bytes long: words from the start of a capitalised
// sentence, without its full stop.
func (g *Generator) Sentence(bytes int) string {
	var b strings.Builder
	for b.Len() < bytes {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		w := g.vocab[g.zipf.Uint64()]
		if b.Len() == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
	}
	return b.String()
}

// IntN is a number in [0, n) from the generator's sequence.
func (g *Generator) IntN(n int) int { return g.r.IntN(n) }

// Tags are the tags the generated annotations carry.
func Tags() []string { return append([]string(nil), tags...) }

// Annotations generates n annotations spread over the given articles, the
// same on every call. Their quotes are not in the articles' text, so
// resolved against an article they are orphans.
func Annotations(n int, articles []string) []annotation.Annotation {
	g := NewGenerator()
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	labels := annotation.Labels()
	out := make([]annotation.Annotation, n)
	for i := range out {
		quote := g.Sentence(85)
		at := g.IntN(5000)
		a := annotation.Annotation{
			ID:       fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", i),
			Article:  articles[g.IntN(len(articles))],
			Quote:    anchor.TextQuoteSelector{Type: "TextQuoteSelector", Exact: quote},
			Position: anchor.TextPositionSelector{Type: "TextPositionSelector", Start: at, End: at + len([]rune(quote))},
			Kind:     annotation.KindNote,
			Label:    labels[g.IntN(len(labels))].Key,
			Note:     g.Sentence(28),
			Tags:     []string{tags[g.IntN(len(tags))]},
			Created:  start.Add(time.Duration(i) * time.Minute),
		}
		a.Modified = a.Created
		out[i] = a
	}
	return out
}

// Titles makes n article ids ("bench-0" …) with generated titles.
func Titles(n int) (ids []string, titles map[string]string) {
	g := NewGenerator()
	titles = map[string]string{}
	for i := range n {
		id := fmt.Sprintf("bench-%d", i)
		ids = append(ids, id)
		titles[id] = g.Sentence(30)
	}
	return ids, titles
}
