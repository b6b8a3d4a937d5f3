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

// versionFile, in a module's patch folder, names the release the patches
// were made against; the tool writes it.
const versionFile = "VERSION"

// ours are the tree's files that are Annotator's, not upstream's: apply
// keeps them, and diff and check leave them out.
var ours = map[string]bool{"PATCHES.md": true}

// series is one module's patch series in the Annotator module.
type series struct {
	*module
	root    string // the Annotator module's folder
	version string // the version go.mod requires
	base    string // the version the patches were made against (VERSION)
	patches []patch
	// download returns the folder of a release (goModDownload; the tests
	// give their own).
	download func(s *series, version string) (string, error)
}

// patch is one patch file: a description, then a git diff.
type patch struct {
	name   string // NNNN-name.patch
	header string // the description, everything before the first "diff --git"
	diff   string
	files  []string // the files it changes, relative to the tree
}

// annotatorRoot is the folder of the Annotator module the command runs in.
func annotatorRoot() (string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", errors.New("the patch series need git, to apply and make patch files: install git")
	}
	gomod, err := run("", "go", "env", "GOMOD")
	if err != nil {
		return "", err
	}
	gomod = strings.TrimSpace(gomod)
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("run it inside the Annotator module")
	}
	return filepath.Dir(gomod), nil
}

// open reads module m's patch series in the Annotator module at root, and
// the version of m that go.mod requires.
func open(root string, m *module) (*series, error) {
	s := &series{module: m, root: root, download: goModDownload}
	v, err := run(root, "go", "list", "-m", "-f", "{{.Version}}", m.path)
	if err != nil {
		return nil, err
	}
	s.version = strings.TrimSpace(v)
	return s, s.load()
}

// load reads the patch series.
func (s *series) load() error {
	base, err := os.ReadFile(filepath.Join(s.root, s.patchDir, versionFile))
	if err != nil {
		return fmt.Errorf("%v (it names the %s version the patches apply to)", err, s.name)
	}
	s.base = strings.TrimSpace(string(base))
	s.patches, err = readPatches(filepath.Join(s.root, s.patchDir))
	return err
}

// skipLeftOut is the leftOut of m, never nil.
func (m *module) skipLeftOut(rel string) bool { return m.leftOut != nil && m.leftOut(rel) }

// applyCmd, diffCmd are the commands that remake the tree and the patch
// files, for messages.
func (m *module) applyCmd() string { return "make patches MODULE=" + m.name }
func (m *module) diffCmd() string  { return "make patch-files MODULE=" + m.name }

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
				return nil, fmt.Errorf("%s is changed by both %s and %s: each file belongs to one patch, so that `make patch-files` knows where an edit goes; merge the two changes into one patch", f, o, p.name)
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

// release returns the folder of the module's release version.
func (s *series) release(version string) (string, error) { return s.download(s, version) }

// goModDownload returns the folder of the module's release version in
// the module cache,
// downloading it if need be.
func goModDownload(s *series, version string) (string, error) {
	out, err := run(s.root, "go", "mod", "download", "-json", s.path+"@"+version)
	var info struct{ Dir, Error string }
	json.Unmarshal([]byte(out), &info)
	if err != nil || info.Dir == "" {
		why := info.Error
		if why == "" && err != nil {
			why = err.Error()
		}
		return "", fmt.Errorf("%s %s is not in the module cache and could not be downloaded (%s). %s is made from it; `go mod download %s@%s` fetches it once a network (or GOPROXY) is reachable",
			s.name, version, strings.TrimSpace(why), s.treeDir, s.path, version)
	}
	return info.Dir, nil
}

// stage makes a git repository in a new temporary folder holding the
// release in dir (less what the module leaves out) as its first commit.
func (s *series) stage(dir, version string) (string, error) {
	tmp, err := os.MkdirTemp("", s.name+"-patches-")
	if err != nil {
		return "", err
	}
	if err := copyFiles(dir, tmp, s.skipLeftOut); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "--no-verify", "-m", s.name + " " + version}} {
		if _, err := git(tmp, args...); err != nil {
			os.RemoveAll(tmp)
			return "", err
		}
	}
	return tmp, nil
}

// applied returns a staged release with the patches applied (in the index
// and the work tree), skipping those skip names.
func (s *series) applied(version string, skip ...string) (string, error) {
	dir, err := s.release(version)
	if err != nil {
		return "", err
	}
	st, err := s.stage(dir, version)
	if err != nil {
		return "", err
	}
	for _, p := range s.patches {
		if slices.Contains(skip, p.name) {
			continue
		}
		if _, err := git(st, "apply", "--index", "--whitespace=nowarn", filepath.Join(s.root, s.patchDir, p.name)); err != nil {
			os.RemoveAll(st)
			return "", fmt.Errorf("%s does not apply to %s %s: %v", p.name, s.name, version, err)
		}
	}
	return st, nil
}

// apply rebuilds the tree: the release go.mod requires with the patches
// applied. If the patches were made against another version, they are
// rebased onto this one first (upgrade).
func (s *series) apply() error {
	if s.base != s.version {
		return s.upgrade()
	}
	st, err := s.applied(s.version)
	if err != nil {
		return err
	}
	defer os.RemoveAll(st)
	if err := s.writeTree(st); err != nil {
		return err
	}
	fmt.Printf("%s: %s %s with %d patches from %s\n", s.treeDir, s.name, s.version, len(s.patches), s.patchDir)
	return nil
}

// upgrade rebases the patches from release s.base onto s.version with a
// three-way merge (git cherry-pick), writes the result to the tree and,
// when nothing conflicts, makes the patch files anew against s.version.
func (s *series) upgrade() error {
	fmt.Printf("rebasing the patches of %s from %s onto %s\n", s.name, s.base, s.version)
	st, err := s.applied(s.base)
	if err != nil {
		return err
	}
	defer os.RemoveAll(st)
	dir, err := s.release(s.version)
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
	if err := copyFiles(dir, st, s.skipLeftOut); err != nil {
		return err
	}
	for _, args := range [][]string{{"add", "-A"}, {"commit", "-q", "--no-verify", "--allow-empty", "-m", s.name + " " + s.version}} {
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
		return fmt.Errorf("rebasing the patches onto %s %s: %v", s.name, s.version, pickErr)
	}
	if err := s.writeTree(st); err != nil {
		return err
	}
	if c := strings.Fields(conflicts); len(c) > 0 {
		return fmt.Errorf("the patches do not fit %s %s in %s. Resolve the conflicts there (the lines between <<<<<<< and >>>>>>>), then run `%s` to make the patch files for %s, and the tests",
			s.name, s.version, strings.Join(prefixed(s.treeDir, c), ", "), s.diffCmd(), s.version)
	}
	fmt.Printf("%s: %s %s with the patches rebased; making the patch files anew\n", s.treeDir, s.name, s.version)
	return s.diff("")
}

// writeTree replaces the tree's files, except ours, with the work tree of
// the staged repository st.
func (s *series) writeTree(st string) error {
	tree := filepath.Join(s.root, s.treeDir)
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
func (s *series) diff(into string) error {
	tree := filepath.Join(s.root, s.treeDir)
	if err := s.unresolved(); err != nil {
		return err
	}
	for _, p := range s.patches {
		if problem := headerProblem(p.header); problem != "" {
			return fmt.Errorf("%s: %s", p.name, problem)
		}
	}
	dir, err := s.release(s.version)
	if err != nil {
		return err
	}
	st, err := s.stage(dir, s.version)
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
	for i, p := range s.patches {
		for _, f := range p.files {
			owner[f] = i
		}
	}
	patches := slices.Clone(s.patches)
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
			return fmt.Errorf("no patch owns these changed files: %s. Name the patch that takes them: `%s INTO=short-name` (a new patch file, or an existing one by its name)",
				strings.Join(prefixed(s.treeDir, orphans), ", "), s.diffCmd())
		}
		i := slices.IndexFunc(patches, func(p patch) bool { return p.name == into || p.name == into+".patch" || patchTitle(p.name) == into })
		if i < 0 {
			patches = append(patches, s.newPatch(patches, into))
			files = append(files, nil)
			i = len(patches) - 1
		}
		files[i] = append(files[i], orphans...)
	}

	for i, p := range patches {
		path := filepath.Join(s.root, s.patchDir, p.name)
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
	return os.WriteFile(filepath.Join(s.root, s.patchDir, versionFile), []byte(s.version+"\n"), 0o644)
}

var numbered = regexp.MustCompile(`^\d{4}-`)

// patchTitle is a patch file's name without its number and extension.
func patchTitle(name string) string {
	return strings.TrimSuffix(numbered.ReplaceAllString(name, ""), ".patch")
}

// newPatch is an empty patch of the series named after title, numbered
// after the others.
func (s *series) newPatch(patches []patch, title string) patch {
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

What it changes, and why: say it here, and in %s/PATCHES.md
with what it buys (make patches-measure MODULE=%s gives its bytes of
%s) and how to check that a new %s version still needs it.

`, patchTitle(name), s.treeDir, s.name, s.wasm.name, s.name)}
}

// check reports how the tree differs from the release with the patches.
func (s *series) check() error {
	if s.base != s.version {
		return fmt.Errorf("go.mod requires %s %s but the patches were made against %s (%s/%s): run `%s` to rebase them", s.name, s.version, s.base, s.patchDir, versionFile, s.applyCmd())
	}
	for _, p := range s.patches {
		if problem := headerProblem(p.header); problem != "" {
			return fmt.Errorf("%s: %s", p.name, problem)
		}
	}
	st, err := s.applied(s.version)
	if err != nil {
		return err
	}
	defer os.RemoveAll(st)
	want, err := readFiles(st, func(rel string) bool { return rel == ".git" || strings.HasPrefix(rel, ".git/") })
	if err != nil {
		return err
	}
	have, err := readFiles(filepath.Join(s.root, s.treeDir), func(rel string) bool { return ours[rel] })
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
		return fmt.Errorf("%s is not %s %s with the patches of %s: %s. After editing the tree, run `%s` to record the edit as patch files; after editing a patch file, run `%s` to remake the tree",
			s.treeDir, s.name, s.version, s.patchDir, strings.Join(diffs, "; "), s.diffCmd(), s.applyCmd())
	}
	return nil
}

// unresolved refuses a tree with conflict markers or leftovers of a failed
// patch.
func (s *series) unresolved() error {
	tree := filepath.Join(s.root, s.treeDir)
	return filepath.WalkDir(tree, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(tree, path)
		if strings.HasSuffix(path, ".rej") || strings.HasSuffix(path, ".orig") {
			return fmt.Errorf("%s/%s is left from a patch that did not apply: resolve it and delete it first", s.treeDir, rel)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(data, []byte("<<<<<<< ")) || bytes.Contains(data, []byte("\n<<<<<<< ")) {
			return fmt.Errorf("%s/%s still has a merge conflict (<<<<<<<): resolve it first", s.treeDir, rel)
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
	base := []string{"-c", "user.name=patchmod", "-c", "user.email=patchmod@invalid", "-c", "core.autocrlf=false",
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
