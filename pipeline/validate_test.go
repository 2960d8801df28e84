package pipeline

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

const validator = "../../shared/tools/validate-graph"

// validatorReady skips unless the shared graph validators are installed
// (../shared/tools/install-validators, which .ci/run and make test run).
func validatorReady(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(validator); err != nil {
		t.Skipf("skipping: %s not found (the shared tools sit beside the project in CI)", validator)
	}
	for _, tool := range []string{"xmllint", "dot", "python3", "node"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("skipping: %s not installed; run ../shared/tools/install-validators", tool)
		}
	}
}

// runAll runs the whole pipeline with extraction, relations and every export.
func runAll(t *testing.T, ins []source.Input, dir string) *Report {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), Config{Inputs: ins, OutDir: dir, Jobs: 2,
		Extractor: extract.New(set), Relations: relate.New(set), Formats: FormatNames})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func validate(t *testing.T, args ...string) {
	t.Helper()
	out, err := exec.Command(validator, args...).CombinedOutput()
	if err != nil {
		t.Errorf("validate-graph %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestExportsValid checks every export of the sample with the readers
// journalists use (schemas, networkx, igraph, graphology, Graphviz), and
// that all formats hold the same graph.
func TestExportsValid(t *testing.T) {
	validatorReady(t)
	dir := t.TempDir()
	rep := runAll(t, sampleInputs(t), dir)
	if rep.Graph.Edges == 0 {
		t.Fatal("no edges in the sample's graph")
	}
	f := func(name string) string { return filepath.Join(dir, name) }
	validate(t, f("graph.graphml"), f("graph.gexf"), f("graph-dynamic.gexf"), f("graph.dot"), f("edges.csv"), f("meetings.jsonl"))
	validate(t, "--same-as", f("graph.graphml"), f("graph.gexf"), f("graph-dynamic.gexf"), f("graph.dot"), f("edges.csv"))
	// the cable-reference graph: GraphML and Gephi's CSV, the same graph
	validate(t, f("refs.graphml"), f("refs-edges.csv"))
	validate(t, "--nodes", f("refs-nodes.csv"), f("refs-edges.csv"))
}

// TestCorpusExportsValid validates the corpus's exports; Graphviz lays the
// DOT file out, which takes minutes, so it runs only when asked
// (CABLEGRAPH_VALIDATE_CORPUS=1, as make validate-corpus and CI do).
func TestCorpusExportsValid(t *testing.T) {
	if os.Getenv("CABLEGRAPH_VALIDATE_CORPUS") == "" {
		t.Skip("skipping: set CABLEGRAPH_VALIDATE_CORPUS=1 (make validate-corpus) to validate the corpus's exports")
	}
	validatorReady(t)
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("skipping: %s not found", corpus)
	}
	dir := t.TempDir()
	rep := runAll(t, []source.Input{{Path: corpus}}, dir)
	t.Logf("corpus graph: %d nodes, %d edges", rep.Graph.Nodes, rep.Graph.Edges)
	f := func(name string) string { return filepath.Join(dir, name) }
	validate(t, f("graph.graphml"), f("graph.gexf"), f("graph-dynamic.gexf"), f("graph.dot"), f("edges.csv"), f("meetings.jsonl"))
	validate(t, "--same-as", f("graph.graphml"), f("graph.gexf"), f("edges.csv"))
	validate(t, f("refs.graphml"), f("refs-edges.csv"))
}
