package gold_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph"
	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/fold"
	"github.com/cablegraph/cablegraph/gold"
	"github.com/cablegraph/cablegraph/pipeline"
	"github.com/cablegraph/cablegraph/record"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

func TestScoreMatching(t *testing.T) {
	g := []gold.Annotated{{
		Cable: "X",
		People: []gold.Person{
			{Name: "Ryan C. Crocker", Mentions: []string{"Ambassador Crocker", "Crocker"}, Offices: [][]string{{"Ambassador", "Amb"}}},
			{Name: "Odierno", Mentions: []string{"General Odierno"}, Offices: [][]string{{"General", "Gen"}}},
		},
		Places: []gold.Named{{Name: "Iraq", Mentions: []string{"Iraq"}}},
	}}
	out := map[string]*record.Cable{"X": output("X", &record.Entities{
		People: []record.Entity{
			{Name: "Crocker", Offices: []string{"Amb", "Chief"}},
			{Name: "crocker"}, // a second entity for one person: a false positive
			{Name: "Someone", Aliases: []string{"Gen. Odierno", "General Odierno"}}, // matched through an alias
		},
		Places: []record.Entity{{Name: "Baghdad", Mentions: []record.Span{{Text: "IRAQ"}}}},
	})}
	r := gold.Score(g, out)
	check := func(kind string, tp, fp, fn int) {
		c := r.Totals[kind]
		if c.TP != tp || c.FP != fp || c.FN != fn {
			t.Errorf("%s: TP %d FP %d FN %d, want %d %d %d", kind, c.TP, c.FP, c.FN, tp, fp, fn)
		}
	}
	check("people", 2, 1, 0)
	check("places", 1, 0, 0)
	check("offices", 1, 1, 1)
}

// TestMatchAmbiguousName: a name two gold people answer to ("Castro")
// must not swap the pairs their own names make, which would move their
// offices, meetings and ids to the other person.
func TestMatchAmbiguousName(t *testing.T) {
	g := []gold.Annotated{{
		Cable: "X",
		People: []gold.Person{
			{Name: "Fidel Castro", Mentions: []string{"Fidel", "Castro"}, Offices: [][]string{{"President"}}},
			{Name: "Raul Castro", Mentions: []string{"Raul", "Castro"}, Offices: [][]string{{"Defense Minister"}}},
			{Name: "Hugo Chavez", Mentions: []string{"Chavez"}},
		},
	}}
	out := map[string]*record.Cable{"X": output("X", &record.Entities{
		People: []record.Entity{
			{ID: "fidel-castro", Name: "Fidel", Aliases: []string{"Castro"}, Offices: []string{"President"}},
			{ID: "raul-castro", Name: "Raul Castro", Aliases: []string{"Castro"}, Offices: []string{"Defense Minister"}},
			{ID: "castro", Name: "Castro"}, // matches either, and neither once they are taken
		},
	})}
	r := gold.Score(g, out)
	if c := *r.Totals["people"]; c != (gold.Counts{TP: 2, FP: 1, FN: 1}) {
		t.Errorf("people %+v, want TP 2 FP 1 FN 1", c)
	}
	if c := *r.Totals["offices"]; c != (gold.Counts{TP: 2}) {
		t.Errorf("offices %+v, want TP 2", c)
	}
	want := []gold.PersonID{{Name: "Fidel Castro", ID: "fidel-castro"}, {Name: "Raul Castro", ID: "raul-castro"}, {Name: "Hugo Chavez"}}
	if got := r.PerCable[0].People; !reflect.DeepEqual(got, want) {
		t.Errorf("people matched %v, want %v", got, want)
	}
}

// TestMeetingMisses checks the classes of missed and wrong meeting edges.
func TestMeetingMisses(t *testing.T) {
	var people []gold.Person
	var tool []record.Entity
	for _, n := range []string{"A", "B", "C", "D", "E", "F", "G", "H"} {
		people = append(people, gold.Person{Name: n})
		if n != "F" { // F is not found
			tool = append(tool, record.Entity{ID: strings.ToLower(n), Name: n})
		}
	}
	tool = append(tool, record.Entity{ID: "x", Name: "X"}) // not a gold person
	meeting := func(ps ...string) gold.Meeting { return gold.Meeting{People: ps} }
	g := []gold.Annotated{{Cable: "M", People: people, Meetings: []gold.Meeting{
		meeting("A", "B"), meeting("C", "D", "E", "F"), meeting("G", "H"),
	}}}
	o := output("M", &record.Entities{People: tool})
	for _, ps := range [][]string{{"c", "d"}, {"e", "x"}, {"a", "c"}} {
		o.Meetings = append(o.Meetings, record.Meeting{Participants: ps})
	}
	out := map[string]*record.Cable{"M": o}
	r := gold.Score(g, out)
	want := map[string]int{
		gold.MissPerson:  3, // C-F, D-F, E-F
		gold.MissMeeting: 1, // G-H
		gold.MissOne:     1, // A-B: A met C, B met nobody
		gold.MissApart:   2, // C-E, D-E: E met X, C and D each other
		gold.MissList:    5, // of C, D, E, F's six edges, all but C-D
		gold.WrongPerson: 1, // E-X
		gold.WrongPair:   1, // A-C
	}
	if !reflect.DeepEqual(r.MeetingMisses, want) {
		t.Errorf("meeting misses %v, want %v", r.MeetingMisses, want)
	}
	if c := *r.Totals["meetings"]; c != (gold.Counts{TP: 1, FP: 2, FN: 7}) {
		t.Errorf("meetings %+v, want TP 1 FP 2 FN 7", c)
	}
}

// TestPublicGold runs the pipeline on the bundled sample (it holds every
// public gold cable) and scores it: the thresholds of the extraction issue.
func TestPublicGold(t *testing.T) {
	ins, err := source.ExpandFS(cablegraph.Sample, cablegraph.SampleRoot)
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := pipeline.Run(context.Background(), pipeline.Config{Inputs: ins, OutDir: dir, Jobs: 2, Extractor: extract.New(set), Relations: relate.New(set)}); err != nil {
		t.Fatal(err)
	}
	g, err := gold.Load(filepath.Join("..", "testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, pipeline.CablesFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out, err := gold.ReadOutput(f, pipeline.CablesFile, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep := gold.Score(g, out)
	var b strings.Builder
	rep.Print(&b, false)
	logIdentityAndHalves(t, &b, g, out, rep)
	t.Logf("public gold:\n%s", b.String())
	if acc := rep.DateAccuracy(); acc < 0.85 || rep.DatesScored == 0 {
		t.Errorf("meeting dates right on %.3f of found edges (%d), want at least 0.85", acc, rep.DatesScored)
	}
	for kind, min := range map[string]float64{"people": 0.92, "places": 0.92, "organizations": 0.84, "offices": 0.85, "meetings": 0.80} {
		if f1 := rep.Totals[kind].F1(); f1 < min {
			t.Errorf("%s F1 %.3f, want at least %.2f", kind, f1, min)
		}
	}
	// one person, one id: a gold name in several cables with a shared
	// office is one person, who must be found in each with the same id
	type seen struct {
		cables  int
		found   int
		ids     map[string]bool
		offices map[string]int
	}
	people := map[string]*seen{}
	for _, c := range g {
		for _, p := range c.People {
			s := people[p.Name]
			if s == nil {
				s = &seen{ids: map[string]bool{}, offices: map[string]int{}}
				people[p.Name] = s
			}
			s.cables++
			for _, o := range p.Offices {
				s.offices[fold.Name(o[0])]++
			}
			for _, e := range out[c.Cable].Found().People {
				if matches(p, e) {
					s.found++
					s.ids[e.ID] = true
					break
				}
			}
		}
	}
	checked := 0
	for name, s := range people {
		shared := false
		for _, n := range s.offices {
			shared = shared || n == s.cables
		}
		if s.cables < 2 || !shared {
			continue
		}
		checked++
		if s.found != s.cables || len(s.ids) != 1 {
			t.Errorf("%s: in %d gold cables, found in %d, with ids %v; want one id in all", name, s.cables, s.found, s.ids)
		}
	}
	if checked < 3 {
		t.Errorf("only %d people in several gold cables checked", checked)
	}
}

// logIdentityAndHalves adds the identity measure and the two halves'
// tables to b (logged, not checked).
func logIdentityAndHalves(t *testing.T, b *strings.Builder, g []gold.Annotated, out map[string]*record.Cable, rep gold.Report) {
	dir := filepath.Join("..", "testdata", "gold")
	links, err := gold.LoadLinks(filepath.Join(dir, "same-person.txt"), g)
	if err != nil {
		t.Error(err)
	}
	id := rep.Identity(links)
	id.PrintSummary(b)
	split, err := gold.LoadSplit(filepath.Join(dir, "split.txt"), g)
	if err != nil {
		t.Error(err)
		return
	}
	for _, h := range gold.Halves() {
		part := split.Select(g, h)
		r := gold.Score(part, out)
		fmt.Fprintf(b, "\nhalf %s: %d cables\n", h, len(part)) // the public halves: 12 and 11
		r.PrintTable(b)
		r.Identity(links).PrintSummary(b)
	}
	id.PrintLists(b)
}

func matches(p gold.Person, e record.Entity) bool {
	names := map[string]bool{fold.Name(e.Name): true}
	for _, a := range e.Aliases {
		names[fold.Name(a)] = true
	}
	for _, n := range append([]string{p.Name}, p.Mentions...) {
		if names[fold.Name(n)] {
			return true
		}
	}
	return false
}

// output is a cables.jsonl record of a cable with the entities found.
func output(id string, found *record.Entities) *record.Cable {
	return &record.Cable{Meta: cable.Meta{RefID: id}, Entities: found}
}
