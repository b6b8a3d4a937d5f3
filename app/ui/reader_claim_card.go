package ui

import (
	"strconv"
	"strings"

	"github.com/annotator/annotator/app/anchor"
	"github.com/annotator/annotator/app/annotation"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderClaimCard is the card of an open claim: its type, speaker, verdict,
// evidence, rationale and tags, each saved as it changes.
func (p *readerPage) renderClaimCard(a annotation.Annotation) app.UI {
	if a.Claim == nil {
		return nil
	}
	id := a.ID
	c := a.Claim
	r := p.anchors[id]
	st := p.claimUI()
	return p.cardFrame(a, "card annotation-card claim-card", "Claim",
		p.renderSnapChoice(a, st),
		app.If(r.Status == anchor.Orphan, func() app.UI {
			return app.P().Class("review").Text("This claim's passage is no longer in the article.")
		}),
		p.renderClaimType(id, c),
		p.renderSpeaker(a),
		p.renderVerdicts(id, c),
		p.renderEvidence(id, c, st),
		app.Div().Class("field").Body(
			app.Label().For("rationale-"+id).Text("Rationale"),
			app.Textarea().ID("rationale-"+id).Rows(4).Text(c.Rationale).
				Aria("describedby", "rationale-hint-"+id).
				OnInput(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					p.editClaim(ctx, id, func(c *annotation.Claim) { c.Rationale = v })
				}, app.EventScope(id)),
			app.P().ID("rationale-hint-"+id).Class("hint").Text("Why this verdict, in plain text. Saved as you type."),
		),
		p.renderClaimTags(a),
		app.P().Class("hint").Text(cardTimes(a)),
		app.Div().Class("row").Body(
			app.Button().Type("button").Class("danger").Text("Delete claim").
				OnClick(func(ctx app.Context, e app.Event) { p.remove(ctx, id) }, app.EventScope(id)),
		),
	)
}

// renderSnapChoice offers, for a claim just snapped to its sentence, to keep
// the reader's exact selection instead, and back.
func (p *readerPage) renderSnapChoice(a annotation.Annotation, st *claimState) app.UI {
	if st.snapID != a.ID || st.exact == st.sentence {
		return nil
	}
	id := a.ID
	onSentence := a.Position.Start == st.sentence.Start && a.Position.End == st.sentence.End
	if onSentence {
		return app.Div().Class("row snap").Body(
			app.Span().Class("hint").Text("Snapped to the whole sentence."),
			app.Button().Type("button").Class("quiet").Text("Keep my exact selection").
				OnClick(func(ctx app.Context, e app.Event) {
					p.setClaimSpan(ctx, id, st.exact)
					say(ctx, "The claim now covers only your selection.")
				}, app.EventScope(id)),
		)
	}
	return app.Div().Class("row snap").Body(
		app.Span().Class("hint").Text("Your exact selection."),
		app.Button().Type("button").Class("quiet").Text("Use the whole sentence").
			OnClick(func(ctx app.Context, e app.Event) {
				p.setClaimSpan(ctx, id, st.sentence)
				say(ctx, "The claim covers the whole sentence again.")
			}, app.EventScope(id)),
	)
}

func (p *readerPage) renderClaimType(id string, c *annotation.Claim) app.UI {
	types := annotation.ClaimTypes()
	hint := "Choose what kind of claim this is."
	if info, ok := c.Type.Info(); ok {
		hint = info.Description
	}
	return app.Div().Class("field").Body(
		app.Label().For("claim-type-"+id).Text("Type of claim"),
		app.Select().ID("claim-type-"+id).Aria("describedby", "claim-type-hint-"+id).
			OnChange(func(ctx app.Context, e app.Event) {
				v := annotation.ClaimType(ctx.JSSrc().Get("value").String())
				if v == claimTypeNone {
					v = ""
				}
				p.editClaim(ctx, id, func(c *annotation.Claim) { c.Type = v })
			}, app.EventScope(id)).
			Body(
				app.Option().Value(claimTypeNone).Selected(c.Type == "").Text("Not classified yet"),
				app.Range(types).Slice(func(i int) app.UI {
					t := types[i]
					return app.Option().Value(string(t.Type)).Selected(c.Type == t.Type).Text(t.Name)
				}),
			),
		app.P().ID("claim-type-hint-"+id).Class("hint").Text(hint),
	)
}

func (p *readerPage) renderSpeaker(a annotation.Annotation) app.UI {
	id := a.ID
	r := p.anchors[id]
	start, end := r.Start, r.End
	if r.Status == anchor.Orphan {
		start, end = -1, -1
	}
	cands := annotation.SpeakerCandidates(p.art.Text, start, end)
	return app.Div().Class("field").Body(
		app.Label().For("speaker-"+id).Text("Speaker"),
		app.Input().Type("text").ID("speaker-"+id).List("speakers-"+id).
			Value(a.Claim.Speaker).
			Aria("describedby", "speaker-hint-"+id).
			OnChange(func(ctx app.Context, e app.Event) {
				v := strings.Join(strings.Fields(ctx.JSSrc().Get("value").String()), " ")
				p.editClaim(ctx, id, func(c *annotation.Claim) { c.Speaker = v })
			}, app.EventScope(id)),
		app.P().ID("speaker-hint-"+id).Class("hint").Text("Who makes the claim, when the article says. Pick a name from the article or type one."),
		app.DataList().ID("speakers-"+id).Body(
			app.Range(cands).Slice(func(i int) app.UI { return app.Option().Value(cands[i]) }),
		),
	)
}

func (p *readerPage) renderVerdicts(id string, c *annotation.Claim) app.UI {
	vs := annotation.Verdicts()
	cur := c.Verdict.OrDefault()
	return app.FieldSet().Class("verdicts").Body(
		app.Legend().Text("Verdict"),
		app.Range(vs).Slice(func(i int) app.UI {
			v := vs[i]
			inputID := "verdict-" + string(v.Verdict) + "-" + id
			return app.Label().For(inputID).Class("verdict-choice verdict-"+string(v.Verdict)).Body(
				app.Input().Type("radio").ID(inputID).Name("verdict-"+id).
					Value(string(v.Verdict)).Checked(cur == v.Verdict).
					OnChange(func(ctx app.Context, e app.Event) {
						p.editClaim(ctx, id, func(c *annotation.Claim) { c.Verdict = v.Verdict })
					}, app.EventScope(id)),
				app.Span().Class("verdict-symbol").Aria("hidden", "true").Text(v.Symbol),
				app.Span().Class("verdict-label").Text(v.Label),
			)
		}),
	)
}

// renderEvidence lists the claim's evidence, each editable, and a form for
// one more. An address is checked at its field before it is saved.
func (p *readerPage) renderEvidence(id string, c *annotation.Claim, st *claimState) app.UI {
	draft := annotation.Evidence{}
	draftErr := ""
	if st.draftFor == id {
		draft, draftErr = st.draft, st.draftErr
	}
	urlID, errID := "evidence-url-"+id, "evidence-url-error-"+id
	describedBy := "evidence-url-hint-" + id
	if draftErr != "" {
		describedBy = errID + " " + describedBy
	}
	add := func(ctx app.Context) {
		p.draftFor(st, id)
		if msg := urlProblem(st.draft.URL); msg != "" {
			st.draftErr = msg
			focusElement(urlID)
			return
		}
		if cur, ok := p.claimByID(id); ok && len(cur.Claim.Evidence) >= annotation.MaxEvidence {
			st.draftErr = "A claim can cite at most " + strconv.Itoa(annotation.MaxEvidence) + " pieces of evidence."
			return
		}
		e := annotation.Evidence{
			URL:   st.draft.URL,
			Title: strings.TrimSpace(st.draft.Title),
			Quote: strings.TrimSpace(st.draft.Quote),
		}
		if !p.editClaim(ctx, id, func(c *annotation.Claim) { c.Evidence = append(c.Evidence, e) }) {
			return // the message says why; what was typed stays in the fields
		}
		st.draft, st.draftErr = annotation.Evidence{}, ""
		for _, f := range []string{urlID, "evidence-title-" + id, "evidence-quote-" + id} {
			clearFieldValue(f)
		}
		say(ctx, "Added the evidence “"+shorten(firstNonEmpty(e.Title, e.URL), 60)+"”.")
		focusElement(urlID)
	}
	return app.Section().Class("evidence").Aria("labelledby", "evidence-heading-"+id).Body(
		app.H3().ID("evidence-heading-"+id).Text("Evidence ("+strconv.Itoa(len(c.Evidence))+")"),
		app.If(len(c.Evidence) > 0, func() app.UI {
			return app.Ol().Class("evidence-list").Aria("label", "Evidence").Body(
				app.Range(c.Evidence).Slice(func(i int) app.UI { return p.renderEvidenceItem(id, i, c.Evidence[i], st) }),
			)
		}),
		app.Div().Class("evidence-new").Body(
			app.Label().For(urlID).Text("Evidence address (URL)"),
			app.Input().Type("url").ID(urlID).Value(draft.URL).
				Placeholder("https://").
				Aria("invalid", draftErr != "").
				Aria("describedby", describedBy).
				OnInput(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					p.draftFor(st, id)
					st.draft.URL = v
					if st.draftErr != "" {
						// Once a message is shown, it follows the typing.
						st.draftErr = urlProblem(v)
					}
				}, app.EventScope(id)).
				OnKeyDown(func(ctx app.Context, e app.Event) {
					if e.Get("key").String() == "Enter" {
						add(ctx)
					}
				}, app.EventScope(id)),
			// The slot stays in place so the fields after it are not redrawn.
			app.Div().Class("field-error-slot").Body(
				app.If(draftErr != "", func() app.UI {
					return app.P().ID(errID).Class("problem field-error").Text(draftErr)
				}),
			),
			app.P().ID("evidence-url-hint-"+id).Class("hint").Text("An http or https address."),
			app.Label().For("evidence-title-"+id).Text("Evidence title"),
			app.Input().Type("text").ID("evidence-title-"+id).Value(draft.Title).
				OnInput(func(ctx app.Context, e app.Event) {
					p.draftFor(st, id)
					st.draft.Title = ctx.JSSrc().Get("value").String()
				}, app.EventScope(id)),
			app.Label().For("evidence-quote-"+id).Text("Quoted passage (optional)"),
			app.Textarea().ID("evidence-quote-"+id).Rows(2).Text(draft.Quote).
				OnInput(func(ctx app.Context, e app.Event) {
					p.draftFor(st, id)
					st.draft.Quote = ctx.JSSrc().Get("value").String()
				}, app.EventScope(id)),
			app.Div().Class("row").Body(
				app.Button().Type("button").Text("Add evidence").
					OnClick(func(ctx app.Context, e app.Event) { add(ctx) }, app.EventScope(id)),
			),
		),
	)
}

// draftFor makes the evidence draft belong to claim id, starting afresh
// when it belonged to another.
func (p *readerPage) draftFor(st *claimState, id string) {
	if st.draftFor != id {
		st.draftFor, st.draft, st.draftErr = id, annotation.Evidence{}, ""
	}
}

func (p *readerPage) renderEvidenceItem(id string, i int, ev annotation.Evidence, st *claimState) app.UI {
	n := strconv.Itoa(i + 1)
	key := id + "#" + n
	urlID, errID := "evidence-"+n+"-url-"+id, "evidence-"+n+"-url-error-"+id
	url := ev.URL
	if t, ok := st.urlText[key]; ok {
		url = t
	}
	msg := st.urlErr[key]
	title := firstNonEmpty(ev.Title, ev.URL)
	return app.Li().Class("evidence-item").Body(
		app.P().Class("evidence-link").Body(
			app.A().Href(ev.URL).Target("_blank").Rel("noopener noreferrer").Body(
				app.Text(title),
				app.Span().Class("visually-hidden").Text(" (opens in a new tab)"),
			),
		),
		app.If(ev.Quote != "", func() app.UI { return app.Blockquote().Class("evidence-quote").Text(ev.Quote) }),
		app.Details().Body(
			app.Summary().Text("Edit evidence "+n),
			app.Label().For(urlID).Text("Address of evidence "+n),
			app.Input().Type("url").ID(urlID).Value(url).
				Aria("invalid", msg != "").
				Aria("describedby", map[bool]string{true: errID, false: ""}[msg != ""]).
				OnChange(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					if m := urlProblem(v); m != "" {
						st.urlText[key], st.urlErr[key] = v, m
						focusElement(urlID)
						return
					}
					delete(st.urlText, key)
					delete(st.urlErr, key)
					p.editClaim(ctx, id, func(c *annotation.Claim) {
						if i < len(c.Evidence) {
							c.Evidence[i].URL = v
						}
					})
				}, app.EventScope(key)),
			app.Div().Class("field-error-slot").Body(
				app.If(msg != "", func() app.UI { return app.P().ID(errID).Class("problem field-error").Text(msg) }),
			),
			app.Label().For("evidence-"+n+"-title-"+id).Text("Title of evidence "+n),
			app.Input().Type("text").ID("evidence-"+n+"-title-"+id).Value(ev.Title).
				OnChange(func(ctx app.Context, e app.Event) {
					v := strings.TrimSpace(ctx.JSSrc().Get("value").String())
					p.editClaim(ctx, id, func(c *annotation.Claim) {
						if i < len(c.Evidence) {
							c.Evidence[i].Title = v
						}
					})
				}, app.EventScope(key)),
			app.Label().For("evidence-"+n+"-quote-"+id).Text("Quoted passage of evidence "+n),
			app.Textarea().ID("evidence-"+n+"-quote-"+id).Rows(2).Text(ev.Quote).
				OnChange(func(ctx app.Context, e app.Event) {
					v := strings.TrimSpace(ctx.JSSrc().Get("value").String())
					p.editClaim(ctx, id, func(c *annotation.Claim) {
						if i < len(c.Evidence) {
							c.Evidence[i].Quote = v
						}
					})
				}, app.EventScope(key)),
		),
		app.Button().Type("button").Class("danger").Text("Remove evidence "+n).
			OnClick(func(ctx app.Context, e app.Event) {
				for k := range st.urlText {
					if strings.HasPrefix(k, id+"#") {
						delete(st.urlText, k)
						delete(st.urlErr, k)
					}
				}
				if p.editClaim(ctx, id, func(c *annotation.Claim) {
					if i < len(c.Evidence) {
						c.Evidence = append(c.Evidence[:i], c.Evidence[i+1:]...)
					}
				}) {
					say(ctx, "Removed the evidence.")
				}
			}, app.EventScope(key)),
	)
}

// renderClaimTags is the tags field, as on any annotation's card.
func (p *readerPage) renderClaimTags(a annotation.Annotation) app.UI {
	id := a.ID
	known := p.knownTags()
	return app.Div().Class("field").Body(
		app.Label().For("tags-"+id).Text("Tags"),
		app.Input().Type("text").ID("tags-"+id).List("tag-suggestions").
			Value(strings.Join(a.Tags, ", ")).
			Aria("describedby", "tags-hint-"+id).
			OnChange(func(ctx app.Context, e app.Event) {
				v := ctx.JSSrc().Get("value").String()
				p.update(ctx, id, func(a *annotation.Annotation) error {
					a.Tags = annotation.NormalizeTags(strings.Split(v, ","))
					return nil
				})
			}, app.EventScope(id)),
		app.P().ID("tags-hint-"+id).Class("hint").Text("Separate tags with commas."),
		app.DataList().ID("tag-suggestions").Body(
			app.Range(known).Slice(func(i int) app.UI { return app.Option().Value(known[i]) }),
		),
	)
}

// claimByID returns the live claim with this id.
func (p *readerPage) claimByID(id string) (annotation.Annotation, bool) {
	if i := p.index(id); i >= 0 && p.anns[i].Claim != nil {
		return p.anns[i], true
	}
	return annotation.Annotation{}, false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
