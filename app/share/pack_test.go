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
	data, name, err := PackExport{Article: art, Annotations: anns, Instructions: "Mark every claim & give a verdict.", Creator: "Ms Rivera", Role: RoleTeacher, Gives: PackEverything}.ClassPack()
	if err != nil {
		t.Fatal(err)
	}
	if name != "blinken-beijing-talks-ms-rivera-teacher.annotator.json" {
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
	data, _, err := PackExport{Article: art, Annotations: nil, Instructions: "", Creator: "Ms Rivera", Role: RoleTeacher, Gives: PackEverything}.ClassPack()
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
	data, _, err := PackExport{Article: art, Annotations: anns, Instructions: "", Creator: "Sam", Role: RoleStudent}.ClassPack()
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

// Class packs are named after the article, the person and the role, so
// that a class's 25 returns can be told apart (issue 15, point 11).
func TestPackFilename(t *testing.T) {
	for _, tc := range []struct{ person, want string }{
		{"Ms Rivera", "ms-rivera"},
		{"Zoë Ödegaard", "zoë-ödegaard"},
		{"  Ana  ", "ana"},
		{"../../etc/passwd", "etc-passwd"},
		{`C:\Users\Bo "B" <Smith>`, "c-users-bo-b-smith"},
		{"王芳", "王芳"},
		{"O'Neil, Sam (period 3)", "o-neil-sam-period-3"},
		{"‮evil‬.exe", "evil-exe"}, // bidi controls are not letters
		{"!!!", "unnamed"},
		{"", "unnamed"},
		{strings.Repeat("abc ", 30), "abc-abc-abc-abc-abc-abc-abc-abc-abc-abc"},
	} {
		if got := PersonSlug(tc.person); got != tc.want {
			t.Errorf("PersonSlug(%q) = %q, want %q", tc.person, got, tc.want)
		}
	}
	art := fixtureArticle(t)
	for _, role := range []string{RoleTeacher, RoleStudent} {
		_, name, err := PackExport{Article: art, Creator: "Ms Rivera", Role: role}.ClassPack()
		if want := "blinken-beijing-talks-ms-rivera-" + role + ".annotator.json"; err != nil || name != want {
			t.Errorf("%s pack named %q (%v), want %q", role, name, err, want)
		}
	}
}

// What a teacher's pack gives the students: the article only, the
// article with the questions and instructions (the default: no verdicts,
// rationales or evidence), or everything. A student's pack is all theirs.
func TestPackGives(t *testing.T) {
	art := fixtureArticle(t)
	anns := fixtureAnnotations(t, art)
	read := func(p PackExport) (*ImportSet, PackGives) {
		t.Helper()
		data, name, err := p.ClassPack()
		if err != nil {
			t.Fatal(err)
		}
		var raw struct {
			Gives PackGives `json:"gives"`
		}
		if err := json.Unmarshal(data, &raw); err != nil {
			t.Fatal(err)
		}
		set, err := ParseImport(data, name, nil)
		if err != nil {
			t.Fatal(err)
		}
		return set, raw.Gives
	}
	answers := func(set *ImportSet) (claims, verdicts, rationales, evidence int) {
		for _, in := range set.Annotations {
			if c := in.Annotation.Claim; c != nil {
				claims++
				if c.Verdict.OrDefault() != annotation.VerdictUnverified {
					verdicts++
				}
				if c.Rationale != "" {
					rationales++
				}
				evidence += len(c.Evidence)
			}
		}
		return
	}
	base := PackExport{Article: art, Annotations: anns, Instructions: "Mark every claim.", Creator: "Ms Rivera", Role: RoleTeacher}

	set, gives := read(base) // the default
	if c, v, r, e := answers(set); gives != PackQuestions || len(set.Annotations) != len(anns) || c != 2 || v+r+e != 0 || set.Pack.Instructions != "Mark every claim." {
		t.Errorf("default pack gives %q: %d annotations, %d claims, %d verdicts, %d rationales, %d evidence, instructions %q", gives, len(set.Annotations), c, v, r, e, set.Pack.Instructions)
	}
	if anns[3].Claim.Verdict != annotation.VerdictMostlyAccurate || anns[3].Claim.Rationale == "" {
		t.Error("the teacher's own claim was changed")
	}

	base.Gives = PackEverything
	set, gives = read(base)
	if c, v, r, e := answers(set); gives != PackEverything || c != 2 || v != 1 || r != 1 || e != 2 {
		t.Errorf("everything: %q, %d claims, %d verdicts, %d rationales, %d evidence", gives, c, v, r, e)
	}

	base.Gives = PackArticle
	set, gives = read(base)
	if gives != PackArticle || len(set.Annotations) != 0 || set.Pack.Instructions != "" || len(set.NewArticles) != 1 {
		t.Errorf("article only: %q, %d annotations, instructions %q", gives, len(set.Annotations), set.Pack.Instructions)
	}

	student := PackExport{Article: art, Annotations: anns, Creator: "Ana", Role: RoleStudent, Gives: PackArticle}
	set, gives = read(student)
	if _, v, _, _ := answers(set); gives != "" || len(set.Annotations) != len(anns) || v != 1 {
		t.Errorf("a student's pack: %q, %d annotations, %d verdicts", gives, len(set.Annotations), v)
	}

	if _, _, err := (PackExport{Article: art, Creator: "X", Role: RoleTeacher, Gives: "answers"}).ClassPack(); err == nil {
		t.Error("an unknown choice was accepted")
	}
}
