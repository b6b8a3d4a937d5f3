package anchor

import "testing"

func benchResolve1000(b *testing.B, edited bool) {
	var art editedArticle
	loadTestdata(b, "testdata/anchoring/edited-article-1000.json", &art)
	src := art.Original
	if edited {
		src = art.Edited
	}
	type sel struct {
		q   TextQuoteSelector
		pos *TextPositionSelector
	}
	sels := make([]sel, len(art.Cases))
	for i, c := range art.Cases {
		sels[i].q, sels[i].pos = c.selectors()
	}
	b.ReportAllocs()
	for b.Loop() {
		// A fresh Text per round, so the gram index is built inside the timing:
		// this is what opening an article and anchoring its 1,000 annotations costs.
		text := NewText(src)
		for _, s := range sels {
			text.Resolve(s.q, s.pos)
		}
	}
}

// BenchmarkResolve1000Original resolves the 1,000 quotes of
// edited-article-1000.json on the text they were made on (target: 10 ms).
func BenchmarkResolve1000Original(b *testing.B) { benchResolve1000(b, false) }

// BenchmarkResolve1000Edited resolves them on the edited copy (target: 50 ms).
func BenchmarkResolve1000Edited(b *testing.B) { benchResolve1000(b, true) }

// BenchmarkDescribe describes 1,000 spans of the 20,000-word article.
func BenchmarkDescribe(b *testing.B) {
	var art editedArticle
	loadTestdata(b, "testdata/anchoring/edited-article-1000.json", &art)
	text := NewText(art.Original)
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range art.Cases {
			text.Describe(c.Position[0], c.Position[1])
		}
	}
}

// BenchmarkNewText prepares the 20,000-word article.
func BenchmarkNewText(b *testing.B) {
	var art editedArticle
	loadTestdata(b, "testdata/anchoring/edited-article-1000.json", &art)
	b.ReportAllocs()
	for b.Loop() {
		NewText(art.Edited)
	}
}
