package relate

import (
	"sort"
	"strings"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/normalize"
	"github.com/cablegraph/cablegraph/record"
	"github.com/cablegraph/cablegraph/rules"
)

// Meeting is the record's (cables.jsonl): a meeting the finder gives.
type Meeting = record.Meeting

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
	speech  map[string]bool // verbs of a speaker, lower case
}

// New compiles a rule set's meeting phrases.
func New(set *rules.Set) *Finder {
	f := &Finder{not: map[string]bool{}, heads: map[string]bool{}, speech: map[string]bool{}}
	for _, w := range set.SpeechVerbs {
		f.speech[strings.ToLower(w)] = true
	}
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
	last, lastPara := -1, -1 // lastPara counts report paragraphs (reportParas), headings left out
	main, mainPara := -1, -1 // the meeting the cable reports: in its subject or first paragraphs
	textParas := 0
	reportParas := 0 // text paragraphs less headings ("SUMMARY"), signatures and routing lines
	var pending *Meeting
	var lastDate *string // the date of the occasion named last in the cable
	// the date of the occasion the cable opens with (its subject or first
	// paragraph: "During an October 13 visit to Brasilia, Ambassador
	// Schulte discussed ..."), and the people named with it
	var openDate *string
	var openPeople []string
	elsewhen := map[int]bool{} // meetings told in the pluperfect, by index in out
	for pi, para := range c.Doc.Paragraphs {
		pending = nil
		if para.Kind == normalize.ParaText {
			textParas++
			if !heading(text, para) {
				reportParas++
			}
		}
		var ctxDate *string // the last date of an occasion named in the paragraph
		for _, sent := range sentences(text, para.Start, para.End) {
			ws := scan(text[sent[0]:sent[1]], sent[0])
			date := findDate(text, ws, c.Time)
			if off, ok := relativeDay(ws); date == nil && ok && lastDate != nil {
				// "Later that day, President Sargsian received ..."
				date = addDays(*lastDate, off)
			}
			if para.Kind == normalize.ParaSubject && f.planSubject(ws) {
				break // "SCENESETTER FOR THE SECRETARY'S MEETING WITH ..."
			}
			r := f.sentence(text, sent, ws, people, places, topicOf(people, para.Start, sent[0]))
			// a sentence told in the pluperfect, or placed at another time
			past := pluperfect(ws)
			elsewhenSent := past || otherTime(ws)
			if date != nil && (len(r.meetings) > 0 || r.partial != nil || occasion(ws)) {
				// "On March 2 the Ambassador arrived in La Paz. He met ...";
				// not the date of a decision, a letter, an arrival of goods
				ctxDate, lastDate = date, date
				if openDate == nil && reportParas <= 1 && !past && !future(date, c) {
					openDate, openPeople = date, idsIn(people, sent[0], sent[1])
				}
			}
			dated := date
			if date == nil && !elsewhenSent {
				dated = ctxDate
			}
			if future(dated, c) {
				dated = nil // a date the meeting cannot have: not the meeting's
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
			case r.joinOnly && last >= 0 && lastPara >= reportParas-1:
				// (in that paragraph or the next, a heading between them
				// or not: "CULTURAL COOPERATION")
				// "The Secretary was accompanied by A and B": they took
				// part in the meeting reported last
				out[last].Participants = union(out[last].Participants, r.meetings[0].Participants)
				continue
			case r.joinOnly && pending != nil:
				m := *pending
				m.Participants = union(m.Participants, r.meetings[0].Participants)
				out = append(out, m)
				last, lastPara, pending = len(out)-1, reportParas, nil
				continue
			case r.joinOnly && (r.company || len(r.meetings[0].Participants) < 2):
				// "Calvin accompanied Preval on his trip": company, with
				// no meeting told to join; one who joined no meeting told
				continue
			}
			if r.partial != nil {
				p := *r.partial
				p.Evidence = evidence(sent[0], sent[1])
				pending = &p
			}
			if len(r.meetings) > 0 {
				if elsewhenSent {
					for i := range r.meetings {
						elsewhen[len(out)+i] = true // "he had met X in Vienna", "Qadhafi's subsequent meeting"
					}
				}
				out = append(out, r.meetings...)
				last, lastPara = len(out)-1, reportParas
				if main < 0 && (para.Kind == normalize.ParaSubject || textParas <= 3) && !inParens(text, para.Start, sent[0]+1) {
					// (not a meeting told in an aside: "(Note: in 2008,
					// the Ambassador met with ... End Note)")
					main, mainPara = len(out)-len(r.meetings), pi
				}
			}
		}
	}
	if main >= 0 {
		// (one who has a separate meeting of their own in the cable speaks
		// at that one: "met separately with A and B ... B told the team",
		// "A also had a separate meeting with C")
		elsewhere := map[string]bool{}
		for i, m := range out {
			if i != main && (m.Evidence.Start == out[main].Evidence.Start || apart(m.Evidence.Text)) {
				for _, id := range m.Participants {
					elsewhere[id] = !contains(out[main].Participants, id)
				}
			}
		}
		f.speakers(c, people, &out[main], mainPara, elsewhere)
		// a cable reporting a meeting dates it once ("AMBASSADOR'S
		// JANUARY 25 CALL ON ...")
		undated(out, out[main].Date, out[main].Participants, elsewhen)
	}
	// later paragraphs that report the opening occasion without its date:
	// meetings of the people named with it
	undated(out, openDate, openPeople, elsewhen)
	out = append(out, f.lists(c, people, places, out)...)
	return occasions(dedupe(out))
}

// heading reports a line of text that is no paragraph of the report: a
// heading ("SUMMARY", "The Reluctant Candidate"), a signature, a leftover
// routing line: unnumbered, six words or fewer, no full stop.
func heading(text string, para normalize.Paragraph) bool {
	if para.Number != "" {
		return false
	}
	s := strings.TrimSpace(text[para.Start:para.End])
	return len(strings.Fields(s)) <= 6 && !strings.ContainsAny(s, ".?!")
}

// occasions merges the meetings of a cable that are one occasion told
// twice: one's people all among another's of the same kind, on the same
// date or undated ("Secretary Clinton's conversation with FM Verhagen" in
// the subject, and the participant list). The merged meeting has the
// larger set of people, the date either gives, and the evidence of the
// one the text tells first. No pair of people is added.
func occasions(ms []Meeting) []Meeting {
	var out []Meeting
	for _, m := range ms {
		merged := false
		for i := range out {
			o := &out[i]
			if o.Kind != m.Kind || o.Date != nil && m.Date != nil && *o.Date != *m.Date {
				continue
			}
			switch {
			case subset(m.Participants, o.Participants):
			case subset(o.Participants, m.Participants):
				o.Participants = m.Participants
			default:
				continue
			}
			if o.Date == nil {
				o.Date = m.Date
			}
			if o.Place == nil {
				o.Place = m.Place
			}
			if m.Evidence.Start < o.Evidence.Start {
				o.Evidence = m.Evidence
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, m)
		}
	}
	return out
}

// subset reports whether every id of a is in b.
func subset(a, b []string) bool {
	for _, id := range a {
		if !contains(b, id) {
			return false
		}
	}
	return true
}

// speakers adds to the cable's main meeting (reported in its subject or
// first paragraphs) the people who open a sentence of a later paragraph
// with a verb of speech ("FM Verhagen responded that ..."): in a cable
// that reports a meeting, they are its participants. Sentences about a
// speech, a press conference or an interview are not the meeting's.
func (f *Finder) speakers(c *cable.Cable, people []person, m *Meeting, after int, elsewhere map[string]bool) {
	text := c.Doc.Text.S
	for pi, para := range c.Doc.Paragraphs {
		if pi <= after || para.Kind != normalize.ParaText {
			continue
		}
		for _, sent := range sentences(text, para.Start, para.End) {
			ws := scan(text[sent[0]:sent[1]], sent[0])
			if public(ws) {
				continue
			}
			if id := f.speaker(text, people, ws, sent); id != "" && !contains(m.Participants, id) && !elsewhere[id] {
				m.Participants = union(m.Participants, []string{id})
			}
		}
	}
}

// speaker returns the person who opens a sentence as the subject of a verb
// of speech ("Uribe said", "FM Verhagen, a former diplomat, responded",
// "Verhagen also noted"), or "".
func (f *Finder) speaker(text string, people []person, ws []word, sent [2]int) string {
	var p *person
	for k := range people {
		if people[k].s >= sent[0] && people[k].s < sent[1] {
			p = &people[k]
			break
		}
	}
	if p == nil || len(scan(text[sent[0]:p.s], 0)) > 0 || possessive(text, p.e) {
		return "" // the sentence opens with something else
	}
	k := 0
	for k < len(ws) && ws[k].s < p.e {
		k++
	}
	if k < len(ws) && strings.HasPrefix(strings.TrimSpace(text[p.e:ws[k].s]), ",") {
		// an apposition: "Verhagen, the Foreign Minister, said"
		for j := k; j < len(ws) && j < k+12; j++ {
			if strings.Contains(text[ws[j].e:min(ws[j].e+2, len(text))], ",") {
				k = j + 1
				break
			}
		}
	}
	for k < len(ws) && (ws[k].w == "also" || ws[k].w == "then" || ws[k].w == "further" || ws[k].w == "later" || ws[k].w == "again" || ws[k].w == "however") {
		k++
	}
	if k < len(ws) && f.speech[ws[k].w] && !toEmbassy(ws, k+1) {
		return p.id
	}
	return ""
}

// toEmbassy reports a verb's object that is the reporting post's own
// people ("told us", "told Poloff", "told the Embassy"): a conversation of
// its own, which a source had with the post, not the meeting the cable
// reports ("Israeli DCM Fuchs told us that ...").
func toEmbassy(ws []word, k int) bool {
	if k < len(ws) && ws[k].w == "the" {
		k++
	}
	if k >= len(ws) {
		return false
	}
	switch ws[k].w {
	case "us", "we", "poloff", "poloffs", "emboff", "emboffs", "econoff", "econoffs", "polecon", "embassy", "post", "conoff", "pol":
		return true
	}
	return false
}

// public reports a sentence about public speech, which says nothing of who
// was in the meeting: a speech, a press conference, an interview.
func public(ws []word) bool {
	for _, w := range ws {
		switch w.w {
		case "speech", "press", "interview", "reporters", "journalists", "publicly", "television", "radio", "statement", "newspaper", "rally", "parliament":
			return true
		}
	}
	return false
}

// idsIn returns the ids of the people named in text[s:e].
func idsIn(people []person, s, e int) []string {
	var ids []string
	for _, p := range people {
		if p.s >= s && p.e <= e && !contains(ids, p.id) {
			ids = append(ids, p.id)
		}
	}
	return ids
}

// sharesAny reports whether a and b have an id in common.
func sharesAny(a, b []string) bool {
	for _, id := range a {
		if contains(b, id) {
			return true
		}
	}
	return false
}

// undated gives date d to the meetings without one that share a person
// with ids, but not to those told as of another time (elsewhen, by index).
func undated(out []Meeting, d *string, ids []string, elsewhen map[int]bool) {
	if d == nil {
		return
	}
	for i := range out {
		if out[i].Date == nil && !elsewhen[i] && sharesAny(out[i].Participants, ids) {
			out[i].Date = d
		}
	}
}

// planSubject reports a subject line that announces a meeting rather
// than reports one: a plan word anywhere in it ("UPCOMING", "TO MEET",
// "SCENESETTER FOR", "LEAD TOPICS FOR", "REQUEST").
func (f *Finder) planSubject(ws []word) bool {
	for _, w := range ws {
		switch {
		case f.not[w.w]:
			return true
		case w.w == "for", w.w == "scenesetter", w.w == "preview", w.w == "topics", w.w == "points":
			return true
		}
	}
	return false
}

// occasion reports words of a visit or a meeting in a sentence: the date
// it names may date the meetings after it in the paragraph.
func occasion(ws []word) bool {
	for _, w := range ws {
		switch w.w {
		case "visit", "visited", "visiting", "arrived", "arrival", "trip", "traveled", "travelled", "meeting", "meetings", "met", "talks", "lunch", "dinner", "breakfast", "call", "conversation", "discussed", "discussion", "discussions", "session", "consultations":
			return true
		}
	}
	return false
}

// aside reports a person at s in a parenthesis opened after a and closed
// before at: "Minister Khalifeh (Shia, allied with Nabih Berri) told the
// Ambassador"; not the abbreviation of a title ("Charge d'Affaires (CDA)
// met ...").
func aside(text string, a, s, at int) bool {
	return a < s && inParens(text, a, s) && !inParens(text, a, at) && !(s > 0 && text[s-1] == '(')
}

// inParens reports an unclosed parenthesis in text[from:at]: what
// follows is an aside.
func inParens(text string, from, at int) bool {
	return strings.Count(text[from:at], "(")-strings.Count(text[from:at], ")") > 0
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
	// company: the join phrases are verbs of company ("accompanied the
	// Secretary", "joined Arias"), which say nothing of a meeting alone
	company bool
	// partial: a meeting phrase with people on one side and an unnamed
	// group on the other ("sat down with members of the CODEL")
	partial *Meeting
}

// hit is a meeting phrase found in a sentence: words [i, i+n).
type hit struct {
	p    phrase
	i, n int
}

// sentence finds the meetings of one sentence: each meeting phrase not
// under a plan or negation, with named people before and after it, is one
// meeting ("Hall met with Reinert, and Bobo met with Osborn" is two); the
// people of a join phrase ("accompanied by") join the sentence's meeting.
func (f *Finder) sentence(text string, sent [2]int, ws []word, people []person, places []placeSpan, topic string) found {
	in := func(a, b int) []string {
		var ids []string
		for _, p := range people {
			if p.s >= a && p.e <= b && !contains(ids, p.id) && !possessive(text, p.e) && !informant(text, a, p.s) && !modifier(text, a, p.s) && !aside(text, a, p.s, b) {
				ids = append(ids, p.id)
			}
		}
		return ids
	}
	var hits []hit
	for i := 0; i < len(ws); i++ {
		p, n := f.match(ws, i)
		if n == 0 || f.negated(text, ws, i) || p.direct && (!directObject(ws, i, i+n, people, p) || naming(text, ws, i, i+n, p)) {
			continue
		}
		if end := ws[i+n-1].e; p.exhort && exhortation(text, people, end, sent[1]) {
			continue // "called on supporters to vote", "called on Maliki to act"
		}
		hits = append(hits, hit{p, i, n})
		i += n - 1
	}
	var out found
	var joined []string // the people of join phrases
	company := true     // every join phrase is a verb of company
	joinAt := -1        // index in out.meetings of the meeting before the first join phrase
	var prevSubject []string
	var intro []string // the people of an opening "At a dinner with A," that the next phrase's meeting takes
	var introKind string
	from := sent[0] // where the text of the current phrase's subject starts
	for k, h := range hits {
		p, i, n := h.p, h.i, h.n
		start, end := ws[i].s, ws[i+n-1].e
		stop := clauseEnd(text, end, sent[1])
		if k+1 < len(hits) {
			stop = min(stop, ws[hits[k+1].i].s)
		}
		var before []string
		switch {
		case k == 0 && !(p.direct && !pronounObject(ws, i+n)):
			before = in(f.reportedStart(ws, introEnd(text, ws, sent[0], start), start), start)
		default:
			// "although Chief of Staff Daudzai told Ricciardone": the
			// subject right before the verb, not the sentence's others
			// (but "Ban noted that Obama had called him": him is Ban)
			before = listBeforeOf(text, people, from, start, p.join)
			if k > 0 && len(before) == 0 && !pronounSubject(ws, i) {
				// "met with A and also held a separate meeting with B"
				before = prevSubject
			}
		}
		if id := possessiveSubject(text, people, from, ws, i); id != "" && !contains(before, id) {
			// "Secretary Clinton's March 31 conversation with FM Verhagen"
			before = append(before, id)
		}
		if pronounSubject(ws, i) && topic != "" && !contains(before, topic) {
			// "..., he met with Ambassador Crocker": he is the paragraph's
			// first person
			before = append(before, topic)
		}
		after := list(text, people, end, stop)
		if p.join && len(after) == 0 {
			// "Also present on the American side was State Department
			// Coordinator for International Energy Affairs, David Goldwyn"
			after = list(text, people, joinGapEnd(text, people, end, stop), stop)
		}
		if k+1 < len(hits) {
			// "met with Reinert, and Bobo met with Osborn": Bobo is the
			// next phrase's subject, not this one's object
			if next := listBefore(text, people, end, ws[hits[k+1].i].s); len(next) > 0 {
				after = without(after, next[0])
			}
		}
		from = lastEnd(people, after, end, stop)
		prevSubject = before
		if p.join {
			// "accompanied by B and C, A met D"; "A, accompanied by B, met C"
			if len(out.meetings) > 0 && joinAt < 0 {
				joinAt = len(out.meetings) - 1
			}
			company = company && p.direct
			joined = append(joined, before...)
			joined = append(joined, after...)
			continue
		}
		var ids []string
		switch {
		case len(before) == 0:
			// "In a meeting with A and B, C said": the people after the
			// phrase and the subject of the clause after the comma, not
			// whoever else the sentence names ("During a meeting with the
			// DCM, religious leaders asked that President Obama ...")
			ids = after
			if k+1 < len(hits) && hits[k+1].p.direct && !hits[k+1].p.join {
				// "At a dinner with FM Foxley, Cea told the Ambassador":
				// one occasion, which the next phrase tells
				intro, introKind = append(intro, after...), p.kind
				continue
			}
			if id := clauseSubject(text, people, lastEnd(people, after, end, stop), sent[1]); id != "" && k+1 == len(hits) && !contains(ids, id) {
				ids = append(ids, id)
			}
		case len(after) == 0 && p.direct:
			// "Ban noted that President Obama had called him"
			ids = in(sent[0], start)
		case len(after) == 0:
			// "Jackson had met with the press": no one named met; "A sat
			// down with members of the CODEL": the other side may be named
			// later
			if out.partial == nil && groupObject(ws, i+n) {
				ids := uniq(before)
				sort.Strings(ids)
				out.partial = &Meeting{Participants: ids, Kind: p.kind}
			}
			continue
		case (len(after) >= 3 || len(after) == 2 && separate(ws)) && len(hits) == 1 && itinerary(text, ws, i):
			// "visited Baghdad, meeting with President Talabani, Prime
			// Minister Maliki and Vice Presidents Hashimi and Abdul Mehdi":
			// one call on each ("met with A, B and C" is one meeting)
			for _, a := range after {
				ids := uniq(append(append([]string{}, before...), a))
				sort.Strings(ids)
				if len(ids) >= 2 {
					out.meetings = append(out.meetings, Meeting{Participants: ids, Kind: p.kind})
				}
			}
			continue
		default:
			ids = append(append([]string{}, before...), after...)
		}
		ids = uniq(append(ids, intro...))
		intro = nil
		if len(ids) < 2 {
			continue
		}
		sort.Strings(ids)
		out.meetings = append(out.meetings, Meeting{Participants: ids, Kind: p.kind})
	}
	if ids := uniq(intro); len(ids) >= 2 {
		// the next phrase told no meeting: the opening one stands alone
		sort.Strings(ids)
		out.meetings = append(out.meetings, Meeting{Participants: ids, Kind: introKind})
	}
	if len(joined) > 0 {
		switch {
		case len(out.meetings) == 1 || len(out.meetings) > 1 && joinAt < 0:
			// the join phrase before or in the sentence's (first) meeting
			m := &out.meetings[0]
			m.Participants = union(m.Participants, joined)
		case joinAt >= 0:
			m := &out.meetings[joinAt]
			m.Participants = union(m.Participants, joined)
		default:
			// "He was accompanied by B and C": they joined the meeting
			// the text reported last
			ids := uniq(joined)
			if pronounSubject(ws, len(ws)) && topic != "" && !contains(ids, topic) {
				ids = append(ids, topic)
			}
			if len(ids) >= 1 {
				// (one who joins alone joins the meeting before: "Nisar
				// Ali Khan also attended the meeting")
				sort.Strings(ids)
				out.meetings = []Meeting{{Participants: ids, Kind: "meeting"}}
				out.joinOnly, out.company = true, company
			}
		}
	}
	if len(out.meetings) > 0 {
		out.partial = nil
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

// reportedStart returns where the clause of the meeting phrase at byte at
// starts when a speaker reports it ("Afifi said that Hariri was upbeat in
// a meeting with Aboul Gheit"): after the last "<verb of speech> that"
// before it, so that the speaker, who tells of the meeting, is not taken
// for one who met (unless a pronoun in the clause is the speaker's: "Bot
// noted that he had dinner with ..."); else from.
func (f *Finder) reportedStart(ws []word, from, at int) int {
	for k := len(ws) - 2; k >= 0; k-- {
		if ws[k].s < from || ws[k+1].e > at {
			continue
		}
		if !f.speech[ws[k].w] || ws[k+1].w != "that" {
			continue
		}
		for _, w := range ws[k+2:] {
			if w.s >= at {
				break
			}
			switch w.w {
			case "he", "she", "his", "her", "they", "their", "we", "our", "i", "my":
				// "Bot noted that he had had dinner with ...": the
				// speaker tells of a meeting of his own
				return from
			}
		}
		return ws[k+1].e
	}
	return from
}

// introEnd returns where the subject of a sentence's first phrase can
// start: after an opening subordinate clause ("Shortly after Siddiqui was
// arrested, the Ambassador met with ..."; "Although Maliki objected, ...")
// ending in a comma before the phrase at byte at; else from.
func introEnd(text string, ws []word, from, at int) int {
	for k := 0; k < len(ws) && k < 3 && ws[k].s < at; k++ {
		switch ws[k].w {
		case "after", "before", "since", "when", "while", "although", "though", "because", "as", "following", "despite", "once", "until", "unlike", "given":
			if c := strings.IndexByte(text[ws[k].e:at], ','); c >= 0 {
				return ws[k].e + c + 1
			}
			return from
		}
	}
	return from
}

// itinerary reports a phrase at word i that lists calls rather than
// reports one meeting: "meetings with" or "met separately with", or a
// participle after a comma (", meeting with").
func itinerary(text string, ws []word, i int) bool {
	switch {
	case ws[i].w == "meetings" || ws[i].w == "calls":
		return true
	case i+1 < len(ws) && (ws[i+1].w == "separately" || ws[i+1].w == "individually"):
		return true
	case ws[i].w == "meeting" && i > 0 && strings.Contains(text[ws[i-1].e:ws[i].s], ","):
		return true
	}
	return separate(ws)
}

// separate reports a word that tells meetings apart: "held separate
// meetings with A and B", "met separately with".
func separate(ws []word) bool {
	for i, w := range ws {
		switch w.w {
		case "separately", "respectively", "respective":
			return true
		case "separate":
			// not "in a separate meeting with A, B and C": one meeting,
			// apart from the one told before
			if i+1 >= len(ws) || !singleOccasion[ws[i+1].w] {
				return true
			}
		}
	}
	return false
}

// apart reports a text that tells a meeting apart from another ("in a
// separate meeting", "met separately with").
func apart(text string) bool {
	for _, w := range scan(text, 0) {
		if w.w == "separate" || w.w == "separately" {
			return true
		}
	}
	return false
}

// singleOccasion are nouns of one occasion ("a separate meeting").
var singleOccasion = map[string]bool{"meeting": true, "conversation": true, "discussion": true, "session": true,
	"call": true, "lunch": true, "dinner": true, "breakfast": true, "encounter": true, "exchange": true}

// without returns ids less id.
func without(ids []string, id string) []string {
	var out []string
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// lastEnd returns where the last of ids is named in [from, to), or from.
func lastEnd(people []person, ids []string, from, to int) int {
	end := from
	for _, p := range people {
		if p.s >= from && p.e <= to && contains(ids, p.id) && p.e > end {
			end = p.e
		}
	}
	return end
}

func pronounObject(ws []word, k int) bool {
	return k < len(ws) && (ws[k].w == "him" || ws[k].w == "her" || ws[k].w == "them")
}

// listBefore returns the people named right before byte at, back to the
// sentence's start at from: the nearest with only adverbs or auxiliaries
// between ("Daudzai had reportedly told"), and those joined to it by "and"
// or commas ("Smith and Jones told").
func listBefore(text string, people []person, from, at int) []string {
	return listBeforeOf(text, people, from, at, false)
}

// listBeforeOf is listBefore; with unnamed, the list may end in people
// the cable does not name ("The Ambassador, Director Stieger and Econoff
// accompanied the Secretary").
func listBeforeOf(text string, people []person, from, at int, unnamed bool) []string {
	var ids []string
	next := at
	for k := len(people) - 1; k >= 0; k-- {
		p := people[k]
		if p.e > next || p.s < from || aside(text, from, p.s, at) {
			continue
		}
		gap := strings.TrimSpace(dropParens(text[p.e:next]))
		if len(ids) == 0 && unnamed && unnamedTail(gap) {
			gap = ""
		}
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

// unnamedTail reports the end of a list naming no one: "and Econoff",
// ", PolOff and two staffers" (a few words after a comma or "and").
func unnamedTail(gap string) bool {
	g := strings.TrimLeft(gap, ", ")
	if g == gap && !strings.HasPrefix(gap, "and ") {
		return false
	}
	ws := scan(g, 0)
	return len(ws) >= 1 && len(ws) <= 4 && !strings.ContainsAny(g, ".;:()")
}

// modifier reports a person named right after "of", "to", "for", "from"
// or "about" (the words before s, back to a): part of another's title or
// the topic ("Cabinet Chief of CFK", "advisor to President Lula", "a letter
// from Obama"), not a participant.
func modifier(text string, a, s int) bool {
	ws := scan(text[a:s], 0)
	if len(ws) == 0 {
		return false
	}
	switch ws[len(ws)-1].w {
	case "of", "to", "for", "from", "about", "regarding", "concerning":
		return true
	}
	return false
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
	if ws := scan(text[c:to], 0); len(ws) > 0 && subjectPronouns[ws[0].w] {
		return "" // "..., he said he supported Lula": he is in the meeting already
	}
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

var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "it": true}

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
		} else if !itemGap(dropParens(text[last:p.s])) {
			if p.s < appositionEnd(text, last, to) {
				// "Souheil Yamount, advisor to the Hariri Family; and ...",
				// "John Hesterman, Joint Staff Deputy Director for
				// Politico-Military Affairs; ...": a name in an item's
				// apposition is no item
				continue
			}
			break
		}
		if !contains(ids, p.id) {
			ids = append(ids, p.id)
		}
		last = p.e
	}
	return ids
}

// itemGap reports whether the words between two people of a list join
// them as items: a comma or "and" alone, or before the next one's title
// ("Defense Minister Gabriel Silva, Colombian National Police Chief Oscar
// Naranjo, and MFA Coordinator Adriana Maldonado"). Words in lower case
// other than a title's "of", "for" and "the" are an apposition or a
// clause, which ends the list ("Andrew Gilmour, deputy director for ...").
func itemGap(gap string) bool {
	gap = strings.TrimSpace(gap)
	if semicolonItem(gap) || commaApposition(gap) {
		return true
	}
	switch gap {
	case "", ",", "and", ", and", "and with", "with", "as well as":
		return true
	}
	rest, ok := strings.CutPrefix(gap, ",")
	if !ok {
		rest, ok = strings.CutPrefix(gap, "and ")
	}
	if !ok {
		return false
	}
	rest = strings.TrimSpace(rest)
	rest = strings.TrimSpace(strings.TrimPrefix(rest+" ", "and "))
	ws := scan(rest, 0)
	if len(ws) == 0 || len(ws) > 6 {
		return len(ws) == 0
	}
	return titleWords(rest, ws) && isUpper(rest[ws[0].s])
}

// titleWords reports words ws of s that can make a title before a name:
// capitalized, a title's "of", "for" and "the", or a lower-case role word.
func titleWords(s string, ws []word) bool {
	for _, w := range ws {
		if t := s[w.s:w.e]; !isUpper(t[0]) && w.w != "of" && w.w != "for" && w.w != "the" && !roleWords[w.w] {
			return false
		}
	}
	return true
}

// roleWords are the words in lower case of a list item's title ("and
// SFRC staff Frank Lowenstein", "and embassy officer Jane Doe").
var roleWords = map[string]bool{"staff": true, "staffer": true, "officer": true, "officers": true, "aide": true, "adviser": true, "advisor": true, "embassy": true, "notetaker": true, "interpreter": true, "assistant": true, "director": true, "chief": true, "member": true}

// semicolonItem reports the gap of a list whose items are set apart by
// semicolons, each with its apposition ("Joseph Sayah, Lebanese Consul
// General in Sao Paulo; Souheil Yamount, a long-time advisor to the Hariri
// Family Group; and Guilherme Mattar"): a comma, a short apposition with no
// clause in it, a semicolon, perhaps "and".
func semicolonItem(gap string) bool {
	app, ok := strings.CutPrefix(gap, ",")
	if !ok {
		return false
	}
	app, rest, ok := strings.Cut(app, ";")
	if !ok || strings.ContainsAny(dropAbbrevDots(app), ".:\"") {
		return false
	}
	if rest = strings.TrimSpace(rest); rest != "" && rest != "and" {
		return false
	}
	ws := scan(app, 0)
	if len(ws) == 0 || len(ws) > 14 {
		return false
	}
	for _, w := range ws {
		switch w.w {
		case "who", "which", "that", "said", "told", "says", "was", "is", "were", "had", "has":
			return false
		}
	}
	return true
}

// dropAbbrevDots returns s without the dots of abbreviations of single
// capitals ("U.S. Embassy Warsaw" reads "US Embassy Warsaw").
func dropAbbrevDots(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && i > 0 && isUpper(s[i-1]) && (i == 1 || !isLetter(s[i-2])) {
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// commaApposition reports the gap of a list whose items each have an
// apposition set off by commas ("Major General Mohammad al-Assar, Assistant
// to the Minister of Defense, Major General Ahmad Moataz, Chief of the
// American Relations Branch, and Major General Fouad Arafa"): a comma, a
// title in capitals and the words of a title, a comma, perhaps "and" and
// the next one's title.
func commaApposition(gap string) bool {
	rest, ok := strings.CutPrefix(gap, ",")
	if !ok {
		return false
	}
	k := strings.LastIndexByte(rest, ',')
	if k < 0 {
		return false
	}
	app, tail := strings.TrimSpace(rest[:k]), strings.TrimSpace(rest[k+1:])
	ws := scan(app, 0)
	if len(ws) == 0 || len(ws) > 10 || strings.ContainsAny(dropAbbrevDots(app), ",;:.\"(") || !isUpper(app[0]) {
		return false
	}
	for _, w := range ws {
		switch t := app[w.s:w.e]; {
		case isUpper(t[0]):
		case w.w == "of" || w.w == "for" || w.w == "the" || w.w == "to" || w.w == "and" || w.w == "on":
		default:
			return false
		}
	}
	tail = strings.TrimSpace(strings.TrimPrefix(tail+" ", "and "))
	return titleWords(tail, scan(tail, 0))
}

// appositionEnd returns where the next item of a semicolon list starts
// when an apposition set off by a comma and ended by a semicolon follows
// an item at last ("Souheil Yamount, a long-time advisor to the Hariri
// Family Group; and"), else -1.
func appositionEnd(text string, last, to int) int {
	semi := strings.IndexByte(text[last:to], ';')
	if semi < 0 {
		return -1
	}
	end := last + semi + 1
	if rest := strings.TrimLeft(text[end:to], " \n"); strings.HasPrefix(rest, "and ") {
		end = to - len(rest) + len("and ")
	}
	if !semicolonItem(strings.TrimSpace(dropParens(text[last:end]))) {
		return -1
	}
	return end
}

// joinGapEnd returns where the people a join phrase adds can start when
// words of the occasion come between ("Also present on the American side
// was ...", "In attendance were the following: ..."): after a short run of
// such words and titles up to the first person of the clause; else end.
func joinGapEnd(text string, people []person, end, stop int) int {
	for _, p := range people {
		if p.s < end || p.e > stop {
			continue
		}
		gap := dropParens(text[end:p.s])
		ws := scan(gap, 0)
		if len(ws) > 16 {
			return end
		}
		if descriptorGap(gap, ws) {
			return p.s
		}
		for _, w := range ws {
			t := gap[w.s:w.e]
			switch {
			case isUpper(t[0]):
			case occasionWord[w.w]:
			default:
				return end
			}
		}
		return p.s
	}
	return end
}

// descriptorGap reports a short description of the person who follows,
// set off by a possessive or an article ("accompanied by his senior
// deputy, Marcel Biato", "by his assistant, Hind Siala", "by his longtime
// aide, national deputy-elect Celia Arena"): at most seven words, none of
// them a verb or a word that starts a clause or a place, and no stop but a
// comma.
func descriptorGap(gap string, ws []word) bool {
	if len(ws) < 2 || len(ws) > 7 || strings.ContainsAny(gap, ".;:()\"") {
		return false
	}
	switch ws[0].w {
	case "his", "her", "their", "a", "an":
	default:
		// or three words of a title in lower case ("accompanied by
		// national deputy-elect Celia Arena")
		if len(ws) > 3 || strings.Contains(gap, ",") {
			return false
		}
		for _, w := range ws {
			if t := gap[w.s:w.e]; t != strings.ToLower(t) || w.w == "the" {
				return false
			}
		}
	}
	for _, w := range ws[1:] {
		switch w.w {
		case "who", "which", "that", "and", "or", "in", "at", "to", "from", "with", "on", "by",
			"said", "told", "says", "was", "is", "were", "are", "had", "has", "have", "met", "will", "would":
			return false
		}
	}
	return true
}

// occasionWord are the lower-case words that may stand between a join
// phrase and the people it adds.
var occasionWord = map[string]bool{"at": true, "in": true, "on": true, "the": true, "a": true, "meeting": true,
	"side": true, "was": true, "were": true, "following": true, "for": true, "of": true, "and": true,
	"from": true, "also": true, "both": true, "discussion": true, "talks": true, "call": true, "dinner": true, "lunch": true}

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
		if _, ok := cable.Month(w.w); ok {
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
			"today", "yesterday", "last", "week", "then", "later", "earlier", "both", "her", "his", "their", "the",
			"in", "at", // a place: "met on June 30 in Dublin with"
			"of", "for", "to": // a title's: "Prime Minister of Qatar Sheikh Hamad", "Ambassador to the UN"
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
// i ("will meet", "hopes to meet", "declined to meet", "did not meet"), or
// up to six words before it in the same clause ("would attend a
// high-level meeting with").
func (f *Finder) negated(text string, ws []word, i int) bool {
	clause := true // no comma or semicolon between word k and the phrase
	for k := i - 1; k >= 0 && i-k <= 6; k-- {
		clause = clause && !strings.ContainsAny(text[ws[k].e:ws[k+1].s], ",;:")
		if ws[k].w == "to" && k > 0 && ws[k-1].w == "forward" && clause {
			return true // "is looking forward to his August 23 meeting with"
		}
		if i-k > 3 && (ws[k].w == "to" || !clause) {
			// past three words, only within the clause, and not "to"
			// ("went to the Ministry and met with")
			break
		}
		if ws[k].w == "to" && !clause {
			continue // "advisor to President Lula, met with": not "to meet"
		}
		if f.not[ws[k].w] || strings.HasSuffix(ws[k].w, "n't") {
			return true
		}
	}
	return false
}

// naming reports a direct verb that names rather than meets: a call verb
// after a comma ("a program begun under Fernando Henrique, called 'Bolsa
// Escola'"), any before a quotation ("called "Bolsa Escola"").
func naming(text string, ws []word, i, k int, p phrase) bool {
	if i > 0 && p.kind == "call" && strings.TrimSpace(text[ws[i-1].e:ws[i].s]) == "," {
		return true
	}
	if k < len(ws) {
		between := strings.TrimSpace(text[ws[k-1].e:ws[k].s])
		return strings.ContainsAny(between, "\"'“‘")
	}
	return false
}

// directObject: a person, or him/her/them, right after the phrase, and
// the phrase's subject right before it: a person or a pronoun ("Obama
// called him", "he then called Talabani"), not a thing ("a village called
// Al Muftah"). A noun phrase after the object makes the verb one of naming
// ("X called Y the worst", "called him a liar").
func directObject(ws []word, i, k int, people []person, p phrase) bool {
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
	switch {
	case p.join:
		// a join phrase: its list may end in someone unnamed ("and
		// Econoff accompanied the Secretary")
	case ws[subj].w == "he", ws[subj].w == "she", ws[subj].w == "they", ws[subj].w == "who", ws[subj].w == "and":
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
	if next < len(ws) && p.kind == "call" {
		// "called him the worst", "called Chavez a liar": no call
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
		if ws[i].w != "had" {
			continue
		}
		j := i + 1
		for j+1 < len(ws) && (ws[j].w == "recently" || ws[j].w == "already" || ws[j].w == "also" || ws[j].w == "just" || ws[j].w == "previously" || ws[j].w == "earlier" || ws[j].w == "briefly" || ws[j].w == "once") {
			j++ // "had recently discussed"
		}
		switch w := ws[j].w; {
		case strings.HasSuffix(w, "ed"):
			return true
		case w == "met" || w == "had" || w == "spoken" || w == "told" || w == "held" || w == "seen" || w == "sent" || w == "given" || w == "made":
			return true
		}
	}
	return false
}

// otherTime reports a sentence that places what it tells at another time
// than the occasion the cable reports: "recently", "previously", "a
// subsequent meeting", "two years ago", "one day", "next week".
func otherTime(ws []word) bool {
	for i, w := range ws {
		switch w.w {
		case "recently", "recent", "previously", "previous", "earlier", "prior", "ago", "subsequent", "subsequently", "later", "former", "formerly", "once", "upcoming", "times", "recounted", "recalled":
			return true
		case "last", "next", "one", "every":
			if i+1 < len(ws) {
				switch ws[i+1].w {
				case "week", "month", "year", "day", "time", "summer", "spring", "fall", "winter":
					return true
				}
			}
		}
	}
	return false
}

// listSemicolon returns where the first semicolon of seg that ends a
// clause is (len(seg) if none): not one that ends the apposition of a
// list's item before the next ("Joseph Sayah, Lebanese Consul General in
// Sao Paulo; Souheil Yamount, ...").
func listSemicolon(seg string) int {
	at := 0
	for {
		semi := strings.IndexByte(seg[at:], ';')
		if semi < 0 {
			return len(seg)
		}
		semi += at
		comma := strings.LastIndexByte(seg[:semi], ',')
		next := strings.TrimLeft(seg[semi+1:], " \n")
		next = strings.TrimPrefix(next, "and ")
		if comma < at || next == "" || !isUpper(next[0]) || !semicolonItem(seg[comma:semi+1]) {
			return semi
		}
		at = semi + 1
	}
}

// clauseEnd returns where the clause after a meeting phrase ends: at a
// semicolon, or at ", who" or "to discuss", or the sentence's end.
func clauseEnd(text string, from, end int) int {
	seg := text[from:end]
	best := listSemicolon(seg)
	for _, stop := range []string{" to discuss", " to review", " about ", " regarding ", ", who", ", which", " who ", " which "} {
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
