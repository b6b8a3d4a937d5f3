package ui

// The browser's first mount is split into tasks at these components: go-app
// calls OnInit as it reaches each one, in the middle of the mount, and
// mountSlice lets the browser run a task there once the current slice has
// taken long enough (yield_wasm.go; issue 18's Total Blocking Time). The
// article's blocks come many to a page, so the article's mount is split
// too. Natively and once the page is live, OnInit does nothing.

func (v *blockView) OnInit()      { mountSlice() }
func (v *annotationItem) OnInit() { mountSlice() }
func (v *claimItem) OnInit()      { mountSlice() }
func (v *siteHeader) OnInit()     { mountSlice() }
func (v *statusBar) OnInit()      { mountSlice() }
func (v *appStatus) OnInit()      { mountSlice() }
func (v *searchBox) OnInit()      { mountSlice() }
func (v *storageNote) OnInit()    { mountSlice() }
func (v *addArticle) OnInit()     { mountSlice() }
func (v *claimsCompare) OnInit()  { mountSlice() }
func (v *keyboardHelp) OnInit()   { mountSlice() }
func (v *labelSettings) OnInit()  { mountSlice() }
