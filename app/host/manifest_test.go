//go:build !wasm

package host

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

type manifest struct {
	Name        string `json:"name"`
	StartURL    string `json:"start_url"`
	Icons       []any  `json:"icons"`
	ShareTarget struct {
		Action string            `json:"action"`
		Method string            `json:"method"`
		Params map[string]string `json:"params"`
	} `json:"share_target"`
}

func checkManifest(t *testing.T, what string, body []byte) {
	t.Helper()
	var m manifest
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("%s: %v\n%s", what, err, body)
	}
	if m.Name != "Annotator" || m.StartURL == "" || len(m.Icons) == 0 {
		t.Errorf("%s lost go-app's fields: %s", what, body)
	}
	st := m.ShareTarget
	want := map[string]string{"title": "title", "text": "text", "url": "url"}
	if st.Action != SharePath || st.Method != "GET" || !reflect.DeepEqual(st.Params, want) {
		t.Errorf("%s: share_target %+v", what, st)
	}
}

// The web app manifest makes the installed app a share target (GET, with
// title, text and url), on the host and on the static site; the share
// target's page is the app's.
func TestManifestShareTarget(t *testing.T) {
	fx := newFixture(t)
	for _, p := range []string{"/manifest.webmanifest", "/manifest.json"} {
		res, body := fx.get(t, p)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/manifest+json") {
			t.Fatalf("%s: %d %s", p, res.StatusCode, res.Header.Get("Content-Type"))
		}
		checkManifest(t, p, body)
	}
	res, body := fx.get(t, "/share?title=A&text=B&url=https%3A%2F%2Fexample.org%2F")
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "app.js") {
		t.Fatalf("/share: %d", res.StatusCode)
	}

	dir := filepath.Join(t.TempDir(), "site")
	if _, err := fx.host.WriteStatic(dir); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "manifest.webmanifest"))
	if err != nil {
		t.Fatal(err)
	}
	checkManifest(t, "the static site's manifest", data)
	if page, err := os.ReadFile(filepath.Join(dir, "share", "index.html")); err != nil || !strings.Contains(string(page), "app.js") {
		t.Errorf("the static site's share page: %v", err)
	}
}

// The service worker never keeps what was shared (it is in the address
// of /share) in its cache.
func TestServiceWorkerKeepsNoShare(t *testing.T) {
	i := strings.Index(serviceWorkerJS, "!isShare(request)")
	j := strings.Index(serviceWorkerJS, "cache.put(request, response.clone());")
	if i < 0 || j < 0 || i > j {
		t.Fatal("networkFirst caches the share target's page")
	}
}
