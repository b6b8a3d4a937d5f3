package annotation

import (
	"encoding/json"
	"testing"
)

// An article with 1,000 annotations is validated on load and exported whole;
// these measure one annotation's share.

func BenchmarkValidate(b *testing.B) {
	a := claimFixture()
	for b.Loop() {
		if err := a.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkW3CEncode(b *testing.B) {
	a := claimFixture()
	for b.Loop() {
		if _, err := json.Marshal(ToW3C(a, testSource)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkW3CDecode(b *testing.B) {
	data, err := json.Marshal(ToW3C(claimFixture(), testSource))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		w, err := DecodeW3C(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := FromW3C(w); err != nil {
			b.Fatal(err)
		}
	}
}
