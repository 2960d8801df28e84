package gold_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/gold"
)

func TestReadSplit(t *testing.T) {
	tests := []struct {
		name, text string
		half       map[string]string
		errs       []string
	}{
		{"halves", "# the split\nA X\n\nB  Y\nA Z\n", map[string]string{"X": "A", "Y": "B", "Z": "A"}, nil},
		{"bad lines", "A X\nC Y\nB\nA Z extra\nB X\n", map[string]string{"X": "A"}, []string{
			`split.txt:2: want "A REFID" or "B REFID", got "C Y"`,
			`split.txt:3: want`,
			`split.txt:4: want`,
			`split.txt:5: X is already in half A (line 1)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := gold.ReadSplit(strings.NewReader(tt.text), "split.txt")
			if !reflect.DeepEqual(s.Half, tt.half) {
				t.Errorf("halves %v, want %v", s.Half, tt.half)
			}
			if (err != nil) != (len(tt.errs) > 0) {
				t.Errorf("error %v, want %q", err, tt.errs)
			}
			for _, want := range tt.errs {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("error %v, want it to say %q", err, want)
				}
			}
		})
	}
}

func TestSplitCheck(t *testing.T) {
	s, err := gold.ReadSplit(strings.NewReader("A X\nB NOPE\n"), "split.txt")
	if err != nil {
		t.Fatal(err)
	}
	g := []gold.Annotated{{Cable: "X"}, {Cable: "Y"}}
	if err := s.Check("split.txt", g); err == nil || err.Error() != "split.txt:2: no gold cable NOPE" {
		t.Errorf("check: %v", err)
	}
	if got := s.Unassigned(g); !reflect.DeepEqual(got, []string{"Y"}) {
		t.Errorf("unassigned %v, want [Y]", got)
	}
}

// TestScoreHalves scores each half of a split alone: the halves' counts
// add up to the whole's, and the identity pairs across halves belong to
// neither.
func TestScoreHalves(t *testing.T) {
	g, out := build([]tc{
		{"X", []gold.Person{gp("Obama"), gp("Biden")}, []extract.Entity{te("obama", "Obama"), te("kerry", "Kerry")}},
		{"Y", []gold.Person{gp("Obama")}, []extract.Entity{te("obama", "Obama")}},
		{"Z", []gold.Person{gp("Obama"), gp("Rice")}, []extract.Entity{te("barack-obama", "Obama"), te("rice", "Rice")}},
	})
	s, err := gold.ReadSplit(strings.NewReader("A X\nB Y\nA Z\n"), "split.txt")
	if err != nil {
		t.Fatal(err)
	}
	all := gold.Score(g, out)
	a := gold.Score(s.Select(g, "A"), out)
	b := gold.Score(s.Select(g, "B"), out)
	if len(a.PerCable) != 2 || len(b.PerCable) != 1 || b.PerCable[0].Cable != "Y" {
		t.Fatalf("halves hold %d and %d cables", len(a.PerCable), len(b.PerCable))
	}
	for _, k := range gold.Kinds {
		sum := *a.Totals[k]
		sum.Add(*b.Totals[k])
		if sum != *all.Totals[k] {
			t.Errorf("%s: halves add up to %+v, the whole is %+v", k, sum, *all.Totals[k])
		}
	}
	if c := *a.Totals["people"]; c != (gold.Counts{TP: 3, FP: 1, FN: 1}) {
		t.Errorf("half A people %+v", c)
	}
	for _, tt := range []struct {
		name         string
		rep          gold.Report
		pairs, right int
	}{{"all", all, 3, 1}, {"A", a, 1, 0}, {"B", b, 0, 0}} {
		if id := tt.rep.Identity(nil); id.Pairs != tt.pairs || id.Right != tt.right {
			t.Errorf("%s: identity %d of %d, want %d of %d", tt.name, id.Right, id.Pairs, tt.right, tt.pairs)
		}
	}
}
