package graph

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/relate"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func date(s string) *string { return &s }

// sample builds a small graph with what exports must survive: quotes,
// backslashes, non-ASCII, repeated meetings, calls and undated meetings.
func sample(opts Options) *Graph {
	g := New(opts)
	g.Add(&Cable{Cable: "07USUNNEWYORK1034", Date: "2007-11-16", Origin: "Mission USUN New York", Tags: []string{"PREL"},
		People: []extract.Entity{
			{ID: "zalmay-khalilzad", Name: "Zalmay Khalilzad", Aliases: []string{"Amb Khalilzad"}, Offices: []string{"Ambassador"}},
			{ID: "andrew-gilmour", Name: "Andrew Gilmour"},
			{ID: "pat-obrien", Name: `Patrick "Pat" O'Brien`, Offices: []string{"Deputy Chief of Mission"}},
		},
		Meetings: []relate.Meeting{
			{Participants: []string{"andrew-gilmour", "zalmay-khalilzad"}, Kind: "meeting", Date: date("2007-11-09"), Evidence: extract.Span{Text: "Amb Khalilzad met November 9 with\nUK national Andrew Gilmour"}},
			{Participants: []string{"pat-obrien", "zalmay-khalilzad"}, Kind: "call", Evidence: extract.Span{Text: "He telephoned O'Brien."}},
		}})
	g.Add(&Cable{Cable: "08BAGHDAD1", Date: "2008-01-15", Origin: "Embassy Baghdad", Tags: []string{"PGOV"},
		People: []extract.Entity{
			{ID: "zalmay-khalilzad", Name: "Zalmay Khalilzad"},
			{ID: "andrew-gilmour", Name: "Andrew Gilmour"},
			{ID: "zoe-unal", Name: `Zoë Ünal, "Back\slash"`, Offices: []string{"Minister"}},
		},
		Meetings: []relate.Meeting{
			{Participants: []string{"andrew-gilmour", "zalmay-khalilzad", "zoe-unal"}, Kind: "meeting", Date: date("2008-01-14"), Evidence: extract.Span{Text: "They met <together> & talked."}},
		}})
	return g
}

func TestGraph(t *testing.T) {
	g := sample(Options{})
	if n, e := len(g.Nodes()), len(g.Edges()); n != 4 || e != 4 {
		t.Fatalf("%d nodes %d edges, want 4 and 4", n, e)
	}
	e := g.Edges()[0] // andrew-gilmour -- zalmay-khalilzad
	if e.Source != "andrew-gilmour" || e.Target != "zalmay-khalilzad" || e.Weight != 2 || e.First != "2007-11-09" || e.Last != "2008-01-14" || len(e.Cables) != 2 {
		t.Errorf("edge %+v", e)
	}
	if got := len(sample(Options{MinWeight: 2}).Edges()); got != 1 {
		t.Errorf("min weight 2: %d edges, want 1", got)
	}
	if got := len(sample(Options{Since: "2008-01-01"}).Edges()); got != 3 {
		t.Errorf("since 2008: %d edges, want 3", got)
	}
	if got := len(sample(Options{CableFilter: "baghdad"}).Edges()); got != 3 {
		t.Errorf("cable filter: %d edges, want 3", got)
	}
	if got := len(sample(Options{Relation: "comention"}).Edges()); got != 5 {
		t.Errorf("comention: %d edges, want 5", got)
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
	dir := filepath.Join("..", "testdata", "golden", "graph")
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
