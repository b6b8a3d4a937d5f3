package share

import (
	"strings"

	"github.com/annotator/annotator/app/article"
)

// articleURNPrefix names an article that has no web address of its own.
const articleURNPrefix = "urn:annotator:article:"

// SourceIRI is the target source of annotations on a: its Source when that is
// an http(s) URL, else "urn:annotator:article:<id>".
func SourceIRI(a *article.Article) string {
	if isWebURL(a.Source) {
		return a.Source
	}
	return articleURNPrefix + a.ID
}

// ArticleIDFromIRI maps a target source back to an article id: the urn form
// names the id itself; a web address is matched against the known articles'
// sources. It returns "" when nothing matches.
func ArticleIDFromIRI(iri string, known []article.Summary) string {
	if id, ok := strings.CutPrefix(iri, articleURNPrefix); ok {
		return id
	}
	if iri == "" {
		return ""
	}
	for _, s := range known {
		if s.Source == iri {
			return s.ID
		}
	}
	return ""
}

func isWebURL(s string) bool {
	l := strings.ToLower(s)
	return (strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")) && len(s) > len("http://") && !strings.ContainsAny(s, " \t\r\n\"<>")
}
