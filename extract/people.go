package extract

import (
	"sort"
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
}

// NewPeople starts gathering people with the extractor's rules (its name
// particles).
func (x *Extractor) NewPeople() *People {
	return &People{c: x.c, byID: map[string]*personStat{}}
}

// Add records the people of one cable.
func (p *People) Add(people []Entity) {
	for _, e := range people {
		st := p.byID[e.ID]
		if st == nil || e.Name != st.name {
			// the words come from the fullest name seen, whatever the order
			var words []string
			for _, w := range nameWords(e.Name) {
				if !p.c.particles[w] {
					words = append(words, w)
				}
			}
			if len(words) == 0 {
				continue
			}
			if st == nil {
				st = &personStat{offices: map[string]bool{}}
				p.byID[e.ID] = st
			}
			if st.name == "" || len(words) > len(st.words) || len(words) == len(st.words) && e.Name < st.name {
				st.name, st.words, st.last = e.Name, words, words[len(words)-1]
			}
		}
		st.cables++
		for _, o := range e.Offices {
			st.offices[o] = true
		}
	}
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
				if variants(sa.words, sb.words) && shareOffice(sa, sb) {
					union(a, b)
				}
			}
		}
	}
	// a surname alone joins the one full name it fits by office
	for _, id := range ids {
		st := p.byID[id]
		if len(st.words) != 1 || len(st.offices) == 0 {
			continue
		}
		roots := map[string]bool{}
		for _, full := range byLast[st.last] {
			if shareOffice(st, p.byID[full]) {
				roots[find(full)] = true
			}
		}
		if len(roots) == 1 {
			for r := range roots {
				parent[id] = r
			}
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
