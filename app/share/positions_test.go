package share

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// exportedTarget is what a W3C export says about one annotation's target.
type exportedTarget struct {
	ID     string
	Exact  string
	Start  *int
	End    *int
	State  string
	Status anchor.Status
}

// exportedTargets reads a W3C export's targets by annotation id.
func exportedTargets(t *testing.T, data []byte) map[string]exportedTarget {
	t.Helper()
	var c struct {
		First struct {
			Items []struct {
				ID     string `json:"id"`
				Target struct {
					State    string `json:"state"`
					Selector []struct {
						Type  string `json:"type"`
						Exact string `json:"exact"`
						Start *int   `json:"start"`
						End   *int   `json:"end"`
					} `json:"selector"`
				} `json:"target"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	out := map[string]exportedTarget{}
	for _, it := range c.First.Items {
		e := exportedTarget{ID: it.ID, State: it.Target.State}
		for _, s := range it.Target.Selector {
			switch s.Type {
			case "TextQuoteSelector":
				e.Exact = s.Exact
			case "TextPositionSelector":
				if e.Start != nil {
					t.Errorf("%s: two position selectors", it.ID)
				}
				e.Start, e.End = s.Start, s.End
			}
		}
		out[it.ID] = e
	}
	return out
}

// editArticle returns a copy of art's blocks with some edited: a block
// inserted at the top (everything moves), a few words replaced inside some
// blocks (quotes there become fuzzy), and a block deleted (quotes there
// become orphans).
func editArticle(t *testing.T, art *article.Article, r *rand.Rand) *article.Article {
	t.Helper()
	var blocks []article.Block
	if r.IntN(2) == 0 {
		blocks = append(blocks, article.Block{Kind: "p", Text: "An editor's note added at the top of the page moves every passage below it."})
	}
	for i, b := range art.Blocks {
		switch {
		case i%7 == 3:
			continue // deleted
		case i%5 == 2:
			w := strings.Fields(b.Text)
			for k := 0; k < 3; k++ {
				w[r.IntN(len(w))] = "rewritten"
			}
			b.Text = strings.Join(w, " ")
		}
		blocks = append(blocks, article.Block{Kind: b.Kind, Text: b.Text})
	}
	edited, err := article.New(art.ID, art.Title, blocks, article.Meta{Source: art.Source})
	if err != nil {
		t.Fatal(err)
	}
	return edited
}

// TestExportedPositionsSelectTheQuote is the property the issue asks for:
// whatever happened to the article, an exported annotation that anchors
// (exact, moved, or fuzzy and reviewed by the reader) has a
// TextPositionSelector that selects exactly its TextQuoteSelector's exact
// on the article as Annotator shows it, in code points, and a state naming
// that text; an orphan or an unreviewed fuzzy match has neither.
func TestExportedPositionsSelectTheQuote(t *testing.T) {
	counts := map[string]int{}
	for seed := uint64(1); seed <= 12; seed++ {
		r := rand.New(rand.NewPCG(seed, 99))
		items := scaleLibrary(t, 60, seed)
		orig := items[0].Article
		anns := items[0].Annotations
		// Some quotes with characters outside the BMP and combining marks,
		// where code points, UTF-16 units and bytes all differ.
		blocks := append([]article.Block(nil), orig.Blocks...)
		blocks[1].Text = "Café crème 🍰 and naïve façades, 𝒜 fine 👩‍👩‍👧 day. " + blocks[1].Text
		orig, err := article.New(orig.ID, orig.Title, blocks, article.Meta{Source: orig.Source})
		if err != nil {
			t.Fatal(err)
		}
		text0 := anchor.NewText(orig.Text)
		for i := range anns {
			i0 := strings.Index(orig.Text, anns[i].Quote.Exact)
			if i%6 == 0 {
				i0 = strings.Index(orig.Text, "crème 🍰 and naïve") // the non-BMP passage
			}
			start := anchor.ByteToCodePoint(orig.Text, i0)
			end := start + len([]rune(anns[i].Quote.Exact))
			if i%6 == 0 {
				end = start + len([]rune("crème 🍰 and naïve"))
			}
			anns[i] = anns[i].AnchoredAt(text0, start, end, orig.Hash)
		}
		art := editArticle(t, orig, r)
		text := anchor.NewText(art.Text)

		// The reader reviews every other fuzzy anchor: it is re-anchored
		// where it was found, on the new text.
		reviewed := map[string]bool{}
		for i, a := range anns {
			pos := a.Position
			res := text.Resolve(a.Quote, &pos)
			if res.Status == anchor.Fuzzy && i%2 == 0 {
				anns[i] = a.AnchoredAt(text, res.Start, res.End, art.Hash)
				anns[i].Modified = anns[i].Modified.Add(time.Hour)
				reviewed[a.ID] = true
			}
		}
		data, _, err := Export{Items: []Item{{Article: art, Annotations: anns}}, Date: exportDay}.W3C()
		if err != nil {
			t.Fatal(err)
		}
		got := exportedTargets(t, data)
		if len(got) != len(anns) {
			t.Fatalf("exported %d of %d", len(got), len(anns))
		}
		wantState := "ni:///sha-256;"
		for _, a := range anns {
			pos := a.Position
			res := text.Resolve(a.Quote, &pos)
			e := got[a.ID]
			switch {
			case res.Status == anchor.Exact || res.Status == anchor.Moved:
				kind := string(res.Status)
				if reviewed[a.ID] {
					kind = "reviewed fuzzy"
				}
				counts[kind]++
				if e.Start == nil {
					t.Errorf("seed %d, %s (%s): no position selector", seed, a.ID, kind)
					continue
				}
				if sel := text.Slice(*e.Start, *e.End); sel != e.Exact || *e.End-*e.Start != len([]rune(e.Exact)) {
					t.Errorf("seed %d, %s (%s): position %d–%d selects %q, quote is %q", seed, a.ID, kind, *e.Start, *e.End, sel, e.Exact)
				}
				if !strings.HasPrefix(e.State, wantState) {
					t.Errorf("seed %d, %s (%s): state %q", seed, a.ID, kind, e.State)
				}
			default:
				counts[string(res.Status)]++
				if e.Start != nil || e.State != "" {
					t.Errorf("seed %d, %s (%s): exported position %v, state %q; want neither", seed, a.ID, res.Status, *e.Start, e.State)
				}
				if e.Exact != a.Quote.Exact {
					t.Errorf("seed %d, %s (%s): exported quote %q, stored %q", seed, a.ID, res.Status, e.Exact, a.Quote.Exact)
				}
			}
		}

		// Writing back what PositionUpdates returns makes every exact or
		// moved anchor exact at its stored position, and changes no content.
		updates := PositionUpdates(art, anns, nil)
		byID := map[string]annotation.Annotation{}
		for _, u := range updates {
			byID[u.ID] = u
		}
		for i, a := range anns {
			u, ok := byID[a.ID]
			if !ok {
				continue
			}
			if u.ContentHash() != a.ContentHash() || !u.Modified.Equal(a.Modified) {
				t.Errorf("seed %d, %s: the write-back changed the content or the time", seed, a.ID)
			}
			anns[i] = u
		}
		for _, a := range anns {
			pos := a.Position
			before := text.Resolve(a.Quote, &pos)
			if _, ok := byID[a.ID]; ok && before.Status != anchor.Exact {
				t.Errorf("seed %d, %s: after the write-back it resolves %s", seed, a.ID, before.Status)
			}
		}
		if again := PositionUpdates(art, anns, nil); len(again) != 0 {
			t.Errorf("seed %d: %d updates after writing them back", seed, len(again))
		}
	}
	t.Logf("anchors checked: %v", counts)
	for _, k := range []string{"exact", "moved", "reviewed fuzzy", "fuzzy", "orphan"} {
		if counts[k] == 0 {
			t.Errorf("no %s anchor was generated: the property is not exercised (%v)", k, counts)
		}
	}
}

// TestPositionUpdatesUseReaderAnchors checks that the reader page's own
// resolutions are used when given.
func TestPositionUpdatesUseReaderAnchors(t *testing.T) {
	art := fixtureArticle(t)
	anns := fixtureAnnotations(t, art)
	if u := PositionUpdates(art, anns, nil); len(u) != 0 {
		t.Fatalf("fixture annotations are exact where stored, yet %d updates", len(u))
	}
	moved := anns[1] // "Qin Gang"
	moved.Position = anchor.TextPositionSelector{Type: "TextPositionSelector", Start: 0, End: 8}
	u := PositionUpdates(art, []annotation.Annotation{moved}, nil)
	if len(u) != 1 || u[0].Position != anns[1].Position {
		t.Fatalf("updates %+v", u)
	}
	// An anchor map that says it is an orphan is believed: no update.
	if u := PositionUpdates(art, []annotation.Annotation{moved}, map[string]anchor.Result{moved.ID: {Status: anchor.Orphan}}); len(u) != 0 {
		t.Errorf("updates for an orphan: %+v", u)
	}
}
