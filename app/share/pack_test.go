package share

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
)

func TestClassPack(t *testing.T) {
	art := fixtureArticle(t)
	anns := fixtureAnnotations(t, art)
	data, name, err := ExportClassPack(art, anns, "Mark every claim & give a verdict.", "Ms Rivera", RoleTeacher, exportDay)
	if err != nil {
		t.Fatal(err)
	}
	if name != "blinken-beijing-talks-2026-11-26.annotator.json" {
		t.Errorf("file name %q", name)
	}
	var raw struct {
		Type        string          `json:"type"`
		Annotations json.RawMessage `json:"annotations"`
	}
	if err := json.Unmarshal(data, &raw); err != nil || raw.Type != ClassPackType {
		t.Fatalf("pack: %v %q", err, raw.Type)
	}
	checkW3C(t, "pack-collection.jsonld", raw.Annotations, len(anns))

	// A student without the article: it is part of the plan.
	set, err := ParseImport(data, name, nil)
	if err != nil {
		t.Fatal(err)
	}
	if set.Format != FormatClassPack || len(set.NewArticles) != 1 || set.NewArticles[0].Origin != "local" ||
		len(set.Annotations) != len(anns) || len(set.Rejected) != 0 || set.Pack.Instructions != "Mark every claim & give a verdict." {
		t.Fatalf("set: format %q, new articles %d, accepted %d, rejected %v", set.Format, len(set.NewArticles), len(set.Annotations), set.Rejected)
	}
	want := "class pack: ‘A real conversation’: Blinken has talks in China (teacher Ms Rivera)"
	if got := set.Annotations[0].Annotation.Source; got != want {
		t.Errorf("provenance %q", got)
	}
	p := PreviewImport(set, nil)
	if p.New != len(anns) || len(p.NewArticles) != 1 || len(p.Writes[art.ID]) != len(anns) {
		t.Errorf("preview %+v", p)
	}
	// A reader who has the article: nothing to add.
	set, err = ParseImport(data, name, library(art))
	if err != nil || len(set.NewArticles) != 0 {
		t.Fatalf("%v, %d new articles", err, len(set.NewArticles))
	}
}

func TestClassPackTampered(t *testing.T) {
	art := fixtureArticle(t)
	data, _, err := ExportClassPack(art, nil, "", "Ms Rivera", RoleTeacher, exportDay)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, from, to, want string }{
		{"text changed", "Qin Gang in Beijing", "Qin Gang in Shanghai", "content hash"},
		{"bad id", `"id": "blinken-beijing-talks"`, `"id": "../etc/passwd"`, "invalid id"},
		{"wrong role", `"role": "teacher"`, `"role": "admin"`, "unknown role"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.ReplaceAll(string(data), tc.from, tc.to)
			if bad == string(data) {
				t.Fatalf("%q not in the pack", tc.from)
			}
			set, err := ParseImport([]byte(bad), "p.annotator.json", nil)
			if err == nil || set != nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error saying %q", err, tc.want)
			}
		})
	}
}

func TestClassPackForeignTarget(t *testing.T) {
	art := fixtureArticle(t)
	anns := fixtureAnnotations(t, art)[:2]
	data, _, err := ExportClassPack(art, anns, "", "Sam", RoleStudent, exportDay)
	if err != nil {
		t.Fatal(err)
	}
	// The last target's source (the article's own comes first in the file).
	from := `"source": "https://example.com/news/blinken-talks"`
	i := strings.LastIndex(string(data), from)
	bad := string(data[:i]) + `"source": "https://other.example/"` + string(data[i+len(from):])
	set, err := ParseImport([]byte(bad), "p.annotator.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Annotations) != 1 || len(set.Rejected) != 1 || !strings.Contains(set.Rejected[0].Reason, "not on the class pack's article") {
		t.Errorf("accepted %d, rejected %v", len(set.Annotations), set.Rejected)
	}
	if got := set.Annotations[0].Annotation.Source; !strings.HasSuffix(got, "(student Sam)") {
		t.Errorf("provenance %q", got)
	}
}

func TestCompare(t *testing.T) {
	art := fixtureArticle(t)
	text := anchor.NewText(art.Text)
	claim := func(id int, quote string, v annotation.Verdict) annotation.Annotation {
		q, p := span(t, art, quote)
		return annotation.Annotation{ID: uuid(id), Article: art.ID, Kind: annotation.KindClaim, Quote: q, Position: p,
			Claim: &annotation.Claim{Verdict: v}}
	}
	const s1 = "Sunday’s talks marked the start of the highest-level trip"
	const s2 = "reduce the risk of misperception"
	rows := Compare(map[string][]annotation.Annotation{
		"teacher": {claim(1, s1, annotation.VerdictMostlyAccurate), claim(2, s2, annotation.VerdictAccurate)},
		"ana":     {claim(3, "highest-level trip by a US official", annotation.VerdictMostlyAccurate), claim(4, s2, annotation.VerdictMixed)},
		"ben":     {claim(5, "the start of the highest-level", ""), {ID: uuid(6), Kind: annotation.KindHighlight}},
	}, text)
	if len(rows) != 2 {
		t.Fatalf("got %d rows: %+v", len(rows), rows)
	}
	if r := rows[0]; len(r.Verdicts) != 3 || r.Agree || r.Verdicts["ben"] != annotation.VerdictUnverified || !strings.HasPrefix(r.Quote, "Sunday’s talks") {
		t.Errorf("row 0: %+v", r)
	}
	if r := rows[1]; len(r.Verdicts) != 2 || r.Agree || r.Quote != s2 {
		t.Errorf("row 1: %+v", r)
	}
	rows = Compare(map[string][]annotation.Annotation{"a": {claim(1, s2, "accurate")}, "b": {claim(2, s2, "accurate")}}, text)
	if len(rows) != 1 || !rows[0].Agree {
		t.Errorf("agreement: %+v", rows)
	}
}
