package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/cablegraph/cablegraph/fold"
	"github.com/cablegraph/cablegraph/rules"
)

// Type is what a mention or entity is.
type Type string

// Types of mentions and entities.
const (
	Person       Type = "person"
	Place        Type = "place"
	Organization Type = "organization"
	Title        Type = "title"
)

// entry is what a gazetteer alias stands for.
type entry struct {
	typ       Type
	name      string // canonical name
	titleKind string // for titles: office, honorific, role
	plural    bool   // "Vice Presidents": a plural title
	offices   []string
	alias     []string // the alias's tokens as written, for the case check
}

// node is a node of the token trie.
type node struct {
	next    map[string]*node
	entries []*entry
}

// gazetteer finds rule-set names in token sequences: a trie over the
// tokens' lower-case keys, so one pass over a text finds every alias of
// every entry, longest first, whatever the number of entries.
type gazetteer struct {
	root node
}

func (g *gazetteer) add(alias string, e entry) {
	toks := tokenize(alias)
	if len(toks) == 0 {
		return
	}
	n := &g.root
	for _, t := range toks {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[t.key]
		if c == nil {
			c = &node{}
			n.next[t.key] = c
		}
		n = c
	}
	e.alias = make([]string, len(toks))
	for i, t := range toks {
		e.alias[i] = t.text
	}
	for _, old := range n.entries {
		if old.typ == e.typ && old.name == e.name && old.plural == e.plural && strings.Join(old.alias, " ") == strings.Join(e.alias, " ") {
			return
		}
	}
	n.entries = append(n.entries, &e)
}

// match returns the longest run of tokens from i that is an alias, with
// the entries it stands for (those whose case fits), or 0, nil.
func (g *gazetteer) match(toks []token, i int) (int, []*entry) {
	n := &g.root
	bestLen := 0
	var best []*entry
	for j := i; j < len(toks) && n.next != nil; j++ {
		c := n.next[toks[j].key]
		if c == nil {
			break
		}
		n = c
		if len(n.entries) == 0 {
			continue
		}
		var fit []*entry
		for _, e := range n.entries {
			if caseFits(e.alias, toks[i:j+1]) {
				fit = append(fit, e)
			}
		}
		if len(fit) > 0 {
			bestLen, best = j-i+1, fit
		}
	}
	return bestLen, best
}

// matchAnyCase returns the longest run of tokens from i that is an alias
// of a person, place or organization, whatever its case, with the entry,
// or 0, nil: for text recased from capitals.
func (g *gazetteer) matchAnyCase(toks []token, i int) (int, *entry) {
	n := &g.root
	bestLen := 0
	var best *entry
	for j := i; j < len(toks) && n.next != nil; j++ {
		c := n.next[toks[j].key]
		if c == nil {
			break
		}
		n = c
		for _, e := range n.entries {
			if e.typ != Title {
				bestLen, best = j-i+1, e
				break
			}
		}
	}
	return bestLen, best
}

// matchTitleLower returns the longest run of lowercase tokens from i that
// is a title written capitalized ("former president Miguel Angel
// Rodriguez", "party leader Nick Clegg"), or 0, nil. Abbreviations
// ("FM") do not match in lower case.
func (g *gazetteer) matchTitleLower(toks []token, i int) (int, *entry) {
	n := &g.root
	bestLen := 0
	var best *entry
	for j := i; j < len(toks) && n.next != nil && toks[j].lower; j++ {
		c := n.next[toks[j].key]
		if c == nil {
			break
		}
		n = c
		for _, e := range n.entries {
			if e.typ == Title && e.titleKind == rules.KindOffice && !e.plural && wordAlias(e.alias) && !adjectiveTitle[e.name] {
				bestLen, best = j-i+1, e
				break
			}
		}
	}
	return bestLen, best
}

// adjectiveTitle are titles whose words in lower case are mostly
// adjectives or common nouns ("major Costa Rican firms", "in general").
var adjectiveTitle = map[string]bool{"Major": true, "General": true, "Justice": true, "Father": true, "Marshal": true}

// wordAlias reports an alias of words, no abbreviation: each token a
// word with at most one capital, and no dots.
func wordAlias(alias []string) bool {
	for _, a := range alias {
		if countUpper(a) > 1 || strings.ContainsAny(a, "./") || len(a) < 3 {
			return false
		}
	}
	return true
}

// caseFits checks the case of text tokens against an alias's tokens: an
// alias token with two or more capitals ("FM", "GoE", "A/S") must be
// written so (or in capitals); a capitalized one must be capitalized; a
// lowercase one may be written any way.
func caseFits(alias []string, toks []token) bool {
	for k, a := range alias {
		t := toks[k]
		switch caps := countUpper(a); {
		case caps >= 2:
			if t.text != a && !(t.upper && strings.ToUpper(a) == t.text) && !capitalizedForm(a, t) {
				return false
			}
		case caps == 1 && startsUpper(a):
			if !t.cap && !t.upper && t.word {
				return false
			}
		case caps == 0 && startsLower(a):
			// a lowercase alias ("national", "leader") is a common word: the
			// capitalized word is something else ("National Commission")
			if t.cap || t.upper {
				return false
			}
		}
	}
	return true
}

// capitalizedForm reports an abbreviation with inner capitals written
// capitalized only ("Polcouns" for PolCouns, "Fonmin" for FonMin): five
// letters or more, lower case letters in it.
func capitalizedForm(a string, t token) bool {
	return len(a) >= 5 && t.cap && !t.upper && countUpper(t.text) == 1 && strings.ToUpper(a) != a && strings.EqualFold(a, t.text)
}

func countUpper(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// compiled is a rule set made ready for tagging.
type compiled struct {
	gaz       gazetteer
	nonNames  map[string]bool  // lower-case keys of words that are never names
	notPeople []*regexp.Regexp // whole names that are never people
	particles map[string]bool
	orgHeads  map[string]bool
	// officeWords continue an office after "for"/"of"
	officeWords map[string]bool
	// jobWords are words of an office (the office words and those of a
	// Classified By line: "Officer", "Assistant", "Councilor"), which do
	// not start a name after a title ("Desk Officer Ryan Bowles")
	jobWords map[string]bool
	// forms are the spellings of aliases with inner capitals ("PermRep",
	// "SecDef"), by key, for recasing text written in capitals
	forms map[string]string
	// names are the given names ('g'), surnames ('s') or both ('b') of
	// people's names in the corpus
	names map[string]byte
	// casing is how each word is usually written: 'l' lower case, 'u'
	// capitals; absent: capitalized.
	casing map[string]byte
	// acronyms are the aliases written in capitals ("GOI", "UN"), by key.
	acronyms map[string]bool
	// placeWords are the one-word place names, by key; placeTails the last
	// words of longer ones ("Rica" of Costa Rica), for demonyms ("Rican").
	placeWords, placeTails map[string]bool
	// officeCanon is the canonical office of each spelling of a title, by
	// folded spelling ("amb" → Ambassador)
	officeCanon map[string]string
	// people are the gazetteer's people: canonical name, offices, and the
	// folded words of each of their names.
	people []knownPerson
}

// knownPerson is a person of the gazetteer.
type knownPerson struct {
	name    string
	offices []string
	names   [][]string // nameWords of the name and each alias
}

func (c *compiled) acronym(key string) bool { return c.acronyms[key] }

// demonym reports an adjective of nationality made regularly from a place
// name in the gazetteer: "Iraqi", "Colombian", "Korean", "Chinese",
// "Turkish". Irregular ones ("French") are in the rules' nonnames.
func (c *compiled) demonym(key string) bool {
	if len(key) < 5 || c.placeWords[key] || c.names[key] == 'g' {
		return false // nor a given name ("Francis", not Francia's "Franci")
	}
	if strings.HasSuffix(key, "s") && c.demonym(key[:len(key)-1]) {
		return true // "Costa Ricans", "Iraqis"
	}
	var buf [64]byte
	for _, suf := range demonymSuffixes {
		if !strings.HasSuffix(key, suf) || len(key) > 60 {
			continue
		}
		stem := copy(buf[:], key[:len(key)-len(suf)])
		for _, end := range placeEndings {
			n := stem + copy(buf[stem:], end)
			// string(buf[:n]) in a map index does not allocate
			if c.placeWords[string(buf[:n])] || c.placeTails[string(buf[:n])] {
				return true
			}
		}
	}
	return false
}

var (
	demonymSuffixes = []string{"ian", "an", "n", "i", "ese", "ish", "ic"}
	placeEndings    = []string{"", "a", "ia", "y", "ey", "any", "e"}
)

func compile(s *rules.Set, casing map[string]byte) *compiled {
	c := &compiled{nonNames: map[string]bool{}, particles: map[string]bool{}, orgHeads: map[string]bool{}, casing: casing, acronyms: map[string]bool{}, placeWords: map[string]bool{}, placeTails: map[string]bool{}, officeWords: map[string]bool{}, forms: map[string]string{}, officeCanon: map[string]string{}}
	for _, t := range s.Titles {
		kind := t.Kind
		if kind == "" {
			kind = rules.KindOffice
		}
		for _, a := range append([]string{t.Name}, t.Aliases...) {
			if kind == rules.KindOffice {
				c.officeCanon[fold.Name(a)] = t.Name
			}
			c.addForm(a)
			c.gaz.add(a, entry{typ: Title, name: t.Name, titleKind: kind})
			if p := plural(a); p != "" {
				c.gaz.add(p, entry{typ: Title, name: t.Name, titleKind: kind, plural: true})
			}
		}
	}
	for _, list := range []struct {
		typ     Type
		entries []rules.Entry
	}{{Person, s.People}, {Place, s.Places}, {Organization, s.Organizations}} {
		for _, e := range list.entries {
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				c.addForm(a)
				c.gaz.add(a, entry{typ: list.typ, name: e.Name, offices: e.Offices})
				if len(a) >= 2 && strings.ToUpper(a) == a && !strings.Contains(a, " ") {
					c.acronyms[strings.ToLower(a)] = true
				}
				if list.typ == Place {
					if i := strings.LastIndexByte(a, ' '); i < 0 {
						c.placeWords[strings.ToLower(a)] = true
					} else {
						c.placeTails[strings.ToLower(a[i+1:])] = true
					}
				}
			}
		}
	}
	for _, p := range s.People {
		k := knownPerson{name: p.Name, offices: p.Offices}
		for _, a := range append([]string{p.Name}, p.Aliases...) {
			k.names = append(k.names, nameWords(a))
		}
		c.people = append(c.people, k)
	}
	for _, w := range s.NonNames {
		c.nonNames[strings.ToLower(w)] = true
	}
	for _, p := range s.NotPeople {
		c.notPeople = append(c.notPeople, regexp.MustCompile(p.Expr)) // checked when the rules were read
	}
	for _, w := range s.Particles {
		c.particles[strings.ToLower(strings.TrimSuffix(w, "-"))] = true
	}
	for _, w := range s.OrgHeads {
		c.orgHeads[strings.ToLower(w)] = true
	}
	c.jobWords = map[string]bool{}
	for _, w := range s.OfficeWords {
		c.officeWords[strings.ToLower(w)] = true
		c.jobWords[strings.ToLower(w)] = true
	}
	for _, w := range s.ClassifiedByOffices {
		c.jobWords[strings.ToLower(w)] = true
	}
	for _, w := range []string{"the", "of", "for", "by", "and", "us"} {
		delete(c.jobWords, w) // the words between them
	}
	return c
}

// addForm records the spelling of each word of an alias that has capitals
// inside and lowercase letters too ("PermRep", "SecDef", "GoE").
func (c *compiled) addForm(alias string) {
	for _, w := range strings.Fields(alias) {
		if countUpper(w) >= 2 && strings.ToUpper(w) != w && strings.IndexFunc(w, func(r rune) bool { return r >= 0x80 }) < 0 {
			c.forms[strings.ToLower(w)] = w
		}
	}
}

// plural returns the plural of a title alias ("Vice Presidents",
// "Ambassadors"), or "" for abbreviations.
func plural(a string) string {
	last := a[strings.LastIndexByte(a, ' ')+1:]
	if countUpper(last) >= 2 || strings.HasSuffix(a, ".") || strings.HasSuffix(a, "s") || len(last) < 4 {
		return ""
	}
	switch {
	case strings.HasSuffix(a, "y") && !strings.HasSuffix(a, "ey"):
		return a[:len(a)-1] + "ies"
	case strings.HasSuffix(a, "ch") || strings.HasSuffix(a, "sh"):
		return a + "es"
	}
	return a + "s"
}

// canonicalOffice returns the canonical office of an office as written
// ("FM" → Foreign Minister); offices the titles do not list as they are.
func (c *compiled) canonicalOffice(o string) string {
	if name, ok := c.officeCanon[fold.Name(o)]; ok {
		return name
	}
	return o
}

// titleWord reports a one-word title ("vp", "fm", "minister"), by key.
func (c *compiled) titleWord(key string) bool {
	n := c.gaz.root.next[key]
	if n == nil {
		return false
	}
	for _, e := range n.entries {
		if e.typ == Title && e.titleKind == rules.KindOffice {
			return true
		}
	}
	return false
}

// canonical returns the gazetteer's name for a person found as words w
// with offices: the person one of whose names is w, or whose names end
// with w (a surname) or start with it (a family name written first, "Ban")
// when only one such person fits and their offices agree.
func (c *compiled) canonical(w []string, offices []string) (string, bool) {
	var exact, partial []*knownPerson
	for i := range c.people {
		p := &c.people[i]
		for _, n := range p.names {
			switch {
			case equalWords(n, w):
				exact = append(exact, p)
			case len(w) == 1 && len(n) > 1 && (n[len(n)-1] == w[0] || n[0] == w[0]) && officesAgree(p.offices, offices):
				partial = append(partial, p)
			default:
				continue
			}
			break
		}
	}
	if len(exact) == 1 {
		return exact[0].name, true
	}
	if len(exact) == 0 && len(partial) == 1 && len(partial[0].offices) > 0 {
		return partial[0].name, true
	}
	return "", false
}

// officesAgree: a known person with offices takes a surname only from
// someone holding one of them.
func officesAgree(known, found []string) bool {
	if len(known) == 0 || len(found) == 0 {
		return false
	}
	for _, k := range known {
		if contains(found, k) {
			return true
		}
	}
	return false
}
