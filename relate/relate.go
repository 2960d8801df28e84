package relate

import (
	"sort"
	"strings"
	"time"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/rules"
)

// Meeting is one occasion on which named people met or spoke.
type Meeting struct {
	Participants []string     `json:"participants"` // person ids, sorted
	Kind         string       `json:"kind"`         // meeting or call
	Date         *string      `json:"date"`         // YYYY-MM-DD, or null
	Place        *string      `json:"place"`        // a place's name, or null
	Evidence     extract.Span `json:"evidence"`     // the sentence, in the cable as read
}

// phrase is a compiled meeting phrase: its lower-case words.
type phrase struct {
	words  []string
	kind   string
	join   bool
	direct bool
	exhort bool // "call(ed) on": an appeal when "to" and a verb follow
}

// Finder finds meetings with a rule set's phrases. It is safe for use by
// many goroutines.
type Finder struct {
	phrases []phrase // longest first
	not     map[string]bool
	heads   map[string]bool // words that head a participant list, lower case
}

// New compiles a rule set's meeting phrases.
func New(set *rules.Set) *Finder {
	f := &Finder{not: map[string]bool{}, heads: map[string]bool{}}
	for _, w := range set.ListHeads {
		f.heads[strings.ToLower(w)] = true
	}
	for _, m := range set.Meetings {
		p := phrase{words: words(m.Phrase), kind: m.Kind, join: m.Join, direct: m.Direct}
		if n := len(p.words); n >= 2 && p.words[n-1] == "on" && strings.HasPrefix(p.words[n-2], "call") {
			p.exhort = true
		}
		if p.kind == "" {
			p.kind = "meeting"
		}
		if len(p.words) > 0 {
			f.phrases = append(f.phrases, p)
		}
	}
	sort.SliceStable(f.phrases, func(i, j int) bool { return len(f.phrases[i].words) > len(f.phrases[j].words) })
	for _, w := range set.NotMeetings {
		f.not[strings.ToLower(w)] = true
	}
	return f
}

// word is a word of a sentence with its byte range in the normalized text.
type word struct {
	s, e int
	w    string // lower case
}

// words splits a phrase into lower-case words; "..." stands for a gap.
func words(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if f == "..." {
			out = append(out, f)
			continue
		}
		for _, w := range scan(f, 0) {
			out = append(out, w.w)
		}
	}
	return out
}

func scan(s string, base int) []word {
	var out []word
	for i := 0; i < len(s); {
		if !wordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && (wordByte(s[j]) || s[j] == '\'' && j+1 < len(s) && wordByte(s[j+1])) {
			j++
		}
		out = append(out, word{base + i, base + j, strings.ToLower(s[i:j])})
		i = j
	}
	return out
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// person is a person's mention in the normalized text.
type person struct {
	id   string
	s, e int
}

// Cable finds the meetings of a cable from its extracted people and places.
func (f *Finder) Cable(c *cable.Cable, res *extract.Result) []Meeting {
	if res == nil || len(res.People) == 0 {
		return nil
	}
	text := c.Doc.Text.S
	var people []person
	for _, p := range res.People {
		for _, n := range p.Norm {
			people = append(people, person{id: p.ID, s: n[0], e: n[1]})
		}
	}
	sort.Slice(people, func(i, j int) bool { return people[i].s < people[j].s })
	places := placeSpans(res)
	evidence := func(s, e int) extract.Span {
		os, oe := c.Doc.Text.Span(s, e)
		return extract.Span{Start: os, End: oe, Text: c.Text[os:oe]}
	}

	var out []Meeting
	// last is the meeting the text reported last, and the paragraph it is
	// in: "He was joined by A and B" adds to it, in that paragraph or the
	// next. pending is one side of a meeting whose other side the sentence
	// leaves unnamed ("A and B sat down with members of the CODEL"), which
	// a later "participants included C and D" in the paragraph completes.
	last, lastPara := -1, -1
	var pending *Meeting
	for pi, para := range c.Doc.Paragraphs {
		pending = nil
		var ctxDate *string // the last date named in the paragraph
		for _, sent := range sentences(text, para.Start, para.End) {
			ws := scan(text[sent[0]:sent[1]], sent[0])
			date := findDate(ws, c.Time)
			if date != nil {
				ctxDate = date
			}
			r := f.sentence(text, sent, ws, people, places, topicOf(people, para.Start, sent[0]))
			dated := date
			if date == nil && !pluperfect(ws) {
				dated = ctxDate
			}
			if r.partial != nil {
				r.partial.Date = dated
			}
			for i := range r.meetings {
				r.meetings[i].Date = dated
				r.meetings[i].Evidence = evidence(sent[0], sent[1])
			}
			switch {
			case len(r.meetings) == 0:
			case r.joinOnly && last >= 0 && lastPara >= pi-1:
				// "The Secretary was accompanied by A and B": they took
				// part in the meeting reported last
				out[last].Participants = union(out[last].Participants, r.meetings[0].Participants)
				continue
			case r.joinOnly && pending != nil:
				m := *pending
				m.Participants = union(m.Participants, r.meetings[0].Participants)
				out = append(out, m)
				last, lastPara, pending = len(out)-1, pi, nil
				continue
			}
			if r.partial != nil {
				p := *r.partial
				p.Evidence = evidence(sent[0], sent[1])
				pending = &p
			}
			if len(r.meetings) > 0 {
				out = append(out, r.meetings...)
				last, lastPara = len(out)-1, pi
			}
		}
	}
	out = append(out, f.lists(c, people, places, out)...)
	return dedupe(out)
}

// dedupe drops the meetings equal to an earlier one in participants, kind
// and date.
func dedupe(ms []Meeting) []Meeting {
	seen := map[string]bool{}
	out := ms[:0]
	for _, m := range ms {
		key := strings.Join(m.Participants, "|") + "|" + m.Kind + "|" + deref(m.Date)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, m)
	}
	return out
}

// union returns the sorted ids of a and b, without repeats.
func union(a, b []string) []string {
	out := uniq(append(append([]string{}, a...), b...))
	sort.Strings(out)
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// found is what one sentence says of meetings.
type found struct {
	meetings []Meeting
	// joinOnly: the sentence's only phrase joins people to a meeting
	// ("accompanied by", "participants included") rather than reports one
	joinOnly bool
	// partial: a meeting phrase with people on one side and an unnamed
	// group on the other ("sat down with members of the CODEL")
	partial *Meeting
}

// sentence finds the meetings of one sentence: a meeting phrase not under
// a plan or negation, with named people before and after it.
func (f *Finder) sentence(text string, sent [2]int, ws []word, people []person, places []placeSpan, topic string) found {
	in := func(a, b int) []string {
		var ids []string
		for _, p := range people {
			if p.s >= a && p.e <= b && !contains(ids, p.id) && !possessive(text, p.e) && !informant(text, a, p.s) {
				ids = append(ids, p.id)
			}
		}
		return ids
	}
	var best Meeting
	var bestStar []Meeting
	var partial *Meeting
	bestJoin, meetingPhrase := false, false
	for i := 0; i < len(ws); i++ {
		p, n := f.match(ws, i)
		if n == 0 || f.negated(ws, i) {
			continue
		}
		end := ws[i+n-1].e
		if p.direct && !directObject(ws, i, i+n, people) {
			continue
		}
		before := in(sent[0], ws[i].s)
		if p.direct && !pronounObject(ws, i+n) {
			// "although Chief of Staff Daudzai told Ricciardone": the
			// subject right before the verb, not the sentence's others
			// (but "Ban noted that Obama had called him": him is Ban)
			before = listBefore(text, people, sent[0], ws[i].s)
		}
		if id := possessiveSubject(text, people, sent[0], ws, i); id != "" && !contains(before, id) {
			// "Secretary Clinton's March 31 conversation with FM Verhagen"
			before = append(before, id)
		}
		after := list(text, people, end, clauseEnd(text, end, sent[1]))
		if p.exhort && exhortation(text, people, end, sent[1]) {
			continue // "called on supporters to vote", "called on Maliki to act"
		}
		if subject := pronounSubject(ws, i); subject && topic != "" && !contains(before, topic) {
			// "..., he met with Ambassador Crocker": he is the paragraph's
			// first person
			before = append(before, topic)
		}
		if !p.join {
			meetingPhrase = true
		}
		var ids []string
		switch {
		case p.join:
			// "accompanied by B and C, A met D": everyone in the sentence
			// ("He was accompanied by B": he is the paragraph's first person)
			ids = in(sent[0], sent[1])
			if pronounSubject(ws, i) || pronounSubject(ws, len(ws)) {
				if topic != "" && !contains(ids, topic) {
					ids = append(ids, topic)
				}
			}
		case len(before) == 0:
			// "In a meeting with A and B, C said": the people after the
			// phrase and the subject of the clause after the comma, not
			// whoever else the sentence names ("During a meeting with the
			// DCM, religious leaders asked that President Obama ...")
			ids = after
			if id := clauseSubject(text, people, clauseEnd(text, end, sent[1]), sent[1]); id != "" {
				ids = append(ids, id)
			}
		case len(after) == 0 && p.direct:
			// "Ban noted that President Obama had called him"
			ids = before
		case len(after) == 0:
			// "Jackson had met with the press": no one named met; "A sat
			// down with members of the CODEL": the other side may be named
			// later
			if partial == nil && groupObject(ws, i+n) {
				ids := uniq(before)
				sort.Strings(ids)
				partial = &Meeting{Participants: ids, Kind: p.kind}
			}
			continue
		case len(after) >= 3:
			// "meeting with President Talabani, Prime Minister Maliki and
			// Vice Presidents Hashimi and Abdul Mehdi": one call on each
			var star []Meeting
			for _, a := range after {
				ids := uniq(append(append([]string{}, before...), a))
				sort.Strings(ids)
				if len(ids) >= 2 {
					star = append(star, Meeting{Participants: ids, Kind: p.kind})
				}
			}
			if len(star) > len(bestStar) {
				bestStar = star
			}
			continue
		default:
			ids = append(before, after...)
		}
		ids = uniq(ids)
		if len(ids) < 2 || len(ids) <= len(best.Participants) {
			continue
		}
		// of the phrases of a sentence, the one that gathers the most people
		// ("Following his meetings with GOI officials, accompanied by A and
		// B, he met with C and D")
		sort.Strings(ids)
		best = Meeting{Participants: ids, Kind: p.kind}
		bestJoin = p.join
	}
	var out found
	switch {
	case len(bestStar) > 0 && len(bestStar)+1 > len(best.Participants):
		out.meetings = bestStar
	case len(best.Participants) > 0:
		out.meetings = []Meeting{best}
		out.joinOnly = bestJoin && !meetingPhrase
	}
	if len(out.meetings) == 0 && partial != nil {
		out.partial = partial
	}
	if pl := placeIn(text, places, sent[0], sent[1]); pl != "" {
		for i := range out.meetings {
			out.meetings[i].Place = &pl
		}
		if out.partial != nil {
			out.partial.Place = &pl
		}
	}
	return out
}

func pronounObject(ws []word, k int) bool {
	return k < len(ws) && (ws[k].w == "him" || ws[k].w == "her" || ws[k].w == "them")
}

// listBefore returns the people named right before byte at, back to the
// sentence's start at from: the nearest with only adverbs or auxiliaries
// between ("Daudzai had reportedly told"), and those joined to it by "and"
// or commas ("Smith and Jones told").
func listBefore(text string, people []person, from, at int) []string {
	var ids []string
	next := at
	for k := len(people) - 1; k >= 0; k-- {
		p := people[k]
		if p.e > next || p.s < from {
			continue
		}
		gap := strings.TrimSpace(text[p.e:next])
		if len(ids) == 0 {
			for _, w := range scan(gap, 0) {
				switch w.w {
				case "had", "has", "have", "then", "also", "later", "reportedly", "personally", "separately", "again", "both", "jointly", "privately":
					continue
				}
				return nil
			}
		} else if g := strings.Trim(gap, ", "); g != "" && g != "and" {
			break
		}
		if possessive(text, p.e) {
			break
		}
		if !contains(ids, p.id) {
			ids = append(ids, p.id)
		}
		next = p.s
	}
	return ids
}

// informant reports a person named right after "according to" (the
// words before s, back to a): the source of a report, not a participant.
func informant(text string, a, s int) bool {
	ws := scan(text[a:s], 0)
	n := len(ws)
	return n >= 2 && ws[n-1].w == "to" && ws[n-2].w == "according"
}

// exhortation reports "to" and a verb right after the object of "called
// on" ("called on the government to release"): an appeal, not a visit
// ("called on the Minister to discuss" is one).
func exhortation(text string, people []person, end, sentEnd int) bool {
	for _, p := range people {
		if p.s >= end && p.e <= sentEnd {
			if possessive(text, p.e) {
				continue
			}
			end = p.e
			break
		}
	}
	rest := scan(text[end:sentEnd], end)
	for k := 0; k < len(rest) && k < 3; k++ {
		if rest[k].w != "to" || k+1 >= len(rest) {
			continue
		}
		switch rest[k+1].w {
		case "discuss", "review", "talk", "present", "deliver", "introduce", "bid", "express", "convey", "raise", "brief", "congratulate", "thank", "say", "pay":
			return false // "called on the Minister to discuss": a visit
		}
		return !isDigit(rest[k+1].w[0])
	}
	return false
}

// possessive reports "'s" (or a bare "'") right after a name ending at e.
func possessive(text string, e int) bool {
	return strings.HasPrefix(text[e:], "'s ") || strings.HasPrefix(text[e:], "'s,") || strings.HasPrefix(text[e:], "' ")
}

// possessiveSubject returns the person whose possessive stands right
// before the meeting phrase at word i, dates and adjectives between
// ("Clinton's March 31, 2009 conversation with", "Aguirre's meeting
// with"), or "".
func possessiveSubject(text string, people []person, from int, ws []word, i int) string {
	for _, p := range people {
		if p.s < from || p.e > ws[i].s || !possessive(text, p.e) {
			continue
		}
		gap := scan(text[p.e:ws[i].s], 0)
		if len(gap) > 0 && gap[0].w == "s" {
			gap = gap[1:]
		}
		if len(gap) <= 4 && objectGap(wordsText(gap)) {
			return p.id
		}
	}
	return ""
}

func wordsText(ws []word) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.w)
		b.WriteByte(' ')
	}
	return b.String()
}

// clauseSubject returns the person who is the subject of the clause after
// the comma that ends an opening phrase ("In a meeting with A, B said"):
// the first person named within ten words of the comma, not a possessive,
// or "".
func clauseSubject(text string, people []person, from, to int) string {
	c := strings.IndexByte(text[from:to], ',')
	if c < 0 {
		return ""
	}
	c += from
	for _, p := range people {
		if p.s < c || p.e > to {
			continue
		}
		if len(scan(text[c:p.s], 0)) > 10 {
			return ""
		}
		if !possessive(text, p.e) {
			return p.id
		}
	}
	return ""
}

// dropParens removes parenthesized notes: "Watt (D-NC), Lantos" → "Watt , Lantos".
func dropParens(s string) string {
	for {
		a := strings.IndexByte(s, '(')
		if a < 0 {
			return s
		}
		b := strings.IndexByte(s[a:], ')')
		if b < 0 {
			return s
		}
		s = s[:a] + s[a+b+1:]
	}
}

// groupObject reports a group of people without names right after a
// meeting phrase: "members of", "a delegation", "the CODEL".
func groupObject(ws []word, k int) bool {
	for j := k; j < len(ws) && j < k+4; j++ {
		switch ws[j].w {
		case "members", "delegation", "delegations", "codel", "staffdel", "group", "representatives", "participants", "leaders":
			return true
		}
	}
	return false
}

// topicOf returns the first person named in the paragraph before a
// sentence: who "he" or "she" most likely is.
func topicOf(people []person, paraStart, sentStart int) string {
	for _, p := range people {
		if p.s >= paraStart && p.s < sentStart {
			return p.id
		}
	}
	return ""
}

// pronounSubject reports "he" or "she" among the words before word i of
// the sentence, with no other word that could be a subject after it.
func pronounSubject(ws []word, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 4; k-- {
		switch ws[k].w {
		case "he", "she":
			return true
		}
	}
	return false
}

// list returns the people named in a list right after a meeting phrase:
// the first within a few words, then each joined to the one before by a
// comma or "and" only ("President Talabani, Prime Minister Maliki and Vice
// Presidents Hashimi and Abdul Mehdi"). An apposition ("Andrew Gilmour,
// deputy director for SYG Ban's office") ends the list.
func list(text string, people []person, from, to int) []string {
	var ids []string
	last := -1
	for _, p := range people {
		if p.s < from || p.e > to || p.s < last {
			continue
		}
		if possessive(text, p.e) {
			break // "met with Siddiqui's mother": she is not named
		}
		if last < 0 {
			if !objectGap(dropParens(text[from:p.s])) {
				break
			}
		} else {
			gap := strings.TrimSpace(strings.Trim(strings.TrimSpace(dropParens(text[last:p.s])), ","))
			if gap != "" && gap != "and" && gap != "and with" && gap != "with" && gap != "as well as" {
				break
			}
		}
		if !contains(ids, p.id) {
			ids = append(ids, p.id)
		}
		last = p.e
	}
	return ids
}

// objectGap reports whether the words between a meeting phrase and the
// first person after it leave that person its object: nothing, dates,
// adverbs or title words ("met November 9 with", "met separately with",
// "met with Botswana Vice President (VP) X"), not a noun ("met with the
// press at Ambassador X's residence").
func objectGap(gap string) bool {
	for _, w := range scan(gap, 0) {
		if t := gap[w.s:w.e]; isUpper(t[0]) && strings.ToUpper(t) != t {
			continue // a title before the name: "Botswana Vice President"
		}
		if _, ok := monthNames[w.w]; ok {
			continue
		}
		if _, ok := weekdayNames[w.w]; ok {
			continue
		}
		if w.w[0] >= '0' && w.w[0] <= '9' {
			continue
		}
		switch w.w {
		case "with", "and", "on", "separately", "jointly", "privately", "briefly", "again", "also",
			"today", "yesterday", "last", "week", "then", "later", "earlier", "both", "her", "his", "their", "the":
			continue
		}
		return false
	}
	return true
}

// match returns the longest meeting phrase starting at word i, and how
// many words it takes. A "..." in a phrase stands for up to three words
// ("paid ... call on" matches "paid her introductory call on").
func (f *Finder) match(ws []word, i int) (phrase, int) {
	for _, p := range f.phrases {
		if n := matchAt(p.words, ws, i); n > 0 {
			return p, n
		}
	}
	return phrase{}, 0
}

func matchAt(pw []string, ws []word, i int) int {
	j := i
	for k, w := range pw {
		if w == "..." {
			// the rest of the phrase within the next three words
			for skip := 0; skip <= 3 && j+skip < len(ws); skip++ {
				if n := matchAt(pw[k+1:], ws, j+skip); n > 0 {
					return j + skip + n - i
				}
			}
			return 0
		}
		if j >= len(ws) || ws[j].w != w {
			return 0
		}
		j++
	}
	return j - i
}

// negated reports a plan, wish or negation in the three words before word
// i ("will meet", "hopes to meet", "declined to meet", "did not meet").
func (f *Finder) negated(ws []word, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 3; k-- {
		if f.not[ws[k].w] || strings.HasSuffix(ws[k].w, "n't") {
			return true
		}
	}
	return false
}

// directObject: a person, or him/her/them, right after the phrase, and
// the phrase's subject right before it: a person or a pronoun ("Obama
// called him", "he then called Talabani"), not a thing ("a village called
// Al Muftah"). A noun phrase after the object makes the verb one of naming
// ("X called Y the worst", "called him a liar").
func directObject(ws []word, i, k int, people []person) bool {
	if k >= len(ws) || i == 0 {
		return false
	}
	at := func(j int) (int, bool) { // the word after the person at word j
		for _, p := range people {
			if p.s <= ws[j].s && ws[j].s < p.e {
				for j < len(ws) && ws[j].s < p.e {
					j++
				}
				return j, true
			}
		}
		return j + 1, false
	}
	subj := i - 1
	for subj > 0 && (ws[subj].w == "had" || ws[subj].w == "has" || ws[subj].w == "have" || ws[subj].w == "then" || ws[subj].w == "also" || ws[subj].w == "later" || ws[subj].w == "personally" || ws[subj].w == "reportedly") {
		subj--
	}
	switch ws[subj].w {
	case "he", "she", "they", "who", "and":
	default:
		if _, ok := at(subj); !ok {
			return false
		}
	}
	next := k + 1
	switch ws[k].w {
	case "him", "her", "them":
	default:
		var ok bool
		if next, ok = at(k); !ok {
			return false
		}
	}
	if next < len(ws) {
		switch ws[next].w {
		case "a", "an", "the", "one", "his", "her", "their", "its", "very", "too", "more", "most", "extremely", "quite":
			return false
		}
	}
	return true
}

// pluperfect: "had met", "had called": an earlier occasion, not dated by
// the paragraph.
func pluperfect(ws []word) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].w == "had" && (strings.HasSuffix(ws[i+1].w, "ed") || ws[i+1].w == "met" || ws[i+1].w == "had" || ws[i+1].w == "spoken") {
			return true
		}
	}
	return false
}

// clauseEnd returns where the clause after a meeting phrase ends: at a
// semicolon, or at ", who" or "to discuss", or the sentence's end.
func clauseEnd(text string, from, end int) int {
	seg := text[from:end]
	best := len(seg)
	for _, stop := range []string{";", " to discuss", " to review", " about ", " regarding ", ", who", ", which", " who ", " which "} {
		if i := strings.Index(seg, stop); i >= 0 && i < best {
			best = i
		}
	}
	return from + best
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func uniq(ids []string) []string {
	var out []string
	for _, id := range ids {
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

type placeSpan struct {
	name string
	s, e int
}

func placeSpans(res *extract.Result) []placeSpan {
	var out []placeSpan
	for _, p := range res.Places {
		for _, n := range p.Norm {
			out = append(out, placeSpan{p.Name, n[0], n[1]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].s < out[j].s })
	return out
}

// placeIn returns the first place named in [a, b) after "in", "at", "to"
// or "visited" ("in Baghdad", "a visit to Baghdad"), or "": a place used as a
// modifier ("UK national") says nothing of where people met.
func placeIn(text string, places []placeSpan, a, b int) string {
	for _, p := range places {
		if p.s < a || p.e > b {
			continue
		}
		before := strings.TrimSpace(text[a:p.s])
		if i := strings.LastIndexByte(before, ' '); i >= 0 {
			before = before[i+1:]
		}
		switch strings.ToLower(before) {
		case "in", "at", "to", "visited", "visiting":
			return p.name
		}
	}
	return ""
}

// sentences splits text[a:b] into sentences: they end at ".", "!" or "?"
// followed by a space and a capital, digit or quote, unless the word before
// is an initial or an abbreviation ("U.S.", "Amb.", "C.").
func sentences(text string, a, b int) [][2]int {
	var out [][2]int
	start := a
	for i := a; i < b; i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < b && (text[j] == '"' || text[j] == ')' || text[j] == '\'') {
			j++
		}
		if j < b && text[j] != ' ' {
			continue
		}
		k := j
		for k < b && text[k] == ' ' {
			k++
		}
		if k < b && !(isUpper(text[k]) || isDigit(text[k]) || text[k] == '"' || text[k] == '(') {
			continue
		}
		if c == '.' && abbreviation(text, start, i) {
			continue
		}
		out = append(out, [2]int{start, j})
		start = k
		i = k - 1
	}
	if start < b {
		out = append(out, [2]int{start, b})
	}
	return out
}

// abbreviation reports a dot ending an initial, a dotted acronym or a
// title abbreviation rather than a sentence.
func abbreviation(text string, start, dot int) bool {
	w := dot
	for w > start && text[w-1] != ' ' {
		w--
	}
	tok := text[w:dot]
	if len(tok) == 1 && isUpper(tok[0]) {
		return true // an initial
	}
	if strings.Contains(tok, ".") && len(tok) <= 6 {
		return true // U.S, a.i
	}
	switch strings.ToLower(tok) {
	case "amb", "gen", "dr", "mr", "mrs", "ms", "sen", "rep", "gov", "lt", "col", "capt", "maj",
		"adm", "brig", "prof", "fr", "st", "jr", "sr", "no", "pres", "asst", "dir", "mme", "sgt":
		return true
	}
	return false
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var weekdayNames = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// findDate finds the date a sentence gives: "February 6", "6 February",
// "February 6, 2009", a weekday or "yesterday"/"today" (relative to the
// cable's date-time group). A date without a year is in the year that
// puts it nearest the cable's date, later dates counting three times as
// far. Nil when the sentence gives none.
func findDate(ws []word, cableTime time.Time) *string {
	if cableTime.IsZero() {
		return nil
	}
	day := func(s string) int {
		n := 0
		for _, c := range strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "th"), "st"), "nd"), "rd") {
			if c < '0' || c > '9' {
				return 0
			}
			n = n*10 + int(c-'0')
		}
		if n < 1 || n > 31 {
			return 0
		}
		return n
	}
	year := func(k int) int {
		if k < len(ws) && len(ws[k].w) == 4 {
			y := 0
			for _, c := range ws[k].w {
				if c < '0' || c > '9' {
					return 0
				}
				y = y*10 + int(c-'0')
			}
			if y >= 1900 && y <= 2100 {
				return y
			}
		}
		return 0
	}
	for i, w := range ws {
		if m, ok := monthNames[w.w]; ok {
			d, y := 0, 0
			switch {
			case i+1 < len(ws) && day(ws[i+1].w) > 0:
				d, y = day(ws[i+1].w), year(i+2)
			case i > 0 && day(ws[i-1].w) > 0:
				d, y = day(ws[i-1].w), year(i+1)
			}
			if d == 0 {
				continue
			}
			if y == 0 {
				// the year that puts the date nearest the cable's, days
				// after it counting three times (cables report what has
				// happened): "December 28" in a January cable is last
				// year's, "March 5" in a cable dated March 2 (a release
				// date, at times early) this year's
				y = cableTime.Year()
				this := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
				if after := this.Sub(cableTime); after > 0 && 3*after > cableTime.Sub(this.AddDate(-1, 0, 0)) {
					y--
				}
			}
			t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
			if t.Day() != d {
				continue
			}
			s := t.Format("2006-01-02")
			return &s
		}
		if wd, ok := weekdayNames[w.w]; ok {
			t := cableTime
			for t.Weekday() != wd {
				t = t.AddDate(0, 0, -1)
			}
			s := t.Format("2006-01-02")
			return &s
		}
		switch w.w {
		case "yesterday":
			s := cableTime.AddDate(0, 0, -1).Format("2006-01-02")
			return &s
		case "today":
			s := cableTime.Format("2006-01-02")
			return &s
		}
	}
	return nil
}

// Remap replaces person ids by the ids that stand for them across cables,
// keeping the list sorted and without repeats.
func Remap(ids []string, to map[string]string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if n, ok := to[id]; ok {
			id = n
		}
		if !contains(out, id) {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}
