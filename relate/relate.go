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
}

// Finder finds meetings with a rule set's phrases. It is safe for use by
// many goroutines.
type Finder struct {
	phrases []phrase // longest first
	not     map[string]bool
}

// New compiles a rule set's meeting phrases.
func New(set *rules.Set) *Finder {
	f := &Finder{not: map[string]bool{}}
	for _, m := range set.Meetings {
		p := phrase{words: words(m.Phrase), kind: m.Kind, join: m.Join, direct: m.Direct}
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

	var out []Meeting
	seen := map[string]bool{}
	for _, para := range c.Doc.Paragraphs {
		var ctxDate *string // the last date named in the paragraph
		for _, sent := range sentences(text, para.Start, para.End) {
			ws := scan(text[sent[0]:sent[1]], sent[0])
			date := findDate(ws, c.Time)
			if date != nil {
				ctxDate = date
			}
			for _, m := range f.sentence(text, sent, ws, people, places, topicOf(people, para.Start, sent[0])) {
				switch {
				case date != nil:
					m.Date = date
				case !pluperfect(ws):
					m.Date = ctxDate
				}
				os, oe := c.Doc.Text.Span(sent[0], sent[1])
				m.Evidence = extract.Span{Start: os, End: oe, Text: c.Text[os:oe]}
				key := strings.Join(m.Participants, "|") + "|" + m.Kind + "|" + deref(m.Date)
				if seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, m)
			}
		}
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// sentence finds the meetings of one sentence: a meeting phrase not under
// a plan or negation, with named people before and after it.
func (f *Finder) sentence(text string, sent [2]int, ws []word, people []person, places []placeSpan, topic string) []Meeting {
	in := func(a, b int) []string {
		var ids []string
		for _, p := range people {
			if p.s >= a && p.e <= b && !contains(ids, p.id) {
				ids = append(ids, p.id)
			}
		}
		return ids
	}
	var best Meeting
	var bestStar []Meeting
	for i := 0; i < len(ws); i++ {
		p, n := f.match(ws, i)
		if n == 0 || f.negated(ws, i) {
			continue
		}
		end := ws[i+n-1].e
		if p.direct && !directObject(ws, i+n, people) {
			continue
		}
		before := in(sent[0], ws[i].s)
		after := list(text, people, end, clauseEnd(text, end, sent[1]))
		if subject := pronounSubject(ws, i); subject && topic != "" && !contains(before, topic) {
			// "..., he met with Ambassador Crocker": he is the paragraph's
			// first person
			before = append(before, topic)
		}
		var ids []string
		switch {
		case p.join:
			// "accompanied by B and C, A met D": everyone in the sentence
			ids = in(sent[0], sent[1])
			if subject := pronounSubject(ws, len(ws)); subject && topic != "" {
				ids = append(ids, topic)
			}
		case len(before) == 0:
			// "In a meeting with A and B, C said": the people around it
			ids = in(sent[0], sent[1])
		case len(after) == 0 && p.direct:
			// "Ban noted that President Obama had called him"
			ids = before
		case len(after) == 0:
			continue // "Jackson had met with the press": no one named met
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
	}
	var out []Meeting
	switch {
	case len(bestStar) > 0 && len(bestStar)+1 > len(best.Participants):
		out = bestStar
	case len(best.Participants) > 0:
		out = []Meeting{best}
	default:
		return nil
	}
	if pl := placeIn(text, places, sent[0], sent[1]); pl != "" {
		for i := range out {
			out[i].Place = &pl
		}
	}
	return out
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
		if last < 0 {
			if !objectGap(text[from:p.s]) {
				break
			}
		} else {
			gap := strings.TrimSpace(strings.Trim(strings.TrimSpace(text[last:p.s]), ","))
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
// first person after it leave that person its object: nothing, or dates
// and adverbs ("met November 9 with", "met separately with"), not a noun
// ("met with the press at Ambassador X's residence").
func objectGap(gap string) bool {
	for _, w := range scan(gap, 0) {
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

// directObject: a person, or him/her/them, right after the phrase.
func directObject(ws []word, k int, people []person) bool {
	if k >= len(ws) {
		return false
	}
	switch ws[k].w {
	case "him", "her", "them":
		return true
	}
	for _, p := range people {
		if p.s <= ws[k].s && ws[k].s < p.e {
			return true
		}
	}
	return false
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
	for _, stop := range []string{";", " to discuss", " to review", " about ", " regarding ", ", who", ", which"} {
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
// cable's date-time group). A date after the cable's date without a year
// is taken to be in the year before. Nil when the sentence gives none.
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
				y = cableTime.Year()
				if t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); t.After(cableTime.AddDate(0, 0, 1)) {
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
