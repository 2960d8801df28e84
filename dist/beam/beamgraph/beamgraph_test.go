package beamgraph

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/pipeline"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

// TestMain runs the pipelines on Beam's Prism runner, in this process.
func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

const corpus = "../../../../shared/corpus/cables.csv.gz"

// TestSameGraph runs the bundled sample's cables.csv and the shared corpus
// (when it is there) through `cablegraph run`'s pipeline and through the
// Beam pipeline on Prism: every graph export must be the same byte for
// byte, and cables.jsonl the same lines (Beam writes them in no order).
func TestSameGraph(t *testing.T) {
	inputs := map[string]string{"sample": "../../../testdata/sample/cables.csv"}
	if _, err := os.Stat(corpus); err == nil && !testing.Short() {
		inputs["corpus"] = corpus
	} else {
		t.Logf("%s not found or -short: the sample only", corpus)
	}
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			in, _ := filepath.Abs(in)
			dir := t.TempDir()
			local := filepath.Join(dir, "local")
			rep, err := pipeline.Run(context.Background(), pipeline.Config{
				Inputs: []source.Input{{Path: in, Size: -1}}, OutDir: local, Jobs: 2,
				Extractor: extract.New(set), Relations: relate.New(set), Formats: pipeline.FormatNames,
			})
			if err != nil {
				t.Fatal(err)
			}
			distributed := filepath.Join(dir, "beam")
			p, s := beam.NewPipelineWithRoot()
			Build(s, Config{Inputs: []string{in}, Output: distributed, Formats: pipeline.PartsFormats, Splits: 4})
			if err := ptest.Run(p); err != nil {
				t.Fatalf("the Beam pipeline failed on %s: %v", ptest.DefaultRunner(), err)
			}
			for _, format := range pipeline.PartsFormats {
				for _, f := range pipeline.Formats[format] {
					compare(t, f, filepath.Join(local, f), filepath.Join(distributed, f), false)
				}
			}
			compare(t, pipeline.CablesFile, filepath.Join(local, pipeline.CablesFile), filepath.Join(distributed, pipeline.CablesFile), true)
			t.Logf("%d cables, %d people, %d edges: the same graph from Beam on %s", rep.CablesWritten, rep.Graph.Nodes, rep.Graph.Edges, ptest.DefaultRunner())
		})
	}
}

func compare(t *testing.T, name, a, b string, anyOrder bool) {
	t.Helper()
	x, err1 := os.ReadFile(a)
	y, err2 := os.ReadFile(b)
	if err1 != nil || err2 != nil {
		t.Fatalf("%s: %v %v", name, err1, err2)
	}
	if anyOrder {
		x, y = sortedLines(x), sortedLines(y)
	}
	if !bytes.Equal(x, y) {
		t.Errorf("%s: the local run and Beam differ (%d and %d bytes)", name, len(x), len(y))
	}
}

func sortedLines(b []byte) []byte {
	lines := bytes.SplitAfter(b, []byte("\n"))
	slices.SortFunc(lines, bytes.Compare)
	return bytes.Join(lines, nil)
}
