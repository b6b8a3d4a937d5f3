package searchcorpus

import (
	"reflect"
	"testing"
)

func TestAnnotationsAreValidAndRepeatable(t *testing.T) {
	ids, titles := Titles(3)
	if len(ids) != 3 || len(titles) != 3 || titles[ids[0]] == "" {
		t.Fatalf("Titles: %v %v", ids, titles)
	}
	a := Annotations(500, ids)
	if len(a) != 500 {
		t.Fatalf("%d annotations, want 500", len(a))
	}
	seen := map[string]bool{}
	for _, x := range a {
		if err := x.Validate(); err != nil {
			t.Fatalf("%s: %v", x.ID, err)
		}
		if _, ok := titles[x.Article]; !ok {
			t.Fatalf("%s is on %q, not one of the articles", x.ID, x.Article)
		}
		if seen[x.ID] {
			t.Fatalf("%s repeated", x.ID)
		}
		seen[x.ID] = true
		if n := len(x.Quote.Exact) + len(x.Note); n < 100 || n > 160 {
			t.Errorf("%s: %d bytes of quote and note", x.ID, n)
		}
	}
	if !reflect.DeepEqual(a, Annotations(500, ids)) {
		t.Error("two calls generated different annotations")
	}
}
