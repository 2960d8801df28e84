package graph

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/record"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func date(s string) *string { return &s }

// sample builds a small graph with what exports must survive: quotes,
// backslashes, non-ASCII, repeated meetings, calls and undated meetings.
func sample(opts Options) *Graph {
	g := New(opts)
	for _, c := range sampleCables() {
		if err := g.Add(c); err != nil {
			panic(err)
		}
	}
	return g
}

func sampleCables() []*record.Cable {
	return []*record.Cable{{Meta: cable.Meta{RefID: "07USUNNEWYORK1034", Date: "2007-11-16", Origin: "Mission USUN New York", Tags: []string{"PREL"}},
		Entities: &record.Entities{People: []record.Entity{
			{ID: "zalmay-khalilzad", Name: "Zalmay Khalilzad", Aliases: []string{"Amb Khalilzad"}, Offices: []string{"Ambassador"}},
			{ID: "andrew-gilmour", Name: "Andrew Gilmour"},
			{ID: "pat-obrien", Name: `Patrick "Pat" O'Brien`, Offices: []string{"Deputy Chief of Mission"}},
		}},
		Meetings: []record.Meeting{
			{Participants: []string{"andrew-gilmour", "zalmay-khalilzad"}, Kind: "meeting", Date: date("2007-11-09"), Evidence: record.Span{Text: "Amb Khalilzad met November 9 with\nUK national Andrew Gilmour"}},
			{Participants: []string{"pat-obrien", "zalmay-khalilzad"}, Kind: "call", Evidence: record.Span{Text: "He telephoned O'Brien."}},
		}}, {Meta: cable.Meta{RefID: "08BAGHDAD1", Date: "2008-01-15", Origin: "Embassy Baghdad", Tags: []string{"PGOV"}},
		Entities: &record.Entities{People: []record.Entity{
			{ID: "zalmay-khalilzad", Name: "Zalmay Khalilzad"},
			{ID: "andrew-gilmour", Name: "Andrew Gilmour"},
			{ID: "zoe-unal", Name: `Zoë Ünal, "Back\slash"`, Offices: []string{"Minister"}},
		}},
		Meetings: []record.Meeting{
			{Participants: []string{"andrew-gilmour", "zalmay-khalilzad", "zoe-unal"}, Kind: "meeting", Date: date("2008-01-14"), Evidence: record.Span{Text: "They met <together> & talked."}},
		}}, {Meta: cable.Meta{RefID: "08BAGHDAD2", Date: "2008-01-20", Origin: "Embassy Baghdad"},
		Entities: &record.Entities{People: []record.Entity{
			{ID: "zalmay-khalilzad", Name: "Khalilzad", Aliases: []string{"Zalmay Khalilzad"}},
			{ID: "zoe-unal", Name: "Zoë Ünal"},
		}},
		Meetings: []record.Meeting{
			{Participants: []string{"zalmay-khalilzad", "zoe-unal", "x-bare"}, Kind: "call", Evidence: record.Span{Text: "Khalilzad called Ünal."}},
		}}}
}

func TestGraph(t *testing.T) {
	g := sample(Options{})
	if n, e := len(g.Nodes()), len(g.Edges()); n != 5 || e != 6 {
		t.Fatalf("%d nodes %d edges, want 5 and 6", n, e)
	}
	e := g.Edges()[0] // andrew-gilmour -- zalmay-khalilzad
	if e.Source != "andrew-gilmour" || e.Target != "zalmay-khalilzad" || e.Weight != 2 || e.First != "2007-11-09" || e.Last != "2008-01-14" || len(e.Cables) != 2 {
		t.Errorf("edge %+v", e)
	}
	if got := len(sample(Options{MinWeight: 2}).Edges()); got != 2 {
		t.Errorf("min weight 2: %d edges, want 2", got)
	}
	if got := len(sample(Options{Since: "2008-01-01"}).Edges()); got != 5 {
		t.Errorf("since 2008: %d edges, want 5", got)
	}
	if got := len(sample(Options{CableFilter: "baghdad"}).Edges()); got != 5 {
		t.Errorf("cable filter: %d edges, want 5", got)
	}
	if got := len(sample(Options{Relation: "comention"}).Edges()); got != 5 {
		t.Errorf("comention: %d edges, want 5", got)
	}
	for _, n := range g.Nodes() {
		switch n.ID {
		case "zalmay-khalilzad":
			if n.Name != "Zalmay Khalilzad" || strings.Join(n.Aliases(), "|") != "Amb Khalilzad|Khalilzad" || n.Cables != 3 || n.Last != "2008-01-20" {
				t.Errorf("node %+v, aliases %q", n, n.Aliases())
			}
		case "x-bare":
			if n.Name != "x-bare" || !n.Bare || n.Cables != 0 {
				t.Errorf("a participant no cable names: %+v", n)
			}
		}
	}
}

// TestExports compares each format with its golden file.
func TestExports(t *testing.T) {
	g := sample(Options{})
	var nodes, edges bytes.Buffer
	if err := WriteCSV(&nodes, &edges, g); err != nil {
		t.Fatal(err)
	}
	outputs := map[string]func() ([]byte, error){
		"graph.graphml":      func() ([]byte, error) { var b bytes.Buffer; err := WriteGraphML(&b, g); return b.Bytes(), err },
		"graph.gexf":         func() ([]byte, error) { var b bytes.Buffer; err := WriteGEXF(&b, g, false); return b.Bytes(), err },
		"graph-dynamic.gexf": func() ([]byte, error) { var b bytes.Buffer; err := WriteGEXF(&b, g, true); return b.Bytes(), err },
		"graph.dot":          func() ([]byte, error) { var b bytes.Buffer; err := WriteDOT(&b, g); return b.Bytes(), err },
		"nodes.csv":          func() ([]byte, error) { return nodes.Bytes(), nil },
		"edges.csv":          func() ([]byte, error) { return edges.Bytes(), nil },
	}
	dir := filepath.Join("testdata", "golden")
	for name, out := range outputs {
		got, err := out()
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if *update {
			os.MkdirAll(dir, 0o755)
			os.WriteFile(path, got, 0o644)
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./graph -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; run go test ./graph -update and review the diff", name, path)
		}
	}
	dot, _ := outputs["graph.dot"]()
	if !strings.Contains(string(dot), `label="Zoë Ünal, \"Back\\slash\""`) {
		t.Errorf("DOT label not escaped:\n%s", dot)
	}
}

func TestBuildFromJSONL(t *testing.T) {
	line := `{"cable":"X1","date":"2009-02-08","people":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"meetings":[{"participants":["a","b"],"kind":"meeting","date":"2009-02-06","place":null,"evidence":{"start":0,"end":1,"text":"A met B."}}]}` + "\n"
	var meetings bytes.Buffer
	g, err := Build(Options{}, &meetings, func(int) string { return "x.jsonl" }, strings.NewReader(line), strings.NewReader(line))
	if err != nil {
		t.Fatal(err)
	}
	if e := g.Edges(); len(e) != 1 || e[0].Weight != 2 {
		t.Errorf("edges %+v", e)
	}
	if strings.Count(meetings.String(), "\n") != 2 || !strings.Contains(meetings.String(), `"cable":"X1"`) {
		t.Errorf("meetings.jsonl: %s", meetings.String())
	}
	_, err = Build(Options{}, nil, func(int) string { return "bad.jsonl" }, strings.NewReader("{not json\n"))
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl:1") {
		t.Errorf("bad line: %v", err)
	}
}

// TestPartsAnyOrder builds the sample graph three ways: cable by cable;
// from every cable's parts added in reverse; and from parts merged per
// node and per pair first (as Beam's CombinePerKey does), in reverse. The
// exports must be the same byte for byte.
func TestPartsAnyOrder(t *testing.T) {
	export := func(g *Graph) string {
		var b bytes.Buffer
		if err := WriteGraphML(&b, g); err != nil {
			t.Fatal(err)
		}
		if err := WriteGEXF(&b, g, true); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	want := export(sample(Options{}))
	var nodes []*Node
	var edges []*Edge
	for _, c := range sampleCables() {
		n, e := Parts(c, Options{})
		nodes, edges = append(nodes, n...), append(edges, e...)
	}
	g := New(Options{})
	for i := len(nodes) - 1; i >= 0; i-- {
		if err := g.AddNode(nodes[i]); err != nil {
			t.Fatal(err)
		}
	}
	for i := len(edges) - 1; i >= 0; i-- {
		if err := g.AddEdge(edges[i]); err != nil {
			t.Fatal(err)
		}
	}
	if got := export(g); got != want {
		t.Errorf("parts in reverse give another graph:\n%s\nwant\n%s", got, want)
	}
	byID := map[string]*Node{}
	byPair := map[[2]string]*Edge{}
	for i := len(nodes) - 1; i >= 0; i-- {
		if n := byID[nodes[i].ID]; n != nil {
			n.Merge(nodes[i])
		} else {
			byID[nodes[i].ID] = nodes[i]
		}
	}
	for i := len(edges) - 1; i >= 0; i-- {
		k := [2]string{edges[i].Source, edges[i].Target}
		if e := byPair[k]; e != nil {
			e.Merge(edges[i])
		} else {
			byPair[k] = edges[i]
		}
	}
	g = New(Options{})
	for _, e := range byPair {
		if err := g.AddEdge(e); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range byID {
		if err := g.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	if got := export(g); got != want {
		t.Errorf("parts merged per key first give another graph:\n%s\nwant\n%s", got, want)
	}
}
