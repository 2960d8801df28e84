package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cablegraph/cablegraph"
	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

const corpus = "../../shared/corpus/cables.csv.gz"

func sampleInputs(t *testing.T) []source.Input {
	t.Helper()
	ins, err := source.ExpandFS(cablegraph.Sample, cablegraph.SampleRoot)
	if err != nil {
		t.Fatal(err)
	}
	return ins
}

func TestRunSample(t *testing.T) {
	out := t.TempDir()
	rep, err := Run(context.Background(), Config{Inputs: sampleInputs(t), OutDir: out, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.CablesRead != 34 || rep.CablesWritten != 34 || rep.CablesFailed != 0 {
		t.Errorf("read %d written %d failed %d, want 34 34 0", rep.CablesRead, rep.CablesWritten, rep.CablesFailed)
	}
	lines := readLines(t, filepath.Join(out, CablesFile))
	if len(lines) != 34 {
		t.Fatalf("%d lines in cables.jsonl, want 34", len(lines))
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &rec); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"cable", "date", "origin", "classification", "subject", "tags", "classified_by", "signer", "source", "all_caps"} {
		if _, ok := rec[k]; !ok {
			t.Errorf("cables.jsonl lacks key %q", k)
		}
	}
	if rec["cable"] != "09BAGHDAD323" || rec["date"] != "2009-02-08" || rec["signer"] != "CROCKER" {
		t.Errorf("last record = %v %v %v", rec["cable"], rec["date"], rec["signer"])
	}
	var r2 Report
	b, err := os.ReadFile(filepath.Join(out, ReportFile))
	if err != nil || json.Unmarshal(b, &r2) != nil || r2.CablesRead != 34 {
		t.Errorf("report.json unreadable or wrong: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".*tmp*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestDeterministic runs the same input with 1 and 8 workers: the outputs
// must be byte-identical.
func TestDeterministic(t *testing.T) {
	ins := sampleInputs(t)
	if _, err := os.Stat(corpus); err == nil && !testing.Short() {
		ins = append(ins, source.Input{Path: corpus})
	}
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(set)
	files := []string{CablesFile}
	for _, f := range FormatNames {
		files = append(files, Formats[f]...)
	}
	var dirs []string
	for _, j := range []int{1, 8} {
		dir := t.TempDir()
		if _, err := Run(context.Background(), Config{Inputs: ins, OutDir: dir, Jobs: j, WithText: true,
			Extractor: x, Relations: relate.New(set), Formats: FormatNames}); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	for _, f := range files {
		a, err1 := os.ReadFile(filepath.Join(dirs[0], f))
		b, err2 := os.ReadFile(filepath.Join(dirs[1], f))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", f, err1, err2)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between -j 1 and -j 8", f)
		}
	}
}

// TestCancel cancels a run while it reads, and after the last cable while
// it merges ids and writes the graph: it must stop within a second, report
// the interruption, leave the output folder as it was (no temporary file
// either) and leak no goroutines.
func TestCancel(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	ins := sampleInputs(t)
	for i := 0; i < 6; i++ {
		ins = append(ins, ins...)
	}
	total := int64(34 * 64)
	tests := []struct {
		name string
		when func(done *atomic.Int64) bool // cancel once this holds
	}{
		{"while reading", func(*atomic.Int64) bool { return true }},
		{"after the last cable", func(done *atomic.Int64) bool { return done.Load() == total }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			old := filepath.Join(out, CablesFile)
			os.WriteFile(old, []byte("earlier run\n"), 0o644)
			report := filepath.Join(t.TempDir(), "report.json")
			before := runtime.NumGoroutine()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan struct{})
			var rep *Report
			var err error
			cfg := Config{Inputs: ins, OutDir: out, ReportPath: report, Jobs: 4, Extractor: extract.New(set), Relations: relate.New(set),
				Parser: cable.NewParser(set.ClassifiedByOffices, set.Particles), Formats: FormatNames, CablesDone: new(atomic.Int64)}
			go func() {
				rep, err = Run(ctx, cfg)
				close(done)
			}()
			for !tt.when(cfg.CablesDone) {
				select {
				case <-done:
					t.Fatal("the run finished before the moment to cancel it")
				case <-time.After(100 * time.Microsecond):
				}
			}
			cancel()
			select {
			case <-done:
			case <-time.After(time.Second):
				t.Fatal("run did not stop within a second of cancellation")
			}
			if err == nil {
				t.Skip("the run finished before the cancellation")
			}
			if !rep.Interrupted {
				t.Error("report does not say interrupted")
			}
			if b, err := os.ReadFile(report); err != nil || !bytes.Contains(b, []byte(`"interrupted": true`)) {
				t.Errorf("no report saying interrupted at ReportPath: %v", err)
			}
			entries, _ := os.ReadDir(out)
			if len(entries) != 1 {
				t.Errorf("output folder holds %d entries, want only the earlier file", len(entries))
			}
			if b, _ := os.ReadFile(old); string(b) != "earlier run\n" {
				t.Error("the earlier output was overwritten")
			}
			deadline := time.Now().Add(time.Second)
			for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			if n := runtime.NumGoroutine(); n > before {
				t.Errorf("%d goroutines after the run, %d before", n, before)
			}
		})
	}
}

var pageBreak = regexp.MustCompile(`[A-Z]+ \d{4,8} +\d{3}(\.\d+)? OF \d{3}|SECTION \d+ OF \d+|PAGE \d+ +[A-Z]`)

// TestCorpus runs the 6,712 cables of the shared corpus through every
// stage: every one read, none failed, refids as in the release, dates
// parsed, no page-break line left in any normalized text, and a graph.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("skipping: %s not found (the shared corpus sits beside the project in CI)", corpus)
	}
	if testing.Short() {
		t.Skip("skipping the corpus run in -short mode")
	}
	out := t.TempDir()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	// the whole pipeline, so that no cable fails in any stage
	rep, err := Run(context.Background(), Config{Inputs: []source.Input{{Path: corpus}}, OutDir: out, Jobs: runtime.NumCPU(), WithText: true,
		Extractor: extract.New(set), Relations: relate.New(set), Formats: FormatNames})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Graph.Edges < 1000 {
		t.Errorf("corpus graph has %d edges", rep.Graph.Edges)
	}
	if rep.CablesRead != rep.CablesWritten+rep.CablesFailed+rep.CablesDuplicate {
		t.Errorf("read %d != written %d + failed %d + duplicates %d", rep.CablesRead, rep.CablesWritten, rep.CablesFailed, rep.CablesDuplicate)
	}
	if rep.CablesRead != 6712 || rep.CablesFailed != 0 || rep.CablesWritten != 6712 {
		t.Fatalf("read %d, written %d, failed %d; want 6712, 6712, 0: %v", rep.CablesRead, rep.CablesWritten, rep.CablesFailed, rep.Failures)
	}
	release := releaseRefIDs(t)
	seen := map[string]bool{}
	dated, dtg, breaks := 0, 0, 0
	for i, line := range readLines(t, filepath.Join(out, CablesFile)) {
		var r struct {
			Cable      string `json:"cable"`
			Date       string `json:"date"`
			DateSource string `json:"date_source"`
			Normalized string `json:"normalized"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		if r.Cable != release[i] {
			t.Errorf("cable %d is %q, the release says %q", i+1, r.Cable, release[i])
		}
		if seen[r.Cable] {
			t.Errorf("refid %s twice", r.Cable)
		}
		seen[r.Cable] = true
		if r.Date != "" {
			dated++
		}
		if r.DateSource == "dtg" {
			dtg++
		}
		for _, m := range pageBreak.FindAllString(r.Normalized, -1) {
			breaks++
			if breaks <= 5 {
				t.Errorf("%s: page break left in normalized text: %q", r.Cable, m)
			}
		}
	}
	if breaks > 0 {
		t.Errorf("%d page-break markers left in normalized texts", breaks)
	}
	if dated*100 < 6712*99 {
		t.Errorf("dates parsed for %d of 6712 cables, want at least 99%%", dated)
	}
	// Cables whose header has a date-time group must be dated from it.
	t.Logf("dated %d of 6712 (%d from the DTG, %d from the release)", dated, dtg, dated-dtg)
	if dtg < 6064 {
		t.Errorf("%d cables dated from their DTG; the corpus has 6064 with a DTG in the header", dtg)
	}
}

// releaseRefIDs reads the third column of every row with a plain scan,
// independent of the reader under test.
func releaseRefIDs(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(corpus)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	row := regexp.MustCompile(`^"\d+","[0-9/: ]+","([^"]+)","`)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		if m := row.FindStringSubmatch(sc.Text()); m != nil {
			ids = append(ids, m[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(ids) != 6712 {
		t.Fatalf("plain scan found %d rows", len(ids))
	}
	return ids
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// TestGraphOfOneRun rebuilds the graph from a run's cables.jsonl with the
// graph command's code: the exports must be the run's, byte for byte.
func TestGraphOfOneRun(t *testing.T) {
	dir := t.TempDir()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(set)
	if _, err := Run(context.Background(), Config{Inputs: sampleInputs(t), OutDir: dir, Jobs: 2, Extractor: x, Relations: relate.New(set), Formats: FormatNames}); err != nil {
		t.Fatal(err)
	}
	again := t.TempDir()
	if _, err := Graph(context.Background(), again, FormatNames, graph.Options{}, x.NewPeople(), []string{filepath.Join(dir, CablesFile)}); err != nil {
		t.Fatal(err)
	}
	for _, f := range FormatNames {
		for _, name := range Formats[f] {
			a, _ := os.ReadFile(filepath.Join(dir, name))
			b, _ := os.ReadFile(filepath.Join(again, name))
			if len(a) == 0 || !bytes.Equal(a, b) {
				t.Errorf("%s: the graph command's differs from the run's", name)
			}
		}
	}
}

// TestDuplicates reads the sample twice: every cable of the second copy is
// a duplicate, kept once and reported, and read = written + failed +
// duplicates.
func TestDuplicates(t *testing.T) {
	ins := sampleInputs(t)
	ins = append(ins, ins...)
	rep, err := Run(context.Background(), Config{Inputs: ins, OutDir: t.TempDir(), Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.CablesRead != 68 || rep.CablesWritten != 34 || rep.CablesDuplicate != 34 || len(rep.Duplicates) != 34 {
		t.Errorf("read %d written %d duplicates %d (%d listed)", rep.CablesRead, rep.CablesWritten, rep.CablesDuplicate, len(rep.Duplicates))
	}
	if rep.CablesRead != rep.CablesWritten+rep.CablesFailed+rep.CablesDuplicate {
		t.Error("read != written + failed + duplicates")
	}
	if d := rep.Duplicates[0]; !strings.Contains(d.Reason, "duplicate of testdata/sample/cables.csv:1 (row 1)") || d.Cable != "66BUENOSAIRES2481" {
		t.Errorf("first duplicate %+v", d)
	}
}
