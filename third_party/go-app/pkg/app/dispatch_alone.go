package app

// DispatchAlone is Dispatch for state that only the enclosing component
// draws: it runs v on the UI goroutine and flags the enclosing component
// alone for an update. Dispatch also flags every component around it, so
// that a change in a list inside a page renders and compares the whole
// page again. A component updated alone is rendered with the fields its
// parent last gave it. (Annotator patch 0009-dispatch-alone.)
//
// PreventUpdate in v cancels the enclosing component's update, and also
// one pending update of each component around it: do not call it there.
func (ctx Context) DispatchAlone(v func(Context)) {
	ctx.dispatch(func() {
		if !ctx.sourceElement.Mounted() {
			return
		}
		if c, ok := component(ctx.sourceElement); ok {
			ctx.addComponentUpdate(c, 1)
		}
		if v != nil {
			v(ctx)
		}
	})
}
