package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/cablegraph/cablegraph/gold"
	"github.com/cablegraph/cablegraph/record"
)

// Default names of the identity links and the split in a gold folder.
const (
	samePersonFile = "same-person.txt"
	splitFile      = "split.txt"
)

// evalOptions are the eval command's flags.
type evalOptions struct {
	gold, output      string
	samePerson, split string // "" for the gold folder's file when present
	perCable          bool
}

// runEval scores opts.output against the gold: the table over all cables
// with the identity measure, then each half's when there is a split, then
// with perCable the misses of every cable and the identity errors.
func runEval(w io.Writer, opts evalOptions) error {
	g, err := gold.Load(opts.gold)
	if err != nil {
		return err
	}
	links, split, err := loadEvalFiles(opts, g)
	if err != nil {
		return err
	}
	out, err := readEvalOutput(opts.output, g)
	if err != nil {
		return err
	}
	warnMissing(w, g, out, opts.output)
	rep := gold.Score(g, out)
	id := rep.Identity(links)
	if split == nil {
		rep.PrintTable(w)
		id.PrintSummary(w)
	} else {
		if un := split.Unassigned(g); len(un) > 0 {
			fmt.Fprintf(w, "warning: %d gold cables in no half of the split: %s\n", len(un), strings.Join(un, ", "))
		}
		printPart(w, "all "+nCables(len(g)), rep, id)
		for _, h := range gold.Halves() {
			part := split.Select(g, h)
			r := gold.Score(part, out)
			fmt.Fprintln(w)
			printPart(w, "half "+h+": "+nCables(len(part)), r, r.Identity(links))
		}
	}
	if opts.perCable {
		rep.PrintCables(w)
		id.PrintLists(w)
	}
	return nil
}

// printPart writes a titled score table with its identity lines.
func printPart(w io.Writer, title string, rep gold.Report, id gold.Identity) {
	fmt.Fprintln(w, title)
	rep.PrintTable(w)
	id.PrintSummary(w)
}

// loadEvalFiles reads the same-person links and the split (nil when there
// is none): the files given, else the gold folder's when present.
func loadEvalFiles(opts evalOptions, g []gold.Annotated) ([]gold.Link, *gold.Split, error) {
	var links []gold.Link
	if path, err := evalFile(opts.samePerson, opts.gold, samePersonFile); err != nil {
		return nil, nil, err
	} else if path != "" {
		if links, err = gold.LoadLinks(path, g); err != nil {
			return nil, nil, err
		}
	}
	path, err := evalFile(opts.split, opts.gold, splitFile)
	if err != nil || path == "" {
		return links, nil, err
	}
	s, err := gold.LoadSplit(path, g)
	if err != nil {
		return nil, nil, err
	}
	return links, &s, nil
}

// evalFile is the file to read: given, else dir/name when it exists, else
// "".
func evalFile(given, dir, name string) (string, error) {
	if given != "" {
		return given, nil
	}
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return "", nil
	} else if err != nil {
		return "", err
	}
	return path, nil
}

// readEvalOutput reads the gold cables' lines of a cables.jsonl.
func readEvalOutput(path string, g []gold.Annotated) (map[string]*record.Cable, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	want := map[string]bool{}
	for _, c := range g {
		want[c.Cable] = true
	}
	return gold.ReadOutput(f, path, want)
}

// warnMissing names the gold cables the output lacks.
func warnMissing(w io.Writer, g []gold.Annotated, out map[string]*record.Cable, path string) {
	var missing []string
	for _, c := range g {
		if _, ok := out[c.Cable]; !ok {
			missing = append(missing, c.Cable)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(w, "warning: %d gold cables not in %s (scored as all missed): %s\n", len(missing), path, strings.Join(missing, ", "))
	}
}

func nCables(n int) string {
	if n == 1 {
		return "1 cable"
	}
	return fmt.Sprintf("%d cables", n)
}
