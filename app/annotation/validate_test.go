package annotation

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestValidate(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) }
	tests := []struct {
		name   string
		edit   func(a *Annotation)
		field  string // "" means valid
		kind   error
		fixure func() Annotation
	}{
		{name: "highlight fixture", edit: func(a *Annotation) {}},
		{name: "note fixture", fixure: noteFixture, edit: func(a *Annotation) {}},
		{name: "claim fixture", fixure: claimFixture, edit: func(a *Annotation) {}},
		{name: "local article id", edit: func(a *Annotation) { a.Article = "local-3f2a-notes" }},
		{name: "no label", edit: func(a *Annotation) { a.Label = "" }},
		{name: "no hash", edit: func(a *Annotation) { a.ArticleHash = "" }},
		{name: "empty selector types", edit: func(a *Annotation) { a.Quote.Type, a.Position.Type = "", "" }},
		{name: "empty note on a note", edit: func(a *Annotation) { a.Kind = KindNote }},
		{name: "limits exactly", edit: func(a *Annotation) {
			a.Quote.Exact, a.Note = long(MaxExactLen), long(MaxNoteLen)
			a.Position.End = a.Position.Start + MaxExactLen
			a.Tags = make([]string, MaxTags)
			for i := range a.Tags {
				a.Tags[i] = strings.Repeat("t", MaxTagLen-3) + string(rune('a'+i%26)) + string(rune('a'+i/26)) + "x"
			}
		}},
		{name: "empty verdict is unverified", fixure: claimFixture, edit: func(a *Annotation) { a.Claim.Verdict = "" }},

		{name: "no dates", edit: func(a *Annotation) { a.Created, a.Modified = time.Time{}, time.Time{} }},
		{name: "dates at the bounds", edit: func(a *Annotation) { a.Created, a.Modified = MinTime, MaxTime }},
		{name: "modified in year 9999", edit: func(a *Annotation) { a.Modified = time.Date(9999, 12, 31, 23, 59, 59, 999e6, time.UTC) }, field: "modified", kind: ErrMalformed},
		{name: "modified in year 9000", edit: func(a *Annotation) { a.Modified = MaxTime.Add(time.Millisecond) }, field: "modified", kind: ErrMalformed},
		{name: "created before 1970", edit: func(a *Annotation) { a.Created = MinTime.Add(-time.Millisecond) }, field: "created", kind: ErrMalformed},
		{name: "created in year 0", edit: func(a *Annotation) { a.Created = time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC) }, field: "created", kind: ErrMalformed},
		{name: "missing id", edit: func(a *Annotation) { a.ID = "" }, field: "id", kind: ErrMissing},
		{name: "uuid without urn", edit: func(a *Annotation) { a.ID = a.ID[len("urn:uuid:"):] }, field: "id", kind: ErrMalformed},
		{name: "uppercase uuid", edit: func(a *Annotation) { a.ID = strings.ToUpper(a.ID) }, field: "id", kind: ErrMalformed},
		{name: "article with capitals", edit: func(a *Annotation) { a.Article = "Seed" }, field: "article", kind: ErrMalformed},
		{name: "article path", edit: func(a *Annotation) { a.Article = "../etc" }, field: "article", kind: ErrMalformed},
		{name: "no article", edit: func(a *Annotation) { a.Article = "" }, field: "article", kind: ErrMissing},
		{name: "bad hash", edit: func(a *Annotation) { a.ArticleHash = "md5:abc" }, field: "articleHash", kind: ErrMalformed},
		{name: "empty exact", edit: func(a *Annotation) { a.Quote.Exact = "" }, field: "quote.exact", kind: ErrMissing},
		{name: "exact too long", edit: func(a *Annotation) { a.Quote.Exact = long(MaxExactLen + 1) }, field: "quote.exact", kind: ErrTooLong},
		{name: "invalid utf-8", edit: func(a *Annotation) { a.Quote.Exact = "a\xffb" }, field: "quote.exact", kind: ErrMalformed},
		{name: "prefix too long", edit: func(a *Annotation) { a.Quote.Prefix = long(MaxContextLen + 1) }, field: "quote.prefix", kind: ErrTooLong},
		{name: "wrong quote type", edit: func(a *Annotation) { a.Quote.Type = "RangeSelector" }, field: "quote.type", kind: ErrMalformed},
		{name: "start = end", edit: func(a *Annotation) { a.Position.End = a.Position.Start }, field: "position", kind: ErrMalformed},
		{name: "start > end", edit: func(a *Annotation) { a.Position.Start = a.Position.End + 1 }, field: "position", kind: ErrMalformed},
		{name: "negative start", edit: func(a *Annotation) { a.Position.Start = -1 }, field: "position", kind: ErrMalformed},
		{name: "no kind", edit: func(a *Annotation) { a.Kind = "" }, field: "kind", kind: ErrMissing},
		{name: "unknown kind", edit: func(a *Annotation) { a.Kind = "bookmark" }, field: "kind", kind: ErrUnknown},
		{name: "unknown label", edit: func(a *Annotation) { a.Label = "important" }, field: "label", kind: ErrUnknown},
		{name: "note too long", edit: func(a *Annotation) { a.Note = long(MaxNoteLen + 1) }, field: "note", kind: ErrTooLong},
		{name: "too many tags", edit: func(a *Annotation) { a.Tags = make([]string, MaxTags+1); fill(a.Tags) }, field: "tags", kind: ErrTooLong},
		{name: "tag too long", edit: func(a *Annotation) { a.Tags = []string{"ok", long(MaxTagLen + 1)} }, field: "tags[1]", kind: ErrTooLong},
		{name: "empty tag", edit: func(a *Annotation) { a.Tags = []string{" "} }, field: "tags[0]", kind: ErrMissing},
		{name: "creator too long", edit: func(a *Annotation) { a.Creator = long(MaxCreatorLen + 1) }, field: "creator", kind: ErrTooLong},
		{name: "claim without kind claim", edit: func(a *Annotation) { a.Claim = &Claim{} }, field: "claim", kind: ErrMalformed},
		{name: "kind claim without claim", fixure: claimFixture, edit: func(a *Annotation) { a.Claim = nil }, field: "claim", kind: ErrMissing},
		{name: "unknown verdict", fixure: claimFixture, edit: func(a *Annotation) { a.Claim.Verdict = "true" }, field: "claim.verdict", kind: ErrUnknown},
		{name: "unknown claim type", fixure: claimFixture, edit: func(a *Annotation) { a.Claim.Type = "rumour" }, field: "claim.type", kind: ErrUnknown},
		{name: "speaker too long", fixure: claimFixture, edit: func(a *Annotation) { a.Claim.Speaker = long(MaxSpeakerLen + 1) }, field: "claim.speaker", kind: ErrTooLong},
		{name: "rationale too long", fixure: claimFixture, edit: func(a *Annotation) { a.Claim.Rationale = long(MaxRationaleLen + 1) }, field: "claim.rationale", kind: ErrTooLong},
		{name: "too much evidence", fixure: claimFixture, edit: func(a *Annotation) {
			a.Claim.Evidence = make([]Evidence, MaxEvidence+1)
			for i := range a.Claim.Evidence {
				a.Claim.Evidence[i].URL = "https://example.org/"
			}
		}, field: "claim.evidence", kind: ErrTooLong},
		{name: "javascript evidence", fixure: claimFixture, edit: func(a *Annotation) { a.Claim.Evidence[1].URL = "javascript:alert(1)" }, field: "claim.evidence[1].url", kind: ErrMalformed},
		{name: "evidence title too long", fixure: claimFixture, edit: func(a *Annotation) { a.Claim.Evidence[0].Title = long(MaxEvidenceTitleLen + 1) }, field: "claim.evidence[0].title", kind: ErrTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mk := tt.fixure
			if mk == nil {
				mk = highlightFixture
			}
			a := mk()
			tt.edit(&a)
			err := a.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("want an *Error on %s, got %v", tt.field, err)
			}
			if e.Field != tt.field || !errors.Is(err, tt.kind) {
				t.Errorf("got %v (field %q), want field %q kind %v", err, e.Field, tt.field, tt.kind)
			}
			if e.Msg == "" {
				t.Error("empty message")
			}
		})
	}
}

func fill(tags []string) {
	for i := range tags {
		tags[i] = "tag" + itoa(i)
	}
}

func TestFieldErrorsCollectsAll(t *testing.T) {
	a := highlightFixture()
	a.ID, a.Label, a.Note = "x", "nope", strings.Repeat("n", MaxNoteLen+1)
	var fields []string
	for _, e := range FieldErrors(a.Validate()) {
		fields = append(fields, e.Field)
	}
	if want := []string{"id", "label", "note"}; !reflect.DeepEqual(fields, want) {
		t.Errorf("fields = %v, want %v", fields, want)
	}
	if FieldErrors(nil) != nil {
		t.Error("FieldErrors(nil) != nil")
	}
}

func TestNormalizeTags(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{nil, nil},
		{[]string{"", "  ", "\t"}, nil},
		{[]string{"  climate   change ", "Climate Change", "CLIMATE\tCHANGE"}, []string{"climate change"}},
		{[]string{"Économie", "économie", "b", "a"}, []string{"Économie", "b", "a"}},
		{[]string{"<script>", "<SCRIPT>"}, []string{"<script>"}},
	}
	for _, tt := range tests {
		if got := NormalizeTags(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("NormalizeTags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClampTime(t *testing.T) {
	y9999 := time.Date(9999, 12, 31, 23, 59, 59, 999e6, time.UTC)
	for _, c := range []struct{ in, want time.Time }{
		{time.Time{}, time.Time{}},
		{y9999, MaxTime},
		{time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), MinTime},
		{time.UnixMilli(1 << 62).UTC(), MaxTime},
		{time.UnixMilli(-1 << 62).UTC(), MinTime},
		{MinTime, MinTime},
		{MaxTime, MaxTime},
		{time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC), time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)},
	} {
		if got := ClampTime(c.in); !got.Equal(c.want) {
			t.Errorf("ClampTime(%v) = %v, want %v", c.in, got, c.want)
		}
		if !ValidTime(ClampTime(c.in)) {
			t.Errorf("ClampTime(%v) is not valid", c.in)
		}
	}
	// A valid date moved on, as an edit does, still encodes.
	a := highlightFixture()
	a.Modified = MaxTime.Add(time.Millisecond)
	if _, err := json.Marshal(a); err != nil {
		t.Errorf("a date just past MaxTime does not encode: %v", err)
	}
}
