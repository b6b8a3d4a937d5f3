package annotation

import (
	"sort"
	"strings"
	"unicode"
)

// Guessing who made a claim. A news story names its speakers in runs of
// capitalised words next to a verb of speech ("…, Antony Blinken said"),
// so the claim card offers such runs, best first, for the reader to pick
// or ignore: a suggestion, never a decision. The word lists are English.

// speechVerbs, next to a name, make it a likely speaker.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "stated": true, "argued": true,
	"claimed": true, "wrote": true, "announced": true, "insisted": true, "warned": true,
	"according": true, "explained": true, "noted": true, "asked": true, "replied": true,
}

// nameConnectors may join capitalised words inside a name.
var nameConnectors = map[string]bool{
	"of": true, "de": true, "da": true, "del": true, "der": true, "van": true, "von": true,
	"al": true, "bin": true, "la": true, "le": true, "du": true, "di": true,
}

// notNames are capitalised words that are never a speaker on their own.
var notNames = map[string]bool{
	"I": true, "Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true, "January": true, "February": true, "March": true, "April": true,
	"May": true, "June": true, "July": true, "August": true, "September": true, "October": true,
	"November": true, "December": true,
}

type word struct {
	text       string
	start, end int  // code points
	initial    bool // first word of a sentence (or after a colon)
	joined     bool // only a single space separates it from the word before
	possessive bool // it ended in ’s, which was cut off
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’'
}

// words splits text into words, noting which begin a sentence (or follow
// a colon) and which follow the word before after a single space.
func words(rs []rune) []word {
	var out []word
	initial, gap := true, 0
	for i := 0; i < len(rs); {
		r := rs[i]
		if !isWordRune(r) || r == '-' || r == '\'' || r == '’' {
			switch {
			case r == '.' || r == '!' || r == '?' || r == '…' || r == ':':
				initial = true
			case r == '\n' && i+1 < len(rs) && rs[i+1] == '\n':
				initial = true
			}
			if r == ' ' {
				gap++
			} else {
				gap += 2
			}
			i++
			continue
		}
		j := i
		for j < len(rs) && isWordRune(rs[j]) {
			j++
		}
		w := word{start: i, end: j, initial: initial, joined: gap == 1 && len(out) > 0}
		t := strings.TrimRight(string(rs[i:j]), "-'’")
		for _, suf := range []string{"’s", "'s"} {
			if strings.HasSuffix(t, suf) {
				t, w.possessive = strings.TrimSuffix(t, suf), true
			}
		}
		w.text = t
		if t != "" {
			out = append(out, w)
		}
		initial, gap = false, 0
		i = j
	}
	return out
}

func capitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// SpeakerCandidates proposes who made the claim at [start,end) of text
// (offsets in code points), for the claim card to offer as the speaker:
// runs of capitalised words ("Antony Blinken", "State Department"),
// most likely first: those inside the claim, those next to a word such as
// "said", and those the article mentions most. A capitalised word that only
// ever begins sentences ("Speaking", "The") is not a name.
func SpeakerCandidates(text string, start, end int) []string {
	rs := []rune(text)
	ws := words(rs)
	// Words seen capitalised where a sentence does not begin are names.
	midCap := map[string]bool{}
	for _, w := range ws {
		if !w.initial && capitalised(w.text) {
			midCap[w.text] = true
		}
	}
	type cand struct {
		name  string
		score int
		first int
	}
	byName := map[string]*cand{}
	var order []*cand
	for i := 0; i < len(ws); {
		if !capitalised(ws[i].text) {
			i++
			continue
		}
		// Extend the run over joined capitalised words and connectors.
		j := i + 1
		for j < len(ws) && ws[j].joined && !ws[j-1].possessive {
			if capitalised(ws[j].text) {
				j++
				continue
			}
			if nameConnectors[ws[j].text] && j+1 < len(ws) && ws[j+1].joined && capitalised(ws[j+1].text) {
				j += 2
				continue
			}
			break
		}
		run := ws[i:j]
		next := j
		i = j
		if run[0].initial && !midCap[run[0].text] {
			run = run[1:]
			for len(run) > 0 && !capitalised(run[0].text) {
				run = run[1:]
			}
		}
		if len(run) == 0 || (len(run) == 1 && notNames[run[0].text]) {
			continue
		}
		parts := make([]string, len(run))
		for k, w := range run {
			parts[k] = w.text
		}
		name := strings.Join(parts, " ")
		if len([]rune(name)) < 2 {
			continue
		}
		score := 1
		if run[0].start < end && run[len(run)-1].end > start {
			score += 6
		}
		if next < len(ws) && speechVerbs[strings.ToLower(ws[next].text)] {
			score += 3
		}
		if k := indexOfWord(ws, run[0]); k > 0 && (speechVerbs[strings.ToLower(ws[k-1].text)] || strings.EqualFold(ws[k-1].text, "to") && k > 1 && strings.EqualFold(ws[k-2].text, "according")) {
			score += 3
		}
		c := byName[name]
		if c == nil {
			c = &cand{name: name, first: run[0].start}
			byName[name] = c
			order = append(order, c)
		}
		c.score += score
	}
	sort.SliceStable(order, func(a, b int) bool { return order[a].score > order[b].score })
	const maxCandidates = 12
	var out []string
	for _, c := range order {
		if len(out) == maxCandidates {
			break
		}
		out = append(out, c.name)
	}
	return out
}

func indexOfWord(ws []word, w word) int {
	lo, hi := 0, len(ws)
	for lo < hi {
		m := (lo + hi) / 2
		if ws[m].start < w.start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ws) && ws[lo].start == w.start {
		return lo
	}
	return -1
}
