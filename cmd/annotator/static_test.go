//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/host"
	"github.com/annotator/annotator/app/ui"
)

func TestWriteStatic(t *testing.T) {
	articles := t.TempDir()
	if err := os.WriteFile(filepath.Join(articles, "first-story.txt"), []byte("The first story\nPublished: 2024-01-02\n\nIts only paragraph says hello.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	web := t.TempDir()
	for name, data := range map[string]string{"app.wasm": "\x00asm fake", "app.css": "body{}", "icon-192.png": "png", "icon-512.png": "png", "icon-maskable.png": "png", "icon.svg": "<svg/>"} {
		if err := os.WriteFile(filepath.Join(web, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := host.Precompress(filepath.Join(web, "app.wasm")); err != nil {
		t.Fatal(err)
	}
	lib, err := host.OpenLibrary(articles, nil)
	if err != nil {
		t.Fatal(err)
	}
	ui.Register(lib)
	h, err := host.New(host.Config{Library: lib, WebDir: web})
	if err != nil {
		t.Fatal(err)
	}

	dist := filepath.Join(t.TempDir(), "dist")
	rep, err := h.WriteStatic(dist)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 1 || rep.Version == "" {
		t.Errorf("report %+v", rep)
	}
	read := func(name string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			t.Fatalf("the static site lacks %s", name)
		}
		return string(data)
	}
	if s := read("index.html"); !strings.Contains(s, "The first story") {
		t.Errorf("index.html does not list the article")
	}
	if s := read("read/first-story/index.html"); !strings.Contains(s, "Its only paragraph says hello.") {
		t.Errorf("the article page is not prerendered with its text")
	}
	if s := read("404.html"); !strings.Contains(s, "app.js") {
		t.Errorf("404.html is not the app page")
	}
	if s := read("api/articles/first-story.json"); !strings.Contains(s, "Its only paragraph") {
		t.Errorf("the article's data is missing")
	}
	worker := read("app-worker.js")
	for _, want := range []string{`"/read/first-story/"`, `"/api/articles/first-story.json"`, `"/web/app.wasm"`, rep.Version} {
		if !strings.Contains(worker, want) {
			t.Errorf("app-worker.js does not cache %s", want)
		}
	}
	if s := read("app.js"); !strings.Contains(s, `annotatorFetchWasm("/web/app.wasm"`) || strings.Contains(s, `fetchWithProgress("/web/app.wasm"`) {
		t.Errorf("app.js does not read app.wasm through annotatorFetchWasm (go-app's app.js changed shape?)")
	}
	if s := read("app.js"); !strings.Contains(s, "\nannotatorRegisterWorker();\n") || strings.Contains(s, "\ngoappInitServiceWorker();\n") {
		t.Errorf("app.js registers the service worker at once, not once the app is live (go-app's app.js changed shape?)")
	}
	for _, name := range []string{"api/library.json", "app.js", "wasm_exec.js", "app.css", "manifest.webmanifest", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/icon.svg", "_headers"} {
		read(name)
	}
	if s := read("_headers"); !strings.Contains(s, "Content-Security-Policy: default-src 'self'") {
		t.Errorf("_headers lacks the CSP:\n%s", s)
	}

	// A second build replaces the first; a folder of other things is refused.
	if _, err := h.WriteStatic(dist); err != nil {
		t.Errorf("rebuilding into the previous build: %v", err)
	}
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o644)
	if _, err := h.WriteStatic(other); err == nil {
		t.Errorf("WriteStatic wrote into a folder that is not a previous build")
	}
	if _, err := os.Stat(filepath.Join(other, "notes.txt")); err != nil {
		t.Errorf("WriteStatic removed a file it did not write")
	}
}
