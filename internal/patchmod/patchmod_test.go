package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTreeMatchesPatches fails when a patched module's tree (go-app,
// go-readability, go-shiori/dom) is not its release with its patch series
// applied: a tree edited without `make patch-files`, or a patch edited
// without `make patches`. It needs the releases in the module cache, and
// downloads them if need be; if it cannot, it fails and says how to get
// them.
func TestTreeMatchesPatches(t *testing.T) {
	for _, s := range annotatorSeries(t) {
		t.Run(s.name, func(t *testing.T) {
			if err := s.check(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestPatchesDocumented: each tree's PATCHES.md names every patch file of
// its series, and every patch says what it is for.
func TestPatchesDocumented(t *testing.T) {
	for _, s := range annotatorSeries(t) {
		doc, err := os.ReadFile(filepath.Join(s.root, s.treeDir, "PATCHES.md"))
		if err != nil {
			t.Fatal(err)
		}
		if len(s.patches) == 0 {
			t.Errorf("%s has no patch: drop the module from modules.go, its replace from go.mod and its folders", s.patchDir)
		}
		for _, p := range s.patches {
			if !strings.Contains(string(doc), p.name) {
				t.Errorf("%s/PATCHES.md does not mention %s: say what it buys and how to check it is still needed", s.treeDir, p.name)
			}
			if strings.Contains(p.header, "say it here") || len(strings.TrimSpace(p.header)) < 80 {
				t.Errorf("%s/%s does not say what it changes and why above its diff", s.patchDir, p.name)
			}
		}
	}
}

// TestModulesReplaced: go.mod builds Annotator with each tree, and each
// module has folders and a name of its own.
func TestModulesReplaced(t *testing.T) {
	root, err := annotatorRoot()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range modules {
		for _, k := range []string{m.name, m.path, m.treeDir, m.patchDir} {
			if seen[k] {
				t.Errorf("%s is named twice in modules", k)
			}
			seen[k] = true
		}
		dir, err := run(root, "go", "list", "-m", "-f", "{{.Replace.Path}}", m.path)
		if err != nil {
			t.Errorf("%s: %v", m.name, err)
			continue
		}
		if got := strings.TrimSpace(dir); got != "./"+m.treeDir {
			t.Errorf("go.mod replaces %s with %q, want ./%s", m.path, got, m.treeDir)
		}
	}
}

// TestMeasuredAsBuilt: measure builds each WebAssembly program with the
// package and tags the Makefile builds it with.
func TestMeasuredAsBuilt(t *testing.T) {
	root, err := annotatorRoot()
	if err != nil {
		t.Fatal(err)
	}
	makefile, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []*wasmBuild{appWasm, markdownWasm} {
		var rule string
		for _, line := range strings.Split(string(makefile), "\n") {
			if strings.Contains(line, "GOARCH=wasm") && strings.HasSuffix(strings.TrimSpace(line), " "+w.pkg) {
				rule = line
			}
		}
		switch {
		case rule == "":
			t.Errorf("the Makefile has no rule building %s (%s)", w.name, w.pkg)
		case w.tags != "" && !strings.Contains(rule, "-tags "+w.tags+" "):
			t.Errorf("the Makefile builds %s without -tags %s: %s", w.name, w.tags, rule)
		case w.tags == "" && strings.Contains(rule, "-tags"):
			t.Errorf("the Makefile builds %s with tags measure does not use: %s", w.name, rule)
		case w.gcflags != strings.Contains(rule, "$(NOINLINE)"):
			t.Errorf("the Makefile builds %s with the wasm-gcflags %v, measure %v: %s", w.name, !w.gcflags, w.gcflags, rule)
		}
	}
}

// annotatorSeries opens the patch series of every module in modules.
func annotatorSeries(t *testing.T) []*series {
	t.Helper()
	root, err := annotatorRoot()
	if err != nil {
		t.Fatal(err)
	}
	var all []*series
	for _, m := range modules {
		s, err := open(root, m)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, s)
	}
	return all
}

// fakeModule is a module folder with a tree and a patch series, whose
// releases are the folders of releases rather than a real module's.
func fakeModule(t *testing.T, version string, releases map[string]string) *series {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("these tests need git, as the patch series do")
	}
	root := t.TempDir()
	m := &module{name: "a", path: "example.com/a", treeDir: "third_party/a", patchDir: "third_party/a-patches", leftOut: underTop("docs"), wasm: appWasm}
	must(t, os.MkdirAll(filepath.Join(root, m.treeDir), 0o755))
	must(t, os.MkdirAll(filepath.Join(root, m.patchDir), 0o755))
	write(t, filepath.Join(root, m.patchDir, versionFile), version+"\n")
	write(t, filepath.Join(root, m.treeDir, "PATCHES.md"), "ours\n")
	s := &series{module: m, root: root, version: version, download: func(_ *series, v string) (string, error) {
		dir, ok := releases[v]
		if !ok {
			t.Fatalf("no release %s", v)
		}
		return dir, nil
	}}
	must(t, s.load())
	return s
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
	s := fakeModule(t, "v1", map[string]string{"v1": v1, "v2": v2, "v3": v3})
	tree := filepath.Join(s.root, s.treeDir)

	// The release alone: no patch yet; docs/ is left out, PATCHES.md kept.
	must(t, s.apply())
	if _, err := os.Stat(filepath.Join(tree, "docs")); err == nil {
		t.Errorf("docs/ was copied into the tree")
	}
	if read(t, filepath.Join(tree, "PATCHES.md")) != "ours\n" {
		t.Errorf("apply lost PATCHES.md")
	}
	must(t, s.check())

	// An edit no patch owns needs a patch name.
	write(t, filepath.Join(tree, "a.go"), strings.Replace(lines, "func A() {}", "func A() { _ = 1 }", 1))
	write(t, filepath.Join(tree, "a_wasm.go"), "package a\n")
	if err := s.check(); err == nil || !strings.Contains(err.Error(), "a.go differs") || !strings.Contains(err.Error(), "make patch-files MODULE=a") {
		t.Errorf("check of an edited tree: %v", err)
	}
	if err := s.diff(""); err == nil || !strings.Contains(err.Error(), "no patch owns") {
		t.Errorf("diff with a file no patch owns: %v", err)
	}
	must(t, s.diff("first"))
	must(t, s.load())
	if len(s.patches) != 1 || s.patches[0].name != "0001-first.patch" || strings.Join(s.patches[0].files, " ") != "a.go a_wasm.go" {
		t.Fatalf("patches after diff -into first: %+v", s.patches)
	}
	must(t, s.check())

	// A description written by hand survives the next diff; a later edit
	// to a file goes to the patch that owns it, another to a new patch.
	p1 := filepath.Join(s.root, s.patchDir, "0001-first.patch")
	write(t, p1, "first: the reason for it, which a developer wrote.\n\n"+s.patches[0].diff)
	must(t, s.load())
	write(t, filepath.Join(tree, "a_wasm.go"), "package a\n\n// in the browser\n")
	must(t, os.Remove(filepath.Join(tree, "b.go")))
	must(t, s.diff("second"))
	must(t, s.load())
	if len(s.patches) != 2 || s.patches[1].name != "0002-second.patch" || strings.Join(s.patches[1].files, " ") != "b.go" {
		t.Fatalf("patches after the second diff: %+v", s.patches)
	}
	if !strings.HasPrefix(read(t, p1), "first: the reason for it") || !strings.Contains(read(t, p1), "+// in the browser") {
		t.Errorf("0001-first.patch lost its description or the new edit:\n%s", read(t, p1))
	}

	// apply remakes the tree from the series alone.
	must(t, os.RemoveAll(filepath.Join(tree, "a.go")))
	write(t, filepath.Join(tree, "stray.go"), "package a\n")
	must(t, s.apply())
	must(t, s.check())
	if _, err := os.Stat(filepath.Join(tree, "b.go")); err == nil {
		t.Errorf("b.go, deleted by a patch, is back")
	}

	// Upgrade: the patches rebase onto v2 and are made anew.
	s.version = "v2"
	if err := s.check(); err == nil || !strings.Contains(err.Error(), "make patches MODULE=a") {
		t.Errorf("check after the version changed: %v", err)
	}
	must(t, s.apply())
	must(t, s.load())
	if s.base != "v2" {
		t.Errorf("VERSION after the upgrade: %s", s.base)
	}
	a := read(t, filepath.Join(tree, "a.go"))
	if !strings.Contains(a, "// EIGHT") || !strings.Contains(a, "func A() { _ = 1 }") {
		t.Errorf("a.go after the upgrade:\n%s", a)
	}
	must(t, s.check())

	// An upgrade that conflicts leaves markers, and diff refuses them.
	s.version = "v3"
	if err := s.apply(); err == nil || !strings.Contains(err.Error(), s.treeDir+"/a.go") {
		t.Fatalf("apply of a conflicting upgrade: %v", err)
	}
	if !strings.Contains(read(t, filepath.Join(tree, "a.go")), "<<<<<<<") {
		t.Errorf("no conflict markers in a.go:\n%s", read(t, filepath.Join(tree, "a.go")))
	}
	if err := s.diff(""); err == nil || !strings.Contains(err.Error(), "conflict") {
		t.Errorf("diff of an unresolved tree: %v", err)
	}
	// Resolved by hand, the tree becomes the patches for v3.
	write(t, filepath.Join(tree, "a.go"), strings.Replace(lines, "func A() {}", "func A() { _ = 1; println() }", 1))
	must(t, s.diff(""))
	must(t, s.load())
	if s.base != "v3" {
		t.Errorf("VERSION after resolving: %s", s.base)
	}
	must(t, s.check())
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

// TestLeftOut: what each tree leaves out of its release, and keeps.
func TestLeftOut(t *testing.T) {
	for _, c := range []struct {
		module, file string
		out          bool
	}{
		{"go-app", "docs/web/index.html", true},
		{"go-app", "pkg/app/app.go", false},
		{"go-app", "pkg/app/app_test.go", false},
		{"go-app", ".github/workflows/build.yml", false},
		{"go-readability", "test-pages/001/source.html", true},
		{"go-readability", "cmd/go-readability/main.go", true},
		{"go-readability", "scripts/generate-test.go", true},
		{"go-readability", "Makefile", true},
		{"go-readability", "parser_test.go", true},
		{"go-readability", "render/inner_text_test.go", true},
		{"go-readability", "internal/re2go/base.re", true},
		{"go-readability", ".forgejo", true},
		{"go-readability", ".gitignore", true},
		{"go-readability", "internal/re2go/base.go", false},
		{"go-readability", "parser.go", false},
		{"go-readability", "LICENSE", false},
		{"go-shiori-dom", ".travis.yml", true},
		{"go-shiori-dom", "parser.go", false},
		{"go-shiori-dom", "dom_test.go", false},
	} {
		m, ok := moduleNamed(c.module)
		if !ok {
			t.Fatalf("no module %s", c.module)
		}
		if got := m.skipLeftOut(c.file); got != c.out {
			t.Errorf("%s leaves out %s: %v, want %v", c.module, c.file, got, c.out)
		}
	}
}
