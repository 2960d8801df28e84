package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cablegraph/cablegraph/audit"
	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/source"
)

func newAuditCmd(stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Measure the precision of a run's meetings by hand: draw a sample, score the verdicts",
		Long: `Draw a random sample of the meetings of a run into a Markdown worksheet, with
each meeting's cable, participants, evidence and paragraph; a person marks
each meeting right or wrong on its verdict line; score counts the verdicts.`,
	}
	cmd.AddCommand(newAuditDrawCmd(stdout, stderr), newAuditScoreCmd(stdout))
	return cmd
}

func newAuditDrawCmd(stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "draw [-n N] [--seed S] [--cables FILE] [-o FILE] [INPUT...]",
		Short: "Draw N meetings of a run at random into a worksheet to fill in",
		Long: `Draw N meetings uniformly at random from all the meetings of a cables.jsonl
(the same seed and file give the same sample, whatever the order of its
lines) and write a worksheet: for each meeting its cable, participants,
kind, date, place, evidence and the paragraph around it, then a verdict
line to fill in. The paragraphs are read from the INPUTs the run read;
when the run was made with --with-text, cables.jsonl holds the text and
INPUT may be left out.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return auditDraw(cmd, args, stdout, stderr)
		},
	}
	cmd.Flags().IntP("number", "n", 100, "meetings to draw")
	cmd.Flags().Int64("seed", 1, "random seed: the same seed draws the same sample")
	cmd.Flags().String("cables", "out/cables.jsonl", "the run's cables.jsonl")
	cmd.Flags().StringP("output", "o", "-", "worksheet to write (- for standard output); an existing file is kept unless --force")
	cmd.Flags().Bool("force", false, "overwrite an existing worksheet")
	return cmd
}

func auditDraw(cmd *cobra.Command, args []string, stdout, stderr io.Writer) error {
	n, _ := cmd.Flags().GetInt("number")
	seed, _ := cmd.Flags().GetInt64("seed")
	cablesPath, _ := cmd.Flags().GetString("cables")
	outPath, _ := cmd.Flags().GetString("output")
	force, _ := cmd.Flags().GetBool("force")
	if n < 1 {
		return fmt.Errorf("-n %d: draw at least one meeting", n)
	}
	if err := checkOutput(outPath, force); err != nil {
		return err
	}
	d, err := drawFrom(cablesPath, n, seed)
	if err != nil {
		return err
	}
	items := d.Items()
	found, err := cablesFor(cmd, items, args, cablesPath)
	if err != nil {
		return err
	}
	audit.Attach(items, found)
	sheet := audit.Sheet{
		Command: fmt.Sprintf("cablegraph audit draw -n %d --seed %d --cables %s", n, seed, cablesPath),
		Cables:  cablesPath, Read: d.Cables, Meetings: d.Meetings, Items: items,
	}
	if err := writeSheet(outPath, sheet, stdout); err != nil {
		return err
	}
	reportDraw(stderr, d, items, outPath)
	return nil
}

// checkOutput refuses to overwrite a worksheet that may hold verdicts.
func checkOutput(path string, force bool) error {
	if path == "-" || force {
		return nil
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists (it may hold verdicts): give another -o, or --force to overwrite it", path)
	}
	return nil
}

// drawFrom draws n meetings from a cables.jsonl.
func drawFrom(path string, n int, seed int64) (*audit.Draw, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := audit.NewDraw(n, seed)
	if err := audit.ReadCables(f, path, d); err != nil {
		return nil, err
	}
	if d.Meetings == 0 {
		return nil, fmt.Errorf("%s: no meetings in its %d cables: nothing to draw", path, d.Cables)
	}
	return d, nil
}

// cablesFor reads from the inputs the cables of the items whose text
// cables.jsonl does not hold.
func cablesFor(cmd *cobra.Command, items []*audit.Item, args []string, cablesPath string) (map[string]*cable.Cable, error) {
	want := map[string]bool{}
	for _, it := range items {
		if it.Text == "" {
			want[it.Cable] = true
		}
	}
	if len(want) == 0 {
		return nil, nil
	}
	if len(args) == 0 {
		return nil, fmt.Errorf("%s holds no cable text (the run was made without --with-text): give the INPUTs the run read, for the paragraphs around the evidence", cablesPath)
	}
	ins, errs := source.Expand(args)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return audit.FindCables(cmd.Context(), ins, want)
}

// writeSheet writes the worksheet to path (or stdout for "-"), through a
// temporary file renamed into place, so a failed draw leaves no half
// worksheet.
func writeSheet(path string, s audit.Sheet, stdout io.Writer) error {
	if path == "-" {
		return audit.Render(stdout, s)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	err = audit.Render(tmp, s)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644) // as the run's outputs
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// reportDraw says on stderr what was drawn, and which cables were missing.
func reportDraw(w io.Writer, d *audit.Draw, items []*audit.Item, outPath string) {
	where := outPath
	if where == "-" {
		where = "standard output"
	}
	fmt.Fprintf(w, "cablegraph: drew %d of %d meetings (%d cables) into %s\n", len(items), d.Meetings, d.Cables, where)
	if len(d.Repeated) > 0 {
		fmt.Fprintf(w, "cablegraph: warning: %d cables appear more than once; their first lines were used: %s\n", len(d.Repeated), strings.Join(first(d.Repeated, 10), ", "))
	}
	var problems []string
	for _, it := range items {
		if it.Problem != "" {
			problems = append(problems, fmt.Sprintf("%d. %s: %s", it.Number, it.Cable, it.Problem))
		}
	}
	sort.Strings(problems)
	for _, p := range first(problems, 10) {
		fmt.Fprintf(w, "cablegraph: warning: %s\n", p)
	}
	if len(problems) > 10 {
		fmt.Fprintf(w, "cablegraph: ... and %d more warnings in the worksheet\n", len(problems)-10)
	}
}

func first(s []string, n int) []string { return s[:min(n, len(s))] }

func newAuditScoreCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "score WORKSHEET",
		Short: "Count the verdicts of a filled-in worksheet: share right per field, all four right, the wrong ones",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			entries, err := audit.Parse(f, args[0])
			if err != nil {
				return err
			}
			audit.Tally(entries).Print(stdout, args[0])
			return nil
		},
	}
}
