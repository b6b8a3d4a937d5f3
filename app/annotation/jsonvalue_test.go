package annotation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParseJSON checks ParseJSON against encoding/json: the same value for
// every input json.Unmarshal takes, and an error for every input it refuses.
func FuzzParseJSON(f *testing.F) {
	for _, g := range goldens {
		if data, err := os.ReadFile(filepath.Join("testdata", g.file)); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{`{}`, `[]`, `""`, `"\ud83d\ude00 \ud800 x \udc00\u0041"`, "\"\xff\xfe a\"", `[1e999]`, `-0.5e-3`, `[01]`,
		`{"a":1,"a":2}`, `"\/\b\f\n\r\t"`, `  [true, false, null]  `, `{"a" 1}`, `[1,]`, `"\x"`, "\"a\tb\"", `1.`, `-`, `[`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ParseJSON(data)
		var want any
		werr := json.Unmarshal(data, &want)
		if (err != nil) != (werr != nil) {
			t.Fatalf("ParseJSON error %v, encoding/json error %v, for %q", err, werr, data)
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("ParseJSON gave %#v, encoding/json %#v, for %q", got, want, data)
		}
	})
}
