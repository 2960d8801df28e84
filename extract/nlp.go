package extract

import (
	"strings"

	"github.com/jdkato/prose/v2"
)

// NLP is the statistical named-entity tagger of github.com/jdkato/prose
// (v2). Its model is decoded once, by NewNLP, and shared: prose only reads
// it, so one NLP serves every worker. The extractor runs it only on the
// sentences where the rules leave capitalized words unexplained, which
// keeps it from dominating the run time (prose tags about 0.08 MB/s).
type NLP struct {
	model *prose.Model
}

// NewNLP loads prose's model (about 200 ms).
func NewNLP() (*NLP, error) {
	doc, err := prose.NewDocument("Load the model.", prose.WithSegmentation(false))
	if err != nil {
		return nil, err
	}
	return &NLP{model: doc.Model}, nil
}

// people returns the spans prose labels PERSON in text, as byte ranges.
func (n *NLP) people(text string) [][2]int {
	doc, err := prose.NewDocument(text, prose.UsingModel(n.model), prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	var out [][2]int
	from := 0
	for _, e := range doc.Entities() {
		if e.Label != "PERSON" {
			continue
		}
		// prose gives the entity's text only: find it after the last one
		i := strings.Index(text[from:], e.Text)
		if i < 0 {
			continue
		}
		s := from + i
		out = append(out, [2]int{s, s + len(e.Text)})
		from = s + len(e.Text)
	}
	return out
}

// nlpPeople runs prose on the sentences holding capitalized words that no
// rule explained and returns the people it finds there as mentions.
func (x *Extractor) nlpPeople(text string, toks []token, ms []mention) []mention {
	covered := make([]bool, len(toks))
	for _, m := range ms {
		for k := m.s; k < m.e && k < len(toks); k++ {
			covered[k] = true
		}
	}
	var out []mention
	for s := 0; s < len(toks); {
		e := s + 1
		for e < len(toks) && !toks[e].sentStart {
			e++
		}
		if x.unexplained(toks, covered, s, e) {
			base := toks[s].s
			for _, sp := range x.nlp.people(text[base:toks[e-1].e]) {
				a, b := tokenRange(toks, s, e, base+sp[0], base+sp[1])
				if a < 0 || b-a < 2 || !x.nlpName(toks, covered, a, b) {
					continue
				}
				out = append(out, mention{typ: Person, s: a, e: b, ns: a, ne: b, name: joinTokens(toks[a:b]), source: "nlp"})
				for k := a; k < b; k++ {
					covered[k] = true
				}
			}
		}
		s = e
	}
	return out
}

// unexplained reports a sentence with two capitalized words in a row that
// no mention covers and that are no common words or non-names: a name the
// rules could not place. A single word is left alone: prose's guesses on
// lone words (companies, newspapers, countries) are mostly wrong.
func (x *Extractor) unexplained(toks []token, covered []bool, s, e int) bool {
	run := 0
	for k := s; k < e; k++ {
		t := toks[k]
		if covered[k] || !t.word || !t.cap || t.sentStart || x.c.nonNames[t.key] || x.c.casing[t.key] != 0 {
			run = 0
			continue
		}
		if run++; run >= 2 {
			return true
		}
	}
	return false
}

// tokenRange returns the tokens of [s, e) that span bytes [a, b) exactly.
func tokenRange(toks []token, s, e, a, b int) (int, int) {
	i := s
	for i < e && toks[i].s < a {
		i++
	}
	j := i
	for j < e && toks[j].e <= b {
		j++
	}
	if i >= e || toks[i].s != a || j == i || toks[j-1].e != b {
		return -1, -1
	}
	return i, j
}

// nlpName checks a name prose found against the rules: uncovered,
// capitalized words, none a title, common word or non-name.
func (x *Extractor) nlpName(toks []token, covered []bool, a, b int) bool {
	for k := a; k < b; k++ {
		t := toks[k]
		if covered[k] || !t.word {
			return false
		}
		if x.c.particles[t.key] || t.initial {
			continue
		}
		if !t.cap || x.c.nonNames[t.key] || x.c.casing[t.key] != 0 || x.c.orgHeads[t.key] || x.c.demonym(t.key) {
			return false
		}
		// office abbreviations ("S/E", "Pol M/C"), models ("F-16", "P-3C"),
		// company forms ("N.V.") and words in capitals are no names
		if strings.ContainsAny(t.text, "/0123456789.") || len(t.text) < 3 || t.upper {
			return false
		}
		if L, ents := x.c.gaz.match(toks, k); L > 0 && firstOf(ents, Person) == nil {
			return false
		}
	}
	return true
}
