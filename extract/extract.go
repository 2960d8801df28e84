package extract

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/fold"
	"github.com/cablegraph/cablegraph/record"
	"github.com/cablegraph/cablegraph/rules"
)

// Span, Entity and Result are the record's (cables.jsonl): what
// extraction gives, Result for one cable.
type (
	Span   = record.Span
	Entity = record.Entity
	Result = record.Entities
)

// Extractor finds people, places and organizations in cables. It is built
// once from a rule set and is safe for use by many goroutines.
type Extractor struct {
	c   *compiled
	nlp *NLP // nil: rules only
}

// New compiles a rule set.
func New(set *rules.Set) *Extractor {
	c := compile(set, rules.Casing())
	c.names = rules.Names()
	return &Extractor{c: c}
}

// WithNLP returns an extractor that also runs prose's tagger where the
// rules leave capitalized words unexplained.
func (x *Extractor) WithNLP(n *NLP) *Extractor {
	y := *x
	y.nlp = n
	return &y
}

// Cable extracts the entities of a parsed cable.
func (x *Extractor) Cable(c *cable.Cable) Result {
	text := c.Doc.Text.S
	if c.AllCaps {
		text = x.recase(text)
	} else {
		text = x.recaseParagraphs(text, c)
	}
	toks := tokenize(text)
	tg := &tagger{c: x.c, toks: toks, allCaps: c.AllCaps, lastPerson: -1, headAt: -1}
	ms := tg.tag()
	if x.nlp != nil && !c.AllCaps {
		ms = append(ms, x.nlpPeople(text, toks, ms)...)
	}

	preferred, signer, postOffice := "", "", ""
	if c.ClassifiedBy != nil {
		preferred = c.ClassifiedBy.Name
		postOffice = x.chiefOfPostOffice(c.ClassifiedBy.Office)
	}
	if m, ok := x.signer(c, toks); ok {
		ms = append(ms, m)
		signer = m.name
		if preferred == "" {
			preferred = m.name
		}
	}
	people := resolvePeople(x.notPeople(filter(ms, Person)), preferred, signer, postOffice, x.c)
	x.surnames(people, toks, ms)
	x.initials(people, toks, ms)

	var res Result
	res.People = x.entities(c, toks, people, true)
	res.Places = x.entities(c, toks, resolveByName(ms, Place), false)
	res.Organizations = x.entities(c, toks, resolveByName(ms, Organization), false)
	return res
}

// chiefOfPostOffice returns the office of a Classified By line when it is
// the post's chief ("Ambassador, U.S. Embassy Dushanbe" → Ambassador;
// "CDA" → Charge d'Affaires), else "".
func (x *Extractor) chiefOfPostOffice(office string) string {
	toks := tokenize(office)
	if len(toks) == 0 {
		return ""
	}
	if L, ents := x.c.gaz.match(toks, 0); L > 0 {
		if e := firstOf(ents, Title); e != nil && chiefOfPost[e.name] {
			return e.name
		}
	}
	return ""
}

// notPeople drops the person mentions whose name the rules say is no
// person's.
func (x *Extractor) notPeople(ms []mention) []mention {
	out := ms[:0]
	for _, m := range ms {
		if !slices.ContainsFunc(x.c.notPeople, func(re *regexp.Regexp) bool { return re.MatchString(m.name) }) && !x.officeOnly(m.name) {
			out = append(out, m)
		}
	}
	return out
}

// officeOnly reports a name of words of an office only ("Affairs",
// "Political Section", "Presidency"): what is left of an office, no person.
func (x *Extractor) officeOnly(name string) bool {
	ws := strings.Fields(strings.ToLower(name))
	if n := len(ws); n >= 2 && !slices.ContainsFunc(ws, func(w string) bool { return x.c.names[w] != 0 }) {
		// a name that ends in a body's head or in an office word written
		// in lower case in running text, no name's: "Customs
		// Enforcement", "Eurasian Affairs", "Accounting Office" (not with
		// a word of people's names: "Helen Montluc Head", "Kirchner
		// Cabinet" are names glued to a word)
		last := ws[n-1]
		if x.c.names[last] == 0 && (x.c.orgHeads[last] || x.c.jobWords[last] && (x.c.casing[last] == 'l' || x.c.casing[last] == 'm')) {
			return true
		}
	}
	for _, w := range ws {
		if !x.c.jobWords[w] || x.c.names[w] == 'g' {
			return false
		}
	}
	return len(ws) > 0
}

func filter(ms []mention, typ Type) []mention {
	var out []mention
	for _, m := range ms {
		if m.typ == typ {
			out = append(out, m)
		}
	}
	return out
}

// signer finds the closing surname in the tokens: the last token with the
// signer's text.
func (x *Extractor) signer(c *cable.Cable, toks []token) (mention, bool) {
	if c.Signer == "" {
		return mention{}, false
	}
	want := strings.Fields(strings.ToLower(c.Signer))
	for i := len(toks) - len(want); i >= 0; i-- {
		ok := true
		for k, w := range want {
			if toks[i+k].key != w {
				ok = false
				break
			}
		}
		if ok {
			return mention{typ: Person, s: i, e: i + len(want), ns: i, ne: i + len(want), name: joinTokens(toks[i : i+len(want)]), source: "signer"}, true
		}
	}
	return mention{}, false
}

// surnames adds the bare mentions of people already found: a capitalized
// word, or two, equal to the end of one person's name ("Crocker", "di
// Mistura") or to the first word of a longer name ("Ban").
func (x *Extractor) surnames(people []*group, toks []token, ms []mention) {
	covered := coveredTokens(len(toks), people, ms)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if covered[i] || !t.word || !(t.cap || t.upper) {
			continue
		}
		for n := 2; n >= 1; n-- {
			if i+n > len(toks) {
				continue
			}
			var w []string
			ok := true
			for k := i; k < i+n; k++ {
				if covered[k] || !toks[k].word {
					ok = false
					break
				}
				w = append(w, nameWords(toks[k].text)...)
			}
			if !ok || len(w) == 0 {
				continue
			}
			// a sentence may start with a surname of the cable's people
			// ("Ban noted..."), common word though it is
			if g := x.c.findPerson(people, w, ""); g != nil {
				g.mentions = append(g.mentions, mention{typ: Person, s: i, e: i + n, ns: i, ne: i + n, name: joinTokens(toks[i : i+n]), source: "surname"})
				for k := i; k < i+n; k++ {
					covered[k] = true
				}
				i += n - 1
				break
			}
		}
	}
}

// coveredTokens marks the n tokens that a mention of ms or of people's
// groups covers.
func coveredTokens(n int, people []*group, ms []mention) []bool {
	covered := make([]bool, n)
	mark := func(m mention) {
		for k := m.s; k < m.e && k < n; k++ {
			covered[k] = true
		}
	}
	for _, m := range ms {
		mark(m)
	}
	for _, g := range people {
		for _, m := range g.mentions {
			mark(m)
		}
	}
	return covered
}

// initials adds to a person the later mentions of the initials the cable
// gives them in parentheses ("Sheikh Mohammed bin Rashid al Maktoum (MbR)"
// ... "MbR said"): a word of two to six letters, two capitals or more, that
// the rules know as nothing else.
func (x *Extractor) initials(people []*group, toks []token, ms []mention) {
	covered := coveredTokens(len(toks), people, ms)
	for _, g := range people {
		for _, m := range slices.Clone(g.mentions) {
			k := m.e
			if m.titleAlone || k+2 >= len(toks) || toks[k].text != "(" || toks[k+2].text != ")" || covered[k+1] || !initialsWord(toks[k+1].text) {
				continue
			}
			if L, _ := x.c.gaz.match(toks, k+1); L > 0 {
				continue // "(FM)", "(UN)": an office, a body
			}
			for i, t := range toks {
				if i != k+1 && !covered[i] && t.text == toks[k+1].text {
					g.mentions = append(g.mentions, mention{typ: Person, s: i, e: i + 1, ns: i, ne: i + 1, name: t.text, source: "initials"})
					covered[i] = true
				}
			}
			covered[k+1] = true
		}
	}
}

// initialsWord reports a word that can be a person's initials: two to six
// letters, two of them capitals or more ("MbR", "AMLO", "HBJ").
func initialsWord(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	caps := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			caps++
		case c >= 'a' && c <= 'z':
		default:
			return false
		}
	}
	return caps >= 2
}

// entities turns groups into output entities with spans in the original text.
func (x *Extractor) entities(c *cable.Cable, toks []token, groups []*group, people bool) []Entity {
	out := []Entity{}
	for _, g := range groups {
		e := Entity{Name: g.name, Aliases: []string{}, Offices: g.written}
		bare := ""
		if people {
			// the fullest name among the mentions
			for _, m := range g.mentions {
				if !m.titleAlone && len(nameWords(m.name)) > len(nameWords(e.Name)) {
					e.Name = m.name
				}
			}
			e.Name = titleCase(e.Name)
			name, known := x.c.canonical(nameWords(e.Name), g.offices)
			if g.label != "" {
				// the surname alone names both people: no alias of either
				bare = fold.Name(e.Name)
				if !known {
					e.Name = g.label
				}
			}
			if known {
				if !strings.EqualFold(name, e.Name) && bare == "" {
					e.Aliases = append(e.Aliases, e.Name)
				}
				e.Name = name
			}
		}
		e.ID = ID(e.Name)
		if e.ID == "" {
			continue
		}
		if people && bare == "" && len(nameWords(e.Name)) == 1 {
			// a surname alone that no list knows is the person of the
			// cable's post ("saleh" of Sanaa's cables and of Kabul's):
			// People.Merge gives it one id across posts when the run names
			// no two people in full with that surname
			if post := PostID(c.Origin); post != "" {
				e.ID += "-" + post
			}
		}
		seen := map[string]bool{fold.Name(e.Name): true}
		if bare != "" {
			seen[bare] = true
		}
		for _, a := range e.Aliases {
			seen[fold.Name(a)] = true
		}
		addAlias := func(s string) {
			s = strings.Join(strings.Fields(s), " ")
			if k := fold.Name(s); k != "" && !seen[k] {
				seen[k] = true
				e.Aliases = append(e.Aliases, s)
			}
		}
		sort.SliceStable(g.mentions, func(i, j int) bool { return g.mentions[i].s < g.mentions[j].s })
		for _, m := range g.mentions {
			if m.s >= m.e || m.e > len(toks) {
				continue
			}
			ns, ne := toks[m.s].s, toks[m.e-1].e
			os, oe := c.Doc.Text.Span(ns, ne)
			tagger := "rules"
			if m.source == "nlp" {
				tagger = "nlp"
			}
			e.Mentions = append(e.Mentions, Span{Start: os, End: oe, Text: c.Text[os:oe], Tagger: tagger})
			e.Norm = append(e.Norm, [2]int{ns, ne})
			addAlias(c.Doc.Text.S[ns:ne])
			if m.ne > m.ns {
				addAlias(c.Doc.Text.S[toks[m.ns].s:toks[m.ne-1].e])
			}
		}
		out = append(out, e)
	}
	return out
}

// recaseParagraphs recases the paragraphs of a mixed-case cable that are
// written in capitals (subject lines, headings), so that "AMBASSADOR MEETS
// ARGENTINE VP COBOS" reads like the rest of the text.
func (x *Extractor) recaseParagraphs(text string, c *cable.Cable) string {
	var b []byte
	for _, p := range c.Doc.Paragraphs {
		seg := text[p.Start:p.End]
		if !upperParagraph(seg) {
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		copy(b[p.Start:p.End], x.recase(seg))
	}
	if b == nil {
		return text
	}
	return string(b)
}

// upperParagraph reports a paragraph written in capitals: no lowercase
// letter, and two words of capitals or more (two runs of A-Z, and
// strings.ToUpper(s) == s), without allocating.
func upperParagraph(s string) bool {
	words := 0
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				return false
			case c >= 'A' && c <= 'Z':
				if !in {
					words++
					in = true
				}
			default:
				in = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.ToUpper(r) != r {
			return false
		}
		in = false
		i += n
	}
	return words >= 2
}

// recase rewrites a text written in capitals as it would be in mixed case,
// byte for byte the same length: common words in lower case, acronyms in
// capitals, other words (names) capitalized.
func (x *Extractor) recase(s string) string {
	b := []byte(s)
	prev := ""
	sentence := true
	for i := 0; i < len(b); {
		c := b[i]
		if !isASCIILetter(c) {
			if c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' {
				sentence = true
			}
			i++
			continue
		}
		j := i
		for j < len(b) && (isASCIILetter(b[j]) || b[j] == '\'') {
			j++
		}
		word := string(b[i:j])
		key := strings.ToLower(word)
		switch form := x.c.casing[key]; {
		case x.c.forms[key] != "":
			copy(b[i:j], x.c.forms[key])
		case form == 'u':
		case x.c.acronym(key) && (form == 0 || afterDeterminer(prev)):
		case (form == 'l' || form == 0 && (commonSuffix(key) || x.inflected(key))) && !sentence:
			lower(b[i:j])
		default:
			lower(b[i+1 : j])
		}
		prev = key
		sentence = false
		i = j
	}
	x.restoreNames(b)
	return string(b)
}

// restoreNames gives the names of the rules their spelling back in a text
// recased from capitals, where common words were put in lower case: "THE
// NATIONAL PARTY" reads "the National Party", "UDF'S" "UDF's"; and an
// acronym in parentheses stays in capitals ("(DET)").
func (x *Extractor) restoreNames(b []byte) {
	toks := tokenize(string(b))
	for i := 0; i < len(toks); {
		L, e := x.c.gaz.matchAnyCase(toks, i)
		if L == 0 {
			if i+2 < len(toks) && toks[i].text == "(" && toks[i+2].text == ")" && toks[i+1].word && len(toks[i+1].text) >= 2 && len(toks[i+1].text) <= 6 && x.c.casing[toks[i+1].key] != 'l' {
				t := toks[i+1]
				copy(b[t.s:t.e], strings.ToUpper(t.text))
			}
			i++
			continue
		}
		if L >= 2 || countUpper(e.alias[0]) >= 2 && x.c.casing[toks[i].key] != 'l' {
			for k := 0; k < L; k++ {
				if t := toks[i+k]; len(e.alias[k]) == t.e-t.s {
					copy(b[t.s:t.e], e.alias[k])
				}
			}
		}
		i += L
	}
}

// inflected reports a word the casing list lacks that is a common word
// with an -s or -es ending, not a name: a headline's verb ("URIBE ALLAYS
// LULA'S", "FM CLASHES WITH MPS", "PUTIN THROWS") or a plural.
func (x *Extractor) inflected(w string) bool {
	if len(w) < 5 || x.c.names[w] != 0 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	stems := []string{w[:len(w)-1]}
	if strings.HasSuffix(w, "es") {
		stems = append(stems, w[:len(w)-2])
	}
	if strings.HasSuffix(w, "ies") {
		stems = append(stems, w[:len(w)-3]+"y")
	}
	for _, st := range stems {
		if x.c.casing[st] == 'l' && x.c.names[st] == 0 {
			return true
		}
	}
	return false
}

// commonSuffix reports words whose ending makes them common words rather
// than names ("sidestepped", "reportedly"), for words the casing list lacks.
func commonSuffix(w string) bool {
	if len(w) < 6 {
		return false
	}
	for _, suf := range []string{"ed", "ing", "ly", "tion", "tions", "ment", "ments", "ness", "ity", "ous", "ive", "able", "ible", "ful", "less", "ize", "ized", "ise", "ised", "ism", "ist", "ists"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func afterDeterminer(prev string) bool {
	switch prev {
	case "the", "in", "from", "of", "and", "to", "with", "by", "for":
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func lower(b []byte) {
	for k, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
}

// titleCase capitalizes the words of a name written in capitals
// ("VAN VOORST" → "Van Voorst"), leaving initials and mixed-case words.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if len(w) > 1 && strings.ToUpper(w) == w {
			words[i] = w[:1] + strings.ToLower(w[1:])
		}
	}
	return strings.Join(words, " ")
}
