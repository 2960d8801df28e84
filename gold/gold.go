package gold

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/jsonl"
)

// Cable is one annotated cable.
type Cable struct {
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
func Load(dir string) ([]Cable, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no gold annotations (*.json)", dir)
	}
	var out []Cable
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var c Cable
		if err := json.Unmarshal(b, &c); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cable < out[j].Cable })
	return out, nil
}

// Output is the part of a cables.jsonl line that is scored.
type Output struct {
	Cable         string           `json:"cable"`
	People        []extract.Entity `json:"people"`
	Places        []extract.Entity `json:"places"`
	Organizations []extract.Entity `json:"organizations"`
	Meetings      []struct {
		Participants []string `json:"participants"`
		Kind         string   `json:"kind"`
		Date         *string  `json:"date"`
	} `json:"meetings"`
}

// ReadOutput reads a cables.jsonl (named name in errors), keeping the
// cables in want (all if nil).
func ReadOutput(r io.Reader, name string, want map[string]bool) (map[string]Output, error) {
	out := map[string]Output{}
	err := jsonl.Each(r, name, func(o *Output) error {
		if want == nil || want[o.Cable] {
			out[o.Cable] = *o
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
}

// CableReport lists a cable's misses and false positives by kind.
type CableReport struct {
	Cable  string
	Counts map[string]*Counts
	Missed map[string][]string
	Wrong  map[string][]string
}

// Score scores output against the gold cables.
func Score(gold []Cable, out map[string]Output) Report {
	rep := Report{Totals: map[string]*Counts{}}
	for _, k := range Kinds {
		rep.Totals[k] = &Counts{}
	}
	for _, g := range gold {
		o := out[g.Cable]
		cr := CableReport{Cable: g.Cable, Counts: map[string]*Counts{}, Missed: map[string][]string{}, Wrong: map[string][]string{}}
		gp := make([]goldEntity, len(g.People))
		for i, p := range g.People {
			gp[i] = goldEntity{p.Name, append([]string{p.Name}, p.Mentions...)}
		}
		pairs := cr.score("people", gp, o.People)
		cr.score("places", named(g.Places), o.Places)
		cr.score("organizations", named(g.Organizations), o.Organizations)
		cr.offices(g.People, o.People, pairs)
		right, scored := cr.meetings(g, o, pairs)
		rep.DatesRight += right
		rep.DatesScored += scored
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
func toolNames(e extract.Entity) map[string]bool {
	m := map[string]bool{extract.Fold(e.Name): true}
	for _, a := range e.Aliases {
		m[extract.Fold(a)] = true
	}
	for _, s := range e.Mentions {
		m[extract.Fold(s.Text)] = true
	}
	return m
}

// score matches tool entities to gold entities one to one (maximum
// bipartite matching) and counts; it returns gold index -> tool index.
func (cr *CableReport) score(kind string, gold []goldEntity, tool []extract.Entity) map[int]int {
	adj := make([][]int, len(gold))
	for gi, g := range gold {
		for ti, t := range tool {
			names := toolNames(t)
			for _, n := range g.names {
				if names[extract.Fold(n)] {
					adj[gi] = append(adj[gi], ti)
					break
				}
			}
		}
	}
	matchT := make([]int, len(tool))
	for i := range matchT {
		matchT[i] = -1
	}
	var try func(gi int, seen []bool) bool
	try = func(gi int, seen []bool) bool {
		for _, ti := range adj[gi] {
			if seen[ti] {
				continue
			}
			seen[ti] = true
			if matchT[ti] < 0 || try(matchT[ti], seen) {
				matchT[ti] = gi
				return true
			}
		}
		return false
	}
	for gi := range gold {
		try(gi, make([]bool, len(tool)))
	}
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

// offices scores the offices of matched people: a gold office is found when
// one of its spellings is among the tool's offices for that person; a tool
// office matching no gold office of the person is a false positive.
func (cr *CableReport) offices(gold []Person, tool []extract.Entity, pairs map[int]int) {
	c := &Counts{}
	for gi, ti := range pairs {
		have := map[string]bool{}
		for _, o := range tool[ti].Offices {
			have[extract.Fold(o)] = true
		}
		used := map[string]bool{}
		for _, spellings := range gold[gi].Offices {
			found := false
			for _, s := range spellings {
				if have[extract.Fold(s)] {
					found = true
					used[extract.Fold(s)] = true
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
			if !used[extract.Fold(o)] {
				c.FP++
				cr.Wrong["offices"] = append(cr.Wrong["offices"], tool[ti].Name+": "+o)
			}
		}
	}
	for gi, p := range gold {
		if _, ok := pairs[gi]; !ok {
			c.FN += len(p.Offices)
		}
	}
	cr.Counts["offices"] = c
}

// meetings scores who-met-whom edges: every pair of a meeting's
// participants is an edge; a tool edge is right when both its people match
// the gold pair in the cable. It returns how many edges found have the
// right date (any of the tool's dates for the pair equals any of the
// gold's, null for null), and how many edges were found.
func (cr *CableReport) meetings(g Cable, o Output, pairs map[int]int) (int, int) {
	name := map[string]string{} // tool id -> gold name
	for gi, ti := range pairs {
		name[o.People[ti].ID] = g.People[gi].Name
	}
	type edge [2]string
	mk := func(a, b string) edge {
		if b < a {
			a, b = b, a
		}
		return edge{a, b}
	}
	goldDates := map[edge]map[string]bool{}
	for _, m := range g.Meetings {
		for i, a := range m.People {
			for _, b := range m.People[i+1:] {
				e := mk(a, b)
				if goldDates[e] == nil {
					goldDates[e] = map[string]bool{}
				}
				goldDates[e][dateKey(m.Date)] = true
			}
		}
	}
	toolDates := map[edge]map[string]bool{}
	unmatched := map[edge]bool{}
	for _, m := range o.Meetings {
		for i, a := range m.Participants {
			for _, b := range m.Participants[i+1:] {
				na, oka := name[a]
				nb, okb := name[b]
				if !oka || !okb {
					unmatched[mk(a, b)] = true
					continue
				}
				e := mk(na, nb)
				if toolDates[e] == nil {
					toolDates[e] = map[string]bool{}
				}
				toolDates[e][dateKey(m.Date)] = true
			}
		}
	}
	c := &Counts{FP: len(unmatched)}
	right := 0
	for e, dates := range toolDates {
		gd, ok := goldDates[e]
		if !ok {
			c.FP++
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
			cr.Missed["meetings"] = append(cr.Missed["meetings"], e[0]+" & "+e[1])
		}
	}
	sort.Strings(cr.Wrong["meetings"])
	sort.Strings(cr.Missed["meetings"])
	cr.Counts["meetings"] = c
	return right, c.TP
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
	fmt.Fprintf(w, "%-14s %6s %6s %6s %5s %5s %5s\n", "kind", "P", "R", "F1", "TP", "FP", "FN")
	for _, k := range Kinds {
		c := r.Totals[k]
		fmt.Fprintf(w, "%-14s %6.3f %6.3f %6.3f %5d %5d %5d\n", k, c.P(), c.R(), c.F1(), c.TP, c.FP, c.FN)
	}
	fmt.Fprintf(w, "meeting dates right on found edges: %.3f (%d of %d)\n", r.DateAccuracy(), r.DatesRight, r.DatesScored)
	if !perCable {
		return
	}
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
