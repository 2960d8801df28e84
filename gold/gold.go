package gold

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cablegraph/cablegraph/fold"
	"github.com/cablegraph/cablegraph/record"
)

// Annotated is one annotated cable.
type Annotated struct {
	Cable         string    `json:"cable"`
	Date          string    `json:"date"`
	People        []Person  `json:"people"`
	Places        []Named   `json:"places"`
	Organizations []Named   `json:"organizations"`
	Meetings      []Meeting `json:"meetings"`
}

// Meeting is an annotated meeting: its participants' gold names, kind,
// date and place (null when the cable gives none) and evidence.
type Meeting struct {
	People   []string `json:"people"`
	Kind     string   `json:"kind"`
	Date     *string  `json:"date"`
	Place    *string  `json:"place"`
	Evidence string   `json:"evidence"`
}

// Person is an annotated person: name, mentions and offices (each office a
// list of equivalent spellings).
type Person struct {
	Name     string     `json:"name"`
	Mentions []string   `json:"mentions"`
	Offices  [][]string `json:"offices"`
}

// Named is an annotated place or organization.
type Named struct {
	Name     string   `json:"name"`
	Mentions []string `json:"mentions"`
}

// Load reads every *.json annotation in dir, sorted by cable.
func Load(dir string) ([]Annotated, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no gold annotations (*.json)", dir)
	}
	var out []Annotated
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var c Annotated
		if err := json.Unmarshal(b, &c); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cable < out[j].Cable })
	return out, nil
}

// ReadOutput reads a cables.jsonl (named name in errors), keeping the
// cables in want (all if nil).
func ReadOutput(r io.Reader, name string, want map[string]bool) (map[string]*record.Cable, error) {
	out := map[string]*record.Cable{}
	err := record.Each(r, name, func(c *record.Cable) error {
		if want == nil || want[c.RefID] {
			c.Text, c.Normalized = "", "" // not scored
			out[c.RefID] = c
		}
		return nil
	})
	return out, err
}

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// Add adds other to c.
func (c *Counts) Add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// P is precision, R recall, F1 their harmonic mean; 0 when undefined.
func (c Counts) P() float64  { return ratio(c.TP, c.TP+c.FP) }
func (c Counts) R() float64  { return ratio(c.TP, c.TP+c.FN) }
func (c Counts) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Kinds scored.
var Kinds = []string{"people", "places", "organizations", "offices", "meetings"}

// Report is the scores over all cables, and per cable what was missed and
// what was found wrongly.
type Report struct {
	Totals   map[string]*Counts
	PerCable []CableReport
	// Dates counts the meeting edges found (TP) whose date is right.
	DatesRight, DatesScored int
	// MeetingMisses counts the meeting edges missed and found wrongly by
	// class, over all cables.
	MeetingMisses map[string]int
}

// CableReport lists a cable's misses and false positives by kind.
type CableReport struct {
	Cable  string
	Counts map[string]*Counts
	Missed map[string][]string
	Wrong  map[string][]string
	// MeetingMisses counts the meeting edges missed and found wrongly by
	// class (MissPerson, ...).
	MeetingMisses map[string]int
	// People are the cable's gold people, in gold order, each with the id
	// of the tool entity matched to it ("" when none).
	People []PersonID
	// Refers maps each tool person id of the cable to the gold names its
	// entities refer to (see refers), sorted.
	Refers map[string][]string
}

// PersonID is a gold person's name and the id of the tool entity matched
// to it.
type PersonID struct{ Name, ID string }

// Score scores output against the gold cables.
func Score(gold []Annotated, out map[string]*record.Cable) Report {
	rep := Report{Totals: map[string]*Counts{}, MeetingMisses: map[string]int{}}
	for _, k := range Kinds {
		rep.Totals[k] = &Counts{}
	}
	for _, g := range gold {
		var o record.Cable
		if c := out[g.Cable]; c != nil {
			o = *c
		}
		found := o.Found()
		cr := CableReport{Cable: g.Cable, Counts: map[string]*Counts{}, Missed: map[string][]string{}, Wrong: map[string][]string{}}
		gp := make([]goldEntity, len(g.People))
		for i, p := range g.People {
			gp[i] = goldEntity{p.Name, append([]string{p.Name}, p.Mentions...)}
		}
		pairs := cr.score("people", gp, found.People)
		cr.People = personIDs(g.People, found.People, pairs)
		cr.Refers = refers(gp, found.People, pairs)
		cr.score("places", named(g.Places), found.Places)
		cr.score("organizations", named(g.Organizations), found.Organizations)
		cr.offices(g.People, found.People, pairs)
		right, scored := cr.meetings(g, found.People, o.Meetings, pairs)
		rep.DatesRight += right
		rep.DatesScored += scored
		for class, n := range cr.MeetingMisses {
			rep.MeetingMisses[class] += n
		}
		for _, k := range Kinds {
			rep.Totals[k].Add(*cr.Counts[k])
		}
		rep.PerCable = append(rep.PerCable, cr)
	}
	return rep
}

type goldEntity struct {
	name  string
	names []string
}

func named(ns []Named) []goldEntity {
	out := make([]goldEntity, len(ns))
	for i, n := range ns {
		out[i] = goldEntity{n.Name, append([]string{n.Name}, n.Mentions...)}
	}
	return out
}

// toolNames are the folded names an output entity answers to.
func toolNames(e record.Entity) map[string]bool {
	m := map[string]bool{fold.Name(e.Name): true}
	for _, a := range e.Aliases {
		m[fold.Name(a)] = true
	}
	for _, s := range e.Mentions {
		m[fold.Name(s.Text)] = true
	}
	return m
}

// score matches tool entities to gold entities one to one (see match)
// and counts; it returns gold index -> tool index.
func (cr *CableReport) score(kind string, gold []goldEntity, tool []record.Entity) map[int]int {
	matchT := match(gold, tool)
	pairs := map[int]int{}
	for ti, gi := range matchT {
		if gi >= 0 {
			pairs[gi] = ti
		}
	}
	c := &Counts{TP: len(pairs), FP: len(tool) - len(pairs), FN: len(gold) - len(pairs)}
	cr.Counts[kind] = c
	for gi, g := range gold {
		if _, ok := pairs[gi]; !ok {
			cr.Missed[kind] = append(cr.Missed[kind], g.name)
		}
	}
	for ti, t := range tool {
		if matchT[ti] < 0 {
			cr.Wrong[kind] = append(cr.Wrong[kind], t.Name)
		}
	}
	return pairs
}

// match matches tool entities to gold entities one to one: a tool entity
// can match a gold entity when one of its names equals one of the gold's.
// The matching is maximum (as many pairs as can be), made first from the
// names only one gold entity of the cable answers to, then completed
// through the names several answer to, so that an ambiguous name
// ("Castro" for Fidel and for Raul) does not swap the pairs the
// distinctive names make. It returns tool index -> gold index, -1 for
// none.
func match(gold []goldEntity, tool []record.Entity) []int {
	owners := nameOwners(gold)
	all := make([][]int, len(gold))
	sure := make([][]int, len(gold))
	for ti, t := range tool {
		names := toolNames(t)
		for gi, g := range gold {
			linked, distinct := false, false
			for _, n := range g.names {
				if f := fold.Name(n); names[f] {
					linked = true
					distinct = distinct || len(owners[f]) == 1
				}
			}
			if linked {
				all[gi] = append(all[gi], ti)
			}
			if distinct {
				sure[gi] = append(sure[gi], ti)
			}
		}
	}
	matchT := make([]int, len(tool))
	for i := range matchT {
		matchT[i] = -1
	}
	for _, adj := range [][][]int{sure, all} {
		matched := make([]bool, len(gold))
		for _, gi := range matchT {
			if gi >= 0 {
				matched[gi] = true
			}
		}
		for gi := range gold {
			if !matched[gi] {
				augment(adj, matchT, gi, make([]bool, len(tool)))
			}
		}
	}
	return matchT
}

// augment looks for an augmenting path from gold gi (Kuhn's algorithm) and
// applies it to matchT; it reports whether it found one.
func augment(adj [][]int, matchT []int, gi int, seen []bool) bool {
	for _, ti := range adj[gi] {
		if seen[ti] {
			continue
		}
		seen[ti] = true
		if matchT[ti] < 0 || augment(adj, matchT, matchT[ti], seen) {
			matchT[ti] = gi
			return true
		}
	}
	return false
}

// nameOwners maps each folded name of the gold entities to the entities
// answering to it.
func nameOwners(gold []goldEntity) map[string][]int {
	owners := map[string][]int{}
	for gi, g := range gold {
		seen := map[string]bool{}
		for _, n := range g.names {
			if f := fold.Name(n); !seen[f] {
				seen[f] = true
				owners[f] = append(owners[f], gi)
			}
		}
	}
	return owners
}

// personIDs pairs each gold person with the id of its matched tool entity.
func personIDs(gold []Person, tool []record.Entity, pairs map[int]int) []PersonID {
	out := make([]PersonID, len(gold))
	for gi, p := range gold {
		out[gi].Name = p.Name
		if ti, ok := pairs[gi]; ok {
			out[gi].ID = tool[ti].ID
		}
	}
	return out
}

// refers maps each tool id to the gold people its entities refer to: the
// gold person an entity is matched to, and every gold person that one of
// the entity's names answers to alone (a name several gold people of the
// cable answer to says nothing). The matching is one to one, so a tool
// entity that merged two people of the cable is matched to one of them at
// most; the names show the other.
func refers(gold []goldEntity, tool []record.Entity, pairs map[int]int) map[string][]string {
	owners := nameOwners(gold)
	sets := map[string]map[string]bool{}
	add := func(id string, gi int) {
		if sets[id] == nil {
			sets[id] = map[string]bool{}
		}
		sets[id][gold[gi].name] = true
	}
	for gi, ti := range pairs {
		add(tool[ti].ID, gi)
	}
	for _, t := range tool {
		for n := range toolNames(t) {
			if o := owners[n]; len(o) == 1 {
				add(t.ID, o[0])
			}
		}
	}
	out := map[string][]string{}
	for id, set := range sets {
		out[id] = sortedKeys(set)
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// offices scores the offices of matched people: a gold office is found when
// one of its spellings is among the tool's offices for that person; a tool
// office matching no gold office of the person is a false positive.
func (cr *CableReport) offices(gold []Person, tool []record.Entity, pairs map[int]int) {
	c := &Counts{}
	for gi := range gold { // in gold order, for a stable listing
		ti, ok := pairs[gi]
		if !ok {
			c.FN += len(gold[gi].Offices)
			continue
		}
		have := map[string]bool{}
		for _, o := range tool[ti].Offices {
			have[fold.Name(o)] = true
		}
		used := map[string]bool{}
		for _, spellings := range gold[gi].Offices {
			found := false
			for _, s := range spellings {
				if have[fold.Name(s)] {
					found = true
					used[fold.Name(s)] = true
				}
			}
			if found {
				c.TP++
			} else {
				c.FN++
				cr.Missed["offices"] = append(cr.Missed["offices"], gold[gi].Name+": "+strings.Join(spellings, "/"))
			}
		}
		for _, o := range tool[ti].Offices {
			if !used[fold.Name(o)] {
				c.FP++
				cr.Wrong["offices"] = append(cr.Wrong["offices"], tool[ti].Name+": "+o)
			}
		}
	}
	cr.Counts["offices"] = c
}

// Classes of meeting edges missed and found wrongly, in print order.
const (
	MissPerson  = "person not found"   // a gold participant matched to no tool person
	MissMeeting = "no meeting found"   // both found, neither in any tool meeting of the cable
	MissOne     = "one left out"       // both found, only one in a tool meeting
	MissApart   = "met apart"          // both in tool meetings, never in the same one
	MissList    = "in meetings of 4+"  // of the misses, those of a gold meeting of four people or more
	WrongPerson = "person not in gold" // a tool participant matched to no gold person
	WrongPair   = "pair not in gold"   // both gold people, not a gold edge
)

type edge [2]string

func mkEdge(a, b string) edge {
	if b < a {
		a, b = b, a
	}
	return edge{a, b}
}

// meetings scores who-met-whom edges: every pair of a meeting's
// participants is an edge; a tool edge is right when both its people match
// the gold pair in the cable. It counts the misses and false positives by
// class (cr.MeetingMisses). It returns how many edges found have the
// right date (any of the tool's dates for the pair equals any of the
// gold's, null for null), and how many edges were found.
func (cr *CableReport) meetings(g Annotated, people []record.Entity, meetings []record.Meeting, pairs map[int]int) (int, int) {
	name := map[string]string{}   // tool id -> gold name
	idOf := map[string]string{}   // gold name -> tool id
	for gi, p := range g.People { // in gold order: the first gold person of an id names it
		if ti, ok := pairs[gi]; ok {
			if _, dup := name[people[ti].ID]; !dup {
				name[people[ti].ID] = p.Name
			}
			idOf[p.Name] = people[ti].ID
		}
	}
	goldDates := map[edge]map[string]bool{}
	size := map[edge]int{} // the largest gold meeting of the edge
	for _, m := range g.Meetings {
		for i, a := range m.People {
			for _, b := range m.People[i+1:] {
				e := mkEdge(a, b)
				if goldDates[e] == nil {
					goldDates[e] = map[string]bool{}
				}
				goldDates[e][dateKey(m.Date)] = true
				size[e] = max(size[e], len(m.People))
			}
		}
	}
	toolDates := map[edge]map[string]bool{}
	unmatched := map[edge]bool{}
	inMeeting := map[string]bool{} // tool ids in a meeting of the cable
	for _, m := range meetings {
		for i, a := range m.Participants {
			inMeeting[a] = true
			for _, b := range m.Participants[i+1:] {
				na, oka := name[a]
				nb, okb := name[b]
				if !oka || !okb {
					unmatched[mkEdge(a, b)] = true
					continue
				}
				e := mkEdge(na, nb)
				if toolDates[e] == nil {
					toolDates[e] = map[string]bool{}
				}
				toolDates[e][dateKey(m.Date)] = true
			}
		}
	}
	cr.MeetingMisses = map[string]int{WrongPerson: len(unmatched)}
	c := &Counts{FP: len(unmatched)}
	right := 0
	for e, dates := range toolDates {
		gd, ok := goldDates[e]
		if !ok {
			c.FP++
			cr.MeetingMisses[WrongPair]++
			cr.Wrong["meetings"] = append(cr.Wrong["meetings"], e[0]+" & "+e[1])
			continue
		}
		c.TP++
		for d := range dates {
			if gd[d] {
				right++
				break
			}
		}
	}
	for e := range unmatched {
		cr.Wrong["meetings"] = append(cr.Wrong["meetings"], e[0]+" & "+e[1]+" (unmatched people)")
	}
	for e := range goldDates {
		if _, ok := toolDates[e]; !ok {
			c.FN++
			cr.MeetingMisses[missClass(e, idOf, inMeeting)]++
			if size[e] >= 4 {
				cr.MeetingMisses[MissList]++
			}
			cr.Missed["meetings"] = append(cr.Missed["meetings"], e[0]+" & "+e[1])
		}
	}
	sort.Strings(cr.Wrong["meetings"])
	sort.Strings(cr.Missed["meetings"])
	cr.Counts["meetings"] = c
	return right, c.TP
}

// missClass says why a gold edge was missed.
func missClass(e edge, idOf map[string]string, inMeeting map[string]bool) string {
	ida, oka := idOf[e[0]]
	idb, okb := idOf[e[1]]
	switch {
	case !oka || !okb:
		return MissPerson
	case inMeeting[ida] && inMeeting[idb]:
		return MissApart
	case inMeeting[ida] || inMeeting[idb]:
		return MissOne
	}
	return MissMeeting
}

func dateKey(d *string) string {
	if d == nil {
		return "null"
	}
	return *d
}

// DateAccuracy is the share of found meeting edges with the right date.
func (r Report) DateAccuracy() float64 { return ratio(r.DatesRight, r.DatesScored) }

// Print writes the score table, and with perCable each cable's misses and
// false positives.
func (r Report) Print(w io.Writer, perCable bool) {
	r.PrintTable(w)
	if perCable {
		r.PrintCables(w)
	}
}

// PrintTable writes the score table and the meeting dates line.
func (r Report) PrintTable(w io.Writer) {
	fmt.Fprintf(w, "%-14s %6s %6s %6s %5s %5s %5s\n", "kind", "P", "R", "F1", "TP", "FP", "FN")
	for _, k := range Kinds {
		c := r.Totals[k]
		fmt.Fprintf(w, "%-14s %6.3f %6.3f %6.3f %5d %5d %5d\n", k, c.P(), c.R(), c.F1(), c.TP, c.FP, c.FN)
	}
	fmt.Fprintf(w, "meeting dates right on found edges: %.3f (%d of %d)\n", r.DateAccuracy(), r.DatesRight, r.DatesScored)
	m := r.MeetingMisses
	fmt.Fprintf(w, "meeting edges missed: %d %s, %d %s, %d %s, %d %s; %d %s\n",
		m[MissPerson], MissPerson, m[MissMeeting], MissMeeting, m[MissOne], MissOne, m[MissApart], MissApart, m[MissList], MissList)
	fmt.Fprintf(w, "meeting edges wrong: %d %s, %d %s\n", m[WrongPerson], WrongPerson, m[WrongPair], WrongPair)
}

// PrintCables writes each cable's misses and false positives.
func (r Report) PrintCables(w io.Writer) {
	for _, cr := range r.PerCable {
		fmt.Fprintf(w, "\n# %s\n", cr.Cable)
		for _, k := range Kinds {
			if len(cr.Missed[k]) > 0 {
				fmt.Fprintf(w, "  missed %-13s %s\n", k+":", strings.Join(cr.Missed[k], "; "))
			}
			if len(cr.Wrong[k]) > 0 {
				fmt.Fprintf(w, "  wrong  %-13s %s\n", k+":", strings.Join(cr.Wrong[k], "; "))
			}
		}
	}
}
