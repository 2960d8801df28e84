package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const corpus = "../../../shared/corpus/cables.csv.gz"

// TestSignal interrupts the built command with SIGINT and SIGTERM at
// several points of a run (reading, exporting): it must exit within a
// second, leave the output folder exactly as it was, and write a report
// saying it was interrupted where --report asks.
func TestSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the signal test in -short mode (it builds the command and runs it for seconds)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "cablegraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	input := corpus
	delays := []time.Duration{500 * time.Millisecond, 3 * time.Second, 7 * time.Second}
	if _, err := os.Stat(corpus); err != nil {
		t.Logf("%s not found (the shared corpus sits beside the project in CI): interrupting a run over the bundled sample read 300 times", corpus)
		input = repeatSample(t, dir, 300)
		delays = delays[:2]
	}
	for i, delay := range delays {
		sig := []os.Signal{os.Interrupt, syscall.SIGTERM}[i%2]
		t.Run(sig.String()+" after "+delay.String(), func(t *testing.T) {
			out := filepath.Join(dir, "out")
			os.RemoveAll(out)
			os.MkdirAll(out, 0o755)
			earlier := map[string]string{"cables.jsonl": "an earlier run\n", "graph.gexf": "<gexf/>\n", "report.json": "{}\n"}
			for name, s := range earlier {
				os.WriteFile(filepath.Join(out, name), []byte(s), 0o644)
			}
			report := filepath.Join(dir, "interrupted.json")
			os.Remove(report)
			cmd := exec.Command(bin, "run", "--progress", "never", "-o", out, "--report", report, input)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			select {
			case err := <-exited:
				t.Skipf("the run ended before the signal (%v): %s", err, stderr.String())
			case <-time.After(delay):
			}
			sent := time.Now()
			cmd.Process.Signal(sig)
			select {
			case <-exited:
			case <-time.After(5 * time.Second):
				cmd.Process.Kill()
				t.Fatal("still running 5 s after the signal")
			}
			if took := time.Since(sent); took > time.Second {
				t.Errorf("took %v to stop after %v, want under a second", took, sig)
			}
			if code := cmd.ProcessState.ExitCode(); code != exitError || !strings.Contains(stderr.String(), "interrupted after") {
				if strings.Contains(stderr.String(), "wrote into") {
					t.Skipf("the run ended as the signal came: %s", stderr.String())
				}
				t.Errorf("exit %d, stderr %q; want %d and a word that the run was interrupted", code, stderr.String(), exitError)
			}
			entries, _ := os.ReadDir(out)
			if len(entries) != len(earlier) {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("output folder holds %q, want only the earlier run's %d files", names, len(earlier))
			}
			for name, s := range earlier {
				if b, _ := os.ReadFile(filepath.Join(out, name)); string(b) != s {
					t.Errorf("%s changed: %.80q", name, b)
				}
			}
			var rep struct {
				Interrupted bool `json:"interrupted"`
				CablesRead  int  `json:"cables_read"`
			}
			b, err := os.ReadFile(report)
			if err != nil {
				t.Fatalf("no report at --report: %v", err)
			}
			if err := json.Unmarshal(b, &rep); err != nil || !rep.Interrupted {
				t.Errorf("report %.200s does not say interrupted (%v)", b, err)
			}
			t.Logf("stopped %v after %v: %d cables read; %s", time.Since(sent).Round(time.Millisecond), sig, rep.CablesRead, strings.TrimSpace(stderr.String()))
		})
	}
}

// repeatSample writes the bundled sample's cables.csv n times over into
// one file (the copies are duplicates: read, processed, kept once).
func repeatSample(t *testing.T, dir string, n int) string {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample", "cables.csv"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "repeated.csv")
	if err := os.WriteFile(p, bytes.Repeat(data, n), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
