package share

import (
	"fmt"

	"github.com/annotator/annotator/app/article"
)

// MaxImportFiles is how many files one import takes at once: a class's
// returned packs, say.
const MaxImportFiles = 100

// MaxImportTotalBytes is how much one import of several files may hold in
// all (each file is also at most MaxImportBytes). A class's packs are tens
// of kilobytes each.
const MaxImportTotalBytes = 50 << 20

// Merge joins the imports of several files into one set, previewed and
// written as one: a teacher takes in every student's returned pack in a
// single step. Rejections and warnings name their file. An article that
// several files bring is added once; if two files bring different texts
// under one id, the first is kept and a warning says so. The set keeps the
// first class pack with instructions (students' returns all carry the
// teacher's); Packs lists every file's pack, for the preview. The order of
// sets is kept, so that the result does not depend on the order in which
// the browser finished reading the files.
func Merge(sets []*ImportSet) *ImportSet {
	if len(sets) == 1 {
		return sets[0]
	}
	out := mergeHead(sets)
	for _, set := range sets {
		out.Annotations = appendFrom(out.Annotations, set, 0, len(set.Annotations))
	}
	return out
}

// mergeHead is Merge without the annotations: everything but them, and
// room for them all in out.Annotations (one allocation: three files of
// 20,000 appended one by one copied the growing list some 30 times).
// appendFrom then copies them in, a slice at a time if need be.
func mergeHead(sets []*ImportSet) *ImportSet {
	out := &ImportSet{Filename: fmt.Sprintf("%d files", len(sets)), Here: sets[0].Here, Attach: sets[0].Attach}
	total := 0
	for _, set := range sets {
		total += len(set.Annotations)
	}
	out.Annotations = make([]Incoming, 0, total)
	articles := map[string]*article.Article{}
	for i, set := range sets {
		if i == 0 {
			out.Format = set.Format
		} else if set.Format != out.Format {
			out.Format = ""
		}
		for _, r := range set.Rejected {
			r.File = displayName(set.Filename)
			out.Rejected = append(out.Rejected, r)
		}
		for _, w := range set.Warnings {
			out.Warnings = append(out.Warnings, displayName(set.Filename)+": "+w)
		}
		for _, a := range set.NewArticles {
			first, ok := articles[a.ID]
			switch {
			case !ok:
				articles[a.ID] = a
				out.NewArticles = append(out.NewArticles, a)
			case first.Hash != a.Hash:
				out.Warnings = append(out.Warnings, fmt.Sprintf("%s: brings another text of “%s”; the text from an earlier file is kept, and this file's annotations are anchored to it", displayName(set.Filename), a.Title))
			}
		}
		if set.Pack != nil {
			out.Packs = append(out.Packs, set.Pack)
			if out.Pack == nil || (out.Pack.Instructions == "" && set.Pack.Instructions != "") {
				out.Pack = set.Pack
			}
		}
	}
	return out
}

// appendFrom appends set's annotations [from, to) to list, each naming its
// file.
func appendFrom(list []Incoming, set *ImportSet, from, to int) []Incoming {
	name := displayName(set.Filename)
	for _, in := range set.Annotations[from:to] {
		in.File = name
		list = append(list, in)
	}
	return list
}
