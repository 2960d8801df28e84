package extract

import (
	"maps"
	"slices"
	"sort"
	"strings"
)

// People gathers the people found over a whole run, to give each person one
// id across cables: a surname alone ("crocker", an Ambassador) joins the one
// full name with that surname and a shared office ("ryan-crocker", an
// Ambassador); spelling variants of a full name that share an office
// ("steffan-de-mistura", "staffan-di-mistura") join the one seen in more
// cables. Two different people who share a surname stay apart unless an
// office says otherwise. Add is called from one goroutine, in input order.
type People struct {
	c    *compiled
	byID map[string]*personStat
}

type personStat struct {
	name    string   // the fullest name seen with the id (then the smallest)
	words   []string // its words, particles left out
	last    string
	offices map[string]bool
	cables  int
	posts   map[string]int // cables by the post that sent them (PostID)
}

// NewPeople starts gathering people with the extractor's rules (its name
// particles).
func (x *Extractor) NewPeople() *People {
	return &People{c: x.c, byID: map[string]*personStat{}}
}

// Add records the people of one cable, sent by origin.
func (p *People) Add(origin string, people []Entity) {
	for _, e := range people {
		if c, ok := p.Count(origin, e); ok {
			p.AddCount(c)
		}
	}
}

// PersonCount is what People gathers of one id: its fullest name (with
// the number of its words, particles left out), its offices and the
// number of cables it is in, in all and by post. Counts gathered in parts
// (a distributed run) merge, in any order, into what Add would have
// gathered.
type PersonCount struct {
	ID      string         `json:"id"`
	Name    string         `json:"name"`
	Words   int            `json:"words"`
	Offices []string       `json:"offices,omitempty"`
	Cables  int            `json:"cables"`
	Posts   map[string]int `json:"posts,omitempty"`
}

// Count is the count of one person seen in one cable sent by origin;
// false when the name has no words to compare.
func (p *People) Count(origin string, e Entity) (PersonCount, bool) {
	w := p.words(e.Name)
	if len(w) == 0 {
		return PersonCount{}, false
	}
	// offices as the cables write them ("Amb", "Ambassador") compare as one
	var offices []string
	for _, o := range e.Offices {
		if o = p.c.canonicalOffice(o); !contains(offices, o) {
			offices = append(offices, o)
		}
	}
	c := PersonCount{ID: e.ID, Name: e.Name, Words: len(w), Offices: offices, Cables: 1}
	if post := PostID(origin); post != "" {
		c.Posts = map[string]int{post: 1}
	}
	return c, true
}

// Merge adds b, a count of the same id, to a.
func (a PersonCount) Merge(b PersonCount) PersonCount {
	out := PersonCount{ID: a.ID, Name: a.Name, Words: a.Words, Cables: a.Cables + b.Cables}
	if fuller(b.Words, b.Name, a.Words, a.Name) {
		out.Name, out.Words = b.Name, b.Words
	}
	out.Offices = append(append([]string(nil), a.Offices...), b.Offices...)
	sort.Strings(out.Offices)
	out.Offices = slices.Compact(out.Offices)
	for _, posts := range []map[string]int{a.Posts, b.Posts} {
		for post, n := range posts {
			if out.Posts == nil {
				out.Posts = map[string]int{}
			}
			out.Posts[post] += n
		}
	}
	return out
}

// fuller reports whether name a, of wa words, names the id rather than b:
// more words, then the first in byte order.
func fuller(wa int, a string, wb int, b string) bool {
	return wa > wb || wa == wb && a < b
}

// AddCount adds a count gathered elsewhere.
func (p *People) AddCount(c PersonCount) {
	st := p.byID[c.ID]
	if st == nil || c.Name != st.name {
		// the words come from the fullest name seen, whatever the order
		words := p.words(c.Name)
		if len(words) == 0 {
			return
		}
		// copies: names are slices of a cable's text, which must not stay
		// in memory for the rest of the run
		if st == nil {
			st = &personStat{offices: map[string]bool{}, posts: map[string]int{}}
			p.byID[strings.Clone(c.ID)] = st
		}
		if st.name == "" || fuller(len(words), c.Name, len(st.words), st.name) {
			st.name, st.words = strings.Clone(c.Name), words
			for i, w := range st.words {
				st.words[i] = strings.Clone(w)
			}
			st.last = st.words[len(st.words)-1]
		}
	}
	st.cables += c.Cables
	for post, n := range c.Posts {
		st.posts[strings.Clone(post)] += n
	}
	for _, o := range c.Offices {
		if !st.offices[o] {
			st.offices[strings.Clone(o)] = true
		}
	}
}

// Counts returns what was gathered, by id.
func (p *People) Counts() []PersonCount {
	out := make([]PersonCount, 0, len(p.byID))
	for id, st := range p.byID {
		c := PersonCount{ID: id, Name: st.name, Words: len(st.words), Cables: st.cables}
		if len(st.posts) > 0 {
			c.Posts = maps.Clone(st.posts)
		}
		for o := range st.offices {
			c.Offices = append(c.Offices, o)
		}
		sort.Strings(c.Offices)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// words are the words of a name, particles left out.
func (p *People) words(name string) []string {
	var words []string
	for _, w := range nameWords(name) {
		if !p.c.particles[w] {
			words = append(words, w)
		}
	}
	return words
}

// Merge returns, for each id that names the same person as another id, the
// id to use instead. It depends only on what was added, not on its order.
func (p *People) Merge() map[string]string {
	ids := make([]string, 0, len(p.byID))
	for id := range p.byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	parent := map[string]string{}
	var find func(string) string
	find = func(id string) string {
		if q, ok := parent[id]; ok && q != id {
			r := find(q)
			parent[id] = r
			return r
		}
		return id
	}
	// better keeps the id seen in more cables, then the longer, then the smaller
	better := func(a, b string) bool {
		sa, sb := p.byID[a], p.byID[b]
		if sa.cables != sb.cables {
			return sa.cables > sb.cables
		}
		if len(sa.words) != len(sb.words) {
			return len(sa.words) > len(sb.words)
		}
		return a < b
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if better(rb, ra) {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
	// a word of the text glued before or after a full name (a title the
	// rules do not know, a place, a heading's verb: "iberoamerica-javier-
	// sandomingo", "poldir-gerard-araud", "calmy-rey-lashes") joins the
	// name without it, when the run has that name in as many cables or more
	byWords := map[string]string{}
	for _, id := range ids {
		if st := p.byID[id]; len(st.words) >= 2 {
			if k := strings.Join(st.words, " "); byWords[k] == "" {
				byWords[k] = id
			}
		}
	}
	for _, id := range ids {
		st := p.byID[id]
		if len(st.words) < 3 {
			continue
		}
		n := len(st.words)
		for _, cut := range []struct {
			rest  []string
			glued func() bool // asked only when the run has rest
		}{
			{st.words[1:], func() bool { return p.gluedBefore(st.words[0]) }},
			// after a surname only ("juan-carlos" is no name cut short)
			{st.words[:n-1], func() bool { return p.gluedAfter(st.words[n-1]) && p.c.names[st.words[n-2]] != 'g' }},
		} {
			other := byWords[strings.Join(cut.rest, " ")]
			if other != "" && other != id && p.byID[other].cables >= st.cables && find(id) == id && cut.glued() {
				parent[id] = find(other) // the name without the word, whatever its counts
				break
			}
		}
	}
	byLast := map[string][]string{}
	for _, id := range ids {
		if st := p.byID[id]; len(st.words) > 1 {
			byLast[st.last] = append(byLast[st.last], id)
		}
	}
	// spelling variants of full names that share an office
	for _, group := range byLast {
		for i, a := range group {
			for _, b := range group[i+1:] {
				sa, sb := p.byID[a], p.byID[b]
				if (variants(sa.words, sb.words) || equalWords(sa.words, sb.words) || p.subName(sa.words, sb.words)) && shareOffice(sa, sb) {
					// "gene-cretz" and "gene-a-cretz", "anthony-wayne" and
					// "earl-anthony-wayne", Ambassadors
					union(a, b)
				}
			}
		}
	}
	// surnames alone that share an office are one person ("ambassador-
	// crocker", an Ambassador and a Senator, and "senator-crocker")
	bySurname := map[string][]string{}
	for _, id := range ids {
		if st := p.byID[id]; len(st.words) == 1 && len(st.offices) > 0 {
			bySurname[st.last] = append(bySurname[st.last], id)
		}
	}
	for _, group := range bySurname {
		for i, a := range group {
			for _, b := range group[i+1:] {
				if shareOffice(p.byID[a], p.byID[b]) {
					union(a, b)
				}
			}
		}
	}
	// the cables of each full name, its variants counted in
	rootCables := map[string]int{}
	for _, id := range ids {
		if st := p.byID[id]; len(st.words) > 1 {
			rootCables[find(id)] += st.cables
		}
	}
	// a surname alone joins the one full name it fits by office or, when
	// no full name shares an office with it, the one person of the run
	// with that surname, named in full in as many cables as the surname
	// alone or more ("delawie" of cables that name no Delawie in full,
	// "greg-delawie" of others; not "torrijos", President Torrijos of 14
	// cables, to "vicente-torrijos" of one)
	for _, id := range ids {
		st := p.byID[id]
		if len(st.words) != 1 {
			continue
		}
		roots, all := map[string]bool{}, map[string]bool{}
		for _, full := range byLast[st.last] {
			all[find(full)] = true
			if shareOffice(st, p.byID[full]) {
				roots[find(full)] = true
			}
		}
		if len(roots) == 0 && len(all) == 1 && bareID(id, st) && p.surnameAlone(st.last) {
			for r := range all {
				if rootCables[r] >= st.cables {
					roots = all
				}
			}
		}
		if r := dominant(roots, rootCables); r != "" {
			parent[id] = r
		}
	}
	// a surname alone of one post ("sharif-islamabad") that joined no full
	// name joins the one full name with that surname of the post's cables
	// ("nawaz-sharif" in Islamabad's, "sheikh-sharif-sharif" in Nairobi's;
	// not the one named most when the post names two: "Madrid Region
	// President Aguirre" is not Ambassador Eduardo Aguirre); else
	// it is the surname's one id of the run ("saleh") unless the run names
	// two people or more in full with that surname: then each post keeps
	// its own
	for _, id := range ids {
		st := p.byID[id]
		if !bareID(id, st) || id == st.last || find(id) != id {
			continue
		}
		post := id[len(st.last)+1:]
		full, inPost := map[string]bool{}, map[string]bool{}
		for _, f := range byLast[st.last] {
			r := find(f)
			if rootCables[r] < 3 && p.c.names[p.byID[r].words[0]] != 'g' {
				continue // not a name known to be one ("uribe-allays-lula")
			}
			full[r] = true
			if p.byID[f].posts[post] > 0 {
				inPost[r] = true
			}
		}
		switch {
		case len(inPost) == 1 && p.surnameOfPost(st.last):
			for r := range inPost {
				parent[id] = r
			}
		case len(full) < 2:
			parent[id] = find(st.last)
		}
	}
	out := map[string]string{}
	for _, id := range ids {
		if r := find(id); r != id {
			out[id] = r
		}
	}
	return out
}

// bareID reports the id of a surname alone: the surname ("saleh") or the
// surname of one post ("saleh-sanaa").
func bareID(id string, st *personStat) bool {
	return len(st.words) == 1 && (id == st.last || strings.HasPrefix(id, st.last+"-") && st.posts[id[len(st.last)+1:]] > 0)
}

// dominant returns the one root of roots, or the one named in three times
// as many cables as any other ("nicolas-sarkozy" of 62 cables, a President,
// over "cecilia-sarkozy" of 2 whom a cable's "President Sarkozy's wife"
// gave the office); "" when there is none.
func dominant(roots map[string]bool, cables map[string]int) string {
	best, second := "", 0
	for r := range roots {
		switch {
		case best == "" || cables[r] > cables[best] || cables[r] == cables[best] && r < best:
			if best != "" {
				second = max(second, cables[best])
			}
			best = r
		default:
			second = max(second, cables[r])
		}
	}
	if len(roots) > 1 && cables[best] < 3*second {
		return ""
	}
	return best
}

// subName reports a name of the other's words less one or two: the same
// surname and first name with a middle name more ("luiz furlan" of "luiz
// fernando furlan") or a given name before ("anthony wayne" of "earl
// anthony wayne"), not other words before ("yar adua" of "lady turai yar
// adua", "francisco gonzalez" of "jaime bermudez francisco gonzalez").
func (p *People) subName(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 2 || len(a) == len(b) || len(b)-len(a) > 2 || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	if a[0] != b[0] && !(p.c.names[b[0]] == 'g' && a[0] == b[1]) {
		return false
	}
	// every word of the shorter in the longer, in order
	j := 0
	for _, w := range b {
		if j < len(a) && w == a[j] {
			j++
		}
	}
	return j == len(a)
}

// surnameAlone reports a word that, alone, stands for a surname: not a
// given name, not a word usually written in lower case or capitals, not a
// place, demonym, office or organization word.
func (p *People) surnameAlone(w string) bool {
	c := p.c
	return p.surnameOfPost(w) && !c.placeWords[w] && !c.placeTails[w] && !c.demonym(w)
}

// gluedBefore reports a word before a name that is no part of it: not a
// given name, and a word usually written in lower case or capitals, a
// place, demonym, office or organization word, or a misspelt office word
// ("poldir", "iberoamerica", "minster", "ambasador").
func (p *People) gluedBefore(w string) bool {
	c := p.c
	if f := c.names[w]; f == 'g' || f == 'b' {
		return false
	}
	if !p.surnameAlone(w) {
		return true
	}
	if len(w) >= 6 {
		for j := range c.jobWords {
			if len(j) >= 6 && oneEdit(w, j) {
				return true
			}
		}
	}
	return false
}

// gluedAfter reports a word after a name that is no part of it: a word
// usually written in lower case, an office or organization word, or a
// word that is never a name ("lashes", "septel", "head", "cabinet").
func (p *People) gluedAfter(w string) bool {
	c := p.c
	return c.names[w] == 0 && (c.casing[w] == 'l' || c.jobWords[w] || c.orgHeads[w] || c.nonNames[w])
}

// surnameOfPost reports a word that, alone in a post's cables, stands for
// a surname of that post's people: not a given name, not a word usually
// written in lower case or capitals, not an office or organization word
// (a place word may be a surname: "Sharif").
func (p *People) surnameOfPost(w string) bool {
	c := p.c
	if f := c.names[w]; f == 'g' || f == 'b' {
		return false
	}
	return c.casing[w] == 0 && !c.jobWords[w] && !c.orgHeads[w] && !c.nonNames[w] && !c.acronyms[w]
}

func shareOffice(a, b *personStat) bool {
	for o := range a.offices {
		if b.offices[o] {
			return true
		}
	}
	return false
}

// variants reports two spellings of one name: as many words, each pair the
// same or, for words of five letters or more, one edit apart.
func variants(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	diff := 0
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if len(a[i]) < 5 || len(b[i]) < 5 || !oneEdit(a[i], b[i]) {
			return false
		}
		diff++
	}
	return diff > 0
}

// oneEdit reports whether a and b differ by one substitution, insertion or
// deletion.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}
