package annotation

import "time"

// The dates an annotation may carry (Created, Modified): from 1970 through
// the year 8999. A date outside them is a mistake or an attack: Go's JSON
// encoding of a time fails after the year 9999, so a date in its last
// millisecond that a later edit moved on by one could no longer be saved.
// Far below that bound, adding to a valid date never overflows.
var (
	MinTime = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	MaxTime = time.Date(9000, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Millisecond)
)

// ValidTime reports whether t is a date an annotation may carry: the zero
// time (no date) or one from MinTime to MaxTime.
func ValidTime(t time.Time) bool {
	return t.IsZero() || !t.Before(MinTime) && !t.After(MaxTime)
}

// ClampTime returns t moved into MinTime…MaxTime; the zero time stays zero.
// Stored annotations are clamped as they load, so that one saved with an
// impossible date still loads, and can be edited and deleted.
func ClampTime(t time.Time) time.Time {
	switch {
	case t.IsZero():
		return t
	case t.Before(MinTime):
		return MinTime
	case t.After(MaxTime):
		return MaxTime
	}
	return t
}

// ClampTimes clamps a's Created and Modified (ClampTime).
func (a *Annotation) ClampTimes() {
	a.Created = ClampTime(a.Created)
	a.Modified = ClampTime(a.Modified)
}
