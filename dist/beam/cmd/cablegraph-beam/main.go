// Command cablegraph-beam runs cablegraph's pipeline on Apache Beam: on
// Prism, in this process, by default; on Dataflow, Flink or Spark with
// Beam's --runner flags (see dist/beam/README.md).
//
//	cablegraph-beam --output out [--splits 16] [--rules mine.yaml] INPUT...
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/flink"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/spark"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/cablegraph/cablegraph/dist/beam/beamgraph"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/pipeline"
	"github.com/cablegraph/cablegraph/rules"
)

// list is a repeatable string flag.
type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	output := flag.String("output", "out", "folder for the exports and cables.jsonl (local, or gs://...)")
	splits := flag.Int("splits", 16, "shares each input is read in, in parallel")
	formats := flag.String("format", strings.Join(pipeline.PartsFormats, ","), "graph exports: "+strings.Join(pipeline.PartsFormats, ", ")+" (refs, which cable cites which, needs the cables: cablegraph graph over the shards' cables.jsonl writes it)")
	minWeight := flag.Int("min-weight", 1, "leave out edges with fewer meetings")
	relation := flag.String("relation", "meeting", "edges: meeting or comention")
	var ruleFiles list
	flag.Var(&ruleFiles, "rules", "a rule file extending the default rules (repeatable; readable by the workers)")
	flag.Parse()
	beam.Init()
	if err := run(flag.Args(), *output, *splits, *formats, *minWeight, *relation, ruleFiles); err != nil {
		fmt.Fprintln(os.Stderr, "cablegraph-beam:", err)
		os.Exit(1)
	}
}

func run(inputs []string, output string, splits int, formats string, minWeight int, relation string, ruleFiles []string) error {
	if len(inputs) == 0 {
		return fmt.Errorf("no input: give cables.csv files (local or gs://...)")
	}
	if _, err := rules.Load(ruleFiles...); err != nil { // check the rules before the workers do
		return err
	}
	var fs []string
	for _, f := range strings.Split(formats, ",") {
		f = strings.TrimSpace(f)
		if !slices.Contains(pipeline.PartsFormats, f) {
			return fmt.Errorf("format %q is not one of %s", f, strings.Join(pipeline.PartsFormats, ", "))
		}
		fs = append(fs, f)
	}
	if relation != "meeting" && relation != "comention" {
		return fmt.Errorf("relation %q is not meeting or comention", relation)
	}
	p, s := beam.NewPipelineWithRoot()
	beamgraph.Build(s, beamgraph.Config{
		Inputs: inputs, Output: output, Rules: ruleFiles, Formats: fs, Splits: splits,
		Graph: graph.Options{MinWeight: minWeight, Relation: relation},
	})
	return beamx.Run(context.Background(), p)
}
