package gold_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/gold"
	"github.com/cablegraph/cablegraph/pipeline"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

func TestScoreMatching(t *testing.T) {
	g := []gold.Cable{{
		Cable: "X",
		People: []gold.Person{
			{Name: "Ryan C. Crocker", Mentions: []string{"Ambassador Crocker", "Crocker"}, Offices: [][]string{{"Ambassador", "Amb"}}},
			{Name: "Odierno", Mentions: []string{"General Odierno"}, Offices: [][]string{{"General", "Gen"}}},
		},
		Places: []gold.Named{{Name: "Iraq", Mentions: []string{"Iraq"}}},
	}}
	out := map[string]gold.Output{"X": {
		Cable: "X",
		People: []extract.Entity{
			{Name: "Crocker", Offices: []string{"Amb", "Chief"}},
			{Name: "crocker"}, // a second entity for one person: a false positive
			{Name: "Someone", Aliases: []string{"Gen. Odierno", "General Odierno"}}, // matched through an alias
		},
		Places: []extract.Entity{{Name: "Baghdad", Mentions: []extract.Span{{Text: "IRAQ"}}}},
	}}
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
	t.Logf("public gold:\n%s", b.String())
	if acc := rep.DateAccuracy(); acc < 0.85 || rep.DatesScored == 0 {
		t.Errorf("meeting dates right on %.3f of found edges (%d), want at least 0.85", acc, rep.DatesScored)
	}
	for kind, min := range map[string]float64{"people": 0.90, "places": 0.90, "organizations": 0.80, "offices": 0.80, "meetings": 0.80} {
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
				s.offices[extract.Fold(o[0])]++
			}
			for _, e := range out[c.Cable].People {
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

func matches(p gold.Person, e extract.Entity) bool {
	names := map[string]bool{extract.Fold(e.Name): true}
	for _, a := range e.Aliases {
		names[extract.Fold(a)] = true
	}
	for _, n := range append([]string{p.Name}, p.Mentions...) {
		if names[extract.Fold(n)] {
			return true
		}
	}
	return false
}
