package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// articlesDir is the repository's bundled library.
const articlesDir = "../../articles"

// TestBundledGolden parses each bundled article and compares its JSON, as the
// host serves it, with testdata/{id}.golden.json. Run with -update to rewrite.
func TestBundledGolden(t *testing.T) {
	for _, name := range []string{"blinken-beijing-talks.txt", "reading-news-closely.md"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(articlesDir, name))
			if err != nil {
				t.Fatal(err)
			}
			id, ok := IDFromFilename(name)
			if !ok {
				t.Fatalf("bad file name %s", name)
			}
			a, err := Parse(id, name, data)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, a)
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", id+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the parsed article (run go test -update if the change is meant):\n%s", golden, got)
			}
		})
	}
}

// TestSeedArticleVerbatim checks that the bundled seed article keeps every
// paragraph of the scraped original exactly, characters and all, and that the
// scrape's trailing site residue is gone.
func TestSeedArticleVerbatim(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("testdata", "seed", "000_a607a4e39c22fff8.txt"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(articlesDir, "blinken-beijing-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseText("blinken-beijing-talks", data)
	if err != nil {
		t.Fatal(err)
	}
	residue := map[string]bool{"Related posts": true, "Leave a Comment": true}
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(string(seed), "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" && !residue[p] {
			paras = append(paras, p)
		}
	}
	if len(paras) < 2 {
		t.Fatalf("seed has %d paragraphs", len(paras))
	}
	if a.Title != paras[0] {
		t.Errorf("title %q, want the seed's first line %q", a.Title, paras[0])
	}
	if len(a.Blocks) != len(paras)-1 {
		t.Errorf("%d blocks, want the seed's %d paragraphs after the title", len(a.Blocks), len(paras)-1)
	}
	for i, p := range paras[1:] {
		if i < len(a.Blocks) && a.Blocks[i].Text != p {
			t.Errorf("block %d:\n got %q\nwant %q", i, a.Blocks[i].Text, p)
		}
	}
	for r := range residue {
		if strings.Contains(a.Text, r) {
			t.Errorf("site residue %q is in the article text", r)
		}
	}
	if a.Published != "2023-06-18" {
		t.Errorf("Published = %q", a.Published)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write := func(dir, name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(dir, "zebra.txt", "Aardvarks and zebras\n\nBody.")
	write(dir, "alpha.md", "# Zulu time\n\nBody.")
	write(dir, "mid.md", "# middle\n\nBody.")
	write(dir, "empty.txt", "")
	write(dir, "binary.txt", "\x00\x01\x02")
	write(dir, "big.txt", "T\n\n"+strings.Repeat("x", MaxSize))
	write(dir, "title-only.md", "# Alone\n")
	write(dir, "Bad Name.txt", "T\n\nBody")
	write(dir, "mid.txt", "Duplicate id\n\nBody")
	write(dir, "notes.html", "<p>not an article</p>")
	write(dir, ".hidden.txt", "T\n\nBody")
	write(outside, "secret.txt", "Secret\n\nOutside the folder")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(dir, "sub"), "nested.txt", "Nested\n\nBody")
	symlinks := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "escape.txt")) == nil

	arts, warnings, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
		checkInvariants(t, a)
		if a.Origin != "bundled" {
			t.Errorf("%s: Origin %q", a.ID, a.Origin)
		}
	}
	// Sorted by title: "Aardvarks…", "middle", "Zulu time".
	if got := strings.Join(ids, ","); got != "zebra,mid,alpha" {
		t.Errorf("articles = %s, want zebra,mid,alpha", got)
	}
	wantWarn := map[string]error{
		"empty.txt": ErrEmpty, "binary.txt": ErrNotUTF8, "big.txt": ErrTooLarge,
		"title-only.md": ErrNoBody, "Bad Name.txt": ErrBadID, "mid.txt": nil,
	}
	if symlinks {
		wantWarn["escape.txt"] = nil
	}
	for _, w := range warnings {
		var fe *FileError
		if !errors.As(w, &fe) {
			t.Errorf("warning %v is not a *FileError", w)
			continue
		}
		name := filepath.Base(fe.Path)
		want, ok := wantWarn[name]
		if !ok {
			t.Errorf("unexpected warning: %v", w)
			continue
		}
		delete(wantWarn, name)
		if want != nil && !errors.Is(w, want) {
			t.Errorf("warning %v, want %v", w, want)
		}
		if !strings.Contains(w.Error(), filepath.Join(dir, name)) {
			t.Errorf("warning %q does not name the file", w)
		}
	}
	for name := range wantWarn {
		t.Errorf("no warning for %s", name)
	}
}

func TestLoadMissingDir(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-folder")
	_, _, err := Load(missing)
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("err = %v, want one naming %s", err, missing)
	}
	file := filepath.Join(t.TempDir(), "file.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(file); err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("a file as the folder: err = %v", err)
	}
}

func TestLoadBundledLibrary(t *testing.T) {
	arts, warnings, err := Load(articlesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		t.Errorf("warning: %v", w)
	}
	if len(arts) < 2 {
		t.Errorf("%d bundled articles, want at least 2", len(arts))
	}
}

func BenchmarkParseSeedArticle(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(articlesDir, "blinken-beijing-talks.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseText("blinken-beijing-talks", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseMarkdownArticle(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(articlesDir, "reading-news-closely.md"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseMarkdown("reading-news-closely", data); err != nil {
			b.Fatal(err)
		}
	}
}
