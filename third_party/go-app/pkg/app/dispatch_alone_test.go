package app

import (
	"testing"

	"github.com/stretchr/testify/require"
)

type aloneParent struct {
	Compo
	child   *aloneChild
	renders int
}

func (p *aloneParent) Render() UI {
	p.renders++
	return Div().Body(p.child)
}

type aloneChild struct {
	Compo
	shown   int
	renders int
}

func (c *aloneChild) Render() UI {
	c.renders++
	return Span().Text(c.shown)
}

// Annotator patch: DispatchAlone updates the component it is called from,
// not the ones around it; Dispatch updates both.
func TestDispatchAlone(t *testing.T) {
	e := NewTestEngine()
	child := &aloneChild{}
	parent := &aloneParent{child: child}
	require.NoError(t, e.Load(parent))
	e.ConsumeAll()
	ctx := e.(*engineX).nodes.context(e.(*engineX).baseContext(), child)
	parentRenders, childRenders := parent.renders, child.renders

	ctx.DispatchAlone(func(Context) { child.shown = 1 })
	e.ConsumeAll()
	require.Equal(t, parentRenders, parent.renders, "the parent is not rendered again")
	require.Equal(t, childRenders+1, child.renders, "the child is rendered again")
	require.Equal(t, "1", child.root().(HTML).body()[0].(*text).value)

	ctx.Dispatch(func(Context) { child.shown = 2 })
	e.ConsumeAll()
	require.Equal(t, parentRenders+1, parent.renders, "Dispatch renders the parent too")
}
