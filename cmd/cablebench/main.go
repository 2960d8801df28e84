// Command cablebench measures cablegraph's stages on one input and prints a
// table: seconds, MB/s, cables/s and peak RSS for read+normalize,
// extraction, relations, graph+export and the whole run, and plain prose
// NER on the same cables' text, with the ratio. Each stage runs in a
// process of its own (this program, with -stage), so its peak RSS is its
// own. The input is read once before measuring, so every stage finds it
// in the page cache.
//
//	cablebench [-corpus FILE] [-j N] [-prose-mb MB]
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/cablegraph/cablegraph"
	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/pipeline"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

// result is what a stage process prints.
type result struct {
	Seconds float64 `json:"seconds"`
	Bytes   int64   `json:"bytes"`  // cable bytes the stage went through
	Cables  int     `json:"cables"` // cables the stage went through
	Note    string  `json:"note,omitempty"`
}

// stages in the order measured; each runs alone in a process.
var stages = []struct{ name, label string }{
	{"read", "read+normalize"},
	{"extract", "+ extraction"},
	{"relate", "+ relations"},
	{"graph", "graph+export (from cables.jsonl)"},
	{"all", "end to end (cablegraph run, all exports)"},
	{"prose", "plain prose NER, model loaded once"},
}

func main() {
	stage := flag.String("stage", "", "run one stage and print its result as JSON (used by cablebench itself)")
	corpus := flag.String("corpus", "../shared/corpus/cables.csv.gz", "input to measure on (the bundled sample when it is absent)")
	jobs := flag.Int("j", runtime.NumCPU(), "workers, for cablegraph and prose alike")
	proseMB := flag.Float64("prose-mb", 2, "MB of the cables (from the start of the input) to run plain prose NER on: at about 0.1 MB/s the whole corpus would take many minutes")
	work := flag.String("work", "", "scratch folder (default: a temporary one)")
	flag.Parse()
	// the GC settings of cablegraph run (cmd/cablegraph/main.go), so the
	// stages measure what users get
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
	if err := run(*stage, *corpus, *jobs, *proseMB, *work); err != nil {
		fmt.Fprintln(os.Stderr, "cablebench:", err)
		os.Exit(1)
	}
}

func run(stage, corpus string, jobs int, proseMB float64, work string) error {
	ins, what, err := inputs(corpus)
	if err != nil {
		return err
	}
	if stage != "" {
		r, err := runStage(stage, ins, jobs, proseMB, work)
		if err != nil {
			return err
		}
		return json.NewEncoder(os.Stdout).Encode(r)
	}
	if work == "" {
		if work, err = os.MkdirTemp("", "cablebench-"); err != nil {
			return err
		}
		defer os.RemoveAll(work)
	}
	if err := warm(ins); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Printf("cablebench: %s, %d workers, GOMAXPROCS %d, %s\n\n", what, jobs, runtime.GOMAXPROCS(0), runtime.Version())
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "stage\tseconds\tMB/s\tcables/s\tpeak RSS MB\t")
	var total result
	results := map[string]result{}
	for _, s := range stages {
		cmd := exec.Command(self, "-stage", s.name, "-corpus", corpus, "-j", fmt.Sprint(jobs), "-prose-mb", fmt.Sprint(proseMB), "-work", work)
		var stdout bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("stage %s: %w", s.name, err)
		}
		var r result
		if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
			return fmt.Errorf("stage %s: %w", s.name, err)
		}
		if s.name == "read" {
			total = r
		}
		if s.name == "graph" { // the same cables, as their cables.jsonl
			r.Bytes, r.Cables = total.Bytes, total.Cables
		}
		results[s.name] = r
		rss := float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024 // KB on Linux
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.0f\t%.0f\t\n", s.label, r.Seconds, float64(r.Bytes)/1e6/r.Seconds, float64(r.Cables)/r.Seconds, rss)
	}
	tw.Flush()
	all, ner := results["all"], results["prose"]
	ratio := (float64(all.Bytes) / all.Seconds) / (float64(ner.Bytes) / ner.Seconds)
	fmt.Printf("\nend to end is %.0fx plain prose NER (%s)\n", ratio, ner.Note)
	fmt.Println("MB are the cables' bytes as read (each row's size in cables.csv), the same for every stage;")
	fmt.Println("each stage up to '+ relations' includes those above it, graph+export is alone.")
	return nil
}

// inputs are the corpus, or the bundled sample when it is absent.
func inputs(corpus string) ([]source.Input, string, error) {
	if fi, err := os.Stat(corpus); err == nil {
		return []source.Input{{Path: corpus, Size: fi.Size()}}, corpus, nil
	}
	ins, err := source.ExpandFS(cablegraph.Sample, cablegraph.SampleRoot)
	return ins, fmt.Sprintf("the bundled sample (%s not found)", corpus), err
}

// warm reads the inputs once so every stage finds them in the page cache.
func warm(ins []source.Input) error {
	for _, in := range ins {
		if in.FS != nil {
			continue
		}
		f, err := os.Open(in.Path)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func runStage(stage string, ins []source.Input, jobs int, proseMB float64, work string) (result, error) {
	set, err := rules.Default()
	if err != nil {
		return result{}, err
	}
	x, rel := extract.New(set), relate.New(set)
	cfg := pipeline.Config{Inputs: ins, Jobs: jobs, OutDir: filepath.Join(work, stage)}
	switch stage {
	case "read":
	case "extract":
		cfg.Extractor = x
	case "relate":
		cfg.Extractor, cfg.Relations = x, rel
	case "all":
		cfg.Extractor, cfg.Relations, cfg.Formats = x, rel, pipeline.FormatNames
	case "graph":
		in := filepath.Join(work, "relate", pipeline.CablesFile)
		start := time.Now()
		if _, err := pipeline.Graph(context.Background(), filepath.Join(work, "graph"), pipeline.FormatNames, graph.Options{}, x.NewPeople(), []string{in}); err != nil {
			return result{}, err
		}
		return result{Seconds: time.Since(start).Seconds()}, nil
	case "prose":
		return proseNER(ins, jobs, proseMB)
	default:
		return result{}, fmt.Errorf("unknown stage %q", stage)
	}
	start := time.Now()
	rep, err := pipeline.Run(context.Background(), cfg)
	if err != nil {
		return result{}, err
	}
	return result{Seconds: time.Since(start).Seconds(), Bytes: rep.Bytes, Cables: rep.CablesRead}, nil
}

// proseNER runs prose's whole pipeline (tokenize, segment, tag, NER) on
// the normalized text of the first cables, mb MB of them, on jobs workers,
// with the model decoded once beforehand.
func proseNER(ins []source.Input, jobs int, mb float64) (result, error) {
	var texts []string
	var size int64
	limit := int64(mb * 1e6)
	p := cable.NewParser(nil, nil) // the normalized text is all it reads: no rule words needed
	err := source.Each(ins, func(raw cable.Raw) error {
		if c, err := p.Parse(raw); err == nil {
			texts = append(texts, c.Doc.Text.S)
			size += raw.Size
		}
		if size >= limit {
			return source.Stop
		}
		return nil
	})
	if err != nil {
		return result{}, err
	}
	doc, err := prose.NewDocument("Load the model.")
	if err != nil {
		return result{}, err
	}
	model := doc.Model
	next := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	start := time.Now()
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range next {
				if _, err := prose.NewDocument(t, prose.UsingModel(model)); err != nil {
					mu.Lock()
					firstErr = errors.Join(firstErr, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, t := range texts {
		next <- t
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return result{}, firstErr
	}
	return result{Seconds: time.Since(start).Seconds(), Bytes: size, Cables: len(texts),
		Note: fmt.Sprintf("prose measured on the first %d cables, %.1f MB: the same text, normalized", len(texts), float64(size)/1e6)}, nil
}
