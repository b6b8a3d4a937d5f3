//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// TestTraceOpen records Chromium's Performance trace (the Tracing domain,
// as DevTools' Performance panel does) of opening the scale benchmark's
// article of 1,000 realistic annotations from the library (TRACE=1 go
// test -count=1 -tags e2e -run 'TestTraceOpen$' -v ./e2e/), and prints the
// renderer main thread's time by event (UpdateLayoutTree, Layout, Paint,
// PrePaint, Layerize, HitTest, ParseHTML, FunctionCall, ...), total and
// self (without the events nested in it), with the elements the style
// recalculations touched. TRACE_CSS_DROP drops the lines of app.css
// that contain any of its |-separated strings, and TRACE_CSS is CSS appended to app.css for the
// run (an experiment: a rule switched off or changed); TRACE_RUNS (1)
// repeats the open in fresh profiles. TRACE_FILE writes the last run's
// events as a JSON trace that DevTools' Performance panel loads.
func TestTraceOpen(t *testing.T) {
	if os.Getenv("TRACE") == "" {
		t.Skip("set TRACE=1 to trace opening a heavily annotated article")
	}
	logLoad(t)
	big := newBigOpen(t)

	web := filepath.Join(t.TempDir(), "web")
	if err := os.CopyFS(web, os.DirFS(filepath.Join(repoRoot, "web"))); err != nil {
		t.Fatal(err)
	}
	if drop := os.Getenv("TRACE_CSS_DROP"); drop != "" {
		css, err := os.ReadFile(filepath.Join(web, "app.css"))
		if err != nil {
			t.Fatal(err)
		}
		var kept []string
		for _, l := range strings.Split(string(css), "\n") {
			cut := false
			for _, d := range strings.Split(drop, "|") {
				if strings.Contains(l, d) {
					cut = true
					t.Logf("app.css without: %s", l)
				}
			}
			if !cut {
				kept = append(kept, l)
			}
		}
		if err := os.WriteFile(filepath.Join(web, "app.css"), []byte(strings.Join(kept, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if css := os.Getenv("TRACE_CSS"); css != "" {
		f, err := os.OpenFile(filepath.Join(web, "app.css"), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "\n/* TRACE_CSS */\n%s\n", css)
		f.Close()
		t.Logf("app.css ends with: %s", css)
	}
	h := startHostWeb(t, big.dir, "127.0.0.1:0", web)
	runs := 1
	fmt.Sscan(os.Getenv("TRACE_RUNS"), &runs)
	for run := 0; run < runs; run++ {
		traceOpenOnce(t, h.URL, big.kv, big.ID, big.Title, big.count, run == runs-1)
	}
}

// traceEvent is one event of a Chromium trace (the JSON trace format).
type traceEvent struct {
	Name string          `json:"name"`
	Cat  string          `json:"cat"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`
	Dur  float64         `json:"dur"`
	Pid  int64           `json:"pid"`
	Tid  int64           `json:"tid"`
	Args json.RawMessage `json:"args"`
}

func traceOpenOnce(t *testing.T, url string, kv map[string]string, bigID, bigTitle string, count int, last bool) {
	b := newBrowser(t, "")
	defer b.quit()
	b.do(t, chromedp.Navigate(url+"/web/app.css"))
	seedStorage(t, b, kv)
	b.open(t, url+"/")

	var (
		mu  sync.Mutex
		raw []json.RawMessage
	)
	done := make(chan bool, 1)
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		data := chromedp.Events(b.ctx, tracing.DataCollected)
		complete := chromedp.Events(b.ctx, tracing.TracingComplete)
		go func() {
			for ev, err := range data {
				if err != nil {
					return
				}
				mu.Lock()
				for _, v := range ev.Value {
					raw = append(raw, json.RawMessage(append([]byte(nil), v...)))
				}
				mu.Unlock()
			}
		}()
		go func() {
			for ev, err := range complete {
				if err != nil {
					return
				}
				if ev.DataLossOccurred {
					t.Logf("the trace lost data (its buffer filled)")
				}
				done <- true
				return
			}
		}()
		_, err := cdp.Call(ctx, tg, tracing.Start, tracing.StartParams{
			TransferMode: "ReportEvents",
			TraceConfig: &tracing.TraceConfig{
				RecordMode:          tracing.TraceConfigRecordModeRecordAsMuchAsPossible,
				TraceBufferSizeInKb: 400_000,
				IncludedCategories: []string{
					"devtools.timeline", "disabled-by-default-devtools.timeline",
					"blink", "blink.user_timing", "v8.execute", "loading",
					"disabled-by-default-devtools.timeline.frame", "__metadata",
				},
				ExcludedCategories: []string{"*"},
			},
		})
		return err
	}))
	marks := `new Set([...document.querySelectorAll("article mark[data-annotation-id]")].map(m => m.dataset.annotationId)).size`
	b.stopwatch(t, "click", `(e) => !!e.target.closest('a[href="/read/`+bigID+`"]')`,
		`!!document.querySelector('article[data-article-id="`+bigID+`"]') && `+marks+` >= `+itoa(count))
	b.click(t, "link", bigTitle)
	took := b.stopwatchRead(t, "the article's marks")
	b.do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, tracing.End, cdp.Empty{})
		return err
	}))
	<-done
	// The last dataCollected may be delivered after tracingComplete (two
	// subscriptions): wait until no more come.
	for n := -1; ; {
		time.Sleep(300 * time.Millisecond)
		mu.Lock()
		m := len(raw)
		mu.Unlock()
		if m == n {
			break
		}
		n = m
	}
	t.Logf("open: %.0f ms until painted; %s; %d trace events", took,
		eval[string](t, b, `"marks " + document.querySelectorAll("article mark").length + ", elements " + document.querySelectorAll("*").length`), len(raw))
	t.Logf("nesting: %s", eval[string](t, b, `(() => { const ds = [...document.querySelectorAll("article mark")].filter(m => !m.querySelector("mark")).map(m => { let d = 0; for (let e = m; e && e.tagName === "MARK"; e = e.parentElement) d++; return d; }).sort((a, b) => a - b); return "segments " + ds.length + ", depth median " + ds[ds.length >> 1] + ", p90 " + ds[Math.floor(ds.length * 0.9)] + ", max " + ds[ds.length - 1]; })()`))
	if f := os.Getenv("TRACE_DUMP"); f != "" && last {
		if err := os.WriteFile(f, []byte(eval[string](t, b, `document.documentElement.outerHTML`)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if f := os.Getenv("TRACE_FILE"); f != "" && last {
		out, _ := json.Marshal(map[string]any{"traceEvents": raw})
		if err := os.WriteFile(f, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	summarizeTrace(t, raw)
}

// summarizeTrace prints the renderer main thread's time by event name,
// total and self, over the whole trace.
func summarizeTrace(t *testing.T, raw []json.RawMessage) {
	evs := make([]traceEvent, 0, len(raw))
	main := map[[2]int64]bool{}
	for _, r := range raw {
		var e traceEvent
		if json.Unmarshal(r, &e) != nil {
			continue
		}
		if e.Ph == "M" && e.Name == "thread_name" && strings.Contains(string(e.Args), `"CrRendererMain"`) {
			main[[2]int64{e.Pid, e.Tid}] = true
		}
		evs = append(evs, e)
	}
	// Complete events ("X") and begin/end pairs on the main threads.
	type span struct {
		name       string
		start, end float64
		args       json.RawMessage
	}
	var spans []span
	open := map[[2]int64][]int{}
	for _, e := range evs {
		k := [2]int64{e.Pid, e.Tid}
		if !main[k] {
			continue
		}
		switch e.Ph {
		case "X":
			spans = append(spans, span{e.Name, e.Ts, e.Ts + e.Dur, e.Args})
		case "B":
			spans = append(spans, span{e.Name, e.Ts, -1, e.Args})
			open[k] = append(open[k], len(spans)-1)
		case "E":
			if st := open[k]; len(st) > 0 {
				i := st[len(st)-1]
				open[k] = st[:len(st)-1]
				spans[i].end = e.Ts
				if len(e.Args) > 2 {
					spans[i].args = e.Args
				}
			}
		}
	}
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	total, self, n := map[string]float64{}, map[string]float64{}, map[string]int{}
	elems := map[string]int64{}
	var stack []int
	var first, lastEnd float64
	for i, s := range spans {
		if s.end < 0 {
			continue
		}
		if first == 0 || s.start < first {
			first = s.start
		}
		lastEnd = max(lastEnd, s.end)
		d := s.end - s.start
		for len(stack) > 0 && spans[stack[len(stack)-1]].end <= s.start {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			self[spans[stack[len(stack)-1]].name] -= d
		}
		stack = append(stack, i)
		total[s.name] += d
		self[s.name] += d
		n[s.name]++
		if s.name == "UpdateLayoutTree" || s.name == "RecalculateStyles" || s.name == "Layout" {
			var a struct {
				ElementCount int64 `json:"elementCount"`
				BeginData    struct {
					DirtyObjects int64 `json:"dirtyObjects"`
				} `json:"beginData"`
			}
			json.Unmarshal(s.args, &a)
			elems[s.name] += a.ElementCount + a.BeginData.DirtyObjects
		}
	}
	var names []string
	for k := range total {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return self[names[i]] > self[names[j]] })
	var busy float64
	for _, v := range self {
		busy += v
	}
	t.Logf("renderer main thread: %.0f ms of events over %.0f ms traced", busy/1000, (lastEnd-first)/1000)
	t.Logf("%-34s %10s %10s %6s %s", "event", "self ms", "total ms", "count", "elements/objects")
	for i, k := range names {
		if i >= 30 || self[k] < 5_000 && total[k] < 20_000 {
			continue
		}
		extra := ""
		if elems[k] > 0 {
			extra = fmt.Sprint(elems[k])
		}
		t.Logf("%-34s %10.0f %10.0f %6d %s", k, self[k]/1000, total[k]/1000, n[k], extra)
	}
}
