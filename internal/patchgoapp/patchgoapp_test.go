package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTreeMatchesPatches fails when third_party/go-app is not go-app's
// release with the patch series applied: a tree edited without
// `make go-app-patches`, or a patch edited without `make go-app`. It needs
// go-app's release in the module cache, and downloads it if need be; if it
// cannot, it fails and says how to get it.
func TestTreeMatchesPatches(t *testing.T) {
	r, err := open()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.check(); err != nil {
		t.Fatal(err)
	}
}

// TestPatchesDocumented: PATCHES.md names every patch file, and every patch
// says what it is for.
func TestPatchesDocumented(t *testing.T) {
	r, err := open()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join(r.root, treeDir, "PATCHES.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.patches {
		if !strings.Contains(string(doc), p.name) {
			t.Errorf("%s/PATCHES.md does not mention %s: say what it buys and how to check it is still needed", treeDir, p.name)
		}
		if strings.Contains(p.header, "say it here") || len(strings.TrimSpace(p.header)) < 80 {
			t.Errorf("%s does not say what it changes and why above its diff", p.name)
		}
	}
}

// fakeRepo is a module folder with a tree and a patch series, whose
// releases are the folders of releases rather than go-app's.
func fakeRepo(t *testing.T, version string, releases map[string]string) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("these tests need git, as the go-app patch series does")
	}
	root := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(root, treeDir), 0o755))
	must(t, os.MkdirAll(filepath.Join(root, patchDir), 0o755))
	write(t, filepath.Join(root, patchDir, versionFile), version+"\n")
	write(t, filepath.Join(root, treeDir, "PATCHES.md"), "ours\n")
	r := &repo{root: root, version: version, download: func(_ *repo, v string) (string, error) {
		dir, ok := releases[v]
		if !ok {
			t.Fatalf("no release %s", v)
		}
		return dir, nil
	}}
	must(t, r.load())
	return r
}

// release writes a release's files into a new folder.
func release(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		write(t, filepath.Join(dir, name), text)
	}
	return dir
}

const lines = "package a\n\n// one\n// two\n// three\n// four\n// five\n// six\n// seven\n// eight\n\nfunc A() {}\n"

// The round trip a developer makes: edit the tree, record the edit as
// patches, rebuild the tree from them; then upgrade the release, cleanly
// and with a conflict.
func TestSeriesRoundTrip(t *testing.T) {
	v1 := release(t, map[string]string{"a.go": lines, "b.go": "package a\n", "docs/site.md": "left out\n", "go.mod": "module a\n"})
	v2 := release(t, map[string]string{"a.go": strings.Replace(lines, "// eight", "// EIGHT", 1), "b.go": "package a\n", "go.mod": "module a\n"})
	v3 := release(t, map[string]string{"a.go": strings.Replace(lines, "func A() {}", "func A() { println() }", 1), "b.go": "package a\n", "go.mod": "module a\n"})
	r := fakeRepo(t, "v1", map[string]string{"v1": v1, "v2": v2, "v3": v3})
	tree := filepath.Join(r.root, treeDir)

	// The release alone: no patch yet; docs/ is left out, PATCHES.md kept.
	must(t, r.apply())
	if _, err := os.Stat(filepath.Join(tree, "docs")); err == nil {
		t.Errorf("docs/ was copied into the tree")
	}
	if read(t, filepath.Join(tree, "PATCHES.md")) != "ours\n" {
		t.Errorf("apply lost PATCHES.md")
	}
	must(t, r.check())

	// An edit no patch owns needs a patch name.
	write(t, filepath.Join(tree, "a.go"), strings.Replace(lines, "func A() {}", "func A() { _ = 1 }", 1))
	write(t, filepath.Join(tree, "a_wasm.go"), "package a\n")
	if err := r.check(); err == nil || !strings.Contains(err.Error(), "a.go differs") || !strings.Contains(err.Error(), "make go-app-patches") {
		t.Errorf("check of an edited tree: %v", err)
	}
	if err := r.diff(""); err == nil || !strings.Contains(err.Error(), "no patch owns") {
		t.Errorf("diff with a file no patch owns: %v", err)
	}
	must(t, r.diff("first"))
	must(t, r.load())
	if len(r.patches) != 1 || r.patches[0].name != "0001-first.patch" || strings.Join(r.patches[0].files, " ") != "a.go a_wasm.go" {
		t.Fatalf("patches after diff -into first: %+v", r.patches)
	}
	must(t, r.check())

	// A description written by hand survives the next diff; a later edit
	// to a file goes to the patch that owns it, another to a new patch.
	p1 := filepath.Join(r.root, patchDir, "0001-first.patch")
	write(t, p1, "first: the reason for it, which a developer wrote.\n\n"+r.patches[0].diff)
	must(t, r.load())
	write(t, filepath.Join(tree, "a_wasm.go"), "package a\n\n// in the browser\n")
	must(t, os.Remove(filepath.Join(tree, "b.go")))
	must(t, r.diff("second"))
	must(t, r.load())
	if len(r.patches) != 2 || r.patches[1].name != "0002-second.patch" || strings.Join(r.patches[1].files, " ") != "b.go" {
		t.Fatalf("patches after the second diff: %+v", r.patches)
	}
	if !strings.HasPrefix(read(t, p1), "first: the reason for it") || !strings.Contains(read(t, p1), "+// in the browser") {
		t.Errorf("0001-first.patch lost its description or the new edit:\n%s", read(t, p1))
	}

	// apply remakes the tree from the series alone.
	must(t, os.RemoveAll(filepath.Join(tree, "a.go")))
	write(t, filepath.Join(tree, "stray.go"), "package a\n")
	must(t, r.apply())
	must(t, r.check())
	if _, err := os.Stat(filepath.Join(tree, "b.go")); err == nil {
		t.Errorf("b.go, deleted by a patch, is back")
	}

	// Upgrade: the patches rebase onto v2 and are made anew.
	r.version = "v2"
	if err := r.check(); err == nil || !strings.Contains(err.Error(), "make go-app") {
		t.Errorf("check after the version changed: %v", err)
	}
	must(t, r.apply())
	must(t, r.load())
	if r.base != "v2" {
		t.Errorf("VERSION after the upgrade: %s", r.base)
	}
	a := read(t, filepath.Join(tree, "a.go"))
	if !strings.Contains(a, "// EIGHT") || !strings.Contains(a, "func A() { _ = 1 }") {
		t.Errorf("a.go after the upgrade:\n%s", a)
	}
	must(t, r.check())

	// An upgrade that conflicts leaves markers, and diff refuses them.
	r.version = "v3"
	if err := r.apply(); err == nil || !strings.Contains(err.Error(), treeDir+"/a.go") {
		t.Fatalf("apply of a conflicting upgrade: %v", err)
	}
	if !strings.Contains(read(t, filepath.Join(tree, "a.go")), "<<<<<<<") {
		t.Errorf("no conflict markers in a.go:\n%s", read(t, filepath.Join(tree, "a.go")))
	}
	if err := r.diff(""); err == nil || !strings.Contains(err.Error(), "conflict") {
		t.Errorf("diff of an unresolved tree: %v", err)
	}
	// Resolved by hand, the tree becomes the patches for v3.
	write(t, filepath.Join(tree, "a.go"), strings.Replace(lines, "func A() {}", "func A() { _ = 1; println() }", 1))
	must(t, r.diff(""))
	must(t, r.load())
	if r.base != "v3" {
		t.Errorf("VERSION after resolving: %s", r.base)
	}
	must(t, r.check())
}

func TestHeaderProblem(t *testing.T) {
	if headerProblem("Why: it saves 2 MB.\n\n") != "" {
		t.Errorf("a plain description is refused")
	}
	if headerProblem("Why\n--- a/x\n") == "" {
		t.Errorf("a description with a diff line is accepted")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(path), 0o755))
	must(t, os.WriteFile(path, []byte(text), 0o644))
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	return string(data)
}
