package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/record"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

// Config is what a run needs. The CLI fills it from flags, the environment
// and a config file; the pipeline never reads settings itself.
type Config struct {
	Inputs []source.Input
	// InputErrors are the problems met while listing the inputs (a path
	// that does not exist, a link loop, a folder that cannot be read):
	// they are reported as failures and the other inputs are read.
	InputErrors []error
	OutDir      string
	// ReportPath is where report.json goes; "" puts it in OutDir. A run
	// that is interrupted writes its report only when ReportPath is
	// outside OutDir, which it leaves as it was.
	ReportPath string
	Jobs       int  // workers for the CPU stages; at least 1
	WithText   bool // write each cable's original and normalized text too
	// Parser parses the cables with the rule set's words; nil uses the
	// default rules' words.
	Parser *cable.Parser
	// Extractor finds people, places and organizations; nil skips extraction.
	Extractor *extract.Extractor
	// Relations finds who met whom; nil skips it (it needs the Extractor).
	Relations *relate.Finder
	// Formats are the graph exports to write (see Formats); Graph the
	// options of the graph. No formats, no graph.
	Formats []string
	Graph   graph.Options
	// Shard, when Count > 1, limits the run to its share of the cables.
	// People ids are then not merged across cables: that happens when the
	// shards' cables.jsonl files are merged (Graph), over all of them.
	Shard Shard
	// Counters the caller may watch while the run goes (progress): input
	// bytes consumed and cables done. Either may be nil.
	BytesRead  *atomic.Int64
	CablesDone *atomic.Int64
}

// Output file names inside the output folder.
const (
	CablesFile = record.File
	ReportFile = "report.json"
)

// item travels from the reader to the workers to the writer.
type item struct {
	seq   int
	input int
	raw   cable.Raw
	err   error // a bad record, or (fatal) an input that broke
	fatal bool
	// set by the workers
	meta    *cable.Meta
	people  []extract.Entity
	line    []byte // the encoded cables.jsonl line
	written bool   // the writer wrote it (not a failure or a duplicate)
	other   bool   // another shard's cable
	elapsed time.Duration
}

// Run reads every input, processes every cable and writes the outputs into
// cfg.OutDir. Outputs are written to temporary files and renamed into place
// only when the run completes, so a cancelled run leaves no partial file.
// The report is returned in every case; the error is non-nil only when the
// run could not complete (cancelled, or an output could not be written).
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Jobs < 1 {
		cfg.Jobs = 1
	}
	if cfg.BytesRead == nil {
		cfg.BytesRead = new(atomic.Int64)
	}
	if cfg.CablesDone == nil {
		cfg.CablesDone = new(atomic.Int64)
	}
	rep := &Report{Started: time.Now().UTC(), Jobs: cfg.Jobs, Warnings: map[string]int{}, Failures: []Failure{}, Duplicates: []Failure{}}
	if cfg.Parser == nil {
		set, err := rules.Default()
		if err != nil {
			return rep, fmt.Errorf("default rules: %w", err)
		}
		cfg.Parser = cable.NewParser(set.ClassifiedByOffices, set.Particles)
	}
	for _, in := range cfg.Inputs {
		rep.Inputs = append(rep.Inputs, InputReport{Path: in.Path})
	}
	rep.Shard = cfg.Shard.String()
	for _, err := range cfg.InputErrors {
		f := inputFailure("", err)
		if cfg.Shard.Owns(f.Source.File) {
			rep.InputsFailed++
			rep.Failures = append(rep.Failures, f)
		}
	}
	reportPath := cfg.ReportPath
	if reportPath == "" {
		reportPath = filepath.Join(cfg.OutDir, ReportFile)
	}
	if err := os.MkdirAll(cfg.OutDir, 0o755); err != nil {
		return rep, fmt.Errorf("output folder: %w", err)
	}
	out, err := newAtomicFile(ctx, filepath.Join(cfg.OutDir, CablesFile))
	if err != nil {
		return rep, err
	}
	defer out.abort()

	parent := ctx
	g, ctx := errgroup.WithContext(ctx)
	window := make(chan struct{}, 16*cfg.Jobs+64) // cables in flight: bounds memory
	raws := make(chan *item, 4*cfg.Jobs)
	done := make(chan *item, 4*cfg.Jobs)

	g.Go(func() error {
		defer close(raws)
		return readAll(ctx, cfg, window, raws)
	})
	var workers errgroup.Group
	for w := 0; w < cfg.Jobs; w++ {
		workers.Go(func() error {
			for it := range raws {
				process(it, cfg)
				select {
				case done <- it:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		err := workers.Wait()
		close(done)
		return err
	})
	var people *extract.People
	if cfg.Extractor != nil && cfg.Shard.Count <= 1 {
		people = cfg.Extractor.NewPeople()
	}
	g.Go(func() error {
		return writeOrdered(ctx, done, window, out.w, rep, cfg.CablesDone, people)
	})
	err = g.Wait()
	if err == nil {
		err = finish(parent, cfg, out, people, rep)
	}
	rep.InputBytes = cfg.BytesRead.Load()
	rep.Timings.Total = time.Since(rep.Started).Seconds()
	if rep.Timings.Total > 0 {
		rep.Timings.MBPerSec = float64(rep.Bytes) / 1e6 / rep.Timings.Total
	}
	if err != nil {
		if parent.Err() != nil || errors.Is(err, context.Canceled) {
			rep.Interrupted = true
			if outside(reportPath, cfg.OutDir) {
				if werr := writeReport(reportPath, rep); werr != nil {
					return rep, fmt.Errorf("the interrupted run's report: %w", werr)
				}
			}
		}
		return rep, err
	}
	if !outside(reportPath, cfg.OutDir) {
		rep.Outputs = append(rep.Outputs, ReportFile)
	}
	if err := writeReport(reportPath, rep); err != nil {
		return rep, err
	}
	return rep, nil
}

// finish is what follows the last cable: people ids merged across cables,
// the graph exports written, and every output committed. It stops when
// ctx is cancelled, committing nothing.
func finish(ctx context.Context, cfg Config, out *atomicFile, people *extract.People, rep *Report) error {
	var err error
	if people != nil {
		// one id per person across cables: rewrite the ids that merge
		if ids := people.Merge(); len(ids) > 0 {
			rep.PeopleMerged = len(ids)
			if out, err = remapIDs(ctx, out, ids); err != nil {
				return err
			}
			defer out.abort()
		}
	}
	if err := out.w.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", CablesFile, err)
	}
	x := &exports{}
	if len(cfg.Formats) > 0 {
		var g *graph.Graph
		x, g, err = writeGraph(ctx, cfg.OutDir, cfg.Formats, cfg.Graph, []string{out.f.Name()})
		if err != nil {
			return err
		}
		defer x.abort()
		rep.Graph = Stats(g)
	}
	x.files, x.names = append(x.files, out), append(x.names, CablesFile)
	if err := x.commit(ctx); err != nil {
		return err
	}
	rep.Outputs = append(rep.Outputs, x.names...)
	return nil
}

// readAll is the read stage: inputs one after another, records in order.
func readAll(ctx context.Context, cfg Config, window chan struct{}, raws chan<- *item) error {
	seq := 0
	send := func(it *item) error {
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		it.seq = seq
		seq++
		select {
		case raws <- it:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for i, in := range cfg.Inputs {
		r, err := source.Open(in, cfg.BytesRead)
		if err != nil {
			if cfg.Shard.Owns(in.Path) {
				if err := send(&item{input: i, err: err, fatal: true}); err != nil {
					return err
				}
			}
			continue
		}
		for {
			raw, err := r.Next()
			if err == io.EOF {
				break
			}
			var re *source.RecordError
			if err != nil && !errors.As(err, &re) {
				if cfg.Shard.Owns(in.Path) {
					if err := send(&item{input: i, err: err, fatal: true}); err != nil {
						r.Close()
						return err
					}
				}
				break
			}
			if key := shardKey(raw, re); key != "" && !cfg.Shard.Owns(key) {
				// another shard's cable (text files, whose refid is known
				// only once parsed, are sorted out by the workers)
				if err := send(&item{input: i, other: true}); err != nil {
					r.Close()
					return err
				}
				continue
			}
			if err := send(&item{input: i, raw: raw, err: err}); err != nil {
				r.Close()
				return err
			}
		}
		r.Close()
	}
	return nil
}

// shardKey is what decides a record's shard: its refid, or for a bad
// record without one its position; "" when not known before parsing.
func shardKey(raw cable.Raw, re *source.RecordError) string {
	switch {
	case re != nil && re.RefID != "":
		return re.RefID
	case re != nil:
		return re.Pos.String()
	}
	return raw.RefID
}

// process is the worker stage: parse and normalize one cable, encode its line.
func process(it *item, cfg Config) {
	if it.err != nil || it.other {
		return
	}
	start := time.Now()
	defer func() {
		// A bug on one cable must not cost the others: report it as that
		// cable's failure, with where it came from.
		if p := recover(); p != nil {
			it.err = &source.RecordError{Pos: it.raw.Pos, RefID: it.raw.RefID, Err: fmt.Errorf("internal error: %v", p)}
		}
	}()
	c, err := cfg.Parser.Parse(it.raw)
	if err != nil {
		it.err = &source.RecordError{Pos: it.raw.Pos, RefID: it.raw.RefID, Err: err}
		return
	}
	if !cfg.Shard.Owns(c.RefID) {
		it.other = true
		return
	}
	line, people, err := Encode(c, cfg.Extractor, cfg.Relations, cfg.WithText)
	if err != nil {
		it.err = &source.RecordError{Pos: it.raw.Pos, RefID: c.RefID, Err: err}
		return
	}
	it.people = people
	it.line = line
	it.meta = &c.Meta
	it.raw.Text, it.raw.Header = "", "" // let the text go before the writer's turn
	it.elapsed = time.Since(start)
}

// Encode is the per-cable work after parsing: the people, places and
// organizations (x, when not nil), the meetings (r, when not nil too) and
// the cable's line of cables.jsonl. It returns the line and the people.
func Encode(c *cable.Cable, x *extract.Extractor, r *relate.Finder, withText bool) ([]byte, []extract.Entity, error) {
	rec := record.Cable{Meta: c.Meta}
	if x != nil {
		res := x.Cable(c)
		rec.Entities = &res
		if r != nil {
			rec.Meetings = r.Cable(c, &res)
			if rec.Meetings == nil {
				rec.Meetings = []record.Meeting{}
			}
		}
	}
	if withText {
		rec.Text = c.Text
		rec.Normalized = c.Doc.Text.S
	}
	line, err := rec.Marshal()
	return line, rec.Found().People, err
}

// writeOrdered is the last stage: it restores input order and writes.
func writeOrdered(ctx context.Context, done <-chan *item, window <-chan struct{}, w *bufio.Writer, rep *Report, count *atomic.Int64, people *extract.People) error {
	pending := map[int]*item{}
	seen := map[string]cable.Position{}
	next := 0
	var work time.Duration
	for it := range done {
		pending[it.seq] = it
		for {
			it, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if err := account(it, w, rep, seen); err != nil {
				return err
			}
			if people != nil && it.err == nil && !it.fatal && it.written {
				people.Add(it.meta.Origin, it.people)
			}
			work += it.elapsed
			count.Add(1)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	rep.Timings.CableWork = work.Seconds()
	sortWarnings(rep)
	return nil
}

// account writes a processed item and adds it to the report. seen holds
// the refids written so far, with where they came from.
func account(it *item, w *bufio.Writer, rep *Report, seen map[string]cable.Position) error {
	in := &rep.Inputs[it.input]
	if it.other {
		rep.CablesOtherShards++
		return nil
	}
	if it.fatal {
		rep.InputsFailed++
		f := inputFailure(in.Path, it.err)
		in.Error = f.Reason
		rep.Failures = append(rep.Failures, f)
		return nil
	}
	in.Bytes += it.raw.Size
	rep.Bytes += it.raw.Size
	rep.CablesRead++
	in.Cables++
	if it.err != nil {
		rep.CablesFailed++
		in.Failed++
		f := Failure{Reason: it.err.Error()}
		var re *source.RecordError
		if errors.As(it.err, &re) {
			f.Source, f.Cable, f.Reason = re.Pos, strings.Clone(re.RefID), re.Err.Error()
		}
		rep.Failures = append(rep.Failures, f)
		return nil
	}
	if first, ok := seen[it.meta.RefID]; ok {
		// the same refid again: kept once, reported
		rep.CablesDuplicate++
		rep.Duplicates = append(rep.Duplicates, Failure{Source: it.meta.Source, Cable: strings.Clone(it.meta.RefID), Reason: "duplicate of " + first.String()})
		return nil
	}
	// a copy: the refid is a slice of the cable's text, which must not
	// stay in memory for the rest of the run
	seen[strings.Clone(it.meta.RefID)] = it.meta.Source
	if _, err := w.Write(it.line); err != nil {
		return fmt.Errorf("writing %s: %w", CablesFile, err)
	}
	rep.CablesWritten++
	it.written = true
	m := it.meta
	switch m.DateSource {
	case "dtg":
		rep.Dates.DTG++
	case "release":
		rep.Dates.Release++
	default:
		rep.Dates.None++
	}
	if m.AllCaps {
		rep.AllCaps++
	}
	for _, wn := range m.Warnings {
		kind := warningKind(wn)
		rep.Warnings[kind]++
		if rep.Warnings[kind] <= samplesPerWarning {
			rep.WarningSamples = append(rep.WarningSamples, Failure{Source: m.Source, Cable: m.RefID, Reason: wn})
		}
	}
	return nil
}

// inputFailure is the failure of a whole input (or of a path that could
// not be listed): the file it concerns and what went wrong, without the
// file's name repeated at the front.
func inputFailure(path string, err error) Failure {
	var pe *fs.PathError
	var le *source.LoopError
	var re *source.ReadError
	switch {
	case errors.As(err, &re):
		return Failure{Source: re.Pos, Reason: re.Err.Error()}
	case path == "" && errors.As(err, &le):
		return Failure{Source: cable.Position{File: le.Link}, Reason: strings.TrimPrefix(le.Error(), le.Link+": ")}
	case errors.As(err, &pe):
		if path == "" {
			path = pe.Path
		}
		reason := pe.Err.Error()
		if pe.Op != "open" && pe.Op != "stat" && pe.Op != "lstat" {
			reason = pe.Op + ": " + reason
		}
		return Failure{Source: cable.Position{File: path}, Reason: reason}
	}
	return Failure{Source: cable.Position{File: path}, Reason: strings.TrimPrefix(err.Error(), path+": ")}
}

// outside reports whether path lies outside the folder dir.
func outside(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// warningKind groups warnings by their text before any quoted detail.
func warningKind(w string) string {
	if i := bytes.IndexAny([]byte(w), `"'(0123456789`); i > 0 {
		return string(bytes.TrimRight([]byte(w[:i]), " :"))
	}
	return w
}

func sortWarnings(rep *Report) {
	sort.SliceStable(rep.WarningSamples, func(i, j int) bool {
		return warningKind(rep.WarningSamples[i].Reason) < warningKind(rep.WarningSamples[j].Reason)
	})
}

func writeReport(path string, rep *Report) error {
	f, err := newAtomicFile(context.Background(), path) // written even after an interruption
	if err != nil {
		return err
	}
	defer f.abort()
	enc := json.NewEncoder(f.w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		return err
	}
	return f.commit()
}

// remapIDs rewrites the cables.jsonl being written with the people ids
// replaced by ids, into a new temporary file, and drops the old one. Only
// lines holding a replaced id are decoded and encoded again, the same way
// they were written.
func remapIDs(ctx context.Context, old *atomicFile, ids map[string]string) (*atomicFile, error) {
	defer old.abort()
	if err := old.w.Flush(); err != nil {
		return nil, err
	}
	if _, err := old.f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	out, err := newAtomicFile(ctx, old.path)
	if err != nil {
		return nil, err
	}
	r := bufio.NewReaderSize(ctxReader{ctx, old.f}, 1<<20)
	for {
		line, err := r.ReadBytes('\n')
		if len(line) > 0 {
			if line, err = record.RemapLine(line, ids); err != nil {
				out.abort()
				return nil, err
			}
			if _, err := out.w.Write(line); err != nil {
				out.abort()
				return nil, err
			}
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			out.abort()
			return nil, err
		}
	}
}
