package relate

import (
	"sort"
	"strings"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/normalize"
)

// maxListLines bounds a participant list: past it, the lines are no list.
const maxListLines = 60

// lists finds the meetings that participant lists report: a heading
// ("Participants:", "U.S. Participants", "Attendees:") followed by one
// person per line, often grouped by side ("U.S.", "Spain:"), or the people
// after the heading on its own line ("Participants: A, B and C."). Everyone
// listed took part in the meeting the cable reports; its date and place
// come from a meeting found in the text with at least two of the same
// people, else from the subject or the paragraphs before the list
// ("March 31, 2009; 9:00 a.m.; The Hague, Netherlands.").
func (f *Finder) lists(c *cable.Cable, people []person, places []placeSpan, found []Meeting) []Meeting {
	if len(f.heads) == 0 {
		return nil
	}
	text := c.Doc.Text.S
	lines := docLines(c.Doc)
	var out []Meeting
	// a list that starts on the line where the one before ended is the
	// other side of the same meeting ("U.S. participants: ..." then
	// "Syrian participants: ..."): one meeting of both
	prevEnd, prevStart, prevMeeting := -1, 0, false
	for i := 0; i < len(lines); i++ {
		inline, ok := f.heading(text[lines[i].s:lines[i].e])
		if !ok {
			continue
		}
		var ids []string
		if inline >= 0 {
			// "Participants: Ambassador Smith, Minister Jones."
			for _, p := range people {
				if p.s >= lines[i].s+inline && p.e <= lines[i].e {
					ids = append(ids, p.id)
				}
			}
		}
		j := i + 1
		if inline >= 0 {
			// "Participants: USG: Ambassador Tuttle; Eric Meyer, Office
			// Director;" and the list goes on past the line break
			for ; j < len(lines) && j-i <= maxListLines && unfinished(text[lines[j-1].s:lines[j-1].e]); j++ {
				for _, p := range people {
					if p.s >= lines[j].s && p.e <= lines[j].e {
						ids = append(ids, p.id)
					}
				}
			}
		}
		headPara := lines[i].para
		if inline < 0 && j == i+1 && j < len(lines) && lines[j].marker {
			// "Participants" alone, then "22. (SBU) U.S.A.:": the list is
			// numbered as a paragraph of its own
			headPara = lines[j].para
		}
		for ; j < len(lines) && j-i <= maxListLines && listLine(text, lines[j], headPara); j++ {
			if id := firstPerson(text, people, lines[j].s, lines[j].e); id != "" {
				ids = append(ids, id)
			}
		}
		start := lines[i].s
		if i == prevEnd && len(out) > 0 && prevMeeting {
			ids = append(ids, out[len(out)-1].Participants...)
			start, out = prevStart, out[:len(out)-1]
		}
		ids = uniq(ids)
		sort.Strings(ids)
		prevEnd, prevStart, prevMeeting = j, start, false
		if len(ids) >= 2 && f.reportsMeeting(c, found, ids) {
			m := Meeting{Participants: ids, Kind: "meeting"}
			m.Date, m.Place = f.listWhen(c, places, found, ids, start)
			os, oe := c.Doc.Text.Span(start, lines[j-1].e)
			m.Evidence.Start, m.Evidence.End, m.Evidence.Text = os, oe, c.Text[os:oe]
			out = append(out, m)
			prevMeeting = true
		}
		i = j - 1
	}
	return out
}

// unfinished reports a line that ends inside a list: on a semicolon, a
// comma or a colon.
func unfinished(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && strings.ContainsRune(";,:", rune(t[len(t)-1]))
}

// line is a line of the normalized text: a paragraph, or a line of a
// paragraph that keeps its line breaks (a list); para is its paragraph.
type line struct {
	s, e int
	para int
	// marker: the line starts a paragraph with a marker ("2. (U)")
	marker bool
}

func docLines(d normalize.Doc) []line {
	var out []line
	for pi, p := range d.Paragraphs {
		if p.Kind != normalize.ParaText {
			continue
		}
		s := p.Start
		for s <= p.End {
			e := strings.IndexByte(d.Text.S[s:p.End], '\n')
			if e < 0 {
				e = p.End
			} else {
				e += s
			}
			if e > s {
				out = append(out, line{s: s, e: e, para: pi, marker: s == p.Start && p.Marker != ""})
			}
			s = e + 1
		}
	}
	return out
}

// heading reports whether a line heads a participant list: a few words
// ending in a list head ("Participants", "U.S. Participants:"), alone on
// the line or before a colon. inline is where the people after the colon
// start in the line, or -1 when none follow it.
func (f *Finder) heading(t string) (inline int, ok bool) {
	head, rest := t, ""
	if k := strings.IndexByte(t, ':'); k >= 0 {
		head, rest = t[:k], t[k+1:]
	}
	ws := scan(head, 0)
	if len(ws) == 0 || len(ws) > 5 || !f.listHead(ws[len(ws)-1].w) {
		return -1, false
	}
	if strings.TrimSpace(rest) == "" {
		return -1, true
	}
	return len(t) - len(rest), true
}

// listHead reports a word that heads a list, also misspelled by a letter
// or two when long, its ending kept ("Partipants", not "participation").
func (f *Finder) listHead(w string) bool {
	if f.heads[w] {
		return true
	}
	if len(w) < 8 {
		return false
	}
	for h := range f.heads {
		if len(h) >= 8 && w[len(w)-3:] == h[len(h)-3:] && editDistance(w, h) <= 2 {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance of two short words.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// listLine reports whether a line can be an item of a list whose heading
// is in paragraph headPara: no numbered paragraph after the heading's, no
// prose (a long line, or a sentence of ten words or more).
func listLine(text string, l line, headPara int) bool {
	if l.marker && l.para != headPara {
		return false
	}
	t := text[l.s:l.e]
	if len(t) > 160 {
		return false
	}
	return !(endsWithPeriod(t) && len(strings.Fields(t)) >= 10)
}

func endsWithPeriod(t string) bool {
	t = strings.TrimRight(t, `"') `)
	return strings.HasSuffix(t, ".") && !strings.HasSuffix(t, ".)")
}

// firstPerson returns the id of the first person named in [a, b), or "";
// not one named in a possessive ("Political Director's Staff Gael
// Veyssiere" is Veyssiere).
func firstPerson(text string, people []person, a, b int) string {
	for _, p := range people {
		if p.s >= a && p.e <= b && !possessive(text, p.e) {
			return p.id
		}
	}
	return ""
}

// listWhen returns the date and place of a listed meeting: those of a
// meeting found in the text with at least two of its people; else the first
// date of the subject or of the paragraphs before the list, and the first
// place of a short paragraph that gives that date (a dateline).
func (f *Finder) listWhen(c *cable.Cable, places []placeSpan, found []Meeting, ids []string, at int) (*string, *string) {
	for _, m := range found {
		shared := 0
		for _, id := range m.Participants {
			if contains(ids, id) {
				shared++
			}
		}
		if shared >= 2 && m.Date != nil {
			return m.Date, m.Place
		}
	}
	text := c.Doc.Text.S
	for _, p := range c.Doc.Paragraphs {
		if p.Start >= at || p.Kind == normalize.ParaClassifiedBy {
			continue
		}
		d := findDate(text, scan(text[p.Start:p.End], p.Start), c.Time)
		if d == nil {
			continue
		}
		var place *string
		if p.End-p.Start <= 160 {
			for _, pl := range places {
				if pl.s >= p.Start && pl.e <= p.End {
					name := pl.name
					place = &name
					break
				}
			}
		}
		return d, place
	}
	return nil, nil
}

// reportsMeeting reports whether the cable tells of the meeting a list's
// people took part in: a meeting found with one of them, or words of
// meeting in the cable ("Secretary's conversation with", "bilateral
// talks"). A roster of a course's participants is no meeting.
func (f *Finder) reportsMeeting(c *cable.Cable, found []Meeting, ids []string) bool {
	for _, m := range found {
		for _, id := range m.Participants {
			if contains(ids, id) {
				return true
			}
		}
	}
	text := c.Doc.Text.S
	for _, p := range c.Doc.Paragraphs {
		ws := scan(text[p.Start:p.End], p.Start)
		for i, w := range ws {
			switch w.w {
			case "meeting", "meetings", "talks", "dialogue", "consultations", "conversation", "discussion", "discussions", "bilateral", "dinner", "lunch", "luncheon", "breakfast", "visit", "codel", "call", "meets", "met":
				return true
			}
			if ph, n := f.match(ws, i); n > 0 && !ph.join {
				return true
			}
		}
	}
	return false
}
