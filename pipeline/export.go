package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/record"
	"github.com/cablegraph/cablegraph/sqlite"
	"github.com/cablegraph/cablegraph/view"
)

// exportFormat is a graph export: its name in --format, the files it
// writes, and how (one writer per file, in order); write is nil for
// meetings.jsonl, which is written while the graph is built.
type exportFormat struct {
	name  string
	files []string
	write func(ws []io.Writer, g *graph.Graph, src *origin) error
	// finish completes an export that took the cables while the graph
	// was built (the database: see writeGraph), instead of write
	finish func(ctx context.Context, g *graph.Graph, src *origin) error
	// cables: the export needs the cables themselves (their references,
	// their meetings), which a graph merged from parts does not keep
	cables bool
}

// origin is where a graph came from: the options it was built with and
// the cables.jsonl records, to read again (nil for a graph merged from
// parts).
type origin struct {
	opts    graph.Options
	records func(fn func(*record.Cable) error) error // the records with meetings
	db      *sqlite.Writer                           // the database, its cables in (nil when not asked for)
}

// MeetingsFile is the file of the meetings format: every meeting, a line
// each, with its cable (graph.CableMeeting).
const MeetingsFile = "meetings.jsonl"

// exportFormats is the one table of the graph exports, in the order they
// are listed and written.
var exportFormats = []exportFormat{
	{name: "graphml", files: []string{"graph.graphml"}, write: func(ws []io.Writer, g *graph.Graph, _ *origin) error { return graph.WriteGraphML(ws[0], g) }},
	{name: "gexf", files: []string{"graph.gexf", "graph-dynamic.gexf"}, write: func(ws []io.Writer, g *graph.Graph, _ *origin) error {
		if err := graph.WriteGEXF(ws[0], g, false); err != nil {
			return err
		}
		return graph.WriteGEXF(ws[1], g, true)
	}},
	{name: "dot", files: []string{"graph.dot"}, write: func(ws []io.Writer, g *graph.Graph, _ *origin) error { return graph.WriteDOT(ws[0], g) }},
	{name: "csv", files: []string{"nodes.csv", "edges.csv"}, write: func(ws []io.Writer, g *graph.Graph, _ *origin) error { return graph.WriteCSV(ws[0], ws[1], g) }},
	{name: "meetings", files: []string{MeetingsFile}},
	// which cable cites which (REF fields): GraphML and CSV for Gephi
	{name: "refs", files: []string{"refs.graphml", "refs-nodes.csv", "refs-edges.csv"}, cables: true, write: func(ws []io.Writer, g *graph.Graph, _ *origin) error {
		if err := graph.WriteCitationsGraphML(ws[0], g.Citations()); err != nil {
			return err
		}
		return graph.WriteCitationsCSV(ws[1], ws[2], g.Citations())
	}},
	// the network in the browser (graph.html: one page, no network)
	{name: "html", files: []string{"graph.html"}, cables: true, write: func(ws []io.Writer, g *graph.Graph, src *origin) error {
		b := view.NewBuilder(g, src.opts, "cablegraph: who met whom", view.MaxDrawn)
		err := src.records(func(c *record.Cable) error {
			b.Add(c)
			return nil
		})
		if err != nil {
			return err
		}
		return view.Write(ws[0], b.Data())
	}},
	// the dataset for SQL: cables, people, mentions, meetings, edges,
	// references, full-text indexes and views in one SQLite file
	{name: "sqlite", files: []string{sqlite.File}, cables: true, finish: func(ctx context.Context, g *graph.Graph, src *origin) error {
		return src.db.Finish(ctx, g)
	}},
}

// Formats are the graph exports' names and the files each writes, from
// the table.
var Formats = func() map[string][]string {
	m := make(map[string][]string, len(exportFormats))
	for _, f := range exportFormats {
		m[f.name] = f.files
	}
	return m
}()

// FormatNames lists the formats in the table's order.
var FormatNames = func() []string {
	names := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		names[i] = f.name
	}
	return names
}()

// PartsFormats lists the formats a graph merged from parts (a distributed
// run, Export) can write: those that do not need the cables themselves.
var PartsFormats = func() []string {
	var names []string
	for _, f := range exportFormats {
		if !f.cables {
			names = append(names, f.name)
		}
	}
	return names
}()

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

// writeFormats writes g in the formats other than meetings, in the
// table's order.
func (x *exports) writeFormats(ctx context.Context, dir string, formats []string, g *graph.Graph, src *origin) error {
	// the files are made in the table's order, then written at once: the
	// exporters only read the graph, and each writes its own files
	var eg errgroup.Group
	for _, f := range exportFormats {
		if f.write == nil && f.finish == nil || !slices.Contains(formats, f.name) || f.cables && x.distributed {
			continue // (a distributed run merges parts, not cables: no references)
		}
		if f.finish != nil { // its file was made before the graph was built
			eg.Go(func() error {
				if err := f.finish(ctx, g, src); err != nil {
					return fmt.Errorf("writing %s: %w", strings.Join(f.files, ", "), err)
				}
				return nil
			})
			continue
		}
		ws := make([]io.Writer, len(f.files))
		for i, name := range f.files {
			af, err := x.create(ctx, dir, name)
			if err != nil {
				eg.Wait() // the exporters started are done with their files
				return err
			}
			ws[i] = af.w
		}
		eg.Go(func() error {
			if err := f.write(ws, g, src); err != nil {
				return fmt.Errorf("writing %s: %w", strings.Join(f.files, ", "), err)
			}
			return nil
		})
	}
	return eg.Wait()
}

// writeGraph builds the graph from cables.jsonl files and writes the
// formats asked for into dir, as temporary files to commit.
func writeGraph(ctx context.Context, dir string, formats []string, opts graph.Options, inputs []string) (*exports, *graph.Graph, error) {
	x := &exports{}
	var meetings io.Writer
	if slices.Contains(formats, "meetings") {
		f, err := x.create(ctx, dir, MeetingsFile)
		if err != nil {
			return nil, nil, err
		}
		meetings = f.w
	}
	// the database takes the cables as the graph reads them, its rows
	// going in on a goroutine of its own while the graph is built
	var db *cableStream
	var each func(*record.Cable) error
	if slices.Contains(formats, "sqlite") {
		f, err := x.create(ctx, dir, sqlite.File)
		if err == nil {
			db, err = startStream(ctx, f.f.Name())
		}
		if err != nil {
			x.abort()
			return nil, nil, err
		}
		defer db.w.Abort() // closes it, unless finished
		each = db.add
	}
	name := func(i int) string { return inputs[i] }
	var g *graph.Graph
	err := openAll(ctx, inputs, func(readers []io.Reader) error {
		var err error
		if opts.Around != "" {
			g, err = graph.BuildEach(opts, nil, each, name, readers...) // its meetings once the network is known
		} else {
			g, err = graph.BuildEach(opts, meetings, each, name, readers...)
		}
		return err
	})
	if db != nil {
		if derr := db.wait(); err == nil {
			err = derr
		}
	}
	if err == nil && opts.Around != "" && meetings != nil {
		err = openAll(ctx, inputs, func(readers []io.Reader) error { return g.WriteMeetings(meetings, name, readers...) })
	}
	if err == nil {
		src := &origin{opts: opts, records: func(fn func(*record.Cable) error) error {
			return openAll(ctx, inputs, func(readers []io.Reader) error {
				for i, r := range readers {
					if err := record.EachWithMeetings(r, inputs[i], fn); err != nil {
						return err
					}
				}
				return nil
			})
		}}
		if db != nil {
			src.db = db.w
		}
		err = x.writeFormats(ctx, dir, formats, g, src)
	}
	if err != nil {
		x.abort()
		return nil, nil, err
	}
	return x, g, nil
}

// cableStream hands the cables the graph reads to the database on a
// goroutine of its own.
type cableStream struct {
	ctx  context.Context
	w    *sqlite.Writer
	ch   chan *record.Cable
	done chan error
}

// startStream creates the database in path and starts taking cables.
func startStream(ctx context.Context, path string) (*cableStream, error) {
	w, err := sqlite.Create(ctx, path)
	if err != nil {
		return nil, err
	}
	s := &cableStream{ctx: ctx, w: w, ch: make(chan *record.Cable, 256), done: make(chan error, 1)}
	go func() {
		var err error
		for c := range s.ch {
			if err == nil { // after an error the cables are let go: wait returns it
				err = w.Add(c)
			}
		}
		s.done <- err
	}()
	return s, nil
}

// add hands over a cable (graph.BuildEach's each).
func (s *cableStream) add(c *record.Cable) error {
	select {
	case s.ch <- c:
		return nil
	case <-s.ctx.Done():
		return s.ctx.Err()
	}
}

// wait ends the stream once every cable is added; called once.
func (s *cableStream) wait() error {
	close(s.ch)
	return <-s.done
}

// openAll opens the files and hands them to read, closing them after.
func openAll(ctx context.Context, paths []string, read func([]io.Reader) error) error {
	readers := make([]io.Reader, len(paths))
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		readers[i] = ctxReader{ctx, f}
	}
	return read(readers)
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
		f, err := x.create(ctx, dir, MeetingsFile)
		if err != nil {
			return nil, err
		}
		if err := meetings(f.w); err != nil {
			return nil, fmt.Errorf("writing %s: %w", MeetingsFile, err)
		}
	}
	if err := x.writeFormats(ctx, dir, formats, g, nil); err != nil {
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
	opts, err := mergePeople(ctx, opts, people, inputs)
	if err != nil {
		return nil, err
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

// Load builds the graph of earlier runs' cables.jsonl files in memory,
// people merged across them as Graph merges them.
func Load(ctx context.Context, opts graph.Options, people *extract.People, inputs []string) (*graph.Graph, error) {
	opts, err := mergePeople(ctx, opts, people, inputs)
	if err != nil {
		return nil, err
	}
	var g *graph.Graph
	err = openAll(ctx, inputs, func(readers []io.Reader) error {
		var err error
		g, err = graph.Build(opts, nil, func(i int) string { return inputs[i] }, readers...)
		return err
	})
	return g, err
}

// mergePeople merges the people of all the inputs' cables (none when
// people is nil) and gives opts the ids that replace others.
func mergePeople(ctx context.Context, opts graph.Options, people *extract.People, inputs []string) (graph.Options, error) {
	if people == nil {
		return opts, nil
	}
	for _, p := range inputs {
		if err := addPeople(ctx, people, p); err != nil {
			return opts, err
		}
	}
	opts.IDs = people.Merge()
	return opts, nil
}

// addPeople reads the people of a cables.jsonl into people.
func addPeople(ctx context.Context, people *extract.People, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return record.Each(ctxReader{ctx, f}, path, func(c *record.Cable) error {
		people.Add(c.Origin, c.Found().People)
		return nil
	})
}
