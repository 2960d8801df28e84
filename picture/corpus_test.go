package picture

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/pipeline"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

const corpus = "../../shared/corpus/cables.csv.gz"

// TestCorpus draws the shared corpus's pictures as the README shows them:
// the largest component is the graph's, the first 50 of it named, no label
// over another, and drawing takes seconds; the ego network of the person
// in the most cables with a meeting is drawn too. It logs the figures.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the corpus pictures in -short mode (a run of the corpus first: ~20 s)")
	}
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("skipping: %s not found (the shared corpus sits beside the project in CI)", corpus)
	}
	out := t.TempDir()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Run(context.Background(), pipeline.Config{Inputs: []source.Input{{Path: corpus}}, OutDir: out, Jobs: runtime.NumCPU(),
		Extractor: extract.New(set), Relations: relate.New(set)}); err != nil {
		t.Fatal(err)
	}
	g := load(t, filepath.Join(out, pipeline.CablesFile))
	start := time.Now()
	net, err := Network(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	checkPicture(t, "corpus network", net)
	st := net.Stats
	if comps := g.Components(); st.Shown != comps[0] {
		t.Errorf("the picture shows %d people, the largest component has %d", st.Shown, comps[0])
	}
	if st.Named != DefaultTop || st.Drawn <= st.Named || st.Drawn > DefaultNodes {
		t.Errorf("named %d, drawn %d; want %d named of at most %d drawn", st.Named, st.Drawn, DefaultTop, DefaultNodes)
	}
	if took > 30*time.Second {
		t.Errorf("drawing the corpus network took %v", took)
	}
	t.Logf("network: component %d of %d people, %d pairs, %d communities; %d drawn, %d named; %.2fs (layout of the whole component included), %.0f x %.0f px",
		st.Shown, st.People, st.Edges, st.Communities, st.Drawn, st.Named, took.Seconds(), net.Width, net.Height)

	_, ranked := people(g, g.Edges())
	start = time.Now()
	ego, err := Ego(g, ranked[0], Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkPicture(t, "corpus ego", ego)
	t.Logf("ego network of %s: %d people met, %d drawn; %.2fs", ranked[0], ego.Stats.Shown-1, ego.Stats.Drawn-1, time.Since(start).Seconds())
}
