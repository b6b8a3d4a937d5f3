package share

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
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
	// Annotations is a W3C AnnotationCollection.
	Annotations json.RawMessage `json:"annotations"`
}

// ExportClassPack makes a class pack of art and anns (.annotator.json, named
// "<article id>-<YYYY-MM-DD>.annotator.json"). role is RoleTeacher or
// RoleStudent; creator is the maker's display name.
func ExportClassPack(art *article.Article, anns []annotation.Annotation, instructions, creator, role string, date time.Time) ([]byte, string, error) {
	if art == nil {
		return nil, "", ErrNothingToExport
	}
	if err := checkPackArticle(art); err != nil {
		return nil, "", err
	}
	if utf8.RuneCountInString(instructions) > MaxInstructionsLen {
		return nil, "", fmt.Errorf("the instructions are too long: at most %d characters", MaxInstructionsLen)
	}
	if role != RoleTeacher && role != RoleStudent {
		return nil, "", fmt.Errorf("unknown class pack role %q", role)
	}
	name := art.ID + "-" + date.Format("2006-01-02") + ".annotator.json"
	coll, err := json.Marshal(buildCollection("urn:annotator:export:"+name, "Annotations on "+art.Title, []Item{{Article: art, Annotations: anns}}))
	if err != nil {
		return nil, "", err
	}
	data, err := marshalIndent(ClassPack{Type: ClassPackType, Version: 1, Article: art,
		Instructions: instructions, Creator: creator, Role: role, Annotations: coll})
	return data, name, err
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
