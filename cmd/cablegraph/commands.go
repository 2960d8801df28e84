package main

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/cablegraph/cablegraph"
	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/picture"
	"github.com/cablegraph/cablegraph/pipeline"
	"github.com/cablegraph/cablegraph/progress"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
	"github.com/cablegraph/cablegraph/synth"
)

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "cablegraph",
		Short:         "Find who met whom in diplomatic cables and export the network",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().String("config", "", "config file (default: ./"+DefaultConfigFile+" when present)")
	root.AddCommand(newRunCmd(stderr), newInspectCmd(stdout), newRulesCmd(stdout), newEvalCmd(stdout), newGraphCmd(stderr), newSynthCmd(stderr))
	root.AddCommand(newAuditCmd(stdout, stderr), newPathCmd(stdout), newViewCmd(stderr), newPictureCmd(stderr))
	return root
}

func newRunCmd(stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run [flags] [INPUT...]",
		Short: "Read cable dumps and write cables.jsonl and report.json",
		Long: `Read cable dumps (the release's cables.csv, its HTML pages, plain-text cables,
folders of them, gzip of any, - for stdin) and write into the output folder:
  cables.jsonl  one JSON object per cable: metadata, source position, and
                the people, places and organizations found in it
  report.json   what was read, written and failed, with reasons and positions
With no INPUT, runs on the bundled sample.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			configPath, _ := cmd.Flags().GetString("config")
			cfg, err := loadConfig(cmd.Flags(), configPath, forRun)
			if err != nil {
				return err
			}
			stop, err := startProfiles(cmd)
			if err != nil {
				return err
			}
			err = runPipeline(cmd, cfg, args, stderr)
			if perr := stop(); err == nil {
				err = perr
			}
			return err
		},
	}
	addFlags(cmd.Flags(), forRun)
	cmd.Flags().String("cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	cmd.Flags().String("memprofile", "", "write an allocation profile of the run to this file (go tool pprof -sample_index=alloc_space)")
	return cmd
}

// inputs expands the INPUT arguments, or the bundled sample when none. The
// paths that could not be listed come back as problems for the report,
// unless nothing at all can be read.
func inputs(args []string) (ins []source.Input, problems []error, sample bool, err error) {
	if len(args) == 0 {
		ins, err := source.ExpandFS(cablegraph.Sample, cablegraph.SampleRoot)
		return ins, nil, true, err
	}
	ins, errs := source.Expand(args)
	if len(ins) == 0 {
		if len(errs) > 0 {
			return nil, nil, false, errors.Join(errs...)
		}
		return nil, nil, false, fmt.Errorf("no cable files in %s", strings.Join(args, ", "))
	}
	return ins, errs, false, nil
}

func runPipeline(cmd *cobra.Command, cfg Config, args []string, stderr io.Writer) error {
	set, err := rules.Load(cfg.Rules...)
	if err != nil {
		return err
	}
	ins, problems, sample, err := inputs(args)
	if err != nil {
		return err
	}
	if sample {
		fmt.Fprintf(stderr, "cablegraph: no input given: running on the bundled sample (%d files)\n", len(ins))
	}
	var total int64
	for _, in := range ins {
		if in.Size > 0 {
			total += in.Size
		}
	}
	x := extract.New(set)
	if cfg.NLP {
		n, err := extract.NewNLP()
		if err != nil {
			return fmt.Errorf("loading prose's model: %w", err)
		}
		x = x.WithNLP(n)
	}
	pc := pipeline.Config{
		Inputs: ins, InputErrors: problems, OutDir: cfg.Output, ReportPath: cfg.Report,
		Jobs: cfg.Jobs, WithText: cfg.WithText, Shard: cfg.shard(),
		Parser:    cable.NewParser(set.ClassifiedByOffices, set.Particles),
		Extractor: x, Relations: relate.New(set),
		Formats: cfg.Format, Graph: cfg.Options,
		BytesRead: new(atomic.Int64), CablesDone: new(atomic.Int64),
	}
	if showProgress(cfg.Progress, stderr) {
		bar := progress.Start(stderr, total, pc.BytesRead, pc.CablesDone, 200*time.Millisecond)
		defer bar.Stop()
	}
	rep, err := pipeline.Run(cmd.Context(), pc)
	if err != nil {
		if rep != nil && rep.Interrupted {
			msg := fmt.Sprintf("interrupted after %d cables (%.1f MB) in %.1fs; %s left as it was", rep.CablesRead, float64(rep.Bytes)/1e6, rep.Timings.Total, cfg.Output)
			switch {
			case !errors.Is(err, context.Canceled): // the report could not be written
				msg += "; " + err.Error()
			case cfg.Report != "":
				msg += "; report in " + cfg.Report
			}
			return &exitErr{code: exitError, msg: msg}
		}
		return err
	}
	unreadable := ""
	if rep.InputsFailed > 0 {
		unreadable = fmt.Sprintf(", %d inputs unreadable", rep.InputsFailed)
	}
	fmt.Fprintf(stderr, "cablegraph: read %d cables (%.1f MB) in %.1fs: %d written, %d failed, %d duplicates%s; %d dated by DTG, %d by release metadata, %d undated\n",
		rep.CablesRead, float64(rep.Bytes)/1e6, rep.Timings.Total, rep.CablesWritten, rep.CablesFailed, rep.CablesDuplicate, unreadable, rep.Dates.DTG, rep.Dates.Release, rep.Dates.None)
	if rep.Shard != "" {
		fmt.Fprintf(stderr, "cablegraph: shard %s: %d cables left to the other shards; people ids are merged when the shards are (cablegraph graph)\n", rep.Shard, rep.CablesOtherShards)
	}
	fmt.Fprintf(stderr, "cablegraph: graph of %d people and %d who-met-whom edges; wrote into %s: %s\n", rep.Graph.Nodes, rep.Graph.Edges, cfg.Output, strings.Join(rep.Outputs, ", "))
	failed := 0
	for _, f := range rep.Failures {
		if failed < 10 {
			fmt.Fprintf(stderr, "cablegraph: failed: %s\n", f)
		}
		failed++
	}
	if failed > 10 {
		where := cfg.Report
		if where == "" {
			where = filepath.Join(cfg.Output, pipeline.ReportFile)
		}
		fmt.Fprintf(stderr, "cablegraph: ... and %d more failures in %s\n", failed-10, where)
	}
	if failed > 0 && !cfg.KeepGoing {
		return &exitErr{code: exitFailed, msg: fmt.Sprintf("%d failures (use --keep-going to exit 0 anyway)", failed)}
	}
	return nil
}

func showProgress(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newInspectCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "inspect INPUT [--cable REFID]",
		Short: "Print cables' metadata and normalized text",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			want, _ := cmd.Flags().GetString("cable")
			original, _ := cmd.Flags().GetBool("original")
			ins, errs := source.Expand(args)
			if len(errs) > 0 {
				return errors.Join(errs...)
			}
			found := false
			for _, in := range ins {
				if err := inspectInput(cmd, in, want, original, stdout, &found); err != nil {
					return err
				}
			}
			if want != "" && !found {
				return fmt.Errorf("cable %s not found in %s", want, args[0])
			}
			return nil
		},
	}
	cmd.Flags().String("cable", "", "only the cable with this reference id")
	cmd.Flags().Bool("original", false, "print the text as read instead of the normalized text")
	return cmd
}

func inspectInput(cmd *cobra.Command, in source.Input, want string, original bool, w io.Writer, found *bool) error {
	set, err := rules.Default()
	if err != nil {
		return err
	}
	p := cable.NewParser(set.ClassifiedByOffices, set.Particles)
	r, err := source.Open(in, nil)
	if err != nil {
		return err
	}
	defer r.Close()
	for {
		if err := cmd.Context().Err(); err != nil {
			return err
		}
		raw, err := r.Next()
		if err == io.EOF {
			return nil
		}
		var re *source.RecordError
		if errors.As(err, &re) {
			if want == "" || re.RefID == want {
				fmt.Fprintf(w, "# error: %v\n\n", err)
			}
			continue
		}
		if err != nil {
			return err
		}
		if want != "" && raw.RefID != "" && raw.RefID != want {
			continue
		}
		c, err := p.Parse(raw)
		if err != nil {
			fmt.Fprintf(w, "# error: %s: %v\n\n", raw.Pos, err)
			continue
		}
		if want != "" && c.RefID != want {
			continue
		}
		*found = true
		printCable(w, c, original)
	}
}

func printCable(w io.Writer, c *cable.Cable, original bool) {
	if original {
		fmt.Fprintf(w, "# %s\n%s\n", c.RefID, c.Text)
		return
	}
	cable.Render(w, c)
}

func newRulesCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Print the default rule set, or check rule files",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "dump",
		Short: "Print the default rule set (YAML), to start a rule file from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := stdout.Write(rules.DefaultYAML())
			return err
		},
	}, &cobra.Command{
		Use:   "check FILE...",
		Short: "Check rule files; problems are printed as file:line: message",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var errs []error
			for _, f := range args {
				s, err := rules.LoadFile(f)
				if err != nil {
					errs = append(errs, err)
					continue
				}
				fmt.Fprintf(stdout, "%s: ok (%d titles, %d people, %d places, %d organizations)\n", f, len(s.Titles), len(s.People), len(s.Places), len(s.Organizations))
			}
			return errors.Join(errs...)
		},
	})
	return cmd
}

func newEvalCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval --gold DIR [--per-cable] [--same-person FILE] [--split FILE] OUTPUT.jsonl",
		Short: "Score a cables.jsonl against gold annotations (precision, recall, F1)",
		Long: `Score a cables.jsonl against gold annotations (precision, recall, F1), and
the identity measure: one person, one id across cables (the gold names
alike and the links of --same-person: lines "CABLE:Gold name = CABLE:Gold
name", or "!=" for one gold name given to two people), and ids given to
two people. With a split (--split, lines "A REFID" or "B REFID"), the
table for all cables, then for halves A and B.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := evalOptions{output: args[0]}
			opts.gold, _ = cmd.Flags().GetString("gold")
			opts.perCable, _ = cmd.Flags().GetBool("per-cable")
			opts.samePerson, _ = cmd.Flags().GetString("same-person")
			opts.split, _ = cmd.Flags().GetString("split")
			return runEval(stdout, opts)
		},
	}
	cmd.Flags().String("gold", "", "folder of gold annotations (*.json)")
	cmd.Flags().Bool("per-cable", false, "list each cable's misses and false positives, and the identity errors")
	cmd.Flags().String("same-person", "", "gold people one person across cables (default: DIR/"+samePersonFile+" when present)")
	cmd.Flags().String("split", "", "halves of the gold, lines \"A REFID\" or \"B REFID\" (default: DIR/"+splitFile+" when present)")
	cmd.MarkFlagRequired("gold")
	return cmd
}

func newGraphCmd(stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "graph [flags] CABLES.jsonl...",
		Short: "Build the graph from earlier runs' cables.jsonl (shards merge) and write its exports",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			configPath, _ := cmd.Flags().GetString("config")
			cfg, err := loadConfig(cmd.Flags(), configPath, forGraph)
			if err != nil {
				return err
			}
			set, err := rules.Load(cfg.Rules...)
			if err != nil {
				return err
			}
			names, err := pipeline.Graph(cmd.Context(), cfg.Output, cfg.Format, cfg.Options, extract.New(set).NewPeople(), args)
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "cablegraph: wrote into %s: %s\n", cfg.Output, strings.Join(names, ", "))
			return nil
		},
	}
	addFlags(cmd.Flags(), forGraph)
	return cmd
}

func newPathCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "path [flags] NAME NAME [CABLES.jsonl...]",
		Short: "Print the shortest chain of meetings between two people",
		Long: `Print the shortest chain of meetings between two people, each named by
an id, a name or an alias, over the who-met-whom graph of cables.jsonl
files (default: out/cables.jsonl; several shards' files merge). The chain
has the fewest hops; among chains as short, the one whose pairs met most
often (the strongest ties). Each hop gives the meetings of the pair, their
dates and cables, and the earliest evidence quote.`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			configPath, _ := cmd.Flags().GetString("config")
			cfg, err := loadConfig(cmd.Flags(), configPath, forPath)
			if err != nil {
				return err
			}
			g, err := loadGraph(cmd, cfg, args[2:])
			if err != nil {
				return err
			}
			hops, err := g.Path(args[0], args[1])
			if err != nil {
				return err
			}
			printPath(stdout, hops)
			return nil
		},
	}
	addFlags(cmd.Flags(), forPath)
	return cmd
}

func newViewCmd(stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "view [flags] [CABLES.jsonl...]",
		Short: "Write graph.html, the network in the browser, from earlier runs' cables.jsonl",
		Long: `Write graph.html into the output folder: the who-met-whom network as one
self-contained page to open from disk (no server, no network), laid out and
coloured by community, with every meeting behind an edge (date, place,
kind, evidence, cable). Reads cables.jsonl files (default: out/cables.jsonl;
several shards' files merge). run and graph write it too (--format html).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			configPath, _ := cmd.Flags().GetString("config")
			cfg, err := loadConfig(cmd.Flags(), configPath, forView)
			if err != nil {
				return err
			}
			set, err := rules.Load(cfg.Rules...)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				args = []string{filepath.Join("out", pipeline.CablesFile)}
			}
			names, err := pipeline.Graph(cmd.Context(), cfg.Output, []string{"html"}, cfg.Options, extract.New(set).NewPeople(), args)
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "cablegraph: wrote into %s: %s (open it in a browser)\n", cfg.Output, strings.Join(names, ", "))
			return nil
		},
	}
	addFlags(cmd.Flags(), forView)
	return cmd
}

func newPictureCmd(stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "picture [flags] [CABLES.jsonl...]",
		Short: "Draw SVG pictures of the network to read: the largest connected group, one person's ego network",
		Long: `Draw SVG pictures a reader can read at a README's width, into the output
folder, from cables.jsonl files (default: out/cables.jsonl; several shards'
files merge):
  network.svg   the largest connected component of who met whom, laid out
                by ForceAtlas2 and coloured by Louvain community: the --nodes
                people in the most cables with a meeting drawn, the first
                --top of them named, no name covering another
  ego-ID.svg    with --ego NAME: that person in the middle and the people
                they met around them, each line labelled with the date and
                cable of the pair's first meeting`,
		RunE: func(cmd *cobra.Command, args []string) error {
			configPath, _ := cmd.Flags().GetString("config")
			cfg, err := loadConfig(cmd.Flags(), configPath, forPicture)
			if err != nil {
				return err
			}
			return drawPictures(cmd, cfg, args, stderr)
		},
	}
	addFlags(cmd.Flags(), forPicture)
	return cmd
}

// loadGraph builds the graph of cables.jsonl files (default
// out/cables.jsonl) with the settings' filters; the people of several
// files (shards) get one id across them, as in one run.
func loadGraph(cmd *cobra.Command, cfg Config, inputs []string) (*graph.Graph, error) {
	set, err := rules.Load(cfg.Rules...)
	if err != nil {
		return nil, err
	}
	if len(inputs) == 0 {
		inputs = []string{filepath.Join("out", pipeline.CablesFile)}
	}
	var people *extract.People
	if len(inputs) > 1 {
		people = extract.New(set).NewPeople()
	}
	return pipeline.Load(cmd.Context(), cfg.Options, people, inputs)
}

// drawPictures builds the graph of the inputs and writes network.svg and,
// with cfg.Ego, the ego network's picture into cfg.Output.
func drawPictures(cmd *cobra.Command, cfg Config, inputs []string, stderr io.Writer) error {
	g, err := loadGraph(cmd, cfg, inputs)
	if err != nil {
		return err
	}
	var egoID string
	if cfg.Ego != "" { // named before anything is drawn: a bad name writes nothing
		p, err := g.Person(cfg.Ego)
		if err != nil {
			return fmt.Errorf("--ego: %w", err)
		}
		egoID = p.ID
	}
	if err := os.MkdirAll(cfg.Output, 0o755); err != nil {
		return err
	}
	start := time.Now()
	pic, err := picture.Network(g, cfg.pictureOptions())
	if err != nil {
		return err
	}
	path := filepath.Join(cfg.Output, "network.svg")
	if err := writeSVG(path, pic); err != nil {
		return err
	}
	st := pic.Stats
	fmt.Fprintf(stderr, "cablegraph: wrote %s in %.2fs: the largest connected component, %d of %d people, %d pairs who met, %d communities; %d drawn, %d named\n",
		path, time.Since(start).Seconds(), st.Shown, st.People, st.Edges, st.Communities, st.Drawn, st.Named)
	if egoID == "" {
		return nil
	}
	start = time.Now()
	pic, err = picture.Ego(g, egoID, cfg.pictureOptions())
	if err != nil {
		return err
	}
	path = filepath.Join(cfg.Output, "ego-"+egoID+".svg")
	if err := writeSVG(path, pic); err != nil {
		return err
	}
	st = pic.Stats
	fmt.Fprintf(stderr, "cablegraph: wrote %s in %.2fs: %s and the %d people met, %d drawn\n", path, time.Since(start).Seconds(), egoID, st.Shown-1, st.Drawn-1)
	return nil
}

// pictureOptions are the settings of picture's drawings.
func (c Config) pictureOptions() picture.Options {
	return picture.Options{Width: c.Width, Top: c.Top, Nodes: c.Nodes}
}

// writeSVG writes a picture to path through a temporary file, so that a
// failed write leaves no half picture.
func writeSVG(path string, pic *picture.Picture) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".picture-*.svg")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := pic.WriteSVG(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// printPath prints a chain of meetings, a hop a paragraph.
func printPath(w io.Writer, hops []graph.Hop) {
	names := []string{hops[0].From.Name}
	for _, h := range hops {
		names = append(names, h.To.Name)
	}
	fmt.Fprintf(w, "%s (%d %s)\n", strings.Join(names, " → "), len(hops), plural(len(hops), "hop", "hops"))
	for i, h := range hops {
		e := h.Edge
		fmt.Fprintf(w, "\n%d. %s (%s) met %s (%s): %d %s", i+1, h.From.Name, h.From.ID, h.To.Name, h.To.ID, e.Weight, plural(e.Weight, "meeting", "meetings"))
		switch {
		case e.First != "" && e.First != e.Last:
			fmt.Fprintf(w, ", %s to %s", e.First, e.Last)
		case e.First != "":
			fmt.Fprintf(w, ", %s", e.First)
		}
		fmt.Fprintf(w, "; cables %s\n", strings.Join(e.Cables, ", "))
		if len(e.Quotes) > 0 {
			q := e.Quotes[0]
			date := q.Date
			if date == "" {
				date = "undated"
			}
			fmt.Fprintf(w, "   %s %s: %q\n", date, q.Cable, q.Text)
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// shard is the config's shard ("" and bad values, which validate
// rejects, take every cable).
func (c Config) shard() pipeline.Shard {
	s, _ := pipeline.ParseShard(c.Shard)
	return s
}

func newSynthCmd(stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "synth -o FILE --size SIZE [INPUT...]",
		Short: "Make a large cables.csv from small dumps (copies under new refids), for measuring",
		Long: `Write the cables of the inputs again and again, in the release's cables.csv
layout, until the file holds SIZE bytes (1.7GB is the full release). Copies
get refids of their own ("09BAGHDAD323-2") and new row ids. A FILE ending
in .gz is compressed. With no INPUT, copies the bundled sample.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			outPath, _ := cmd.Flags().GetString("output")
			sizeText, _ := cmd.Flags().GetString("size")
			size, err := parseSize(sizeText)
			if err != nil {
				return err
			}
			ins, problems, _, err := inputs(args)
			if err != nil {
				return err
			}
			if len(problems) > 0 {
				return errors.Join(problems...)
			}
			f, err := os.Create(outPath)
			if err != nil {
				return err
			}
			var w io.Writer = f
			var zw *gzip.Writer
			if strings.HasSuffix(outPath, ".gz") {
				zw = gzip.NewWriter(f)
				w = zw
			}
			st, err := synth.Write(cmd.Context(), ins, w, size, nil)
			if err == nil && zw != nil {
				err = zw.Close()
			}
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				os.Remove(outPath)
				return err
			}
			fmt.Fprintf(stderr, "cablegraph: wrote %d cables (%.1f MB, %d passes over the inputs) into %s\n", st.Cables, float64(st.Bytes)/1e6, st.Passes, outPath)
			return nil
		},
	}
	cmd.Flags().StringP("output", "o", "synth.csv", "file to write (.gz: compressed)")
	cmd.Flags().String("size", "1.7GB", "bytes to write (uncompressed): 1.7GB, 500MB, 20000000")
	return cmd
}

// parseSize reads a byte count: a number with an optional KB, MB or GB
// (powers of 1000).
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := 1.0
	for _, u := range []struct {
		suffix string
		mult   float64
	}{{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("size %q: want a positive number of bytes, like 1.7GB or 500MB", s)
	}
	return int64(v * mult), nil
}

// startProfiles starts the profiles --cpuprofile and --memprofile ask for;
// stop writes them.
func startProfiles(cmd *cobra.Command) (stop func() error, err error) {
	cpu, _ := cmd.Flags().GetString("cpuprofile")
	mem, _ := cmd.Flags().GetString("memprofile")
	var cpuFile *os.File
	if cpu != "" {
		if cpuFile, err = os.Create(cpu); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(cpuFile); err != nil {
			cpuFile.Close()
			return nil, err
		}
	}
	return func() error {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			if err := cpuFile.Close(); err != nil {
				return err
			}
		}
		if mem == "" {
			return nil
		}
		f, err := os.Create(mem)
		if err != nil {
			return err
		}
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}, nil
}
