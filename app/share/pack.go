package share

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annotator/annotator/app/annotation"
	"github.com/annotator/annotator/app/article"
)

// ClassPackType is the "type" of a class pack file.
const ClassPackType = "AnnotatorClassPack"

// Roles of who made a class pack.
const (
	RoleTeacher = "teacher"
	RoleStudent = "student"
)

// MaxInstructionsLen bounds a class pack's instructions, in characters.
const MaxInstructionsLen = 20000

// ClassPack is the .annotator.json file a teacher hands out (the article,
// instructions and the teacher's annotations) and a student hands back (the
// same article and the student's annotations).
type ClassPack struct {
	Type         string           `json:"type"` // ClassPackType
	Version      int              `json:"version"`
	Article      *article.Article `json:"article"`
	Instructions string           `json:"instructions,omitempty"`
	// Creator and Role say who made the pack, for provenance:
	// "class pack: <title> (teacher Ms Rivera)".
	Creator string `json:"creator,omitempty"`
	Role    string `json:"role,omitempty"`
	// Gives says what a teacher's pack gives the students (PackGives); a
	// student's pack gives everything and does not say.
	Gives PackGives `json:"gives,omitempty"`
	// Annotations is a W3C AnnotationCollection.
	Annotations json.RawMessage `json:"annotations"`
}

// PackGives is what a teacher's class pack gives the students.
type PackGives string

const (
	// PackArticle gives the article alone: no annotations, no instructions.
	PackArticle PackGives = "article"
	// PackQuestions gives the article, the instructions and the teacher's
	// annotations, with each claim's verdict, rationale and evidence left
	// out: the claims to assess, not the answers. The default.
	PackQuestions PackGives = "questions"
	// PackEverything gives all of it, verdicts and rationales included.
	PackEverything PackGives = "everything"
)

// PackExport describes a class pack to make (PackExport.ClassPack).
type PackExport struct {
	Article *article.Article
	// Annotations are the maker's own on the article.
	Annotations  []annotation.Annotation
	Instructions string // a teacher's, for the students
	// Creator and Role say who makes it: a display name, and RoleTeacher
	// or RoleStudent.
	Creator, Role string
	// Gives is what a teacher's pack gives ("" is PackQuestions, which
	// hides the verdicts); a student's pack hands back everything.
	Gives PackGives
	// Labels are the maker's names for labels, which the W3C collection
	// inside carries as the label bodies' names.
	Labels annotation.LabelNames
}

// ClassPack makes the class pack (.annotator.json), named
// "<article id>-<person>-<role>.annotator.json" (PackFilename), so that a
// class's returns can be told apart and saved side by side.
func (p PackExport) ClassPack() ([]byte, string, error) {
	art := p.Article
	if art == nil {
		return nil, "", ErrNothingToExport
	}
	if err := checkPackArticle(art); err != nil {
		return nil, "", err
	}
	if utf8.RuneCountInString(p.Instructions) > MaxInstructionsLen {
		return nil, "", fmt.Errorf("the instructions are too long: at most %d characters", MaxInstructionsLen)
	}
	if p.Role != RoleTeacher && p.Role != RoleStudent {
		return nil, "", fmt.Errorf("unknown class pack role %q", p.Role)
	}
	gives := p.Gives
	switch {
	case p.Role == RoleStudent:
		gives = ""
	case gives == "":
		gives = PackQuestions
	case gives != PackArticle && gives != PackQuestions && gives != PackEverything:
		return nil, "", fmt.Errorf("unknown class pack contents %q", gives)
	}
	anns, instructions := p.Annotations, p.Instructions
	switch gives {
	case PackArticle:
		anns, instructions = nil, ""
	case PackQuestions:
		anns = withoutAnswers(anns)
	}
	name := PackFilename(art.ID, p.Creator, p.Role)
	coll, err := json.Marshal(buildCollection("urn:annotator:export:"+name, "Annotations on "+art.Title, []Item{{Article: art, Annotations: anns}}, p.Labels))
	if err != nil {
		return nil, "", err
	}
	data, err := marshalIndent(ClassPack{Type: ClassPackType, Version: 1, Article: art,
		Instructions: instructions, Creator: p.Creator, Role: p.Role, Gives: gives, Annotations: coll})
	return data, name, err
}

// withoutAnswers returns copies of anns whose claims have no verdict,
// rationale or evidence: what a teacher asks, not what they found.
func withoutAnswers(anns []annotation.Annotation) []annotation.Annotation {
	out := make([]annotation.Annotation, len(anns))
	for i, a := range anns {
		if a.Claim != nil {
			c := *a.Claim
			c.Verdict, c.Rationale, c.Evidence = "", "", nil
			a.Claim = &c
		}
		out[i] = a
	}
	return out
}

// PackFilename names a class pack: "<article id>-<person>-<role>.annotator.json",
// the person's name made safe for any file system (PersonSlug).
func PackFilename(articleID, person, role string) string {
	return articleID + "-" + PersonSlug(person) + "-" + role + ".annotator.json"
}

// maxSlugLen bounds PersonSlug, in characters.
const maxSlugLen = 40

// PersonSlug makes a person's name safe in a file name on any system: the
// letters (of any script, in lower case) and digits are kept, every other
// run of characters (spaces, punctuation, path separators, controls,
// combining marks) becomes one "-", at most 40 characters; "unnamed" when
// nothing is left. "Ms Rivera" is "ms-rivera", "Zoë Ödegaard" "zoë-ödegaard".
func PersonSlug(name string) string {
	var out []rune
	dash := false
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			dash = len(out) > 0
			continue
		}
		if dash {
			out = append(out, '-')
			dash = false
		}
		out = append(out, unicode.ToLower(r))
		if len(out) >= maxSlugLen {
			break
		}
	}
	out = out[:min(len(out), maxSlugLen)]
	if s := strings.TrimRight(string(out), "-"); s != "" {
		return s
	}
	return "unnamed"
}

// checkPackArticle checks that an article in a class pack is whole and
// unaltered (article.Check).
func checkPackArticle(a *article.Article) error {
	if err := a.Check(); err != nil {
		return errors.New("the class pack's article " + err.Error())
	}
	return nil
}

// readClassPack reads a class pack's fields, which the splitter kept by
// path, checks them and its article, and makes the article the one its
// annotations must be on.
func (c *converter) readClassPack(sp *splitter) error {
	s := c.set
	var p ClassPack
	for path, dst := range map[string]any{".type": &p.Type, ".version": &p.Version, ".article": &p.Article,
		".instructions": &p.Instructions, ".creator": &p.Creator, ".role": &p.Role} {
		if raw := sp.top[path]; raw != nil {
			if err := json.Unmarshal(raw, dst); err != nil {
				return fmt.Errorf("this class pack is damaged: its %s is not what a class pack holds there", strings.TrimPrefix(path, "."))
			}
		}
	}
	switch {
	case p.Version != 1:
		return fmt.Errorf("this class pack is version %d; this app reads version 1", p.Version)
	case p.Article == nil:
		return errors.New("this class pack has no article")
	case utf8.RuneCountInString(p.Instructions) > MaxInstructionsLen:
		return fmt.Errorf("this class pack's instructions are too long: at most %d characters", MaxInstructionsLen)
	case utf8.RuneCountInString(p.Creator) > annotation.MaxCreatorLen:
		return errors.New("this class pack's creator name is too long")
	case p.Role != "" && p.Role != RoleTeacher && p.Role != RoleStudent:
		return fmt.Errorf("this class pack has an unknown role “%s”", clip(p.Role))
	}
	if err := checkPackArticle(p.Article); err != nil {
		return err
	}
	art := p.Article
	if sum, ok := c.byID[art.ID]; !ok {
		local := *art
		local.Origin = "local"
		s.NewArticles = append(s.NewArticles, &local)
	} else if sum.Hash != art.Hash {
		s.Warnings = append(s.Warnings, fmt.Sprintf("your copy of “%s” differs from the class pack's; the annotations are kept and may need review", clip(art.Title)))
	}
	s.Pack = &p
	if sp.lists[".annotations"] || sp.top[".annotations"] != nil {
		if raw := sp.top[".annotations"]; raw != nil && string(bytes.TrimSpace(raw)) != "null" {
			return errors.New("this class pack's annotations are not an AnnotationCollection")
		}
		if sp.lists[".annotations"] && !names(sp.top[".annotations.type"])["AnnotationCollection"] {
			return errors.New("this class pack's annotations are not an AnnotationCollection")
		}
		if err := remotePage(sp.top[".annotations.first"]); err != nil {
			return err
		}
	}
	c.forced = art
	return nil
}
