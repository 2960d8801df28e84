// Package beamgraph is cablegraph's per-cable work as an Apache Beam
// pipeline (Go SDK), for runs past one machine: cables are read in
// splits, parsed, normalized and tagged in a ParDo, people are counted per
// id and merged across all cables, meetings become graph parts keyed by
// person (nodes) and by pair (edges) and are combined per key, and one
// worker writes the graph with cablegraph's own exporters. The graph is
// the one `cablegraph run` writes for the same inputs, byte for byte.
//
// It lives in a module of its own so that the cablegraph binary does not
// carry Beam's dependencies.
package beamgraph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/pipeline"
	"github.com/cablegraph/cablegraph/record"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

// Config is what the pipeline needs. It travels to the workers inside
// the DoFns, so it holds only plain values.
type Config struct {
	Inputs []string // files: local paths or any Beam file system (gs://...)
	Output string   // folder for the exports and cables.jsonl
	// Rules are rule files over the default rule set; they must be
	// readable where the workers run.
	Rules   []string
	Formats []string      // graph exports, as for cablegraph run
	Graph   graph.Options // IDs is filled by the pipeline
	// Splits is the number of shares each input is read in, in parallel
	// (every share reads the file and keeps its cables: reading is cheap
	// beside tagging).
	Splits int
}

// The DoFns and types the runner needs to know. Beam requires them to be
// registered when the program starts, on the launcher and on every
// worker alike: this is the one init in cablegraph, by Beam's rules.
func init() {
	register.DoFn3x1[context.Context, split, func(rawCable), error](&readFn{})
	register.Emitter1[rawCable]()
	register.DoFn3x1[rawCable, func(string, cableOut), func(string), error](&extractFn{})
	register.Emitter2[string, cableOut]()
	register.Emitter1[string]()
	register.Function2x1(firstCable)
	register.DoFn2x1[cableOut, func(string, extract.PersonCount), error](&countFn{})
	register.Emitter2[string, extract.PersonCount]()
	register.Function2x1(mergeCounts)
	register.DoFn3x1[int, func(*extract.PersonCount) bool, func(string), error](&idsFn{})
	register.DoFn5x1[cableOut, string, func(string, graph.Node), func(string, graph.Edge), func(meetingLine), error](&partsFn{})
	register.Emitter2[string, graph.Node]()
	register.Emitter2[string, graph.Edge]()
	register.Emitter1[meetingLine]()
	register.Function2x1(mergeNodes)
	register.Function2x1(mergeEdges)
	register.DoFn5x1[context.Context, int, func(*graph.Node) bool, func(*graph.Edge) bool, func(*meetingLine) bool, error](&writeFn{})
	register.DoFn2x2[cableOut, string, string, error](&remapFn{})
	beam.RegisterType(reflect.TypeOf((*split)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*rawCable)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*cableOut)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*meetingLine)(nil)).Elem())
	// JSON coders (functions of their own: Beam tells coders apart by
	// function name, which generic instances share)
	beam.RegisterCoder(reflect.TypeOf((*graph.Node)(nil)).Elem(), encodeNode, decodeNode)
	beam.RegisterCoder(reflect.TypeOf((*graph.Edge)(nil)).Elem(), encodeEdge, decodeEdge)
	beam.RegisterCoder(reflect.TypeOf((*extract.PersonCount)(nil)).Elem(), encodeCount, decodeCount)
}

func encodeNode(v graph.Node) ([]byte, error)           { return json.Marshal(v) }
func encodeEdge(v graph.Edge) ([]byte, error)           { return json.Marshal(v) }
func encodeCount(v extract.PersonCount) ([]byte, error) { return json.Marshal(v) }

func decodeNode(b []byte) (graph.Node, error) {
	var v graph.Node
	err := json.Unmarshal(b, &v)
	return v, err
}

func decodeEdge(b []byte) (graph.Edge, error) {
	var v graph.Edge
	err := json.Unmarshal(b, &v)
	return v, err
}

func decodeCount(b []byte) (extract.PersonCount, error) {
	var v extract.PersonCount
	err := json.Unmarshal(b, &v)
	return v, err
}

// split is one share of one input to read.
type split struct {
	Input int // the input's index: cables keep the order of a local run by it
	Path  string
	Index int
	Count int
}

// rawCable is a cable as read, in JSON (cable.Raw).
type rawCable struct {
	Input int
	Raw   []byte
}

// cableOut is a cable's line of cables.jsonl with where it was read.
type cableOut struct {
	Input int
	Line  int // its line in the input
	JSON  []byte
}

// before reports whether a was read before b in a local run.
func (a cableOut) before(b cableOut) bool {
	if a.Input != b.Input {
		return a.Input < b.Input
	}
	return a.Line < b.Line
}

// meetingLine is a line of meetings.jsonl with where its cable was read.
type meetingLine struct {
	Input, Line, Seq int
	JSON             []byte
}

// Build adds the pipeline to s.
func Build(s beam.Scope, cfg Config) {
	if cfg.Splits < 1 {
		cfg.Splits = 1
	}
	var splits []split
	for i, p := range cfg.Inputs {
		for k := 0; k < cfg.Splits; k++ {
			splits = append(splits, split{Input: i, Path: p, Index: k, Count: cfg.Splits})
		}
	}
	s = s.Scope("cablegraph")
	raws := beam.ParDo(s.Scope("Read"), &readFn{}, beam.CreateList(s, splits))
	raws = beam.Reshuffle(s, raws)
	keyed, failures := beam.ParDo2(s.Scope("Extract"), &extractFn{Rules: cfg.Rules}, raws)
	// a refid seen twice is kept once: the copy a local run reads first
	cables := beam.DropKey(s, beam.CombinePerKey(s.Scope("Deduplicate"), firstCable, keyed))

	counts := beam.CombinePerKey(s.Scope("CountPeople"), mergeCounts, beam.ParDo(s, &countFn{Rules: cfg.Rules}, cables))
	all := beam.GroupByKey(s, beam.AddFixedKey(s, beam.DropKey(s, counts)))
	ids := beam.ParDo(s.Scope("MergePeople"), &idsFn{Rules: cfg.Rules}, all)

	opts := cfg.Graph
	opts.IDs = nil
	nodes, edges, meetings := beam.ParDo3(s.Scope("Parts"), &partsFn{Graph: opts}, cables, beam.SideInput{Input: ids})
	nodes = beam.CombinePerKey(s.Scope("CombineNodes"), mergeNodes, nodes)
	edges = beam.CombinePerKey(s.Scope("CombineEdges"), mergeEdges, edges)
	grouped := beam.CoGroupByKey(s,
		beam.AddFixedKey(s, beam.DropKey(s, nodes)),
		beam.AddFixedKey(s, beam.DropKey(s, edges)),
		beam.AddFixedKey(s, meetings))
	beam.ParDo0(s.Scope("Write"), &writeFn{Output: cfg.Output, Formats: cfg.Formats, Graph: opts}, grouped)

	lines := beam.ParDo(s.Scope("Remap"), &remapFn{}, cables, beam.SideInput{Input: ids})
	textio.Write(s, joinPath(cfg.Output, pipeline.CablesFile), lines)
	textio.Write(s, joinPath(cfg.Output, "failures.txt"), failures)
}

// joinPath joins a folder and a name, for local paths and URLs alike.
func joinPath(dir, name string) string {
	if strings.Contains(dir, "://") {
		return strings.TrimSuffix(dir, "/") + "/" + name
	}
	return filepath.Join(dir, name)
}

// readFn reads one split of an input: the cables whose refid (or, without
// one, position) falls in it.
type readFn struct{}

func (f *readFn) ProcessElement(ctx context.Context, sp split, emit func(rawCable)) error {
	fs, err := filesystem.New(ctx, sp.Path)
	if err != nil {
		return err
	}
	defer fs.Close()
	rc, err := fs.OpenRead(ctx, sp.Path)
	if err != nil {
		return fmt.Errorf("%s: %w", sp.Path, err)
	}
	r, err := source.OpenReader(sp.Path, sp.Path, rc, nil)
	if err != nil {
		return err
	}
	defer r.Close()
	share := pipeline.Shard{Index: sp.Index, Count: sp.Count}
	for {
		raw, err := r.Next()
		if err == io.EOF {
			return nil
		}
		var re *source.RecordError
		key := raw.RefID
		switch {
		case errors.As(err, &re):
			// a bad record goes on as a failure, with its position
			key = re.Pos.String()
			raw = cable.Raw{Pos: re.Pos, RefID: re.RefID, Warnings: []string{"failed: " + re.Err.Error()}}
		case err != nil:
			return err
		case key == "":
			key = raw.Pos.String()
		}
		if !share.Owns(key) {
			continue
		}
		b, err := json.Marshal(raw)
		if err != nil {
			return err
		}
		emit(rawCable{Input: sp.Input, Raw: b})
	}
}

// extractFn parses, normalizes and tags a cable and finds its meetings:
// the cable's line of cables.jsonl, keyed by refid. Failures go to the
// second output, as "file:line: refid: reason".
type extractFn struct {
	Rules  []string
	parser *cable.Parser
	x      *extract.Extractor
	rel    *relate.Finder
}

func (f *extractFn) Setup() error {
	set, err := rules.Load(f.Rules...)
	if err != nil {
		return err
	}
	f.parser, f.x, f.rel = cable.NewParser(set.ClassifiedByOffices, set.Particles), extract.New(set), relate.New(set)
	return nil
}

func (f *extractFn) ProcessElement(rc rawCable, emit func(string, cableOut), fail func(string)) (err error) {
	var raw cable.Raw
	if err := json.Unmarshal(rc.Raw, &raw); err != nil {
		return err
	}
	if len(raw.Warnings) == 1 && strings.HasPrefix(raw.Warnings[0], "failed: ") && raw.Text == "" {
		fail(fmt.Sprintf("%s: %s: %s", raw.Pos, raw.RefID, strings.TrimPrefix(raw.Warnings[0], "failed: ")))
		return nil
	}
	defer func() {
		if p := recover(); p != nil { // as a local run: one cable's bug is that cable's failure
			fail(fmt.Sprintf("%s: %s: internal error: %v", raw.Pos, raw.RefID, p))
		}
	}()
	c, err := f.parser.Parse(raw)
	if err != nil {
		fail(fmt.Sprintf("%s: %s: %v", raw.Pos, raw.RefID, err))
		return nil
	}
	line, _, err := pipeline.Encode(c, f.x, f.rel, false)
	if err != nil {
		fail(fmt.Sprintf("%s: %s: %v", raw.Pos, c.RefID, err))
		return nil
	}
	emit(c.RefID, cableOut{Input: rc.Input, Line: raw.Pos.Line, JSON: line})
	return nil
}

func firstCable(a, b cableOut) cableOut {
	if b.before(a) {
		return b
	}
	return a
}

// countFn counts the people of a cable, by id.
type countFn struct {
	Rules  []string
	people *extract.People
}

func (f *countFn) Setup() error {
	set, err := rules.Load(f.Rules...)
	if err != nil {
		return err
	}
	f.people = extract.New(set).NewPeople()
	return nil
}

func (f *countFn) ProcessElement(c cableOut, emit func(string, extract.PersonCount)) error {
	rec, err := record.Decode(c.JSON)
	if err != nil {
		return err
	}
	for _, e := range rec.Found().People {
		if pc, ok := f.people.Count(rec.Origin, e); ok {
			emit(e.ID, pc)
		}
	}
	return nil
}

func mergeCounts(a, b extract.PersonCount) extract.PersonCount { return a.Merge(b) }

// idsFn merges people across all cables: the ids to replace, as JSON.
type idsFn struct {
	Rules []string
}

func (f *idsFn) ProcessElement(_ int, counts func(*extract.PersonCount) bool, emit func(string)) error {
	set, err := rules.Load(f.Rules...)
	if err != nil {
		return err
	}
	people := extract.New(set).NewPeople()
	var pc extract.PersonCount
	for counts(&pc) {
		people.AddCount(pc)
	}
	b, err := json.Marshal(people.Merge())
	if err != nil {
		return err
	}
	emit(string(b))
	return nil
}

// partsFn turns a cable into graph parts: a node per person, keyed by
// id; an edge per pair that met, keyed by the pair; and its lines of
// meetings.jsonl.
type partsFn struct {
	Graph graph.Options
	cache idCache
}

func (f *partsFn) ProcessElement(c cableOut, idsJSON string, emitNode func(string, graph.Node), emitEdge func(string, graph.Edge), emitMeeting func(meetingLine)) error {
	ids, err := f.cache.get(idsJSON)
	if err != nil {
		return err
	}
	gc, err := record.Decode(c.JSON)
	if err != nil {
		return err
	}
	opts := f.Graph
	if !opts.Keep(gc) {
		return nil
	}
	opts.IDs = ids
	nodes, edges := graph.Parts(gc, opts)
	for _, n := range nodes {
		emitNode(n.ID, *n)
	}
	for _, e := range edges {
		emitEdge(e.Source+"\x00"+e.Target, *e)
	}
	lines, err := graph.MeetingLines(gc, opts)
	for i, l := range lines {
		emitMeeting(meetingLine{Input: c.Input, Line: c.Line, Seq: i, JSON: l})
	}
	return err
}

func mergeNodes(a, b graph.Node) graph.Node {
	c := a.Clone()
	c.Merge(&b)
	return *c
}

func mergeEdges(a, b graph.Edge) graph.Edge {
	c := a.Clone()
	c.Merge(&b)
	return *c
}

// writeFn builds the graph from its combined parts and writes the exports
// with cablegraph's exporters, on one worker.
type writeFn struct {
	Output  string
	Formats []string
	Graph   graph.Options
}

func (f *writeFn) ProcessElement(ctx context.Context, _ int, nodes func(*graph.Node) bool, edges func(*graph.Edge) bool, meetings func(*meetingLine) bool) error {
	g := graph.New(f.Graph)
	var e graph.Edge
	for edges(&e) {
		if err := g.AddEdge(&e); err != nil {
			return err
		}
		e = graph.Edge{}
	}
	var n graph.Node
	for nodes(&n) {
		if err := g.AddNode(&n); err != nil {
			return err
		}
		n = graph.Node{}
	}
	var lines []meetingLine
	var m meetingLine
	for meetings(&m) {
		lines = append(lines, m)
	}
	sort.Slice(lines, func(i, j int) bool {
		a, b := lines[i], lines[j]
		if a.Input != b.Input {
			return a.Input < b.Input
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Seq < b.Seq
	})
	writeMeetings := func(w io.Writer) error {
		for _, l := range lines {
			if _, err := w.Write(l.JSON); err != nil {
				return err
			}
		}
		return nil
	}
	if !strings.Contains(f.Output, "://") {
		_, err := pipeline.Export(ctx, f.Output, f.Formats, g, writeMeetings)
		return err
	}
	// a distributed file system: write locally, then copy
	tmp, err := os.MkdirTemp("", "cablegraph-beam-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	names, err := pipeline.Export(ctx, tmp, f.Formats, g, writeMeetings)
	if err != nil {
		return err
	}
	fs, err := filesystem.New(ctx, f.Output)
	if err != nil {
		return err
	}
	defer fs.Close()
	for _, name := range names {
		if err := copyOut(ctx, fs, filepath.Join(tmp, name), joinPath(f.Output, path.Base(name))); err != nil {
			return err
		}
	}
	return nil
}

func copyOut(ctx context.Context, fs filesystem.Interface, from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := fs.OpenWrite(ctx, to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// idCache decodes the side input of merged ids once per DoFn instance.
type idCache struct {
	ids  map[string]string
	from string
}

func (c *idCache) get(idsJSON string) (map[string]string, error) {
	if c.ids == nil || idsJSON != c.from {
		c.ids = nil
		if err := json.Unmarshal([]byte(idsJSON), &c.ids); err != nil {
			return nil, err
		}
		c.from = idsJSON
	}
	return c.ids, nil
}

// remapFn gives a cable's line the ids merged across all cables.
type remapFn struct {
	cache idCache
}

func (f *remapFn) ProcessElement(c cableOut, idsJSON string) (string, error) {
	ids, err := f.cache.get(idsJSON)
	if err != nil {
		return "", err
	}
	line, err := record.RemapLine(c.JSON, ids)
	return strings.TrimSuffix(string(line), "\n"), err
}
