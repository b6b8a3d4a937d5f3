package ui

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
	"unicode/utf8"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/internal/realistic"
)

// spansOf is readerPage.markSpans for annotations anchored where they say.
func spansOf(anns []annotation.Annotation, selected string) []markSpan {
	var out []markSpan
	for _, a := range anns {
		out = append(out, markSpan{ID: a.ID, Start: a.Position.Start, End: a.Position.End, Status: anchor.Exact, Class: markClass(a, a.ID == selected)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}

// slowRuns is blockSegments' reference: the spans over each code point,
// and a new segment wherever they change.
func slowRuns(b article.Block, spans []markSpan) []markRun {
	runes := []rune(b.Text)
	lo := b.Start
	var out []markRun
	var prev []markSpan
	for i := range runes {
		x := lo + i
		var over []markSpan
		for _, s := range spans {
			if s.Start <= x && x < s.End {
				over = append(over, s)
			}
		}
		if i > 0 && reflect.DeepEqual(over, prev) {
			out[len(out)-1].Text += string(runes[i])
			continue
		}
		prev = over
		run := markRun{Text: string(runes[i])}
		for _, s := range over {
			run.Marks = append(run.Marks, runMark{Class: s.Class, ID: s.ID, Status: string(s.Status)})
		}
		out = append(out, run)
	}
	// A span's last mark in the block, where it ends, has hl-end.
	at := lo
	for k := range out {
		at += utf8.RuneCountInString(out[k].Text)
		for j := range out[k].Marks {
			for _, s := range spans {
				if s.ID == out[k].Marks[j].ID && s.End == at {
					out[k].Marks[j].Class += " hl-end"
				}
			}
			// Only the innermost underlinedMarks draw their underline.
			if len(out[k].Marks)-j > underlinedMarks {
				out[k].Marks[j].Class += " hl-under"
			}
		}
	}
	if len(out) == 0 || !hasMarks(out) {
		return []markRun{{Text: b.Text}}
	}
	return out
}

func TestBlockSegments(t *testing.T) {
	arts := realistic.Articles(18, 3)
	for n, count := range []int{0, 1, 5, 60, 1000} {
		a := arts[n%len(arts)]
		anns := realistic.Annotations(18, a.ID, a.Text, count)
		selected := ""
		if len(anns) > 0 {
			selected = anns[len(anns)/2].ID
		}
		spans := spansOf(anns, selected)
		var all []markRun
		for _, b := range a.Blocks {
			got, want := blockSegments(b, spans), slowRuns(b, spans)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%d annotations, block at %d: got %d segments, want %d\n got %+v\nwant %+v", count, b.Start, len(got), len(want), got, want)
			}
			all = append(all, got...)
		}
		t.Logf("%d annotations on %s: %d segments", count, a.ID, len(all))
	}
	// Edge cases: spans that start before the block, end after it, share
	// starts and ends, nest, and touch.
	b := article.Block{Kind: "p", Text: "abcdefghij", Start: 100}
	cases := [][]markSpan{
		{{ID: "a", Start: 90, End: 120}},
		{{ID: "a", Start: 90, End: 103}, {ID: "b", Start: 103, End: 105}},
		{{ID: "a", Start: 100, End: 110}, {ID: "b", Start: 100, End: 105}, {ID: "c", Start: 102, End: 105}},
		{{ID: "a", Start: 101, End: 108}, {ID: "b", Start: 102, End: 104}, {ID: "c", Start: 104, End: 112}},
		{{ID: "a", Start: 50, End: 60}, {ID: "b", Start: 110, End: 115}},
	}
	for i, spans := range cases {
		for k := range spans {
			spans[k].Class = "hl " + spans[k].ID
			spans[k].Status = anchor.Exact
		}
		if got, want := blockSegments(b, spans), slowRuns(b, spans); !reflect.DeepEqual(got, want) {
			t.Errorf("case %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
}

// applyPlan does to a list of segments what patchSegments does to the page.
func applyPlan(old []markRun, pl patchPlan) []markRun {
	out := make([]markRun, len(old))
	for i, r := range old {
		out[i] = markRun{Text: r.Text, Marks: append([]runMark(nil), r.Marks...)}
	}
	for _, c := range pl.classes {
		out[c.run].Marks[c.depth].Class = c.class
	}
	tail := append([]markRun(nil), out[pl.at+pl.remove:]...)
	return append(append(out[:pl.at], pl.insert...), tail...)
}

func TestPlanPatch(t *testing.T) {
	a := realistic.Articles(18, 1)[0]
	anns := realistic.Annotations(18, a.ID, a.Text, 200)
	rng := rand.New(rand.NewPCG(1, 2))
	runs := func(anns []annotation.Annotation, selected string) []markRun {
		var out []markRun
		spans := spansOf(anns, selected)
		for _, b := range a.Blocks {
			out = append(out, blockSegments(b, spans)...)
		}
		return out
	}
	base := runs(anns, "")
	for i := 0; i < 50; i++ {
		var next []markRun
		var what string
		switch i % 3 {
		case 0: // a card opened: classes only
			what = "select"
			next = runs(anns, anns[rng.IntN(len(anns))].ID)
		case 1: // one annotation fewer
			what = "delete"
			k := rng.IntN(len(anns))
			next = runs(append(append([]annotation.Annotation(nil), anns[:k]...), anns[k+1:]...), "")
		default: // unchanged
			what = "same"
			next = runs(anns, "")
		}
		pl := planPatch(base, next)
		if got := applyPlan(base, pl); !reflect.DeepEqual(got, next) {
			t.Fatalf("%s: the plan does not give the new segments", what)
		}
		switch what {
		case "select":
			if pl.remove != 0 || len(pl.insert) != 0 || len(pl.classes) == 0 {
				t.Errorf("select: %d removed, %d inserted, %d classes; want classes only", pl.remove, len(pl.insert), len(pl.classes))
			}
		case "same":
			if pl.remove != 0 || len(pl.insert) != 0 || len(pl.classes) != 0 {
				t.Errorf("same: %+v", pl)
			}
		}
	}
}

func TestSegmentsSpec(t *testing.T) {
	segs := []markRun{
		{Text: "plain <b>&"},
		{Text: "one", Marks: []runMark{{"hl a", "x", "exact"}}},
		{Text: "two", Marks: []runMark{{"hl a", "x", "exact"}, {"hl b hl-end", "y\"", "fuzzy"}}},
	}
	var got struct {
		M [][3]string
		T []string
		S [][]int
	}
	if err := json.Unmarshal([]byte(segmentsSpec(segs)), &got); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprint([][3]string{{"hl a", "x", "exact"}, {"hl b hl-end", "y\"", "fuzzy"}}, []string{"plain <b>&", "one", "two"}, [][]int{{}, {0}, {0, 1}})
	if fmt.Sprint(got.M, got.T, got.S) != want {
		t.Errorf("got %v %v %v, want %s", got.M, got.T, got.S, want)
	}
}

// BenchmarkBlockSegments cuts the scale benchmark's article of 1,000
// realistic annotations into its marks' segments (issue 18).
func BenchmarkBlockSegments(b *testing.B) {
	a := realistic.Articles(18, 1)[0]
	spans := spansOf(realistic.Annotations(18, a.ID, a.Text, 1000), "")
	n := 0
	for b.Loop() {
		n = 0
		for _, bl := range a.Blocks {
			n += len(blockSegments(bl, spans))
		}
	}
	b.ReportMetric(float64(n), "segments")
}

// TestSegmentsSpecDecodesAsJSON checks the hand-written encoding against
// encoding/json's: both decode to the same values, for the scale
// benchmark's article and for text that needs escaping.
func TestSegmentsSpecDecodesAsJSON(t *testing.T) {
	a := realistic.Articles(18, 1)[0]
	spans := spansOf(realistic.Annotations(18, a.ID, a.Text, 1000), "")
	cases := [][]markRun{
		{{Text: "quote \" back \\ tab \t nl \n cr \r nul \x00 \x1f del \x7f <&> \u2028 é 😀 bad \xff\xfe end", Marks: []runMark{{"hl \"x\"", "id\\", "st\x01"}}}},
		{{Text: ""}},
	}
	for _, bl := range a.Blocks {
		cases = append(cases, blockSegments(bl, spans))
	}
	type spec struct {
		M [][3]string
		T []string
		S [][]int
	}
	for i, segs := range cases {
		var ref spec
		index := map[runMark]int{}
		ref.T, ref.S = make([]string, len(segs)), make([][]int, len(segs))
		for j, s := range segs {
			ref.T[j], ref.S[j] = s.Text, []int{}
			for _, m := range s.Marks {
				n, ok := index[m]
				if !ok {
					n = len(ref.M)
					index[m] = n
					ref.M = append(ref.M, [3]string{m.Class, m.ID, m.Status})
				}
				ref.S[j] = append(ref.S[j], n)
			}
		}
		data, err := json.Marshal(ref)
		if err != nil {
			t.Fatal(err)
		}
		var want, got spec
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(segmentsSpec(segs)), &got); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		// (fmt, not reflect.DeepEqual: no marks is [] here, null there.)
		if g, w := fmt.Sprintf("%q %q %v", got.M, got.T, got.S), fmt.Sprintf("%q %q %v", want.M, want.T, want.S); g != w {
			t.Errorf("case %d: got %s, want %s", i, g, w)
		}
	}
}

func BenchmarkSegmentsSpec(b *testing.B) {
	a := realistic.Articles(18, 1)[0]
	spans := spansOf(realistic.Annotations(18, a.ID, a.Text, 1000), "")
	var segs [][]markRun
	for _, bl := range a.Blocks {
		segs = append(segs, blockSegments(bl, spans))
	}
	for b.Loop() {
		for _, s := range segs {
			segmentsSpec(s)
		}
	}
}
