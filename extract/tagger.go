package extract

import (
	"strings"

	"github.com/cablegraph/cablegraph/rules"
)

// mention is something the tagger found, in token indexes [s, e).
type mention struct {
	typ    Type
	s, e   int
	ns, ne int    // persons: the tokens of the name, or ns == ne for a title alone
	name   string // canonical name (gazetteer) or the name as written
	office string // persons: canonical office, "" if none
	source string // which rule found it
	// titleAlone: an office with no name ("the Ambassador", "the SYG"),
	// to be resolved to the one person holding it.
	titleAlone bool
}

// tagger finds mentions in the tokens of one text.
type tagger struct {
	c       *compiled
	toks    []token
	allCaps bool
	out     []mention
}

// tag runs the rules over the tokens, left to right, longest match first.
func (tg *tagger) tag() []mention {
	toks := tg.toks
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.word {
			i++
			continue
		}
		L, ents := tg.c.gaz.match(toks, i)
		if n, head := tg.orgPhrase(i); n > L && head >= i+L && firstOf(ents, Title) == nil {
			// "Spanish Parliament", "U.S. Embassy": longer than what the
			// gazetteer knows, with its head outside it ("West Bank" is a place)
			tg.add(mention{typ: Organization, s: i, e: i + n, name: joinTokens(toks[i : i+n]), source: "orghead"})
			i += n
			continue
		}
		if L > 0 {
			if e := firstOf(ents, Title); e != nil {
				i = tg.title(i, L, e)
				continue
			}
			if e := firstOf(ents, Person); e != nil {
				tg.add(mention{typ: Person, s: i, e: i + L, ns: i, ne: i + L, name: e.name, source: "gazetteer", office: firstOffice(e)})
				i += L
				continue
			}
			if tg.commonAtStart(i, L) {
				i += L
				continue
			}
			if e := firstOf(ents, Organization); e != nil {
				tg.add(mention{typ: Organization, s: i, e: i + L, name: e.name, source: "gazetteer"})
				i += L
				continue
			}
			if e := firstOf(ents, Place); e != nil {
				tg.add(mention{typ: Place, s: i, e: i + L, name: e.name, source: "gazetteer"})
				i += L
				continue
			}
		}
		if tg.nameStart(i) {
			if n := tg.nameRun(i, false); n >= 2 && tg.shapeName(i, i+n) {
				tg.add(mention{typ: Person, s: i, e: i + n, ns: i, ne: i + n, name: joinTokens(toks[i : i+n]), source: "shape"})
				i += n
				continue
			}
		}
		i++
	}
	return tg.out
}

func (tg *tagger) add(m mention) { tg.out = append(tg.out, m) }

func firstOf(ents []*entry, typ Type) *entry {
	for _, e := range ents {
		if e.typ == typ {
			return e
		}
	}
	return nil
}

func firstOffice(e *entry) string {
	if len(e.offices) > 0 {
		return e.offices[0]
	}
	return ""
}

// commonAtStart reports a one-word match that is only a common word
// capitalized by the start of a sentence ("May", "Chad said").
func (tg *tagger) commonAtStart(i, L int) bool {
	t := tg.toks[i]
	return L == 1 && t.sentStart && tg.c.casing[t.key] == 'l'
}

// title handles a title at tokens [i, i+L): with names after it, persons
// holding it; alone, a title-only reference. It returns where to go on.
func (tg *tagger) title(i, L int, e *entry) int {
	toks := tg.toks
	j := i + L
	office := ""
	if e.titleKind == rules.KindOffice {
		office = e.name
	}
	start := tg.modifierStart(i)
	if k := tg.officeTail(j); k > j {
		// "Assistant Secretary for East Asian and Pacific Affairs Kurt
		// Campbell": the office goes on to the last office word
		if office != "" {
			office = joinTokens(toks[i:k])
		}
		j = k
	}
	n := tg.nameRun(j, true)
	if n > 0 && tg.possessiveOrg(j+n) {
		n = 0 // "General People's Congress": the name of a body
	}
	if n == 0 {
		if e.titleKind == rules.KindOffice && !e.plural {
			s := i
			if i > 0 && toks[i-1].key == "the" {
				s = i - 1
			}
			if s < i || countUpper(toks[i].text) >= 2 || toks[i].parStart {
				// "the Ambassador", "the SYG", an abbreviation alone ("SYG"), or
				// a title opening a paragraph ("Ambassador meets VP Cobos")
				tg.add(mention{typ: Person, s: s, e: j, ns: j, ne: j, office: office, titleAlone: true, source: "title"})
			}
		}
		return j
	}
	tg.add(mention{typ: Person, s: start, e: j + n, ns: j, ne: j + n, name: joinTokens(toks[j : j+n]), office: office, source: "title"})
	k := j + n
	if e.plural {
		// "Vice Presidents Hashimi and Abdul Mehdi"
		for k+1 < len(toks) && (toks[k].key == "and" || toks[k].key == ",") {
			m := tg.nameRun(k+1, true)
			if m == 0 {
				break
			}
			tg.add(mention{typ: Person, s: k + 1, e: k + 1 + m, ns: k + 1, ne: k + 1 + m, name: joinTokens(toks[k+1 : k+1+m]), office: office, source: "title"})
			k += 1 + m
		}
	}
	return k
}

// possessiveOrg reports "'s" then an organization's head noun at k:
// the words before were the name of a body, not a person.
func (tg *tagger) possessiveOrg(k int) bool {
	toks := tg.toks
	return k+2 < len(toks) && (toks[k].text == "'" || toks[k].text == "’") && toks[k+1].key == "s" && tg.c.orgHeads[toks[k+2].key] && (toks[k+2].cap || toks[k+2].upper)
}

// officeTail returns where an office continued by "for" or "of" and office
// words ends ("for East Asian and Pacific Affairs"), if a name follows it;
// else j.
func (tg *tagger) officeTail(j int) int {
	toks := tg.toks
	if j >= len(toks) || (toks[j].key != "for" && toks[j].key != "of") {
		return j
	}
	k, last := j+1, j
	for k < len(toks) && k-j <= 8 {
		t := toks[k]
		if !t.word || !tg.c.officeWords[t.key] && !tg.c.placeWords[t.key] && !tg.c.demonym(t.key) {
			break
		}
		if t.cap || t.upper {
			last = k
		}
		k++
	}
	if last == j || tg.nameRun(last+1, true) == 0 {
		return j
	}
	return last + 1
}

// modifierStart extends a title's mention back over the organization,
// place or nationality words just before it: "GOI Defense Minister",
// "Arab League Secretary General", "NEA A/S".
func (tg *tagger) modifierStart(i int) int {
	s := i
	for k := i - 1; k >= 0 && i-k <= 3 && !tg.toks[k+1].parStart && !tg.toks[k+1].sentStart; k-- {
		t := tg.toks[k]
		if !t.word || !(t.cap || t.upper) || tg.c.nonNames[t.key] || t.sentStart && tg.c.casing[t.key] == 'l' {
			break
		}
		s = k
		if t.sentStart {
			break
		}
	}
	return s
}

// nameStart reports whether a capitalized token can start a name.
func (tg *tagger) nameStart(i int) bool {
	t := tg.toks[i]
	if !t.word || !(t.cap || t.upper) || tg.c.nonNames[t.key] {
		return false
	}
	if t.sentStart && tg.c.casing[t.key] == 'l' {
		return false
	}
	return true
}

// nameRun returns how many tokens from j form a person's name: capitalized
// words, initials, and particles followed by a capitalized word. afterTitle
// relaxes the first word (it may be a place name: "Ambassador Jordan").
func (tg *tagger) nameRun(j int, afterTitle bool) int {
	toks := tg.toks
	k := j
loop:
	for k < len(toks) && k-j < 6 {
		t := toks[k]
		if !t.word || k > j && t.parStart || strings.ContainsRune(t.text, '/') {
			break // names have no slashes ("E/POL" is an office) nor span paragraphs
		}
		if tg.c.particles[t.key] && t.lower && k+1 < len(toks) && toks[k+1].word && (toks[k+1].cap || toks[k+1].upper) && k > j {
			k++
			continue
		}
		if t.initial {
			k++
			continue
		}
		// a word usually written in lower case is part of a name when it
		// is capitalized mid-sentence ("Gustavo Gallon"), not at a start
		if !(t.cap || t.upper) || tg.c.nonNames[t.key] || tg.c.casing[t.key] == 'l' && t.sentStart && !afterTitle && !(t.cap && tg.c.particles[t.key]) {
			break
		}
		if t.upper && len(t.text) > 1 && !tg.allCaps && tg.c.casing[t.key] == 'u' {
			break // an acronym in a mixed-case text: "UNAMI", "GOI"
		}
		if L, ents := tg.c.gaz.match(toks, k); L > 0 && firstOf(ents, Person) == nil {
			switch {
			case firstOf(ents, Title) != nil:
				break loop
			case firstOf(ents, Organization) != nil && (k > j || !afterTitle):
				break loop
			case firstOf(ents, Place) != nil && (L > 1 || k == j) && !afterTitle:
				break loop
			case firstOf(ents, Place) != nil && L > 1 && k > j:
				break loop
			}
		}
		if tg.c.demonym(t.key) {
			break
		}
		k++
	}
	// a name does not end on an initial or a particle
	for k > j && (toks[k-1].initial && k-j == 1) {
		k--
	}
	return k - j
}

// shapeName decides whether capitalized words [s, e) found without a title
// are a person's name: no common words, no acronyms, and not the start of
// a place or organization ("Costa Rican").
func (tg *tagger) shapeName(s, e int) bool {
	common, words := 0, 0
	for k := s; k < e; k++ {
		t := tg.toks[k]
		if t.initial || tg.c.particles[t.key] {
			continue
		}
		words++
		switch tg.c.casing[t.key] {
		case 'u':
			return false
		case 'l', 'm':
			// a surname may be a word ("Gustavo Gallon", "Condoleezza
			// Rice"), a name does not start with one
			if k == s {
				return false
			}
			common++
		}
		if tg.c.orgHeads[t.key] || tg.c.demonym(t.key) {
			return false
		}
		if t.upper && !tg.allCaps {
			return false
		}
		if strings.Contains(t.key, "-") {
			// "Turkish-sponsored", "Israeli-Syrian": not names; "Sung-hwan" is
			for _, part := range strings.Split(t.key, "-") {
				if tg.c.casing[part] == 'l' || tg.c.demonym(part) || tg.c.nonNames[part] {
					return false
				}
			}
		}
	}
	if common*2 > words {
		return false
	}
	if tg.possessiveOrg(e) {
		return false
	}
	// a name is not followed by another capitalized word ("Quadrennial
	// Defense Review"): that is the name of something else
	if e < len(tg.toks) {
		if n := tg.toks[e]; n.word && (n.cap || n.upper) && !n.sentStart && !tg.allCaps {
			return false
		}
	}
	return true
}

// orgPhrase returns the length of an organization name by its head noun at
// i: capitalized words ending in a head ("Iraqi Security Forces", "Spanish
// Parliament"), and "of/for/on" phrases after it ("Colombian Commission of
// Jurists", "University of California"), and the index of the head; 0, -1
// if none.
func (tg *tagger) orgPhrase(i int) (int, int) {
	toks := tg.toks
	if t := toks[i]; !t.word || !(t.cap || t.upper) || tg.c.casing[t.key] == 'l' && (t.sentStart || tg.c.nonNames[t.key]) {
		return 0, -1
	}
	k := i
	head := -1
	for k < len(toks) && k-i < 8 {
		t := toks[k]
		if !t.word || !(t.cap || t.upper) || (k > i && tg.c.nonNames[t.key] && !tg.c.orgHeads[t.key]) || (k > i && t.parStart) {
			break
		}
		if L, ents := tg.c.gaz.match(toks, k); L > 0 && firstOf(ents, Title) != nil {
			break
		}
		if tg.c.orgHeads[t.key] {
			head = k
		} else if head >= 0 {
			break
		}
		k++
	}
	if head < 0 {
		return 0, -1
	}
	end := head + 1
	// "of Jurists", "on Reparations", "of Education and Training", "of the University of California"
	for end+1 < len(toks) {
		c := toks[end].key
		if c != "of" && c != "for" && c != "on" && c != "and" {
			break
		}
		m := end + 1
		if m < len(toks) && toks[m].key == "the" {
			m++
		}
		n := m
		for n < len(toks) && toks[n].word && (toks[n].cap || toks[n].upper) && !tg.c.nonNames[toks[n].key] && !toks[n].parStart && n-m < 4 {
			n++
		}
		if n == m {
			break
		}
		end = n
	}
	if end-i < 2 {
		return 0, -1 // a head alone ("Embassy") names nothing
	}
	return end - i, head
}

// joinTokens writes tokens as a name: single spaces, no space before
// punctuation.
func joinTokens(toks []token) string {
	var b strings.Builder
	for k, t := range toks {
		if k > 0 && t.word {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}
