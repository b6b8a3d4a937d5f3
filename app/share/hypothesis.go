package share

import (
	"encoding/json"
	"strings"

	"github.com/annotator/annotator/app/annotation"
)

// Hypothesis annotations come in four forms: one object as its API returns
// it (GET /api/annotations/{id}), a list of them, a search result
// ({"total", "rows": […]}) and the client's "Export annotations" file
// ({"export_date", "export_userid", "client_version", "annotations": […]}).
// Its fifth form, JSON-LD, is W3C. Each API object is rewritten here into
// the W3C form Hypothesis itself publishes (id https://hypothes.is/a/<id>,
// creator the account IRI, the text as a Markdown body, each tag a tagging
// body, the target with its selectors) and read by the same code, so that
// every form gives the same annotation: the same id, the same creator
// (acct:name@authority, shown as the display name when the API gives one),
// the original id kept as via.

// looksHypothesis tells a Hypothesis annotation from a W3C one: it has "uri"
// and "user" and no JSON-LD "type".
func looksHypothesis(raw []byte) bool {
	var probe struct {
		Type json.RawMessage `json:"type"`
		URI  *string         `json:"uri"`
		User *string         `json:"user"`
	}
	return json.Unmarshal(raw, &probe) == nil && probe.URI != nil && probe.User != nil && probe.Type == nil
}

// hypothesisToW3C rewrites one API annotation (decoded into generic JSON)
// as Hypothesis's own JSON-LD would give it, and returns its uri, the
// other address its article may be known by. reason says why it cannot be
// imported.
func hypothesisToW3C(m map[string]any) (w annotation.W3CAnnotation, uri, reason string) {
	id := firstString(m["id"])
	if id == "" {
		return w, "", "it has no id"
	}
	uri = firstString(m["uri"])
	via := "https://hypothes.is/a/" + id
	if links, ok := m["links"].(map[string]any); ok {
		// A Hypothesis service of its own: its address for the annotation.
		if html := firstString(links["html"]); strings.HasSuffix(html, "/a/"+id) && strings.HasPrefix(html, "https://") {
			via = html
		}
	}
	var targets []any
	quotes := false
	for _, t := range listOf(m["target"]) {
		tm, ok := t.(map[string]any)
		if !ok {
			continue
		}
		cp := make(map[string]any, len(tm)+1)
		for k, v := range tm {
			cp[k] = v
		}
		if firstString(cp["source"]) == "" {
			cp["source"] = uri
		}
		for _, s := range listOf(cp["selector"]) {
			if sm, ok := s.(map[string]any); ok && firstString(sm["type"]) == "TextQuoteSelector" {
				quotes = true
			}
		}
		targets = append(targets, cp)
	}
	if !quotes {
		if len(listOf(m["references"])) > 0 {
			return w, uri, "it is a reply to another annotation, not a passage of text"
		}
		return w, uri, "it quotes no text (a page note or a reply), so it has nothing to attach to"
	}
	var creator any = firstString(m["user"])
	if ui, ok := m["user_info"].(map[string]any); ok {
		if name := firstString(ui["display_name"]); name != "" {
			creator = map[string]any{"id": firstString(m["user"]), "type": "Person", "name": name}
		}
	}
	body := []any{}
	if text := firstString(m["text"]); text != "" {
		body = append(body, map[string]any{"type": "TextualBody", "value": text, "format": annotation.FormatMarkdown})
	}
	for _, t := range listOf(m["tags"]) {
		if tag, ok := t.(string); ok {
			body = append(body, map[string]any{"type": "TextualBody", "value": tag, "purpose": "tagging"})
		}
	}
	created, updated := firstString(m["created"]), firstString(m["updated"])
	if updated == "" {
		updated = created
	}
	v := map[string]any{"type": "Annotation", "id": via, "created": created, "modified": updated,
		"creator": creator, "body": body, "target": targets}
	w, err := annotation.W3CFromJSON(v)
	if err != nil {
		return w, uri, err.Error()
	}
	return w, uri, ""
}

func listOf(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

func firstString(v any) string {
	for _, x := range listOf(v) {
		if s, ok := x.(string); ok {
			return s
		}
	}
	return ""
}
