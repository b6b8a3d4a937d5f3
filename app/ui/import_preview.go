package ui

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
	"github.com/annotator/annotator/app/share"
	"github.com/annotator/annotator/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// importPanel takes annotation files (chosen in "Import annotations",
// dropped anywhere on the page, or carried by a share link), reads them
// without stalling the page, shows what importing them would do, and
// writes them, all or nothing, when the reader presses Import.
//
// Reading is share.Importer's work, a slice at a time in a goroutine that
// gives the browser the main thread back between slices (yieldToBrowser),
// so that a 20,000-annotation file shows a progress bar that moves and a
// Cancel button that answers. The preview (share.PreviewImport) says what
// is new, updated and unchanged; for every annotation whose two copies
// differ, which one is kept and why; what each item carried that was not
// kept, or was kept in another form; what was refused; and, on a reader
// page, which annotations name no article, to attach them to this one.
// Nothing is dropped without the preview saying so.
type importPanel struct {
	app.Compo
	// ArticleID is the article whose page the panel is on; "" on the library.
	ArticleID string

	job      *importJob // the files being read; nil when none
	reading  string     // what is being read, in words
	progress float64    // how far, from 0 to 1

	importName string
	set        *share.ImportSet
	preview    *share.Preview
	// mark is the store's point in its history when the preview's snapshot
	// was taken: the save is refused if what it writes changed since.
	mark store.Mark
	// attachable is how many annotations of the set name no article: on a
	// reader page they can be attached to its article.
	attachable int
	importErr  string
	// unread lists the files of a several-file import that could not be
	// read, each with the reason; the others are previewed.
	unread []string
	saving bool
	result string
	added  []article.Summary

	unlisten func()
	// ctx is the component's own context: work that ends later is
	// dispatched with it, since the element that started it (a file input,
	// a button) may be redrawn in between and would drop the dispatch.
	ctx app.Context
}

func newImportPanel(articleID string) *importPanel { return &importPanel{ArticleID: articleID} }

func (s *importPanel) dispatch(fn func(app.Context)) { s.ctx.Dispatch(fn) }

// call runs fn on the UI goroutine for a goroutine of job, and waits until
// it has run (true) or the job is cancelled (false). While the panel is on
// the page fn runs with its context. A save goes on once the reader has
// left the page (OnDismount), and then fn runs with the context of the
// page now shown (ws.page), whose status bar says how the save ended.
// go-app drops a dispatch whose component left the page before it ran, so
// a call that has not run after a while is made again; fn still runs once.
func (s *importPanel) call(job *importJob, fn func(app.Context)) bool {
	ran := make(chan struct{})
	done := false // read and written on the UI goroutine only
	once := func(ctx app.Context) {
		if done {
			ctx.PreventUpdate()
			return
		}
		done = true
		fn(ctx)
		close(ran)
	}
	for {
		if mounted(s.ctx) {
			s.ctx.Dispatch(once)
		} else if mounted(ws.page) {
			ws.page.Dispatch(once)
		}
		select {
		case <-ran:
			return true
		case <-job.stopped:
			return false
		case <-time.After(callAgain):
		}
	}
}

// mounted says whether ctx's component is on the page, where a dispatch
// with ctx runs.
func mounted(ctx app.Context) bool { return ctx.Src() != nil && ctx.Src().Mounted() }

// callAgain is how long call waits before it dispatches again: longer
// than a dispatch takes on a page that answers. One made again while the
// first is still waiting its turn does nothing.
const callAgain = 250 * time.Millisecond

// importJob is one reading of files, which the reader can cancel.
type importJob struct {
	stopped chan struct{}
	once    sync.Once
}

func newImportJob() *importJob { return &importJob{stopped: make(chan struct{})} }

func (j *importJob) cancel() { j.once.Do(func() { close(j.stopped) }) }

func (j *importJob) cancelled() bool {
	select {
	case <-j.stopped:
		return true
	default:
		return false
	}
}

// importSlice is how long the reading works before it gives the browser
// the main thread back: well under the 50 ms at which the browser counts a
// task as long, and under a frame and a half.
const importSlice = 25 * time.Millisecond

// progressEvery is how often the progress bar is redrawn while reading.
const progressEvery = 100 * time.Millisecond

func (s *importPanel) OnMount(ctx app.Context) {
	s.ctx = ctx
	s.unlisten = listenDrop(ctx, share.MaxImportBytes, s.received)
	if h := locationHash(); strings.HasPrefix(h, share.LinkPrefix) {
		clearLocationHash()
		readShareLink(ctx, h, func(ctx app.Context, data []byte, err error) {
			if err != nil {
				s.importErr = "The share link could not be opened: " + err.Error()
				return
			}
			s.parse(ctx, []importFile{{Name: share.LinkImportSource, Data: data}})
		})
		return
	}
	// go-app dispatches OnMount, which would render the whole reader page
	// again: without a share link nothing drawn has changed.
	ctx.PreventUpdate()
}

func (s *importPanel) OnDismount() {
	// An import the reader pressed Import for is saved even if they leave
	// the page meanwhile (call); reading a file they have not yet seen the
	// preview of stops.
	if !s.saving {
		s.stopReading()
	}
	if s.unlisten != nil {
		s.unlisten()
		s.unlisten = nil
	}
}

// OnUpdate runs when the reader moves to another article in the same page.
func (s *importPanel) OnUpdate(ctx app.Context) {
	if s.saving {
		return // the save goes on, and says when it is done
	}
	s.clearImport()
}

func (s *importPanel) stopReading() {
	if s.job != nil {
		s.job.cancel()
		s.job = nil
	}
}

func (s *importPanel) clearImport() {
	s.stopReading()
	s.importName, s.set, s.preview, s.attachable, s.importErr, s.unread, s.mark = "", nil, nil, 0, "", nil, 0
	s.saving, s.result, s.added = false, "", nil
}

// importFile is one file read for an import, or why it could not be read.
type importFile struct {
	Name string
	Data []byte
	Err  error
}

func (s *importPanel) onFile(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	readFiles(s.ctx, input.Get("files"), share.MaxImportBytes, func(ctx app.Context, files []importFile) {
		input.Set("value", "")
		s.received(ctx, files)
	})
}

// received takes the files chosen or dropped: one, or a class's worth.
func (s *importPanel) received(ctx app.Context, files []importFile) {
	s.clearImport()
	if len(files) > share.MaxImportFiles {
		s.importErr = fmt.Sprintf("Nothing was imported: %d files were chosen, and an import takes at most %d at once.", len(files), share.MaxImportFiles)
		sayError(ctx, s.importErr)
		return
	}
	if len(files) == 1 && files[0].Err != nil {
		s.importErr = files[0].Err.Error()
		if strings.Contains(s.importErr, "over the limit") {
			s.importErr = fmt.Sprintf("%s (imports are limited to %d MB).", s.importErr, share.MaxImportBytes>>20)
		}
		sayError(ctx, s.importErr)
		return
	}
	s.parse(ctx, files)
}

// parse reads the files of an import and previews them, as one, against
// this browser's annotations. The library index is fetched first when it
// is not at hand, so that annotations on any bundled article are
// recognised. Of several files, those that cannot be read are listed and
// the others previewed; one file that cannot be read is the import's error.
func (s *importPanel) parse(ctx app.Context, files []importFile) {
	s.clearImport()
	job := newImportJob()
	s.job, s.progress = job, 0
	switch {
	case len(files) == 1 && files[0].Name == share.LinkImportSource:
		s.reading = "Reading the share link"
	case len(files) == 1:
		s.reading = "Reading " + files[0].Name
	default:
		s.reading = fmt.Sprintf("Reading %d files", len(files))
	}
	needLibrary := len(ws.bundled) == 0
	ctx.Async(func() {
		var bundled []article.Summary
		if needLibrary {
			bundled, _ = fetchLibrary()
		}
		s.dispatch(func(ctx app.Context) {
			if s.job != job {
				return
			}
			if len(ws.bundled) == 0 && len(bundled) > 0 {
				ws.bundled = bundled
			}
			opts := s.importOptions()
			ctx.Async(func() { s.read(job, files, opts) })
		})
	})
}

// importOptions are what an import on this page matches its items against:
// the library, the text of the articles at hand, and this page's article.
func (s *importPanel) importOptions() share.ImportOptions {
	known := ws.Summaries()
	if a, ok := ws.Article(s.ArticleID); ok && !hasSummary(known, a.ID) {
		known = append(known, a.Summary())
	}
	texts := map[string]string{}
	for _, sum := range known {
		if a, ok := ws.Article(sum.ID); ok {
			texts[sum.ID] = a.Text
		}
	}
	return share.ImportOptions{
		Known: known,
		Text:  func(id string) (string, bool) { t, ok := texts[id]; return t, ok },
		Here:  s.ArticleID,
	}
}

// read runs in a goroutine of its own: it parses the files a slice at a
// time, shows the progress, and hands the preview to the panel. It stops
// at the next slice once the job is cancelled.
func (s *importPanel) read(job *importJob, files []importFile, opts share.ImportOptions) {
	started := perfNow()
	total := 0
	for _, f := range files {
		total += max(len(f.Data), 1)
	}
	var sets []*share.ImportSet
	var unread []string
	var failed error // the error of a one-file import
	doneBytes := 0
	run := newSlicer(s, job)
	for i, f := range files {
		// The file's bytes are not needed once it is parsed: let them go.
		files[i].Data = nil
		if f.Err != nil {
			unread = append(unread, f.Name+": "+f.Err.Error())
			failed = f.Err
			continue
		}
		im := share.NewImporter(f.Data, f.Name, opts)
		size := max(len(f.Data), 1)
		err := run.do(im.Step, func() float64 {
			return readingShare * (float64(doneBytes) + im.Progress()*float64(size)) / float64(total)
		})
		if job.cancelled() {
			return
		}
		if err != nil {
			unread = append(unread, f.Name+": "+err.Error())
			failed = err
		} else {
			sets = append(sets, im.Set())
		}
		doneBytes += size
	}
	perfMeasure("annotator:import-read", started)
	if len(sets) == 0 {
		s.dispatch(func(ctx app.Context) {
			if s.job != job {
				return
			}
			s.job = nil
			if len(files) == 1 {
				s.importErr = "Nothing was imported. " + failed.Error()
			} else {
				s.importErr = fmt.Sprintf("Nothing was imported: none of the %d files could be read.", len(files))
				s.unread = unread
			}
			sayError(ctx, s.importErr)
		})
		return
	}
	// The preview compares the files with the store as it is now: take
	// its snapshot on the UI goroutine, then merge here, in slices too.
	yieldToBrowser()
	existing, mark, ok := s.snapshot(job)
	if !ok {
		return
	}
	previewing := perfNow()
	pv := share.NewPreviewer(sets, existing)
	run.do(func(n int) (bool, error) { return pv.Step(n), nil }, func() float64 {
		return readingShare + (1-readingShare)*pv.Progress()
	})
	if job.cancelled() {
		return
	}
	set, p := pv.Set(), pv.Preview()
	perfMeasure("annotator:import-merge", previewing)
	s.dispatch(func(ctx app.Context) {
		if s.job != job {
			return
		}
		s.job = nil
		s.importName, s.set, s.preview, s.unread, s.mark = set.Filename, set, &p, unread, mark
		s.attachable = len(p.Unattached)
		msg := "Review the import below: " + previewSummary(p, s.attachable) + "."
		if len(unread) > 0 {
			msg += " " + plural(len(unread), "file", "files") + " could not be read."
		}
		say(ctx, msg)
		ctx.Defer(func(app.Context) {
			focusElement("import-preview")
			perfMeasure("annotator:import-preview", started)
		})
	})
}

// snapshot takes the store's annotations and its mark on the UI goroutine,
// for a goroutine of the job; ok is false once the job is cancelled.
func (s *importPanel) snapshot(job *importJob) (existing map[string][]annotation.Annotation, mark store.Mark, ok bool) {
	type snap struct {
		existing map[string][]annotation.Annotation
		mark     store.Mark
	}
	c := make(chan snap, 1)
	s.call(job, func(ctx app.Context) {
		if s.job == job {
			c <- snap{ws.Store().Snapshot(), ws.Store().Mark()}
		}
	})
	select {
	case got := <-c:
		return got.existing, got.mark, true
	default:
		return nil, 0, false
	}
}

// readingShare is the share of the progress bar given to reading the files;
// the rest is joining them and comparing them with the library.
const readingShare = 0.9

// slicer runs work in steps, a slice of importSlice at a time, between
// which it gives the browser the main thread back and moves the progress
// bar. The size of a step adapts so that one takes 2–4 ms, and a slice
// never runs far past importSlice (the steppers count their work in units
// of about the same cost across their phases, so that a step sized for
// one phase is not many times too long in the next).
type slicer struct {
	s            *importPanel
	job          *importJob
	steps        int
	slice, shown time.Time
}

func newSlicer(s *importPanel, job *importJob) *slicer {
	return &slicer{s: s, job: job, steps: 64, slice: time.Now(), shown: time.Now()}
}

// do calls step with the number of items to do until it reports done or
// fails, or the job is cancelled.
func (r *slicer) do(step func(n int) (bool, error), progress func() float64) error {
	for {
		t0 := time.Now()
		done, err := step(r.steps)
		switch took := time.Since(t0); {
		case took < 2*time.Millisecond && r.steps < 1<<16:
			r.steps *= 2
		case took > 4*time.Millisecond && r.steps > 1:
			// Down to the size that would have taken 3 ms at once, not
			// by halves: when the work changes kind (reading the file,
			// then converting its items), a step 40 times too long
			// would otherwise be followed by 20, 10, 5 times too long.
			r.steps = max(1, int(int64(r.steps)*int64(3*time.Millisecond)/int64(took)))
		}
		if err != nil || done {
			return err
		}
		if time.Since(r.slice) < importSlice {
			continue
		}
		if time.Since(r.shown) >= progressEvery {
			v, s, job := progress(), r.s, r.job
			s.dispatch(func(ctx app.Context) {
				if s.job == job {
					s.progress = v
				}
			})
			r.shown = time.Now()
		}
		yieldToBrowser()
		if r.job.cancelled() {
			return nil
		}
		r.slice = time.Now()
	}
}

// cancelReading stops reading the files: nothing was written.
func (s *importPanel) cancelReading(ctx app.Context, e app.Event) {
	what := strings.TrimPrefix(s.reading, "Reading ")
	s.clearImport()
	say(ctx, "Stopped reading "+what+": nothing was imported.")
	focusElement("import-file")
}

func hasSummary(l []article.Summary, id string) bool {
	for _, s := range l {
		if s.ID == id {
			return true
		}
	}
	return false
}

// previewSummary says in one line what the preview holds.
func previewSummary(p share.Preview, attachable int) string {
	s := fmt.Sprintf("%d new, %d updated, %d unchanged, %d rejected", p.New, p.Updated, p.Unchanged, len(p.Rejected))
	if n := len(p.ItemWarnings); n > 0 {
		s += ", " + plural(n, "warning", "warnings")
	}
	if n := len(p.Unattached); n > 0 {
		s += fmt.Sprintf(", %d naming no article", n)
	} else if attachable > 0 {
		s += fmt.Sprintf(" (%d attached to this article)", attachable)
	}
	return s
}

func (s *importPanel) cancelImport(ctx app.Context, e app.Event) {
	name := s.importName
	s.clearImport()
	say(ctx, "Nothing was imported from "+name+".")
	focusElement("import-file")
}

// toggleAttach includes the annotations that name no article, attached to
// this page's article, or leaves them out again.
func (s *importPanel) toggleAttach(ctx app.Context, e app.Event) {
	if s.set == nil || s.attachable == 0 {
		return
	}
	s.set.Attach = !s.set.Attach
	p := share.PreviewImport(s.set, ws.Store().Snapshot())
	s.preview, s.mark = &p, ws.Store().Mark()
	if s.set.Attach {
		say(ctx, fmt.Sprintf("%s will be attached to this article when you press Import: %s.", plural(s.attachable, "annotation", "annotations"), previewSummary(p, s.attachable)))
	} else {
		say(ctx, fmt.Sprintf("%s naming no article will be left out.", plural(s.attachable, "annotation", "annotations")))
	}
}

// apply writes the previewed import, all or nothing. The work that grows
// with the annotations (checking, encoding, compressing each article's
// entry: store.Applying's steps) runs in slices in a goroutine, as reading
// does, with a progress bar named "Saving…" and a page that answers; then
// one short task writes every key (Applying.Commit). If an article the
// import writes changed since the preview (an edit here, or another tab's
// change merged meanwhile), nothing is written: the import is previewed
// again against the annotations as they are now and saved if that says
// the same, else the reader sees the new preview.
func (s *importPanel) apply(ctx app.Context, e app.Event) {
	if s.preview == nil || s.set == nil || s.saving {
		return
	}
	job := newImportJob()
	s.saving, s.job, s.progress, s.reading = true, job, 0, "Saving"
	set, p, mark := s.set, *s.preview, s.mark
	ctx.Async(func() { s.save(job, set, p, mark) })
}

// saveAttempts is how many times a save is previewed again and retried
// when the annotations keep changing under it, before the reader is asked.
const saveAttempts = 3

// save runs in a goroutine of its own (apply).
func (s *importPanel) save(job *importJob, set *share.ImportSet, p share.Preview, mark store.Mark) {
	started := perfNow()
	run := newSlicer(s, job)
	for attempt := 1; ; attempt++ {
		batch := store.Batch{Articles: p.NewArticles, Annotations: p.Writes}
		if pk := set.Pack; pk != nil && pk.Instructions != "" {
			batch.Instructions = map[string]store.Instructions{pk.Article.ID: {Creator: pk.Creator, Text: pk.Instructions}}
		}
		type begun struct {
			ap  *store.Applying
			err error
		}
		c := make(chan begun, 1)
		s.call(job, func(ctx app.Context) {
			if s.job == job {
				ap, err := ws.Store().BeginApply(batch, mark)
				c <- begun{ap, err}
			}
		})
		var b begun
		select {
		case b = <-c:
		default:
			return
		}
		err := b.err
		if err == nil {
			err = run.do(b.ap.Step, b.ap.Progress)
		}
		if job.cancelled() {
			return
		}
		// The last step compressed an article: the commit gets a task of
		// its own.
		yieldToBrowser()
		committed := make(chan error, 1)
		s.call(job, func(ctx app.Context) {
			if s.job != job {
				return
			}
			err := err
			if err == nil {
				committing := perfNow()
				err = b.ap.Commit()
				perfMeasure("annotator:import-commit", committing)
			}
			if errors.Is(err, store.ErrChanged) && attempt < saveAttempts {
				committed <- err
				return
			}
			perfMeasure("annotator:import-save", started)
			s.saved(ctx, p, err)
			committed <- nil
			ctx.Defer(func(app.Context) { perfMeasure("annotator:import-saved", started) })
		})
		select {
		case err = <-committed:
		default:
			return
		}
		if err == nil {
			return
		}
		// The annotations changed since the preview: make it again, in
		// slices too, and save it if it says the same.
		existing, m, ok := s.snapshot(job)
		if !ok {
			return
		}
		pv := share.NewPreviewer([]*share.ImportSet{set}, existing)
		run.do(func(n int) (bool, error) { return pv.Step(n), nil }, pv.Progress)
		if job.cancelled() {
			return
		}
		again := pv.Preview()
		if again.New != p.New || again.Updated != p.Updated || again.Unchanged != p.Unchanged {
			s.call(job, func(ctx app.Context) {
				if s.job != job {
					return
				}
				s.job, s.saving, s.preview, s.mark = nil, false, &again, m
				if !mounted(s.ctx) {
					sayError(ctx, "Nothing was imported from "+s.importName+": your annotations changed while it was saved. Import the file again to see what it would change now.")
					return
				}
				sayError(ctx, "Your annotations changed since this preview was made. Check the new preview, then press Import again.")
			})
			return
		}
		p, mark = again, m
	}
}

// saved says how the save of preview p ended (err nil: written).
func (s *importPanel) saved(ctx app.Context, p share.Preview, err error) {
	s.job, s.saving = nil, false
	if err != nil {
		msg := importFailure(err)
		s.importErr = msg
		s.set, s.preview = nil, nil
		sayError(ctx, msg)
		return
	}
	msg := fmt.Sprintf("Imported %s from %s: %d new, %d updated", plural(p.New+p.Updated, "annotation", "annotations"), s.importName, p.New, p.Updated)
	if len(p.Rejected) > 0 {
		msg += fmt.Sprintf(", %d rejected", len(p.Rejected))
	}
	msg += "."
	if n := len(p.Unattached); n > 0 {
		msg += " Left out: " + plural(n, "annotation", "annotations") + " naming no article."
	}
	if len(s.unread) > 0 {
		msg += " Not imported: " + plural(len(s.unread), "file", "files") + " that could not be read."
	}
	s.added = nil
	for _, a := range p.NewArticles {
		s.added = append(s.added, a.Summary())
	}
	if len(s.added) > 0 {
		msg += " Added " + plural(len(s.added), "article", "articles") + " to your library."
	}
	// Browsers write their storage to disk a few seconds after a change
	// (docs/security.md); no page can ask them to do it sooner.
	msg += " It is on disk within a few seconds: keep the browser open that long."
	s.set, s.preview, s.importErr, s.unread, s.attachable = nil, nil, "", nil, 0
	s.result = msg
	say(ctx, msg)
	ctx.NewAction(actionStoreChanged)
	ctx.NewAction(actionLibraryChanged)
	ctx.NewAction(actionImported)
}

// actionImported tells the share panel that an import was written (a class
// pack's instructions may have come with it).
const actionImported = "imported"

// importFailure says in plain words why nothing was imported; the
// browser's own error text is for the console, not the reader.
func importFailure(err error) string {
	logError("import", err)
	switch {
	case store.IsQuota(err):
		return "Nothing was imported: the browser's storage is full. Remove an article you no longer need, or export and clear old annotations, then try again."
	case errors.Is(err, store.ErrStopped):
		return "Nothing was imported: " + err.Error() + "."
	case errors.Is(err, store.ErrChanged):
		return "Nothing was imported: your annotations kept changing while it was saved (in another tab?). Press Import again."
	}
	return "Nothing was imported: the browser could not save it. Try again; if it keeps failing, reload the page."
}

// ---- rendering ----

// Lists longer than these are grouped by message, with the first items
// behind a disclosure: a file of 20,000 items gives a readable preview,
// and a page of a few hundred elements, not 20,000.
const (
	previewListAll  = 12  // up to this many, each is listed
	previewListMost = 200 // at most this many, behind "Each item"
)

func (s *importPanel) Render() app.UI {
	return app.Div().Class("import").Aria("busy", s.job != nil || s.saving).Body(
		app.Label().For("import-file").Text("Import annotations"),
		app.Input().Type("file").ID("import-file").Multiple(true).
			Accept(".json,.jsonld,application/json,application/ld+json").
			Aria("describedby", "import-hint").
			OnChange(s.onFile),
		app.P().ID("import-hint").Class("hint").Text("W3C Web Annotations (.jsonld), class packs (.annotator.json), Hypothesis or Recogito files; choose or drop one file or a whole class's returns at once. You see what they hold before anything is saved."),
		app.If(s.job != nil, s.renderProgress),
		app.If(s.importErr != "", func() app.UI {
			return app.Div().Class("problem").Role("alert").Body(
				app.P().Text(s.importErr),
				app.If(len(s.unread) > 0, s.renderUnread),
			)
		}),
		app.If(s.preview != nil, s.renderPreview),
		app.If(s.result != "", s.renderResult),
	)
}

// renderProgress is the reading's progress bar, named by what is read,
// with its Cancel. The status line is a live region: screen readers say
// that reading began; the bar's value is there for those who look for it.
func (s *importPanel) renderProgress() app.UI {
	pct := int(s.progress*100 + 0.5)
	return app.Div().ID("import-progress-area").Class("import-progress").Body(
		app.P().ID("import-progress-label").Role("status").Text(s.reading+"…"),
		app.Div().Class("row").Body(
			app.Progress().ID("import-progress").Max(100).Value(pct).
				Aria("labelledby", "import-progress-label").
				Text(fmt.Sprintf("%d%%", pct)),
			app.Span().Class("hint").Aria("hidden", true).Text(fmt.Sprintf("%d%%", pct)),
			app.If(!s.saving, func() app.UI {
				return app.Button().Type("button").ID("import-cancel").Class("quiet").Text("Cancel import").OnClick(s.cancelReading)
			}),
		),
	)
}

func (s *importPanel) renderPreview() app.UI {
	p := s.preview
	set := s.set
	format := string(set.Format)
	if format == "" {
		format = "annotations"
	}
	origin := format + " from " + s.importName
	if s.importName == share.LinkImportSource {
		origin = "Annotations from a share link"
	}
	return app.Section().ID("import-preview").Class("import-preview card").TabIndex(-1).
		Aria("labelledby", "import-preview-heading").Body(
		app.H3().ID("import-preview-heading").Text("Import preview"),
		app.P().Text(origin+". Nothing is saved until you press Import."),
		app.If(set.Pack != nil || len(set.Packs) > 1, func() app.UI { return renderPackSummary(set) }),
		app.Ul().Class("preview-counts").Aria("label", "What the import will do").Body(
			app.Li().Text(fmt.Sprintf("%d new", p.New)),
			app.Li().Text(fmt.Sprintf("%d updated", p.Updated)),
			app.Li().Text(fmt.Sprintf("%d unchanged (already here)", p.Unchanged)),
			app.Li().Text(fmt.Sprintf("%d rejected", len(p.Rejected))),
			app.If(len(p.ItemWarnings) > 0, func() app.UI {
				return app.Li().Text(fmt.Sprintf("%d kept with a warning", warnedItems(p.ItemWarnings)))
			}),
			app.If(s.attachable > 0, func() app.UI {
				if set.Attach {
					return app.Li().Text(fmt.Sprintf("%d attached to this article", s.attachable))
				}
				return app.Li().Text(fmt.Sprintf("%d naming no article, left out", s.attachable))
			}),
		),
		app.If(s.attachable > 0, s.renderAttach),
		app.If(len(p.NewArticles) > 0, func() app.UI {
			return app.Div().Body(
				app.P().Text("Articles added to your library:"),
				app.Ul().Aria("label", "Articles added").Body(
					app.Range(p.NewArticles).Slice(func(i int) app.UI { return app.Li().Text(p.NewArticles[i].Title) }),
				),
			)
		}),
		app.If(len(p.Decisions) > 0, func() app.UI { return renderDecisions(p.Decisions) }),
		app.If(len(p.ItemWarnings) > 0, func() app.UI { return renderItemWarnings(*p) }),
		app.If(len(p.Rejected) > 0, func() app.UI { return renderRejected(p.Rejected) }),
		app.If(len(s.unread) > 0, s.renderUnread),
		app.If(len(p.Warnings) > 0, func() app.UI {
			return app.Ul().Class("warnings").Aria("label", "Warnings about the file").Body(
				app.Range(p.Warnings).Slice(func(i int) app.UI { return app.Li().Text(capitalise(p.Warnings[i])) }),
			)
		}),
		app.If(!p.Changes(), func() app.UI {
			return app.P().Class("hint").Text("Nothing new: importing this would change nothing.")
		}),
		app.Div().Class("row").Body(
			app.If(p.Changes(), func() app.UI {
				return app.Button().Type("button").ID("import-confirm").Text("Import").
					Disabled(s.saving).OnClick(s.apply)
			}),
			app.Button().Type("button").Class("quiet").Text("Cancel").Disabled(s.saving).OnClick(s.cancelImport),
		),
	)
}

// renderPackSummary names who made the class pack or packs of the import,
// with the instructions.
func renderPackSummary(set *share.ImportSet) app.UI {
	switch {
	case len(set.Packs) > 1:
		return app.Div().Body(
			app.P().Text(packsLine(set.Packs)),
			app.If(set.Pack != nil && set.Pack.Instructions != "", func() app.UI {
				return app.Div().Body(
					app.P().Class("hint").Text("Instructions:"),
					app.Blockquote().Class("note-preview").Text(set.Pack.Instructions),
				)
			}),
		)
	default:
		pk := set.Pack
		who := "Class pack"
		if pk.Creator != "" {
			role := pk.Role
			if role == "" {
				role = share.RoleTeacher
			}
			who += " by " + pk.Creator + " (" + role + ")"
		}
		return app.Div().Body(
			app.P().Text(who+" on “"+pk.Article.Title+"”."),
			app.If(pk.Instructions != "", func() app.UI {
				return app.Div().Body(
					app.P().Class("hint").Text("Instructions:"),
					app.Blockquote().Class("note-preview").Text(pk.Instructions),
				)
			}),
		)
	}
}

// renderAttach offers to attach the annotations that name no article (as
// RecogitoJS writes them) to this page's article.
func (s *importPanel) renderAttach() app.UI {
	title := "this article"
	if a, ok := ws.Article(s.ArticleID); ok {
		title = "“" + a.Title + "”"
	}
	n := s.attachable
	state := fmt.Sprintf("%s in the file do not say which article they are on: they are left out unless you attach them to %s.", plural(n, "annotation", "annotations"), title)
	if n == 1 {
		state = fmt.Sprintf("1 annotation in the file does not say which article it is on: it is left out unless you attach it to %s.", title)
	}
	if s.set.Attach {
		state = fmt.Sprintf("%s that named no article will be attached to %s: each is shown where its quote is found, or listed as orphaned.", plural(n, "annotation", "annotations"), title)
	}
	return app.Div().Class("import-attach").Body(
		app.P().ID("import-attach-state").Text(state),
		app.Button().Type("button").ID("import-attach").
			Aria("pressed", s.set.Attach).Aria("describedby", "import-attach-state").
			Disabled(s.saving).
			Text(fmt.Sprintf("Attach %s to this article", plural(n, "annotation", "annotations"))).
			OnClick(s.toggleAttach),
	)
}

// renderDecisions lists, for each annotation that is both here and in the
// file with different content, which copy the import keeps and why.
func renderDecisions(ds []share.Decision) app.UI {
	file, local := 0, 0
	for _, d := range ds {
		if d.Winner == share.FileWins {
			file++
		} else {
			local++
		}
	}
	var parts []string
	if file > 0 {
		parts = append(parts, fmt.Sprintf("%d updated from the file", file))
	}
	if local > 0 {
		parts = append(parts, fmt.Sprintf("%d kept as you have %s", local, map[bool]string{true: "it", false: "them"}[local == 1]))
	}
	shown := ds[:min(len(ds), previewListMost)]
	return app.Div().Class("import-decisions").Body(
		app.P().Text(fmt.Sprintf("%s both here and in the file, with different content: %s.",
			plural(len(ds), "annotation is", "annotations are"), strings.Join(parts, ", "))),
		app.Ul().Aria("label", "Which copy is kept").Body(
			app.Range(shown).Slice(func(i int) app.UI {
				d := shown[i]
				who := "Updated from the file"
				if d.Winner == share.LocalWins {
					who = "Kept yours"
				}
				return app.Li().Body(
					app.Strong().Text(who+": "),
					app.Text("“"+d.Quote+"”"+itemRef(d.File, d.Item)+", since "+d.Reason+"."),
				)
			}),
		),
		app.If(len(ds) > len(shown), func() app.UI {
			return app.P().Class("hint").Text(fmt.Sprintf("…and %d more.", len(ds)-len(shown)))
		}),
	)
}

// itemRef names an item of a file, as " (item 3)" or " (b.json, item 3)".
func itemRef(file string, item int) string {
	if file != "" {
		return fmt.Sprintf(" (%s, item %d)", file, item+1)
	}
	return fmt.Sprintf(" (item %d)", item+1)
}

// warnedItems counts the items with at least one warning.
func warnedItems(warnings []share.ItemWarning) int {
	type key struct {
		file string
		item int
	}
	seen := map[key]bool{}
	for _, w := range warnings {
		seen[key{w.File, w.Item}] = true
	}
	return len(seen)
}

// renderItemWarnings says what items carried that was not kept, or was
// kept in another form: each item's, or for a long file each message with
// how many items it concerns, and the items behind a disclosure.
func renderItemWarnings(p share.Preview) app.UI {
	lines := make([]string, 0, min(len(p.ItemWarnings), previewListMost))
	for _, w := range p.ItemWarnings[:min(len(p.ItemWarnings), previewListMost)] {
		lines = append(lines, capitalise(w.String()))
	}
	var groups []string
	if len(p.ItemWarnings) > previewListAll {
		for _, c := range p.WarningCounts() {
			groups = append(groups, capitalise(c.Message)+" ("+plural(c.Items, "item", "items")+")")
		}
	}
	return renderGroupedList("import-warnings", "Kept in another form, or left out of an item:", "Warnings about items",
		len(p.ItemWarnings), groups, lines)
}

// renderRejected lists the items refused, with the reason.
func renderRejected(rs []share.Rejection) app.UI {
	lines := make([]string, 0, min(len(rs), previewListMost))
	for _, r := range rs[:min(len(rs), previewListMost)] {
		lines = append(lines, capitalise(r.String()))
	}
	var groups []string
	if len(rs) > previewListAll {
		counts := map[string]int{}
		var order []string
		for _, r := range rs {
			if counts[r.Reason] == 0 {
				order = append(order, r.Reason)
			}
			counts[r.Reason]++
		}
		for _, m := range order[:min(len(order), previewListMost)] {
			groups = append(groups, capitalise(m)+" ("+plural(counts[m], "item", "items")+")")
		}
		if len(order) > previewListMost {
			groups = append(groups, fmt.Sprintf("…and %d other reasons", len(order)-previewListMost))
		}
	}
	return renderGroupedList("import-rejected", "Rejected, with the reason:", "Rejected items", len(rs), groups, lines)
}

// renderGroupedList is a list of up to previewListAll lines, or, for more,
// the groups (a message and its count) with the first lines behind a
// disclosure, and how many are not shown.
func renderGroupedList(class, intro, label string, total int, groups, lines []string) app.UI {
	list := func(label string, items []string) app.UI {
		return app.Ul().Aria("label", label).Body(
			app.Range(items).Slice(func(i int) app.UI { return app.Li().Text(items[i]) }),
		)
	}
	if len(groups) == 0 {
		return app.Div().Class(class).Body(app.P().Text(intro), list(label, lines))
	}
	return app.Div().Class(class).Body(
		app.P().Text(intro),
		list(label, groups),
		app.Details().Body(
			app.Summary().Text(fmt.Sprintf("Each item (%d)", total)),
			list(label+", each", lines),
			app.If(total > len(lines), func() app.UI {
				return app.P().Class("hint").Text(fmt.Sprintf("…and %d more.", total-len(lines)))
			}),
		),
	)
}

// renderUnread lists the files of an import that could not be read.
func (s *importPanel) renderUnread() app.UI {
	return app.Div().Body(
		app.P().Text("Not imported, with the reason:"),
		app.Ul().Class("rejected").Aria("label", "Files not imported").Body(
			app.Range(s.unread).Slice(func(i int) app.UI { return app.Li().Text(s.unread[i]) }),
		),
	)
}

func (s *importPanel) renderResult() app.UI {
	return app.Div().Class("import-result").Body(
		app.P().Text(s.result),
		app.If(len(s.added) > 0, func() app.UI {
			return app.Ul().Aria("label", "Added articles").Body(
				app.Range(s.added).Slice(func(i int) app.UI {
					a := s.added[i]
					return app.Li().Body(app.A().Href("/read/" + a.ID).Text("Open “" + a.Title + "”"))
				}),
			)
		}),
	)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
