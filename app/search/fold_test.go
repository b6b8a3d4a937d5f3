package search

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"Café", "cafe"},
		{"cafe\u0301", "cafe"}, // decomposed accent
		{"ZÜRICH", "zurich"},
		{"Straße", "strasse"},
		{"Œuvre Ærø", "oeuvre aero"},
		{"Łódź Đakovo", "lodz dakovo"},
		{"Șoseaua Țării", "soseaua tarii"},
		{"ÀÁÂÃÄÅ àáâãäå Ññ Çç Ÿÿ", "aaaaaa aaaaaa nn cc yy"},
		{"‘single’ “double” „low“", "'single' \"double\" \"low\""},
		{"a–b—c‐d−e", "a-b-c-d-e"},
		{"wait…", "wait..."},
		{"non\u00a0breaking", "non breaking"},
		{"soft\u00adhyphen", "softhyphen"},
		{"×÷", "×÷"},
		{"ΟΔΥΣΣΕΥΣ", "οδυσσευσ"},
		{"中美 🤝", "中美 🤝"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		folded, cp := foldMapped(tt.in)
		if folded != tt.want || len(cp) != len(folded)+1 || int(cp[len(folded)]) != utf8.RuneCountInString(tt.in) {
			t.Errorf("foldMapped(%q) = %q, %v", tt.in, folded, cp)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"rose 7 per cent", []string{"rose", "7", "per", "cent"}},
		{"fall to 2.4% by 2030, then 1,000 flats.", []string{"fall", "to", "2.4", "by", "2030", "then", "1,000", "flats"}},
		{"china's u.s. co-operate", []string{"china", "s", "u", "s", "co", "operate"}},
		{"中美外长在北京，双方同意", []string{"中美外长在北京", "双方同意"}},
		{"  ", nil},
	}
	for _, tt := range tests {
		if got := words(Fold(tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCodePointRange(t *testing.T) {
	tests := []struct {
		text       string
		find       string // in the folded text
		start, end int
	}{
		{"Straße", "ss", 4, 5},
		{"Straße", "s", 0, 1}, // first s of the folded text is the S of Straße
		{"Straße x", "se", 4, 6},
		{"cafe\u0301 au lait", "cafe", 0, 5}, // the combining accent belongs to its letter
		{"the Zürich café", "cafe", 11, 15},
		{"‘A’ is “quoted”", "\"quoted\"", 7, 15},
		{"🤝 deal", "deal", 2, 6},
	}
	for _, tt := range tests {
		folded, cp := foldMapped(tt.text)
		i := strings.Index(folded, tt.find)
		if i < 0 {
			t.Fatalf("%q not in %q", tt.find, folded)
		}
		if s, e := codePointRange(cp, i, i+len(tt.find)); s != tt.start || e != tt.end {
			t.Errorf("%q in %q = [%d,%d), want [%d,%d)", tt.find, tt.text, s, e, tt.start, tt.end)
		}
	}
}

func TestUnicodeOffsets(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "unicode-offsets.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []struct {
			Name, Text, Exact string
			CodePoints        [2]int
		}
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range file.Cases {
		t.Run(c.Name, func(t *testing.T) {
			// The offset mapping itself: the folded exact text maps back to
			// the code points the shared file gives.
			folded, cp := foldMapped(c.Text)
			i := strings.Index(folded, Fold(c.Exact))
			if i < 0 {
				t.Fatalf("folded %q not in folded %q", c.Exact, c.Text)
			}
			if s, e := codePointRange(cp, i, i+len(Fold(c.Exact))); s != c.CodePoints[0] || e != c.CodePoints[1] {
				t.Errorf("range = [%d,%d), want %v", s, e, c.CodePoints)
			}
			// Through Search: each highlight is text of the exact quote (a
			// word may also occur elsewhere), and those within the exact
			// span cover each of its words.
			ix := NewIndex()
			ix.Add(Doc{ID: "x", Quote: c.Text})
			rs := ix.Search(c.Exact, 1)
			if len(rs) != 1 || len(rs[0].Matches) == 0 {
				t.Fatalf("Search(%q) = %+v", c.Exact, rs)
			}
			m := rs[0].Matches[0]
			runes := []rune(c.Text)
			var lit string
			for _, r := range m.Ranges {
				got := string(runes[r[0]:r[1]])
				if !strings.Contains(Fold(c.Exact), Fold(got)) {
					t.Errorf("range %v = %q, not part of %q", r, got, c.Exact)
				}
				if r[0] >= c.CodePoints[0] && r[1] <= c.CodePoints[1] {
					lit += got + " "
				}
			}
			for _, w := range words(Fold(c.Exact)) {
				if !strings.Contains(Fold(lit), w) {
					t.Errorf("highlighted %q misses %q", lit, w)
				}
			}
		})
	}
}
