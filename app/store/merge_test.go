package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/annotator/annotator/app/annotation"
)

func TestMerge(t *testing.T) {
	later := t0.Add(time.Minute)
	a1, a2, a3 := ann("x", 1, t0), ann("x", 2, t0), ann("x", 3, t0)
	a1edit := withNote(ann("x", 1, later), "edited")
	a1dead := ann("x", 1, later)
	a1dead.Deleted = true
	a1revived := withNote(ann("x", 1, later.Add(time.Minute)), "revived")
	a1tieA, a1tieB := withNote(ann("x", 1, later), "aaa"), withNote(ann("x", 1, later), "bbb")

	tests := []struct {
		name string
		a, b []annotation.Annotation
		want []annotation.Annotation
	}{
		{"both empty", nil, nil, []annotation.Annotation{}},
		{"one side empty", []annotation.Annotation{a2, a1}, nil, []annotation.Annotation{a1, a2}},
		{"disjoint sets are unioned", []annotation.Annotation{a1, a3}, []annotation.Annotation{a2}, []annotation.Annotation{a1, a2, a3}},
		{"newer edit wins", []annotation.Annotation{a1}, []annotation.Annotation{a1edit}, []annotation.Annotation{a1edit}},
		{"older edit loses", []annotation.Annotation{a1edit, a2}, []annotation.Annotation{a1}, []annotation.Annotation{a1edit, a2}},
		{"newer tombstone wins over an edit", []annotation.Annotation{a1}, []annotation.Annotation{a1dead}, []annotation.Annotation{a1dead}},
		{"edit after the delete wins over the tombstone", []annotation.Annotation{a1dead}, []annotation.Annotation{a1revived}, []annotation.Annotation{a1revived}},
		{"equal times: greater JSON wins, whichever side", []annotation.Annotation{a1tieB}, []annotation.Annotation{a1tieA}, []annotation.Annotation{a1tieB}},
		{"duplicates within one side are merged", []annotation.Annotation{a1, a1edit, a1}, nil, []annotation.Annotation{a1edit}},
		{"each side newer for a different annotation",
			[]annotation.Annotation{a1edit, a2},
			[]annotation.Annotation{a1, withNote(ann("x", 2, later), "b edited")},
			[]annotation.Annotation{a1edit, withNote(ann("x", 2, later), "b edited")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, order := range []struct{ x, y []annotation.Annotation }{{tt.a, tt.b}, {tt.b, tt.a}} {
				got := Merge(order.x, order.y)
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("Merge = %v, want %v", summarize(got), summarize(tt.want))
				}
			}
		})
	}
}

func summarize(list []annotation.Annotation) []string {
	var out []string
	for _, a := range list {
		s := a.ID[len(a.ID)-3:] + " " + a.Modified.Format("15:04") + " " + a.Note
		if a.Deleted {
			s += " (deleted)"
		}
		out = append(out, s)
	}
	return out
}

func TestMergeDoesNotModifyInputs(t *testing.T) {
	a := []annotation.Annotation{ann("x", 2, t0), ann("x", 1, t0)}
	b := []annotation.Annotation{ann("x", 1, t0.Add(time.Second))}
	aCopy, bCopy := append([]annotation.Annotation(nil), a...), append([]annotation.Annotation(nil), b...)
	Merge(a, b)
	if !reflect.DeepEqual(a, aCopy) || !reflect.DeepEqual(b, bCopy) {
		t.Fatal("Merge changed its inputs")
	}
}
