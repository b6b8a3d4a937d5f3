package app

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

type panicOnRender struct {
	Compo
	boom bool
}

func (c *panicOnRender) Render() UI {
	if c.boom {
		panic("render went wrong")
	}
	return Div().Text("fine")
}

// Annotator patch: HandlePanics recovers a panic in a dispatched function,
// a component update, an async function and a deferred one, and the engine
// carries on.
func TestHandlePanics(t *testing.T) {
	var mu sync.Mutex
	var got []string
	HandlePanics(func(v any, stack []byte) {
		mu.Lock()
		defer mu.Unlock()
		require.Contains(t, string(stack), "panic_test.go")
		got = append(got, v.(string))
	})
	defer HandlePanics(nil)

	e := NewTestEngine()
	compo := &panicOnRender{}
	require.NoError(t, e.Load(compo))
	ctx := e.(*engineX).nodes.context(e.(*engineX).baseContext(), compo)

	ctx.Dispatch(func(Context) { panic("handler went wrong") })
	ran := false
	ctx.Dispatch(func(Context) { ran = true })
	e.ConsumeAll()
	require.True(t, ran, "the next dispatch ran")

	ctx.Async(func() { panic("async went wrong") })
	ctx.Defer(func(Context) { panic("defer went wrong") })
	ctx.Dispatch(func(ctx Context) {
		compo.boom = true
		ctx.Update()
	})
	e.ConsumeAll()

	mu.Lock()
	defer mu.Unlock()
	joined := strings.Join(got, "|")
	for _, want := range []string{"handler went wrong", "async went wrong", "render went wrong"} {
		require.Contains(t, joined, want)
	}
}
