package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

const (
	modulePath  = "github.com/maxence-charriere/go-app/v10"
	treeDir     = "third_party/go-app"
	patchDir    = "third_party/go-app-patches"
	versionFile = "VERSION"
)

// ours are the tree's files that are Annotator's, not go-app's: apply keeps
// them, and diff and check leave them out.
var ours = map[string]bool{"PATCHES.md": true}

// leftOut are the release's top-level folders that the tree leaves out:
// go-app's documentation website, 26 MB of pages and images.
var leftOut = map[string]bool{"docs": true}

// repo is the Annotator module with its go-app patch series.
type repo struct {
	root    string // the Annotator module's folder
	version string // the go-app version go.mod requires
	base    string // the version the patches were made against (VERSION)
	patches []patch
	// download returns the folder of a release (goModDownload; the tests
	// give their own).
	download func(r *repo, version string) (string, error)
}

// patch is one patch file: a description, then a git diff.
type patch struct {
	name   string // NNNN-name.patch
	header string // the description, everything before the first "diff --git"
	diff   string
	files  []string // the files it changes, relative to the module's root
}

func open() (*repo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("the go-app patch series needs git, to apply and make patch files: install git")
	}
	gomod, err := run("", "go", "env", "GOMOD")
	if err != nil {
		return nil, err
	}
	gomod = strings.TrimSpace(gomod)
	if gomod == "" || gomod == os.DevNull {
		return nil, errors.New("run it inside the Annotator module")
	}
	r := &repo{root: filepath.Dir(gomod), download: goModDownload}
	v, err := run(r.root, "go", "list", "-m", "-f", "{{.Version}}", modulePath)
	if err != nil {
		return nil, err
	}
	r.version = strings.TrimSpace(v)
	return r, r.load()
}

// load reads the patch series.
func (r *repo) load() error {
	base, err := os.ReadFile(filepath.Join(r.root, patchDir, versionFile))
	if err != nil {
		return fmt.Errorf("%v (it names the go-app version the patches apply to)", err)
	}
	r.base = strings.TrimSpace(string(base))
	r.patches, err = readPatches(filepath.Join(r.root, patchDir))
	return err
}

var diffHeader = regexp.MustCompile(`(?m)^diff --git a/(\S+) b/(\S+)$`)

func readPatches(dir string) ([]patch, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.patch"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var out []patch
	owner := map[string]string{}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		p := parsePatch(filepath.Base(name), string(data))
		if len(p.files) == 0 {
			return nil, fmt.Errorf("%s changes no file", p.name)
		}
		for _, f := range p.files {
			if o, ok := owner[f]; ok {
				return nil, fmt.Errorf("%s is changed by both %s and %s: each file belongs to one patch, so that `make go-app-patches` knows where an edit goes; merge the two changes into one patch", f, o, p.name)
			}
			owner[f] = p.name
		}
		out = append(out, p)
	}
	return out, nil
}

func parsePatch(name, text string) patch {
	p := patch{name: name, header: text}
	if i := strings.Index(text, "diff --git "); i == 0 || i > 0 && text[i-1] == '\n' {
		p.header, p.diff = text[:i], text[i:]
	}
	for _, m := range diffHeader.FindAllStringSubmatch(p.diff, -1) {
		p.files = append(p.files, m[2])
	}
	return p
}

// headerProblem says why a description would confuse git apply.
func headerProblem(header string) string {
	for _, line := range strings.Split(header, "\n") {
		for _, bad := range []string{"diff ", "--- ", "+++ ", "@@", "Index: "} {
			if strings.HasPrefix(line, bad) {
				return fmt.Sprintf("its description has a line starting with %q, which git apply would read as part of the diff", bad)
			}
		}
	}
	return ""
}

func (r *repo) release(version string) (string, error) { return r.download(r, version) }

// goModDownload returns the folder of go-app version in the module cache,
// downloading it if need be.
func goModDownload(r *repo, version string) (string, error) {
	out, err := run(r.root, "go", "mod", "download", "-json", modulePath+"@"+version)
	var info struct{ Dir, Error string }
	json.Unmarshal([]byte(out), &info)
	if err != nil || info.Dir == "" {
		why := info.Error
		if why == "" && err != nil {
			why = err.Error()
		}
		return "", fmt.Errorf("go-app %s is not in the module cache and could not be downloaded (%s). %s is made from it; `go mod download %s@%s` fetches it once a network (or GOPROXY) is reachable",
			version, strings.TrimSpace(why), treeDir, modulePath, version)
	}
	return info.Dir, nil
}

// stage makes a git repository in a new temporary folder holding the
// release in dir (less leftOut) as its first commit.
func stage(dir, version string) (string, error) {
	tmp, err := os.MkdirTemp("", "go-app-patches-")
	if err != nil {
		return "", err
	}
	if err := copyFiles(dir, tmp, func(rel string) bool { return leftOut[strings.Split(rel, "/")[0]] }); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "--no-verify", "-m", "go-app " + version}} {
		if _, err := git(tmp, args...); err != nil {
			os.RemoveAll(tmp)
			return "", err
		}
	}
	return tmp, nil
}

// applied returns a staged release with the patches applied (in the index
// and the work tree), skipping those skip names.
func (r *repo) applied(version string, skip ...string) (string, error) {
	dir, err := r.release(version)
	if err != nil {
		return "", err
	}
	st, err := stage(dir, version)
	if err != nil {
		return "", err
	}
	for _, p := range r.patches {
		if slices.Contains(skip, p.name) {
			continue
		}
		if _, err := git(st, "apply", "--index", "--whitespace=nowarn", filepath.Join(r.root, patchDir, p.name)); err != nil {
			os.RemoveAll(st)
			return "", fmt.Errorf("%s does not apply to go-app %s: %v", p.name, version, err)
		}
	}
	return st, nil
}

// apply rebuilds the tree: the release go.mod requires with the patches
// applied. If the patches were made against another version, they are
// rebased onto this one first (upgrade).
func (r *repo) apply() error {
	if r.base != r.version {
		return r.upgrade()
	}
	st, err := r.applied(r.version)
	if err != nil {
		return err
	}
	defer os.RemoveAll(st)
	if err := r.writeTree(st); err != nil {
		return err
	}
	fmt.Printf("%s: go-app %s with %d patches from %s\n", treeDir, r.version, len(r.patches), patchDir)
	return nil
}

// upgrade rebases the patches from go-app r.base onto r.version with a
// three-way merge (git cherry-pick), writes the result to the tree and,
// when nothing conflicts, makes the patch files anew against r.version.
func (r *repo) upgrade() error {
	fmt.Printf("rebasing the patches from go-app %s onto %s\n", r.base, r.version)
	st, err := r.applied(r.base)
	if err != nil {
		return err
	}
	defer os.RemoveAll(st)
	dir, err := r.release(r.version)
	if err != nil {
		return err
	}
	if _, err := git(st, "commit", "-q", "--no-verify", "--allow-empty", "-m", "patches"); err != nil {
		return err
	}
	patched, err := git(st, "rev-parse", "HEAD")
	if err != nil {
		return err
	}
	for _, args := range [][]string{{"checkout", "-q", "--detach", "HEAD~1"}, {"rm", "-rq", "."}} {
		if _, err := git(st, args...); err != nil {
			return err
		}
	}
	if err := copyFiles(dir, st, func(rel string) bool { return leftOut[strings.Split(rel, "/")[0]] }); err != nil {
		return err
	}
	for _, args := range [][]string{{"add", "-A"}, {"commit", "-q", "--no-verify", "--allow-empty", "-m", "go-app " + r.version}} {
		if _, err := git(st, args...); err != nil {
			return err
		}
	}
	_, pickErr := git(st, "cherry-pick", "--no-commit", strings.TrimSpace(patched))
	conflicts, err := git(st, "diff", "--name-only", "--diff-filter=U")
	if err != nil {
		return err
	}
	if pickErr != nil && strings.TrimSpace(conflicts) == "" {
		return fmt.Errorf("rebasing the patches onto go-app %s: %v", r.version, pickErr)
	}
	if err := r.writeTree(st); err != nil {
		return err
	}
	if c := strings.Fields(conflicts); len(c) > 0 {
		return fmt.Errorf("the patches do not fit go-app %s in %s. Resolve the conflicts there (the lines between <<<<<<< and >>>>>>>), then run `make go-app-patches` to make the patch files for %s, and the tests",
			r.version, strings.Join(prefixed(treeDir, c), ", "), r.version)
	}
	fmt.Printf("%s: go-app %s with the patches rebased; making the patch files anew\n", treeDir, r.version)
	return r.diff("")
}

// writeTree replaces the tree's files, except ours, with the work tree of
// the staged repository st.
func (r *repo) writeTree(st string) error {
	tree := filepath.Join(r.root, treeDir)
	entries, err := os.ReadDir(tree)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, e := range entries {
		if !ours[e.Name()] {
			if err := os.RemoveAll(filepath.Join(tree, e.Name())); err != nil {
				return err
			}
		}
	}
	return copyFiles(st, tree, func(rel string) bool { return rel == ".git" || strings.HasPrefix(rel, ".git/") })
}

// diff makes the patch files from the tree's differences to the release.
// Each changed file goes to the patch that owns it; into names the patch
// for files no patch owns yet.
func (r *repo) diff(into string) error {
	tree := filepath.Join(r.root, treeDir)
	if err := unresolved(tree); err != nil {
		return err
	}
	for _, p := range r.patches {
		if problem := headerProblem(p.header); problem != "" {
			return fmt.Errorf("%s: %s", p.name, problem)
		}
	}
	dir, err := r.release(r.version)
	if err != nil {
		return err
	}
	st, err := stage(dir, r.version)
	if err != nil {
		return err
	}
	defer os.RemoveAll(st)
	if _, err := git(st, "rm", "-rq", "."); err != nil {
		return err
	}
	if err := copyFiles(tree, st, func(rel string) bool { return ours[rel] }); err != nil {
		return err
	}
	if _, err := git(st, "add", "-A"); err != nil {
		return err
	}
	out, err := git(st, "diff", "--cached", "--no-renames", "--name-only", "HEAD")
	if err != nil {
		return err
	}
	changed := strings.Fields(out)

	// A file belongs to the patch that changed it; after a rebase, to the
	// patch that changed it in the old version.
	owner := map[string]int{}
	for i, p := range r.patches {
		for _, f := range p.files {
			owner[f] = i
		}
	}
	patches := slices.Clone(r.patches)
	files := make([][]string, len(patches))
	var orphans []string
	for _, f := range changed {
		if i, ok := owner[f]; ok {
			files[i] = append(files[i], f)
		} else {
			orphans = append(orphans, f)
		}
	}
	if len(orphans) > 0 {
		if into == "" {
			return fmt.Errorf("no patch owns these changed files: %s. Name the patch that takes them: `make go-app-patches INTO=short-name` (a new patch file, or an existing one by its name)",
				strings.Join(prefixed(treeDir, orphans), ", "))
		}
		i := slices.IndexFunc(patches, func(p patch) bool { return p.name == into || p.name == into+".patch" || patchTitle(p.name) == into })
		if i < 0 {
			patches = append(patches, newPatch(patches, into))
			files = append(files, nil)
			i = len(patches) - 1
		}
		files[i] = append(files[i], orphans...)
	}

	for i, p := range patches {
		path := filepath.Join(r.root, patchDir, p.name)
		if len(files[i]) == 0 {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			fmt.Printf("%s: no longer changes anything, removed\n", p.name)
			continue
		}
		d, err := git(st, append([]string{"diff", "--cached", "--no-renames", "--binary", "HEAD", "--"}, files[i]...)...)
		if err != nil {
			return err
		}
		text := p.header + d
		if old, err := os.ReadFile(path); err == nil && string(old) == text {
			continue
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: written (%s)\n", p.name, strings.Join(files[i], ", "))
	}
	return os.WriteFile(filepath.Join(r.root, patchDir, versionFile), []byte(r.version+"\n"), 0o644)
}

var numbered = regexp.MustCompile(`^\d{4}-`)

// patchTitle is a patch file's name without its number and extension.
func patchTitle(name string) string {
	return strings.TrimSuffix(numbered.ReplaceAllString(name, ""), ".patch")
}

// newPatch is an empty patch named after title, numbered after the others.
func newPatch(patches []patch, title string) patch {
	title = strings.TrimSuffix(title, ".patch")
	name := title + ".patch"
	if !numbered.MatchString(title) {
		n := 1
		for _, p := range patches {
			var k int
			if _, err := fmt.Sscanf(p.name, "%04d-", &k); err == nil && k >= n {
				n = k + 1
			}
		}
		name = fmt.Sprintf("%04d-%s.patch", n, title)
	}
	return patch{name: name, header: fmt.Sprintf(`%s

What it changes, and why: say it here, and in third_party/go-app/PATCHES.md
with what it buys (make go-app-measure gives its bytes of app.wasm) and how
to check that a new go-app version still needs it.

`, patchTitle(name))}
}

// check reports how the tree differs from the release with the patches.
func (r *repo) check() error {
	if r.base != r.version {
		return fmt.Errorf("go.mod requires go-app %s but the patches were made against %s (%s/%s): run `make go-app` to rebase them", r.version, r.base, patchDir, versionFile)
	}
	for _, p := range r.patches {
		if problem := headerProblem(p.header); problem != "" {
			return fmt.Errorf("%s: %s", p.name, problem)
		}
	}
	st, err := r.applied(r.version)
	if err != nil {
		return err
	}
	defer os.RemoveAll(st)
	want, err := readFiles(st, func(rel string) bool { return rel == ".git" || strings.HasPrefix(rel, ".git/") })
	if err != nil {
		return err
	}
	have, err := readFiles(filepath.Join(r.root, treeDir), func(rel string) bool { return ours[rel] })
	if err != nil {
		return err
	}
	var diffs []string
	for name, w := range want {
		h, ok := have[name]
		switch {
		case !ok:
			diffs = append(diffs, name+" is missing")
		case !bytes.Equal(h, w):
			diffs = append(diffs, name+" differs")
		}
	}
	for name := range have {
		if _, ok := want[name]; !ok {
			diffs = append(diffs, name+" is not in the release or a patch")
		}
	}
	if len(diffs) > 0 {
		slices.Sort(diffs)
		return fmt.Errorf("%s is not go-app %s with the patches of %s: %s. After editing the tree, run `make go-app-patches` to record the edit as patch files; after editing a patch file, run `make go-app` to remake the tree",
			treeDir, r.version, patchDir, strings.Join(diffs, "; "))
	}
	return nil
}

// unresolved refuses a tree with conflict markers or leftovers of a failed
// patch.
func unresolved(tree string) error {
	return filepath.WalkDir(tree, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(tree, path)
		if strings.HasSuffix(path, ".rej") || strings.HasSuffix(path, ".orig") {
			return fmt.Errorf("%s/%s is left from a patch that did not apply: resolve it and delete it first", treeDir, rel)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(data, []byte("<<<<<<< ")) || bytes.Contains(data, []byte("\n<<<<<<< ")) {
			return fmt.Errorf("%s/%s still has a merge conflict (<<<<<<<): resolve it first", treeDir, rel)
		}
		return nil
	})
}

// copyFiles copies the regular files under from to to, but those skip
// names (by their slash-separated path relative to from).
func copyFiles(from, to string, skip func(rel string) bool) error {
	return walkFiles(from, skip, func(rel, path string, info fs.FileInfo) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if info.Mode()&0o111 != 0 {
			mode = 0o755
		}
		target := filepath.Join(to, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		os.Remove(target) // a read-only file from the module cache
		return os.WriteFile(target, data, mode)
	})
}

// readFiles reads the regular files under dir, but those skip names.
func readFiles(dir string, skip func(rel string) bool) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := walkFiles(dir, skip, func(rel, path string, _ fs.FileInfo) error {
		data, err := os.ReadFile(path)
		files[rel] = data
		return err
	})
	return files, err
}

// walkFiles calls fn for each regular file under dir, with its
// slash-separated path relative to dir, but for the files and folders skip
// names. Anything else than files and folders is an error.
func walkFiles(dir string, skip func(rel string) bool, fn func(rel, path string, info fs.FileInfo) error) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case skip(rel) && d.IsDir():
			return filepath.SkipDir
		case skip(rel) || d.IsDir():
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", path)
		}
		return fn(rel, path, info)
	})
}

func prefixed(dir string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = dir + "/" + n
	}
	return out
}

// git runs git in dir with neither the user's nor the system's
// configuration, so that its diffs have one form everywhere.
func git(dir string, args ...string) (string, error) {
	base := []string{"-c", "user.name=patchgoapp", "-c", "user.email=patchgoapp@invalid", "-c", "core.autocrlf=false",
		"-c", "init.defaultBranch=main", "-c", "diff.algorithm=myers"}
	return run(dir, "git", append(base, args...)...)
}

func run(dir, name string, args ...string) (string, error) {
	return runEnv(dir, nil, name, args...)
}

// runEnv runs a command in dir with env added to the environment, and
// returns its output; an error carries what it said on stderr.
func runEnv(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = strings.TrimSpace(stdout.String())
		}
		return stdout.String(), fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, msg)
	}
	return stdout.String(), nil
}
