//go:build !wasm

package host

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// goAppScript is go-app's own app.js, as this go-app version writes it.
func goAppScript(t *testing.T, h *Host) string {
	t.Helper()
	rec := goAppJS(h, httptest.NewRequest(http.MethodGet, "/app.js", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("go-app's app.js: %d", rec.Code)
	}
	return rec.Body.String()
}

func TestAppJSPatched(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(f.host)
	defer srv.Close()
	res, err := http.Get(srv.URL + "/app.js")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	s := string(body)
	if res.StatusCode != http.StatusOK || !strings.Contains(s, `annotatorFetchWasm("/web/app.wasm"`) || strings.Contains(s, `fetchWithProgress("/web/app.wasm"`) ||
		!strings.Contains(s, "\nannotatorRegisterWorker();\n") || !strings.Contains(s, "function annotatorRegisterWorker()") ||
		!strings.Contains(s, "function annotatorUnpack(s)") {
		t.Errorf("app.js is not patched (%d):\n%s", res.StatusCode, s)
	}
	if cl := res.Header.Get("Content-Length"); cl != strconv.Itoa(len(body)) {
		t.Errorf("Content-Length %s for %d bytes", res.Header.Get("Content-Length"), len(body))
	}
}

// A go-app whose app.js no longer has the shape the patch expects (a new
// version) is refused with a message that says where to look, rather than
// served unpatched.
func TestAppJSShapeChecked(t *testing.T) {
	f := newFixture(t)
	script := goAppScript(t, f.host)
	for _, c := range []struct {
		name, script, want string
	}{
		{"download renamed", strings.Replace(script, `fetchWithProgress("`, `fetchWithProgressV2("`, 1), `0 calls "fetchWithProgress(\""`},
		{"registration gone", strings.Replace(script, "goappInitServiceWorker();\n", "", 1), `0 calls "goappInitServiceWorker();"`},
		{"start renamed", strings.Replace(script, "go.run(wasm.instance);", "go.start(wasm.instance);", 1), `0 calls "go.run(wasm.instance);"`},
		{"registered twice", strings.Replace(script, "goappInitServiceWorker();\n", "goappInitServiceWorker();\ngoappInitServiceWorker();\n", 1), `2 calls "goappInitServiceWorker();"`},
	} {
		if _, err := patchAppJS([]byte(c.script)); err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "app/host/appjs.go") {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	if _, err := patchAppJS([]byte(script)); err != nil {
		t.Errorf("this go-app's app.js: %v", err)
	}
}

func TestHostRefusesUnpatchableAppJS(t *testing.T) {
	f := newFixture(t)
	orig := goAppJS
	t.Cleanup(func() { goAppJS = orig })
	goAppJS = func(h *Host, r *http.Request) *httptest.ResponseRecorder {
		rec := orig(h, r)
		changed := httptest.NewRecorder()
		changed.WriteString(strings.Replace(rec.Body.String(), `fetchWithProgress("`, `loadWasm("`, 1))
		return changed
	}
	_, err := New(Config{Library: f.lib, WebDir: f.web})
	if err == nil || !strings.Contains(err.Error(), "go-app's app.js") || !strings.Contains(err.Error(), "app/host/appjs.go") {
		t.Errorf("New with an app.js of another shape: %v", err)
	}
}
