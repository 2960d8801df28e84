package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/cablegraph/cablegraph/fold"
)

// group is one entity of a cable being assembled from its mentions.
type group struct {
	typ      Type
	name     string   // fullest name
	words    []string // the name's lower-case words, without initials
	offices  []string // canonical: how title-only references find the person
	written  []string // as the cable writes them: what the entity reports
	mentions []mention
	order    int // position of the first mention
	// label names a person told apart from another of the same name by
	// an office ("President Clinton"); "" if none
	label string
}

// resolvePeople groups person mentions into people: the longest names
// first; a shorter name joins the person whose name ends with it ("Crocker",
// "di Mistura") or, failing that, starts with it ("Ban" of Ban Ki Moon); a
// title alone joins the one person holding that office. preferred is the
// person the cable speaks as (Classified By, signer), who takes a title
// alone that several people hold ("the Ambassador").
//
// known, when not nil, tells offices one known person holds together
// ("Senator Obama", "President Obama"), which do not part a surname.
func resolvePeople(ms []mention, preferred, signer, postOffice string, known *compiled) []*group {
	var named, alone []mention
	for _, m := range ms {
		if m.titleAlone {
			alone = append(alone, m)
		} else {
			named = append(named, m)
		}
	}
	// longest names first, then in text order
	words := make(map[string]int, len(named)) // words per name, counted once
	for _, m := range named {
		if _, ok := words[m.name]; !ok {
			words[m.name] = len(nameWords(m.name))
		}
	}
	sort.SliceStable(named, func(i, j int) bool {
		a, b := words[named[i].name], words[named[j].name]
		if a != b {
			return a > b
		}
		return named[i].s < named[j].s
	})
	var groups []*group
	for _, m := range named {
		w := nameWords(m.name)
		if len(w) == 0 {
			continue
		}
		g := known.findPerson(groups, w, m.office)
		if g != nil && len(w) == 1 && len(g.words) == 1 && headConflict(g.offices, m.office) && !known.heldTogether(w, g.offices, m.office) {
			// "Secretary Clinton" and "President Clinton": two people
			g = nil
			for _, h := range groups {
				if equalWords(h.words, w) && !headConflict(h.offices, m.office) {
					g = h
					break
				}
			}
			if g == nil {
				g = &group{typ: Person, name: m.name, words: w, order: m.s}
				groups = append(groups, g)
			}
		}
		if g == nil && m.source == "nlp" && len(w) == 1 && ambiguous(groups, w[0]) {
			continue // "Kim" with three Kims in the cable: no one in particular
		}
		if g == nil {
			g = &group{typ: Person, name: m.name, words: w, order: m.s}
			groups = append(groups, g)
		}
		g.mentions = append(g.mentions, m)
		if m.s < g.order {
			g.order = m.s
		}
		g.addOffice(m.office, m.written)
		for _, o := range m.more {
			g.addOffice(o[0], o[1])
		}
	}
	if postOffice != "" && preferred != "" {
		// the Classified By line names the post's chief: "the Ambassador"
		// is that one, not a foreign ambassador the cable names
		if g := byName(groups, preferred); g != nil {
			g.addOffice(postOffice, postOffice)
		}
	}
	for _, m := range alone {
		var holders []*group
		for _, g := range groups {
			if contains(g.offices, m.office) {
				holders = append(holders, g)
			}
		}
		switch {
		case len(holders) == 1:
			holders[0].mentions = append(holders[0].mentions, m)
		case len(holders) > 1 && preferred != "":
			if g := byName(holders, preferred); g != nil {
				g.mentions = append(g.mentions, m)
			}
		case len(holders) == 0 && chiefOfPost[m.office] && signer != "":
			// "the Ambassador" with no ambassador named: the cable's signer,
			// who heads the post
			if g := byName(groups, signer); g != nil && len(g.offices) == 0 {
				g.mentions = append(g.mentions, m)
				g.addOffice(m.office, m.written)
			}
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].order < groups[j].order })
	// people a surname and an office tell apart are named by both
	// ("President Clinton"), so that their ids differ
	for i, g := range groups {
		for _, h := range groups[i+1:] {
			if len(g.words) == 1 && equalWords(g.words, h.words) {
				for _, x := range []*group{g, h} {
					if x.label == "" && len(x.offices) > 0 {
						x.label = x.offices[0] + " " + titleCase(x.name)
					}
				}
			}
		}
	}
	return groups
}

// headOffices are offices of heads of state and government, which the
// Secretary (of State) does not hold: one surname with both in a cable is
// two people (Secretary Clinton, President Clinton). Other pairs (Prime
// Minister and President Chirac, Senator and President Obama) are often
// one career.
var headOffices = map[string]bool{"President": true, "Vice President": true, "Prime Minister": true, "King": true, "Queen": true}

// headConflict reports an office that a person holding offices cannot
// also hold: Secretary and a head of state or government.
func headConflict(offices []string, office string) bool {
	for _, o := range offices {
		if o == "Secretary" && headOffices[office] || office == "Secretary" && headOffices[o] {
			return true
		}
	}
	return false
}

// heldTogether reports a known person of surname w who held office and
// one of offices.
func (c *compiled) heldTogether(w []string, offices []string, office string) bool {
	if c == nil {
		return false
	}
	for _, p := range c.people {
		if !contains(p.offices, office) {
			continue
		}
		for _, o := range offices {
			if o != office && contains(p.offices, o) {
				for _, n := range p.names {
					if len(n) > 0 && n[len(n)-1] == w[0] {
						return true
					}
				}
			}
		}
	}
	return false
}

// addOffice adds an office, canonical and as written, to a person.
func (g *group) addOffice(office, written string) {
	if office == "" {
		return
	}
	if written == "" {
		written = office
	}
	if !contains(g.offices, office) {
		g.offices = append(g.offices, office)
	}
	if !contains(g.written, written) {
		g.written = append(g.written, written)
	}
}

// ambiguous reports a word that ends or starts the names of several people.
func ambiguous(groups []*group, w string) bool {
	n := 0
	for _, g := range groups {
		if len(g.words) > 1 && (g.words[len(g.words)-1] == w || g.words[0] == w) {
			n++
		}
	}
	return n > 1
}

// chiefOfPost are the offices of whoever signs a cable for a post, which
// "the Ambassador" and the like stand for when no one is named with them.
var chiefOfPost = map[string]bool{"Ambassador": true, "Charge d'Affaires": true, "Consul General": true, "Permanent Representative": true}

// byName returns the group whose name ends with the last word of name.
func byName(groups []*group, name string) *group {
	w := nameWords(name)
	if len(w) == 0 {
		return nil
	}
	for _, g := range groups {
		if endsWith(g.words, w[len(w)-1:]) {
			return g
		}
	}
	return nil
}

// findPerson returns the person a name (its words) belongs to, or nil.
func (c *compiled) findPerson(groups []*group, w []string, office string) *group {
	var byEnd, byStart []*group
	for _, g := range groups {
		switch {
		case equalWords(g.words, w):
			return g
		case len(w) < len(g.words) && endsWith(g.words, w):
			byEnd = append(byEnd, g)
		case len(w) >= 2 && len(w) < len(g.words) && equalWords(g.words[:len(w)], w) && (c == nil || c.names[w[len(w)-1]] != 'g'):
			// "Justo Pastor" of Justo Pastor Rodriquez, "Alvaro Uribe" of
			// Alvaro Uribe Velez: given name and first surname (not two
			// given names: "Mohamed Ahmed" starts many names)
			byStart = append(byStart, g)
		case len(w) == 1 && len(g.words) > 1 && g.words[0] == w[0]:
			byStart = append(byStart, g)
		}
	}
	for _, cands := range [][]*group{byEnd, byStart} {
		if len(cands) == 1 {
			return cands[0]
		}
		if len(cands) > 1 && office != "" {
			var fit []*group
			for _, g := range cands {
				if contains(g.offices, office) {
					fit = append(fit, g)
				}
			}
			if len(fit) == 1 {
				return fit[0]
			}
		}
		if len(cands) > 1 {
			return nil
		}
	}
	return nil
}

// nameWords folds a name into its words: lower case, accents removed,
// initials and dots dropped ("Ryan C. Crocker" → ryan crocker).
func nameWords(name string) []string {
	if simpleWord(name) { // one plain word: the common case, without folding
		if len(name) == 1 && name != "a" && name != "A" {
			return nil
		}
		return []string{toLower(name)}
	}
	var out []string
	for _, w := range strings.Fields(fold.Name(name)) {
		if len(w) == 1 && w != "a" {
			continue // an initial
		}
		out = append(out, w)
	}
	return out
}

// simpleWord reports whether s is one word of ASCII letters, which fold.Name
// only lowers.
func simpleWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func endsWith(a, suffix []string) bool {
	return len(suffix) <= len(a) && len(suffix) > 0 && equalWords(a[len(a)-len(suffix):], suffix)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// resolveByName groups place or organization mentions by canonical name.
func resolveByName(ms []mention, typ Type) []*group {
	idx := map[string]*group{}
	var groups []*group
	for _, m := range ms {
		if m.typ != typ {
			continue
		}
		key := fold.Name(m.name)
		g := idx[key]
		if g == nil {
			g = &group{typ: typ, name: m.name, order: m.s}
			idx[key] = g
			groups = append(groups, g)
		}
		g.mentions = append(g.mentions, m)
	}
	return groups
}

// PostID is the id of the post that sent a cable, as a surname alone of
// its cables carries it ("saleh-sanaa"): its origin less the kind of post
// ("Embassy Sanaa", "Consulate Rio De Janeiro", "Secretary of State" give
// "sanaa", "rio-de-janeiro", "state").
func PostID(origin string) string {
	id := ID(origin)
	for _, kind := range []string{"embassy-", "consulate-", "us-interests-section-", "us-mission-", "mission-", "us-delegation-", "secretary-of-"} {
		if rest, ok := strings.CutPrefix(id, kind); ok && rest != "" {
			return rest
		}
	}
	return id
}

// ID makes a stable id from a name: folded words joined by hyphens, initials
// dropped, so "Ryan C. Crocker" and "Ryan Crocker" get one id in every cable.
//
// Ids are valid XML name tokens (GraphML and GEXF need them so): letters and
// digits, words joined by hyphens.
func ID(name string) string {
	var b strings.Builder
	for _, w := range nameWords(name) {
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
