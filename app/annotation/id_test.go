package annotation

import (
	"strings"
	"testing"
)

func TestNewID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := NewID()
		if !IsID(id) {
			t.Fatalf("NewID() = %q, not a lowercase urn:uuid", id)
		}
		if id[len("urn:uuid:")+14] != '4' || !strings.ContainsRune("89ab", rune(id[len("urn:uuid:")+19])) {
			t.Fatalf("NewID() = %q, not a version 4 variant 1 UUID", id)
		}
		if seen[id] {
			t.Fatalf("NewID() repeated %q", id)
		}
		seen[id] = true
	}
}

func TestIDForForeign(t *testing.T) {
	// Expected value from Python's uuid.uuid5(uuid.NAMESPACE_URL, …).
	a, b := idFor("http://example.org/anno/1"), idFor("http://example.org/anno/1")
	if want := "urn:uuid:97ff7015-cf25-58e9-adb4-f9037d81ecf6"; a != want || b != want {
		t.Errorf("idFor = %q, %q; want %q", a, b, want)
	}
	if idFor("http://example.org/anno/2") == a {
		t.Error("different ids map to the same UUID")
	}
	if got := idFor("URN:UUID:0B6C1F9E-3D2A-4C5B-8E7F-1A2B3C4D5E6F"); got != "urn:uuid:0b6c1f9e-3d2a-4c5b-8e7f-1a2b3c4d5e6f" {
		t.Errorf("urn:uuid not kept: %q", got)
	}
}

// TestIDsDoNotChange pins the ids that names map to today. They are stored
// in readers' browsers and in exported files: a change here would make an
// imported file, a Hypothesis export or a migrated prototype annotation
// arrive twice. The URL-namespace values agree with Python's
// uuid.uuid5(uuid.NAMESPACE_URL, name); the others are those that the
// schema-1 migration and the Hypothesis import made before the id
// functions were merged into one.
func TestIDsDoNotChange(t *testing.T) {
	for _, tc := range []struct {
		what, got, want string
	}{
		// Foreign W3C ids (FromW3C).
		{"a foreign IRI", idFor("https://example.org/anno/1"), "urn:uuid:202d997b-0f00-59eb-b8c1-820e35e3a1c7"},
		{"a foreign IRI with letters beyond ASCII", idFor("ünïcode"), "urn:uuid:a1461847-ff8f-51b5-a530-79217721296c"},
		{"a one-letter id", idFor("x"), "urn:uuid:4cd605e7-afa2-5360-b5b9-c5e9fb5c76f4"},
		{"a urn:uuid in capitals", idFor("urn:uuid:6BA7B811-9DAD-11D1-80B4-00C04FD430C8"), "urn:uuid:6ba7b811-9dad-11d1-80b4-00c04fd430c8"},
		// Hypothesis ids (app/share: the annotation's address).
		{"a Hypothesis id", NameID(URLNamespace, "https://hypothes.is/a/Ix7mWd5tEe2Q0x8aXZ5uAQ"), "urn:uuid:f0557e11-86fd-5e9a-a0a5-8d7301b6b052"},
		{"an empty Hypothesis id", NameID(URLNamespace, "https://hypothes.is/a/"), "urn:uuid:c1b24271-8afb-51b9-b110-e3130bb26ed7"},
		{"the same address as a W3C id", idFor("https://hypothes.is/a/Ix7mWd5tEe2Q0x8aXZ5uAQ"), "urn:uuid:f0557e11-86fd-5e9a-a0a5-8d7301b6b052"},
		// Schema-1 prototype ids (app/store: no namespace).
		{"a prototype id", NameID(nil, "annotator-v1:1"), "urn:uuid:73aaa1f0-317b-5890-a4ac-0af54e5b399e"},
		{"another prototype id", NameID(nil, "annotator-v1:abc"), "urn:uuid:5aae83e3-07a6-5dee-b3ff-59f6f65eb280"},
		{"a prototype id beyond ASCII", NameID(nil, "annotator-v1:AnnotatorV1 ünïcode ✓"), "urn:uuid:5fa58adb-d9fe-599e-afad-506f8a7b1201"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %s, want %s", tc.what, tc.got, tc.want)
		}
		if !IsID(tc.got) {
			t.Errorf("%s: %s is not an id", tc.what, tc.got)
		}
	}
}

// NameID does not keep or change the namespace it is given.
func TestNameIDLeavesNamespace(t *testing.T) {
	ns := append(make([]byte, 0, 32), URLNamespace...) // room to append in place
	a := NameID(ns, "a")
	b := NameID(ns, "b")
	if a == b || string(ns) != string(URLNamespace) || a != NameID(URLNamespace, "a") {
		t.Errorf("NameID changed with its namespace's spare room: %s %s", a, b)
	}
}
