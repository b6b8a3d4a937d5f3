package searchindex

import (
	"maps"
	"testing"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/store"
	"github.com/annotator/annotator/internal/searchcorpus"
)

// library is a Source over a store in memory, as app/ui's workspace is
// over the browser's.
type library struct {
	*store.Store
	titles   map[string]string
	articles map[string]*article.Article
	labels   annotation.LabelNames
	walks    int // how many times the index was built from it
}

func (l *library) EachLive(f func(string, *annotation.Annotation)) {
	l.walks++
	l.Store.EachLive(f)
}
func (l *library) Titles() map[string]string         { return maps.Clone(l.titles) }
func (l *library) LabelNames() annotation.LabelNames { return l.labels }
func (l *library) Article(id string) (*article.Article, bool) {
	a, ok := l.articles[id]
	return a, ok
}

func newLibrary(t *testing.T) *library {
	t.Helper()
	st, _, err := store.Open(store.NewMemory(0))
	if err != nil {
		t.Fatal(err)
	}
	art := zurich(t)
	return &library{Store: st, titles: map[string]string{}, articles: map[string]*article.Article{"zurich": art}}
}

func TestLiveIsBuiltOnFirstUseAndFollowsChanges(t *testing.T) {
	lib := newLibrary(t)
	a1 := testAnnotation("urn:uuid:00000000-0000-4000-8000-000000000001", "zurich", "The café by the lake", "quokka")
	if err := lib.Put(a1); err != nil {
		t.Fatal(err)
	}
	live := NewLive(lib)
	// Before the first build a change costs nothing but keeps the reader's
	// anchors for it.
	live.Changed("zurich", map[string]anchor.Result{a1.ID: {Status: anchor.Orphan}})
	live.Refresh()
	if live.Built() || lib.walks != 0 {
		t.Fatal("built before first use")
	}
	x, fresh := live.Index()
	if !fresh || !live.Built() || lib.walks != 1 {
		t.Fatalf("first use: fresh %v, built %v, walks %d", fresh, live.Built(), lib.walks)
	}
	if _, fresh := live.Index(); fresh || lib.walks != 1 {
		t.Fatal("built twice")
	}
	check := checker(t, x)
	check("is:orphan", a1.ID) // the reader's anchors, not a resolution of its own
	check("zurich", a1.ID)    // the article at hand gave the title

	// A save elsewhere: indexed without a rebuild.
	a2 := testAnnotation("urn:uuid:00000000-0000-4000-8000-000000000002", "elsewhere", "trade figures", "wombat")
	if err := lib.Put(a2); err != nil {
		t.Fatal(err)
	}
	live.Changed("elsewhere", nil)
	check("wombat", a2.ID)
	// A change without anchors resolves against the article: a1 anchors.
	a1.Note = "platypus"
	a1.Modified = a1.Modified.Add(1)
	if err := lib.Put(a1); err != nil {
		t.Fatal(err)
	}
	live.ChangedAll([]string{"zurich"})
	check("platypus", a1.ID)
	check("is:orphan")
	// A delete.
	if err := lib.Delete("elsewhere", a2.ID, a2.Modified.Add(1)); err != nil {
		t.Fatal(err)
	}
	live.Changed("elsewhere", nil)
	check("wombat")
	// Titles arrive and a label is renamed.
	lib.titles["elsewhere"] = "Trade figures"
	lib.labels = annotation.LabelNames{annotation.LabelQuestion: "Puzzle"}
	live.Refresh()
	check("puzzle", a1.ID)
	if lib.walks != 1 {
		t.Errorf("the index was rebuilt %d times", lib.walks-1)
	}
}

// Anchors kept before the first build are dropped by a change that comes
// without them: they may be stale.
func TestLiveForgetsStaleAnchors(t *testing.T) {
	lib := newLibrary(t)
	a1 := testAnnotation("urn:uuid:00000000-0000-4000-8000-000000000001", "zurich", "The café by the lake", "")
	if err := lib.Put(a1); err != nil {
		t.Fatal(err)
	}
	live := NewLive(lib)
	live.Changed("zurich", map[string]anchor.Result{a1.ID: {Status: anchor.Orphan}})
	live.Changed("zurich", nil)
	x, _ := live.Index()
	checker(t, x)("is:orphan")
}

// A generated corpus stands in for the library, which is then ignored.
func TestLiveReplace(t *testing.T) {
	lib := newLibrary(t)
	live := NewLive(lib)
	articles, titles := searchcorpus.Titles(2)
	walk, n := WalkMap(byArticle(searchcorpus.Annotations(300, articles)))
	live.Replace(New(walk, n, titles, nil, nil, nil))
	a := testAnnotation("urn:uuid:10000000-0000-4000-8000-000000000001", "zurich", "The café by the lake", "quokka")
	if err := lib.Put(a); err != nil {
		t.Fatal(err)
	}
	live.Changed("zurich", nil)
	live.Refresh()
	x, fresh := live.Index()
	if fresh || x.Len() != 300 || lib.walks != 0 {
		t.Fatalf("fresh %v, %d annotations, %d walks", fresh, x.Len(), lib.walks)
	}
	if _, ok := x.Doc(a.ID); ok {
		t.Error("the library's change reached a generated index")
	}
}

func byArticle(list []annotation.Annotation) map[string][]annotation.Annotation {
	out := map[string][]annotation.Annotation{}
	for _, a := range list {
		out[a.Article] = append(out[a.Article], a)
	}
	return out
}
