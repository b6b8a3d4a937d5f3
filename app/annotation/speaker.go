package annotation

import (
	"slices"
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

// objectVerbs are the verbs of speech whose next name is who was spoken
// to ("told Blinken"), not who spoke.
var objectVerbs = map[string]bool{"told": true, "warned": true, "asked": true}

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

// placePreps, before a single capitalised word, make it a likely place
// ("officials in Langstrasse"), unless it is also seen speaking.
var placePreps = map[string]bool{
	"in": true, "across": true, "near": true, "throughout": true, "inside": true, "outside": true,
	"into": true, "towards": true, "toward": true,
}

// SpeakerCandidates proposes who made the claim at [start,end) of text
// (offsets in code points), for the claim card to offer as the speaker:
// runs of capitalised words ("Antony Blinken", "State Department"),
// most likely first: those inside the claim, those next to a word such as
// "said", and those the article mentions most. A capitalised word that only
// ever begins sentences ("Speaking", "The") is not a name.
//
// People and the organisations that speak for them are offered; places
// and other names that are not people are not: the countries, regions,
// US states and large cities news names most, the words for peoples
// (places.go), and a single word the article puts after "in" or "across"
// (a place it does not list). A place seen speaking ("Beijing said") is
// kept, since news lets a capital speak for its government. A title
// before a name is left out ("US Secretary of State Antony Blinken" is
// offered as "Antony Blinken"), and a title alone is no name.
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
		name   string
		score  int
		first  int
		spoke  bool // next to a verb of speech, at least once
		cue    bool // after "in", "across"…, at least once
		titled bool // after a title, at least once
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
		run, titled := afterTitle(run)
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
		// spoke: the name is the subject of a verb of speech ("Beijing
		// warned", "said Jane van Dyke", "according to Acme"), with nothing
		// but a space between; not its object ("warned Washington"), nor
		// a word before a comma ("in Langstrasse, said Maria Keller").
		spoke := false
		if next < len(ws) && speechVerbs[strings.ToLower(ws[next].text)] {
			score += 3
			spoke = ws[next].joined
		}
		k := indexOfWord(ws, run[0])
		if k > 0 && (speechVerbs[strings.ToLower(ws[k-1].text)] || strings.EqualFold(ws[k-1].text, "to") && k > 1 && strings.EqualFold(ws[k-2].text, "according")) {
			score += 3
			prev := strings.ToLower(ws[k-1].text)
			spoke = spoke || (ws[k].joined && !objectVerbs[prev])
		}
		c := byName[name]
		if c == nil {
			c = &cand{name: name, first: run[0].start}
			byName[name] = c
			order = append(order, c)
		}
		c.score += score
		c.spoke = c.spoke || spoke
		c.titled = c.titled || titled
		c.cue = c.cue || (k > 0 && len(run) == 1 && !run[0].possessive && placePreps[strings.ToLower(ws[k-1].text)])
	}
	order = slices.DeleteFunc(order, func(c *cand) bool {
		return !c.spoke && (isPlaceName(c.name) || (c.cue && !c.titled))
	})
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

// afterTitle returns the words of run after its last title, which are
// the name ("US Secretary of State Antony Blinken" → "Antony Blinken"),
// and whether there was one. A title alone leaves nothing.
func afterTitle(run []word) ([]word, bool) {
	last := -1
	for k, w := range run {
		if isTitleWord(w.text) {
			last = k
		}
	}
	if last < 0 {
		return run, false
	}
	j := last + 1
	if j < len(run) && run[j].text == "of" {
		j++
		for j < len(run)-1 && isPortfolioWord(run[j].text) {
			j++
		}
	}
	return run[j:], true
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
