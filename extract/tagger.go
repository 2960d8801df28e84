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
	// written is the office as the cable writes it ("FM", "DG for
	// Political Affairs"), which is what the entity reports
	written string
	source  string // which rule found it
	// titleAlone: an office with no name ("the Ambassador", "the SYG"),
	// to be resolved to the one person holding it.
	titleAlone bool
	// more are further offices of the person, in apposition to the name
	// ("Ambassador X, Special Envoy for Y"): canonical and as written
	more [][2]string
}

// tagger finds mentions in the tokens of one text.
type tagger struct {
	c       *compiled
	toks    []token
	allCaps bool
	out     []mention
	// lastPerson is the index in out of the last person named, for an
	// office in apposition after the name; -1 if none
	lastPerson int
	// headAt is the paragraph start inHeading last looked at (-1: none),
	// heading what it found
	headAt  int
	heading bool
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
				tg.add(mention{typ: Person, s: i, e: i + L, ns: i, ne: i + L, name: e.name, source: "gazetteer", office: firstOffice(e), written: firstOffice(e)})
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
				if n, head := tg.orgPhrase(i + L); n >= 2 && head >= 0 && !toks[i+L].parStart && !tg.notPlace(i, i+L) && tg.plainOrgStart(i+L) {
					// "Rio de Janeiro State Assembly", "Kirkuk Provincial
					// Council": a body of the place
					tg.add(mention{typ: Organization, s: i, e: i + L + n, name: joinTokens(toks[i : i+L+n]), source: "orghead"})
					i += L + n
					continue
				}
				if n := tg.givenNamePlace(i, L); n > 0 {
					// "Paul Wohlers": Paul is a region too
					tg.add(mention{typ: Person, s: i, e: i + n, ns: i, ne: i + n, name: joinTokens(toks[i : i+n]), source: "shape"})
					i += n
					continue
				}
				if !tg.notPlace(i, i+L) {
					n := L
					if k := i + L; k < len(toks) && geoHeads[toks[k].key] && (toks[k].cap || tg.allCaps) && !toks[k].parStart {
						n++ // "Jaffna Peninsula", "Swat Valley": the place, as written
					}
					tg.add(mention{typ: Place, s: i, e: i + n, name: e.name, source: "gazetteer"})
					L = n
				}
				i += L
				continue
			}
		}
		if L == 0 && t.lower {
			// "former president Miguel Angel Rodriguez": a title in lower
			// case, when a name follows it
			if L2, e := tg.c.gaz.matchTitleLower(toks, i); L2 > 0 && i+L2 < len(toks) && !toks[i+L2].parStart && tg.personName(i+L2) > 0 {
				i = tg.title(i, L2, e)
				continue
			}
			if s, e := tg.mediaName(i); e > s {
				// "the daily El Shorouk", "the newspaper "Dawn""
				tg.add(mention{typ: Organization, s: s, e: e, name: joinTokens(toks[s:e]), source: "media"})
				i = e
				continue
			}
		}
		if tg.nameStart(i) {
			s := i
			for s+1 < len(toks) && s-i < 3 && tg.jobWordAt(s) && !toks[s+1].parStart && tg.nameStart(s+1) && !(s > i && tg.titleAt(s)) {
				// "Regional Affairs Officer Caroline Croft", "State Councilor
				// Dai Bingguo": words of an office the titles do not know
				s++
			}
			if s > i && tg.titleAt(s) {
				i = s // "Finance Chief Pak Nam-gi": a title the rules know
				continue
			}
			if n := tg.nameRun(s, false); n >= 2 && tg.shapeName(s, s+n) {
				tg.add(mention{typ: Person, s: s, e: s + n, ns: s, ne: s + n, name: joinTokens(toks[s : s+n]), source: "shape"})
				i = s + n
				continue
			}
		}
		i++
	}
	tg.acronyms()
	return tg.out
}

// acronyms finds the organizations a cable introduces with their acronym
// in parentheses ("the National Commission for Reparation and
// Reconciliation (CNRR)"), then used by the acronym alone: the acronym's
// mentions join the organization, whatever the gazetteer says the
// letters stand for elsewhere.
func (tg *tagger) acronyms() {
	toks := tg.toks
	any := false
	for k := 2; k+2 < len(toks) && !any; k++ {
		any = toks[k].text == "(" && toks[k+2].text == ")" && isAcronym(toks[k+1])
	}
	if !any {
		return
	}
	var defs map[string]string
	owner := make([]int32, len(toks)) // token -> 1 + index in out of the mention covering it
	for mi, m := range tg.out {
		for k := m.s; k < m.e && k < len(toks); k++ {
			owner[k] = int32(mi) + 1
		}
	}
	for k := 2; k+1 < len(toks); k++ {
		if toks[k].text != "(" || !isAcronym(toks[k+1]) || k+2 >= len(toks) || toks[k+2].text != ")" {
			continue
		}
		acr := toks[k+1].text
		name := ""
		if mi := int(owner[k-1]) - 1; mi >= 0 {
			if m := tg.out[mi]; m.typ == Organization && m.e == k {
				name = m.name
				if s := tg.initialsStart(k, acr); s >= 0 && s < m.s && !tg.taken(owner, s, m.s) {
					// "Social Christian Unity Party (PUSC)": the acronym
					// tells where the name begins
					name = joinTokens(toks[s:k])
					tg.out[mi].s, tg.out[mi].name = s, name
				}
			}
		} else if s := tg.initialsStart(k, acr); s >= 0 && !tg.taken(owner, s, k) && !tg.instrument(s, k) {
			if L, ents := tg.c.gaz.match(toks, s); L == 0 || firstOf(ents, Title) == nil && firstOf(ents, Place) == nil {
				name = joinTokens(toks[s:k])
				if tg.allCaps {
					name = capitalizeName(name)
				}
				tg.add(mention{typ: Organization, s: s, e: k, name: name, source: "acronym"})
			}
		}
		if name == "" {
			continue
		}
		if defs == nil {
			defs = map[string]string{}
		}
		defs[acr] = name
	}
	if defs == nil {
		return
	}
	for k, t := range toks {
		name, ok := defs[t.text]
		if !ok {
			continue
		}
		if mi := int(owner[k]) - 1; mi >= 0 {
			if m := &tg.out[mi]; m.typ == Organization && m.s == k && m.e == k+1 {
				m.name = name // the cable's own meaning of the letters
			}
			continue
		}
		tg.out = append(tg.out, mention{typ: Organization, s: k, e: k + 1, name: name, source: "acronym"})
	}
}

// capitalizeName capitalizes the words of a name recased from capitals,
// but its small words ("Department of Education and Training").
func capitalizeName(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i == 0 || !initialsSmall[w] {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// instrumentWords make a name the name of a treaty, a law, a plan or an
// event, not of an organization ("Comprehensive Test Ban Treaty (CTBT)",
// "Memorandum of Understanding (MOU)").
var instrumentWords = map[string]bool{"treaty": true, "agreement": true, "convention": true, "act": true, "law": true, "protocol": true, "resolution": true, "plan": true, "accord": true, "accords": true, "declaration": true, "memorandum": true, "understanding": true, "initiative": true, "program": true, "programme": true, "strategy": true, "process": true, "conference": true, "summit": true, "review": true, "report": true, "dialogue": true, "regime": true, "framework": true, "round": true, "system": true, "area": true, "zone": true, "operation": true}

// instrument reports an instrument word among the tokens [s, e).
func (tg *tagger) instrument(s, e int) bool {
	for k := s; k < e; k++ {
		if instrumentWords[tg.toks[k].key] {
			return true
		}
	}
	return false
}

// isAcronym reports an acronym: two to eight letters, capitals (a
// lowercase letter inside allowed: "GoE", "PCdoB").
func isAcronym(t token) bool {
	if !t.word || len(t.text) < 2 || len(t.text) > 8 || !t.cap || countUpper(t.text) < 2 {
		return false
	}
	for _, r := range t.text {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// initialsStart returns where the capitalized words before token k begin
// whose initials spell acr ("Democratic Revolution Party (PRD)" no;
// "National Action Party (PAN)" yes), skipping the small words of names
// (of, for, and, the, de, la); -1 if none.
func (tg *tagger) initialsStart(k int, acr string) int {
	toks := tg.toks
	letters := []byte(strings.ToUpper(acr))
	for i := len(letters) - 1; i >= 0; i-- {
		if letters[i] < 'A' || letters[i] > 'Z' {
			letters = append(letters[:i], letters[i+1:]...)
		}
	}
	n := len(letters)
	q := k - 1
	for q >= 0 && n > 0 && !toks[q+1].parStart {
		t := toks[q]
		switch {
		case !t.word:
			return -1
		case t.cap || t.upper || tg.allCaps && t.word && !initialsSmall[t.key] && !tg.c.particles[t.key]:
			// (in a text recased from capitals, common words are in
			// lower case but were capitals: "department of education")
			if t.text[0] != letters[n-1] && t.text[0] != letters[n-1]-'A'+'a' {
				return -1
			}
			n--
			if n == 0 {
				return q
			}
		case initialsSmall[t.key] || tg.c.particles[t.key]:
			if q+1 < k && t.key != "the" {
				// a small word may stand for a letter ("PCdoB") or not
				if n > 0 && letters[n-1] == t.text[0]-'a'+'A' {
					n--
				}
			}
		default:
			return -1
		}
		q--
	}
	return -1
}

// initialsSmall are the small words of names, which an acronym may leave out.
var initialsSmall = map[string]bool{"of": true, "for": true, "and": true, "the": true, "on": true}

// taken reports a token in [s, e) that a mention already covers.
func (tg *tagger) taken(owner []int32, s, e int) bool {
	for k := s; k < e; k++ {
		if owner[k] != 0 {
			return true
		}
	}
	return false
}

// eventHeads after a place name make it the name of an event or an
// instrument ("Doha Round", "Manama Dialogue", "Vienna Convention"), not
// a reference to the place.
var eventHeads = map[string]bool{"dialogue": true, "summit": true, "conference": true, "forum": true, "process": true, "declaration": true, "accord": true, "accords": true, "agreement": true, "round": true, "initiative": true, "club": true, "compact": true, "convention": true, "protocol": true, "statement": true}

// geoHeads after a place name belong to its mention: "Jaffna Peninsula",
// "Anbar Province", "Niger Delta".
var geoHeads = map[string]bool{"peninsula": true, "province": true, "governorate": true, "valley": true, "delta": true, "basin": true, "coast": true, "region": true, "district": true, "island": true, "islands": true, "river": true, "mountains": true, "desert": true, "plateau": true, "highlands": true}

// routingWords before a place name make it an address of the routing
// lines ("INFO AMEMBASSY PRETORIA"), not a place the cable speaks of.
var routingWords = map[string]bool{"amembassy": true, "amconsul": true, "amcongen": true, "usmission": true, "usdel": true, "secstate": true}

// givenNamePlace returns the length of a person's name that starts with a
// one-word place that is also a given name in the corpus's names ("Paul
// Wohlers", "Mary Lee Warren"), or 0: the words after it must be a name,
// not words of the rules.
func (tg *tagger) givenNamePlace(i, L int) int {
	toks := tg.toks
	if L != 1 || i+1 >= len(toks) || toks[i+1].parStart || (toks[i].upper && !tg.allCaps) {
		return 0
	}
	if f := tg.c.names[toks[i].key]; f != 'g' && f != 'b' {
		return 0
	}
	n := tg.nameRun(i, true)
	if n < 2 {
		return 0
	}
	for k := i + 1; k < i+n; k++ {
		t := toks[k]
		if t.initial || tg.c.particles[t.key] {
			continue
		}
		if c := tg.c.casing[t.key]; c == 'l' || c == 'm' || t.upper && !tg.allCaps {
			return 0
		}
		if L2, _ := tg.c.gaz.match(toks, k); L2 > 0 {
			return 0
		}
	}
	return n
}

// mediaWords name a newspaper, a magazine or a station when a name
// follows them: "the daily El Shorouk", "Colombian weekly Semana".
var mediaWords = map[string]bool{"newspaper": true, "daily": true, "weekly": true, "magazine": true, "paper": true, "newsweekly": true, "tabloid": true}

// mediaSecond are the second words of two-word media nouns ("news agency",
// "television station").
var mediaSecond = map[string]bool{"agency": true, "station": true, "channel": true, "network": true}

// mediaName returns the tokens [s, e) of the name of a newspaper or a
// station after a media noun at i, or i, i.
func (tg *tagger) mediaName(i int) (int, int) {
	toks := tg.toks
	t := toks[i]
	j := i + 1
	switch {
	case mediaWords[t.key]:
		if t.key == "daily" || t.key == "weekly" || t.key == "paper" {
			// adjectives too ("daily raids"): only after a determiner or a
			// qualifier ("the daily", "Colombian weekly", "opposition daily")
			if i == 0 {
				return i, i
			}
			p := toks[i-1]
			if !(p.key == "the" || p.key == "a" || p.key == "news" || p.key == "opposition" || p.key == "independent" || p.key == "private" || p.key == "leading" || p.cap || strings.HasSuffix(p.key, "-owned") || strings.HasSuffix(p.key, "-run")) {
				return i, i
			}
		}
	case (t.key == "news" || t.key == "television" || t.key == "tv" || t.key == "radio") && j < len(toks) && mediaSecond[toks[j].key]:
		j++
	default:
		return i, i
	}
	if j < len(toks) && (toks[j].text == "\"" || toks[j].text == "“") {
		j++
	}
	s := j
	for j < len(toks) && j-s < 5 && toks[j].word && !toks[j].parStart {
		w := toks[j]
		if w.cap || w.upper {
			if j == s && (tg.c.nonNames[w.key] || tg.c.demonym(w.key) || tg.c.placeWords[w.key]) {
				return i, i // "the daily Israeli raids", "weekly Monday"
			}
			j++
			continue
		}
		if tg.c.particles[w.key] && j > s && j+1 < len(toks) && (toks[j+1].cap || toks[j+1].upper) {
			j++
			continue
		}
		break
	}
	if j == s {
		return i, i
	}
	if L, ents := tg.c.gaz.match(toks, s); L > 0 && (firstOf(ents, Person) != nil || firstOf(ents, Title) != nil) {
		return i, i
	}
	return s, j
}

// plainOrgStart reports whether an organization's name at k can follow a
// place's name as its body: not a known name or a nationality ("Moscow
// British Embassy", "Doha Arab League" are two names).
func (tg *tagger) plainOrgStart(k int) bool {
	t := tg.toks[k]
	if tg.c.demonym(t.key) || tg.c.nonNames[t.key] {
		return false
	}
	L, _ := tg.c.gaz.match(tg.toks, k)
	return L == 0
}

// notPlace reports a place name at [s, e) that names no place here.
func (tg *tagger) notPlace(s, e int) bool {
	toks := tg.toks
	if e < len(toks) && eventHeads[toks[e].key] && (toks[e].cap || toks[e].upper) && !toks[e].parStart {
		return true
	}
	if s > 0 && toks[s-1].key == "visit" && tg.possessiveAt(e) && e+2 < len(toks) && toks[e+2].key == "classified" {
		return true // "Visit Ankara's Classified Web Site": a footer
	}
	return s > 0 && routingWords[toks[s-1].key]
}

func (tg *tagger) add(m mention) {
	tg.out = append(tg.out, m)
	if m.typ == Person && !m.titleAlone {
		tg.lastPerson = len(tg.out) - 1
	}
}

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
	return tg.titleFrom(i, i, L, e)
}

// titleFrom is title for a title at [i, i+L) that a modifier title at
// [pre, i) ("Deputy") makes another office: "Deputy Chief of Staff",
// "Deputy DG for Political Affairs".
func (tg *tagger) titleFrom(pre, i, L int, e *entry) int {
	toks := tg.toks
	j := i + L
	if pre == i && e.name == "Deputy" && toks[i].key == "deputy" && j < len(toks) && !toks[j].parStart {
		// "Deputy Assistant Attorney General": modifier words, then a title
		for q := j; q < len(toks) && q-j <= 2; q++ {
			if L2, ents := tg.c.gaz.match(toks, q); L2 > 0 {
				if e2 := firstOf(ents, Title); e2 != nil && e2.titleKind == rules.KindOffice && !e2.plural && e2.name != "Deputy" {
					return tg.titleFrom(i, q, L2, e2)
				}
			}
			if !toks[q].cap || !modifierWords[toks[q].key] {
				break
			}
		}
	}
	office, written := "", ""
	if e.titleKind == rules.KindOffice {
		office, written = e.name, joinTokens(toks[i:j])
		if e.plural {
			written = singular(written) // "Presidents Zapatero and Bush": each a President
		}
	}
	start := tg.modifierStart(pre)
	if k := tg.officeTail(j); k > j {
		// "Assistant Secretary for East Asian and Pacific Affairs Kurt
		// Campbell": the office goes on to the last office word
		if office != "" {
			office = joinTokens(toks[i:k])
			written = office
		}
		j = k
	}
	if office != "" && pre < i {
		office = joinTokens(toks[pre:i]) + " " + office
		written = joinTokens(toks[pre:i]) + " " + written
	}
	if m := tg.officeModifiers(start, pre); m < pre && written != "" {
		// "Vice Governor", "Acting Foreign Minister": another office
		written = joinTokens(toks[m:pre]) + " " + written
	}
	n := 0
	if j < len(toks) && !toks[j].parStart {
		// a title ending a line of a list is not the next line's name's
		n = tg.nameRun(j, true)
	}
	if n > 0 && tg.possessiveOrg(j+n) {
		n = 0 // "General People's Congress": the name of a body
	}
	for n > 1 && tg.jobWordAt(j) {
		// "Regional Affairs Officer Caroline Croft", "State Councilor Dai
		// Bingguo": the office goes on; the name starts after it
		if written != "" {
			written += " " + toks[j].text
		}
		j, n = j+1, n-1
	}
	if n == 0 && office != "" && !e.plural && !tg.possessiveAt(j) {
		if k := tg.nameAfterTitle(start, j, office); k > 0 {
			// "the Minister of Energy, Kiraitu Murungi,"; "Deputy Assistant
			// Attorney General (DAAG) Mary Lee Warren"
			m := tg.nameRun(k, true)
			tg.add(mention{typ: Person, s: k, e: k + m, ns: k, ne: k + m, name: joinTokens(toks[k : k+m]), office: office, written: written, source: "title"})
			return k + m
		}
		if k, ok := tg.apposition(start, pre, i, j, office, written); ok {
			return k
		}
	}
	if n == 0 {
		if e.titleKind == rules.KindOffice && !e.plural {
			s := i
			if i > 0 && toks[i-1].key == "the" {
				s = i - 1
			}
			if s < i || countUpper(toks[i].text) >= 2 || toks[i].parStart || selfOffices[office] && tg.inList(i, j) {
				// "the Ambassador", "the SYG", an abbreviation alone ("SYG"), or
				// a title opening a paragraph ("Ambassador meets VP Cobos")
				tg.add(mention{typ: Person, s: s, e: j, ns: j, ne: j, office: office, written: written, titleAlone: true, source: "title"})
			}
		}
		return j
	}
	tg.add(mention{typ: Person, s: start, e: j + n, ns: j, ne: j + n, name: joinTokens(toks[j : j+n]), office: office, written: written, source: "title"})
	k := j + n
	tagged := tg.partyTag(k) > 0
	if e.plural || tagged && office != "" {
		// "Vice Presidents Hashimi and Abdul Mehdi"; "Representative Mel
		// Watt (D-NC), Tom Lantos (D-Cal), ...": members of Congress, each
		// with a party tag, share the title before the first
		for {
			k += tg.partyTag(k)
			c := k
			if c < len(toks) && toks[c].key == "," && c+1 < len(toks) && toks[c+1].key == "and" {
				c++
			}
			if c+1 >= len(toks) || toks[c].key != "and" && toks[c].key != "," {
				break
			}
			m := tg.nameRun(c+1, true)
			if m == 0 || !e.plural && tg.partyTag(c+1+m) == 0 {
				break
			}
			tg.add(mention{typ: Person, s: c + 1, e: c + 1 + m, ns: c + 1, ne: c + 1 + m, name: joinTokens(toks[c+1 : c+1+m]), office: office, written: written, source: "title"})
			k = c + 1 + m
		}
	}
	return k
}

// titleAt reports a title of the rules at token k.
func (tg *tagger) titleAt(k int) bool {
	L, ents := tg.c.gaz.match(tg.toks, k)
	return L > 0 && firstOf(ents, Title) != nil
}

// jobWordAt reports a word of an office at k that the corpus's names do
// not have as a given name only ("Officer", "Staff", "Councilor").
func (tg *tagger) jobWordAt(k int) bool {
	t := tg.toks[k]
	if !t.word || !tg.c.jobWords[t.key] {
		return false
	}
	return tg.c.names[t.key] != 'g'
}

// inList reports a title at [i, j) that is an item of a list: a comma or
// "and" before or after it ("Ambassador, DCM Gilmour and PolSec officer
// met ...").
func (tg *tagger) inList(i, j int) bool {
	toks := tg.toks
	sep := func(k int) bool { return k >= 0 && k < len(toks) && (toks[k].key == "," || toks[k].key == "and") }
	return sep(j) || sep(i-1) && !toks[i].parStart
}

// singular undoes plural: "Vice Presidents" → "Vice President".
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "ches") || strings.HasSuffix(s, "shes"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "s"):
		return s[:len(s)-1]
	}
	return s
}

// partyTag returns the length of a party and state tag at k ("(D-NC)",
// "(R-IL)"), or 0.
func (tg *tagger) partyTag(k int) int {
	toks := tg.toks
	if k+2 >= len(toks) || toks[k].text != "(" || toks[k+2].text != ")" {
		return 0
	}
	t := toks[k+1].text
	if len(t) < 4 || len(t) > 8 || t[1] != '-' || t[0] != 'D' && t[0] != 'R' && t[0] != 'I' || !isUpperByte(t[2]) {
		return 0
	}
	return 3
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
	k := tg.officeTailEnd(j)
	if k == j || tg.nameRun(k, true) == 0 {
		return j
	}
	// the office goes on past its known words ("Minister of Emergency
	// Situations Sergey Shoygu", "Director of the Financial Services
	// Authority"): what follows is no name
	if c := tg.c.casing[tg.toks[k].key]; c == 'l' || c == 'm' {
		return j
	}
	return k
}

// officeTailEnd returns where an office continued by "for" or "of" and
// office words ends, whatever follows it; else j.
func (tg *tagger) officeTailEnd(j int) int {
	toks := tg.toks
	if j >= len(toks) || (toks[j].key != "for" && toks[j].key != "of") {
		return j
	}
	k, last := j+1, j
	for k < len(toks) && k-j <= 8 && !toks[k].parStart {
		t := toks[k]
		if !t.word || !tg.c.officeWords[t.key] && !tg.c.placeWords[t.key] && !tg.c.demonym(t.key) {
			break
		}
		if t.cap || t.upper {
			last = k
		}
		k++
	}
	if last == j {
		return j
	}
	return last + 1
}

// appositionWords may stand between a name, its comma and the office
// after it ("Lucio Pabon, the former Director"), or before an office that
// a name follows after a comma ("the former Director ..., Lucio Pabon").
var appositionWords = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "former": true, "acting": true, "then": true, "current": true, "also": true, "now": true, "interim": true, "new": true, "outgoing": true, "incoming": true}

// modifierWords make an office another when they stand before it: "Vice
// Governor", "Acting Foreign Minister", "Senior Advisor".
var modifierWords = map[string]bool{"vice": true, "acting": true, "senior": true, "chief": true, "executive": true, "principal": true, "assistant": true, "associate": true, "special": true, "first": true, "interim": true}

// officeModifiers returns where the modifier words just before an office
// at pre begin, at start or after; pre if none.
func (tg *tagger) officeModifiers(start, pre int) int {
	m := pre
	for m-1 >= 0 && pre-m < 3 && !tg.toks[m].parStart && tg.toks[m-1].cap && (modifierWords[tg.toks[m-1].key] || tg.subjectWord(tg.toks[m-1].key)) {
		// (before start too: "Political Minister Counselor" opening a
		// sentence, which the name's span does not take)
		m--
	}
	return m
}

// subjectWord reports an office word that names the subject of an office
// ("Political Affairs Director", "Finance Chief"), not a region or a
// nationality ("European", "Western"), which the office is the same
// without.
func (tg *tagger) subjectWord(key string) bool {
	if !tg.c.officeWords[key] || tg.c.placeWords[key] || tg.c.demonym(key) || regionWords[key] || unitWords[key] {
		return false
	}
	return true
}

var regionWords = map[string]bool{"western": true, "eastern": true, "northern": true, "southern": true, "near": true, "east": true, "west": true, "north": true, "south": true, "central": true, "pacific": true, "atlantic": true, "european": true, "african": true, "american": true, "asian": true, "hemisphere": true, "hemispheric": true, "global": true, "regional": true, "international": true, "the": true, "and": true, "state": true}

// unitWords name the unit an office heads ("Head of Mission"): after the
// office, not a subject before it ("Criminal Division Deputy Assistant
// Attorney General" is not a Division Deputy).
var unitWords = map[string]bool{"mission": true, "delegation": true, "section": true, "division": true, "unit": true, "department": true, "directorate": true, "office": true}

// selfOffices are the offices of a post's own officers, which a cable
// names in lists ("the Ambassador, X and Y") rather than in apposition.
var selfOffices = map[string]bool{"Ambassador": true, "Charge d'Affaires": true, "Deputy Chief of Mission": true, "Consul General": true, "Secretary": true, "Political Counselor": true, "Economic Counselor": true, "Political Officer": true, "Economic Officer": true}

// appositionEnd reports whether an office in apposition may end before
// token k: at punctuation, a line's end, or a preposition ("presidential
// candidate for the ruling party"), not before a verb ("P/E Chief
// commented").
func (tg *tagger) appositionEnd(k int) bool {
	toks := tg.toks
	if k >= len(toks) || toks[k].parStart {
		return true
	}
	t := toks[k]
	if !t.word {
		return t.text != "'" && t.text != "’" && t.text != "/" && t.text != "-"
	}
	switch t.key {
	case "of", "for", "in", "at", "to", "with", "on", "from", "since", "until", "and", "who":
		return true
	}
	return false
}

// possessiveAt reports "'s" at tokens [k, k+2).
func (tg *tagger) possessiveAt(k int) bool {
	toks := tg.toks
	return k >= 0 && k+1 < len(toks) && (toks[k].text == "'" || toks[k].text == "’") && toks[k+1].key == "s"
}

// nameAfterTitle finds the name an office alone is in apposition to,
// after it: "Deputy Assistant Attorney General (DAAG) Mary Lee Warren",
// "the Minister of Energy, Kiraitu Murungi,", "the former Director of the
// Witness Protection Program, Lucio Pabon,". start is where the office
// begins, j where it ends. It returns the name's first token, or 0.
func (tg *tagger) nameAfterTitle(start, j int, office string) int {
	toks := tg.toks
	k := j
	if k+3 < len(toks) && toks[k].text == "(" && toks[k+1].upper && toks[k+2].text == ")" && !toks[k+3].parStart {
		// the office's abbreviation, then the name
		if tg.personName(k+3) > 0 {
			return k + 3
		}
		k += 3
	}
	// the office must be a definite one: "the ...", "Lula's ..."
	b := start - 1
	for b >= 0 && appositionWords[toks[b].key] && toks[b].key != "the" {
		b--
	}
	if b < 0 || !(toks[b].key == "the" || b >= 1 && tg.possessiveAt(b-1)) {
		return 0
	}
	if k < len(toks) && (toks[k].key == "of" || toks[k].key == "for" || toks[k].key == "in") {
		// "of the Witness Protection Program", "for the ruling party"
		q := k + 1
		for q < len(toks) && q-k <= 8 && !toks[q].parStart && toks[q].text != "," {
			t := toks[q]
			if !t.word || !(t.cap || t.upper) && t.key != "the" && t.key != "and" && t.key != "of" && t.key != "for" && t.key != "in" {
				return 0
			}
			q++
		}
		k = q
	} else if selfOffices[office] {
		// "with the Ambassador, Joao Carlos Meirelles, a long-term
		// advisor": the post's own officers are listed, not explained
		return 0
	}
	if k+1 >= len(toks) || toks[k].text != "," || toks[k+1].parStart {
		return 0
	}
	if m := tg.personName(k + 1); m > 0 {
		if e := k + 1 + m; e == len(toks) || toks[e].parStart || strings.Contains(",.;:)", toks[e].text) {
			return k + 1
		}
	}
	return 0
}

// personName returns the length of a person's name at k found after an
// office, or 0: a name run that is not a place, an organization or a title.
func (tg *tagger) personName(k int) int {
	if k >= len(tg.toks) || !tg.nameStart(k) {
		return 0
	}
	if L, ents := tg.c.gaz.match(tg.toks, k); L > 0 && firstOf(ents, Person) == nil && tg.givenNamePlace(k, L) == 0 {
		return 0
	}
	return tg.nameRun(k, true)
}

// apposition gives an office alone at [i, j) (with its modifiers from
// start) to the person named just before it and a comma: "Ms. Abedin,
// Deputy Chief of Staff to the Secretary"; "Ricardo Toledo, presidential
// candidate"; "Pieter de Gooijer, DG for Political Affairs". pre is where
// a modifier title ("Deputy") begins.
func (tg *tagger) apposition(start, pre, i, j int, office, written string) (int, bool) {
	toks := tg.toks
	if tg.lastPerson < 0 {
		return 0, false
	}
	m := &tg.out[tg.lastPerson]
	if m.e >= start || toks[m.e].text != "," {
		return 0, false
	}
	for q := m.e + 1; q < start; q++ {
		switch t := toks[q]; {
		case appositionWords[t.key]:
		case t.word && (t.cap || t.upper) && tg.possessiveAt(q+1):
			q += 2
		default:
			return 0, false
		}
	}
	end := j
	if k := tg.officeTailEnd(j); k > j && tg.appositionEnd(k) {
		// "DG for Political Affairs", ending there
		office = joinTokens(toks[pre:k])
		written = office
		end = k
	} else if !tg.appositionEnd(j) {
		return 0, false
	}
	if m.office == "" {
		m.office, m.written = office, written
	} else if m.office != office {
		m.more = append(m.more, [2]string{office, written})
	}
	return end, true
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
		if tg.c.particles[t.key] && t.lower && k+1 < len(toks) && toks[k+1].word && (toks[k+1].cap || toks[k+1].upper) && !toks[k+1].parStart && (k > j || afterTitle) {
			k++
			continue
		}
		if t.initial {
			k++
			continue
		}
		if t.lower && (k > j || afterTitle) && tg.particleHyphen(t.text) {
			k++ // "Ali Hamad Subaih al-Kaabi", "PM al-Maliki"
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
		if k == j && tg.c.orgHeads[t.key] {
			break // "Head Office", "Prosecutor's Office": no name
		}
		if tg.c.casing[t.key] == 'l' && t.cap && !t.sentStart && len(t.key) >= 6 && strings.HasSuffix(t.key, "ed") && tg.c.names[t.key] == 0 && !tg.afterHonorific(j) {
			// a verb of a heading with more than a few words ("Ambassador
			// Reassured in Meetings with La Russa, Berlusconi")
			break
		}
		if tg.c.casing[t.key] == 'l' && t.cap && tg.inHeading(k) && !tg.afterHonorific(j) {
			// a heading's capitals: "Ambassador Reassured", "Charge
			// Discusses"; not a name after a form of address ("Mr. Falls")
			break
		}
		if L, ents := tg.c.gaz.match(toks, k); L > 0 && firstOf(ents, Person) == nil {
			switch {
			case firstOf(ents, Title) != nil && tg.surnameAbbrev(k, L):
				// "High Commissioner Sen," "Nirupam Sen concerning": no name
				// after it, so no title
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
		if tg.c.demonym(t.key) && !tg.surnameDemonym(j, k) && !(afterTitle && (k == j || tg.c.names[toks[k-1].key] == 'g') && tg.wordAlone(k)) {
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

// plainNameWords reports whether the words [s, e) are names and nothing
// else: no common words, no words of the rules.
func (tg *tagger) plainNameWords(s, e int) bool {
	for k := s; k < e; k++ {
		t := tg.toks[k]
		if t.initial || tg.c.particles[t.key] {
			continue
		}
		if tg.c.casing[t.key] != 0 {
			return false
		}
		if L, _ := tg.c.gaz.match(tg.toks, k); L > 0 {
			return false
		}
	}
	return true
}

// inHeading reports whether token k is in a heading: a short paragraph
// of capitalized words with no sentence in it ("Osorio Responds", "What
// Toledo Stands For").
func (tg *tagger) inHeading(k int) bool {
	toks := tg.toks
	s := k
	for s > 0 && !toks[s].parStart {
		s--
	}
	if s == tg.headAt {
		return tg.heading
	}
	tg.headAt, tg.heading = s, false
	words := 0
	for q := s; q < len(toks) && (q == s || !toks[q].parStart); q++ {
		t := toks[q]
		if t.word {
			words++
			if t.lower && len(t.key) > 3 || words > 8 {
				return false
			}
		} else if t.text == "." || t.text == "," || t.text == ";" {
			return false
		}
	}
	tg.heading = words >= 2
	return tg.heading
}

// afterHonorific reports a form of address ("Mr.", "Dr.") just before
// token j.
func (tg *tagger) afterHonorific(j int) bool {
	for i := j - 1; i >= 0 && j-i <= 2; i-- {
		if t := tg.toks[i]; t.word {
			_, ents := tg.c.gaz.match(tg.toks, i)
			e := firstOf(ents, Title)
			return e != nil && e.titleKind == rules.KindHonorific
		}
	}
	return false
}

// particleHyphen reports a name joined to its particle by a hyphen, the
// particle in lower case: "al-Kaabi", "el-Baradei".
func (tg *tagger) particleHyphen(w string) bool {
	i := strings.IndexByte(w, '-')
	return i > 0 && i+1 < len(w) && tg.c.particles[strings.ToLower(w[:i])] && isUpperByte(w[i+1])
}

// surnameAbbrev reports a short title abbreviation written as a name
// ("Sen", "Rep") with no name after it: a surname.
func (tg *tagger) surnameAbbrev(k, L int) bool {
	toks := tg.toks
	t := toks[k]
	if L != 1 || len(t.text) > 4 || !t.cap || t.upper || strings.HasSuffix(t.text, ".") {
		return false
	}
	n := k + 1
	return n >= len(toks) || toks[n].parStart || !toks[n].word || toks[n].lower
}

// surnameDemonym reports a word at k shaped like a nationality that ends
// a name of two words or more before it: "Syed Yousef Raza Gilani met",
// not "Maliki Iraqi forces"; or a surname seen in the corpus's names.
func (tg *tagger) surnameDemonym(j, k int) bool {
	if k == j {
		return false
	}
	if tg.c.names[tg.toks[k].key] == 's' || tg.c.names[tg.toks[k].key] == 'b' {
		return true
	}
	if k-j < 2 {
		return false
	}
	return tg.wordAlone(k)
}

// wordAlone reports a word that no other capitalized word follows: after a
// title, a name that looks like a demonym ("PM Gilani," of Gilan).
func (tg *tagger) wordAlone(k int) bool {
	n := k + 1
	return n >= len(tg.toks) || tg.toks[n].parStart || !tg.toks[n].word || tg.toks[n].lower
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
			// an acronym ("BART" is a rail line): not when written as a
			// name in mixed case ("Bart Rijs")
			// a surname the signatures write in capitals ("CRETZ") is
			// written as a name here ("Gene Cretz")
			f := tg.c.names[t.key]
			if t.upper || tg.allCaps || k == s && (f != 'g' && f != 'b' || !tg.plainNameWords(s+1, e)) || k > s && f != 's' && f != 'b' {
				return false
			}
		case 'l', 'm':
			// a surname may be a word ("Gustavo Gallon", "Condoleezza
			// Rice"), a name does not start with one
			if k == s && tg.c.names[t.key] != 'g' {
				return false // but "Frank Lowenstein", "Bill Burns"
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
				if tg.c.particles[part] {
					continue
				}
				if tg.c.casing[part] == 'l' || tg.c.demonym(part) || tg.c.nonNames[part] || tg.c.titleWord(part) {
					// "Arias-VP Lage": two people and an office
					return false
				}
			}
		}
	}
	if common*2 > words {
		return false
	}
	if last := tg.toks[e-1]; common > 0 && (tg.c.casing[last.key] == 'l' && strings.HasSuffix(last.key, "s") || tg.inHeading(s)) {
		// "Osorio Responds", "Supreme Courts", "Debunk Myth" in a heading:
		// a verb or a plural, or the capitals of a heading
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
	if i >= len(toks) {
		return 0, -1 // a place ending the text
	}
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
		} else if head >= 0 && !tg.laterHead(k) {
			// "Supreme Court Bar Association": go on only to a later head
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

// laterHead reports an organization's head noun among the next capitalized
// words from k (at most three), before anything else.
func (tg *tagger) laterHead(k int) bool {
	toks := tg.toks
	for q := k; q < len(toks) && q-k < 3; q++ {
		t := toks[q]
		if !t.word || !(t.cap || t.upper) || t.parStart || tg.c.nonNames[t.key] {
			return false
		}
		if L, ents := tg.c.gaz.match(toks, q); L > 0 && firstOf(ents, Title) != nil {
			return false
		}
		if tg.c.orgHeads[t.key] {
			return true
		}
	}
	return false
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
