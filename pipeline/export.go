package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/jsonl"
)

// Formats of the graph exports, and the files each writes.
var Formats = map[string][]string{
	"graphml":  {"graph.graphml"},
	"gexf":     {"graph.gexf", "graph-dynamic.gexf"},
	"dot":      {"graph.dot"},
	"csv":      {"nodes.csv", "edges.csv"},
	"meetings": {"meetings.jsonl"},
	// which cable cites which (REF fields): GraphML and CSV for Gephi
	"refs": {"refs.graphml", "refs-nodes.csv", "refs-edges.csv"},
}

// FormatNames lists the formats in a fixed order.
var FormatNames = []string{"graphml", "gexf", "dot", "csv", "meetings", "refs"}

// exports are the graph files of a run, written to temporary files and
// committed together.
type exports struct {
	files []*atomicFile
	// distributed: the graph was merged from parts (Export), without the
	// cables' references
	distributed bool
	names       []string
}

func (x *exports) abort() {
	for _, f := range x.files {
		f.abort()
	}
}

// commit renames every file into place, unless ctx is cancelled: the
// last moment a run can stop without changing its output folder.
func (x *exports) commit(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, f := range x.files {
		if err := f.commit(); err != nil {
			return err
		}
	}
	return nil
}

// create starts the temporary file of an export.
func (x *exports) create(ctx context.Context, dir, name string) (*atomicFile, error) {
	f, err := newAtomicFile(ctx, filepath.Join(dir, name))
	if err == nil {
		x.files = append(x.files, f)
		x.names = append(x.names, name)
	}
	return f, err
}

// writeFormats writes g in the formats other than meetings.
func (x *exports) writeFormats(ctx context.Context, dir string, formats []string, g *graph.Graph) error {
	write := func(name string, fn func(io.Writer) error) error {
		f, err := x.create(ctx, dir, name)
		if err != nil {
			return err
		}
		if err := fn(f.w); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
		return nil
	}
	for _, format := range formats {
		var err error
		switch format {
		case "graphml":
			err = write("graph.graphml", func(w io.Writer) error { return graph.WriteGraphML(w, g) })
		case "gexf":
			err = write("graph.gexf", func(w io.Writer) error { return graph.WriteGEXF(w, g, false) })
			if err == nil {
				err = write("graph-dynamic.gexf", func(w io.Writer) error { return graph.WriteGEXF(w, g, true) })
			}
		case "dot":
			err = write("graph.dot", func(w io.Writer) error { return graph.WriteDOT(w, g) })
		case "csv":
			nodes, e1 := x.create(ctx, dir, "nodes.csv")
			if e1 != nil {
				err = e1
				break
			}
			edges, e2 := x.create(ctx, dir, "edges.csv")
			if e2 != nil {
				err = e2
				break
			}
			err = graph.WriteCSV(nodes.w, edges.w, g)
		case "refs":
			if len(g.Citations().Cables()) == 0 && x.distributed {
				break // a distributed run merges parts, not cables: no references
			}
			err = write("refs.graphml", func(w io.Writer) error { return graph.WriteCitationsGraphML(w, g.Citations()) })
			if err != nil {
				break
			}
			nodes, e1 := x.create(ctx, dir, "refs-nodes.csv")
			if e1 != nil {
				err = e1
				break
			}
			edges, e2 := x.create(ctx, dir, "refs-edges.csv")
			if e2 != nil {
				err = e2
				break
			}
			err = graph.WriteCitationsCSV(nodes.w, edges.w, g.Citations())
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// writeGraph builds the graph from cables.jsonl files and writes the
// formats asked for into dir, as temporary files to commit.
func writeGraph(ctx context.Context, dir string, formats []string, opts graph.Options, inputs []string) (*exports, *graph.Graph, error) {
	x := &exports{}
	var meetings io.Writer
	if slices.Contains(formats, "meetings") {
		f, err := x.create(ctx, dir, "meetings.jsonl")
		if err != nil {
			return nil, nil, err
		}
		meetings = f.w
	}
	readers := make([]io.Reader, len(inputs))
	for i, p := range inputs {
		f, err := os.Open(p)
		if err != nil {
			x.abort()
			return nil, nil, err
		}
		defer f.Close()
		readers[i] = ctxReader{ctx, f}
	}
	g, err := graph.Build(opts, meetings, func(i int) string { return inputs[i] }, readers...)
	if err != nil {
		x.abort()
		return nil, nil, err
	}
	if err := x.writeFormats(ctx, dir, formats, g); err != nil {
		x.abort()
		return nil, nil, err
	}
	return x, g, nil
}

// Export writes a graph built elsewhere (by a distributed run) into dir in
// the formats, with the exporters of a run; meetings writes meetings.jsonl
// when the formats include it. The files are renamed into place together,
// at the end; their names are returned.
func Export(ctx context.Context, dir string, formats []string, g *graph.Graph, meetings func(io.Writer) error) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	x := &exports{distributed: true}
	defer x.abort()
	if slices.Contains(formats, "meetings") {
		f, err := x.create(ctx, dir, "meetings.jsonl")
		if err != nil {
			return nil, err
		}
		if err := meetings(f.w); err != nil {
			return nil, fmt.Errorf("writing meetings.jsonl: %w", err)
		}
	}
	if err := x.writeFormats(ctx, dir, formats, g); err != nil {
		return nil, err
	}
	if err := x.commit(ctx); err != nil {
		return nil, err
	}
	return x.names, nil
}

// Graph builds the graph from earlier runs' cables.jsonl files and writes
// the formats into dir. Shards merge: people are first merged across all
// the inputs' cables, as one run over all of them would (people, nil, skips
// that).
func Graph(ctx context.Context, dir string, formats []string, opts graph.Options, people *extract.People, inputs []string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if people != nil {
		for _, p := range inputs {
			if err := addPeople(ctx, people, p); err != nil {
				return nil, err
			}
		}
		opts.IDs = people.Merge()
	}
	x, _, err := writeGraph(ctx, dir, formats, opts, inputs)
	if err != nil {
		return nil, err
	}
	if err := x.commit(ctx); err != nil {
		x.abort()
		return nil, err
	}
	return x.names, nil
}

// addPeople reads the people of a cables.jsonl into people.
func addPeople(ctx context.Context, people *extract.People, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	type cablePeople struct {
		People []extract.Entity `json:"people"`
	}
	return jsonl.Each(ctxReader{ctx, f}, path, func(c *cablePeople) error {
		people.Add(c.People)
		return nil
	})
}
