package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the command line in dir and returns the exit status and output.
func cli(t *testing.T, dir string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	for k, v := range env {
		t.Setenv(k, v)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestRunSample(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := cli(t, dir, nil, "run", "-o", "res", "-j", "2")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{"cables.jsonl", "report.json"} {
		if _, err := os.Stat(filepath.Join(dir, "res", f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	if !strings.Contains(stderr, "bundled sample") || !strings.Contains(stderr, "34 written, 0 failed") {
		t.Errorf("stderr does not summarize the run:\n%s", stderr)
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		name    string
		file    string // cablegraph.yaml in the working folder
		env     map[string]string
		args    []string
		wantErr string // substring of stderr; empty for success
		wantOut string // output folder expected to be written
	}{
		{name: "file sets output", file: "output: fromfile\n", wantOut: "fromfile"},
		{name: "env beats file", file: "output: fromfile\n", env: map[string]string{"CABLEGRAPH_OUTPUT": "fromenv"}, wantOut: "fromenv"},
		{name: "flag beats env", file: "output: fromfile\n", env: map[string]string{"CABLEGRAPH_OUTPUT": "fromenv"}, args: []string{"-o", "fromflag"}, wantOut: "fromflag"},
		{name: "unknown key", file: "output: x\nworkers: 3\n", wantErr: `cablegraph.yaml: unknown key "workers"`},
		{name: "bad value type", file: "jobs: many\n", wantErr: "cablegraph.yaml"},
		{name: "bad value range", file: "jobs: 0\n", wantErr: `cablegraph.yaml: key "jobs": 0 is out of range`},
		{name: "bad progress", file: "progress: sometimes\n", wantErr: `key "progress": "sometimes" is not one of`},
		{name: "bad env value", env: map[string]string{"CABLEGRAPH_JOBS": "-3"}, wantErr: `key "jobs": -3 is out of range`},
		{name: "missing --config file", args: []string{"--config", "nope.yaml"}, wantErr: "config file nope.yaml: not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != "" {
				os.WriteFile(filepath.Join(dir, "cablegraph.yaml"), []byte(tt.file), 0o644)
			}
			args := append([]string{"run", "--progress", "never"}, tt.args...)
			code, _, stderr := cli(t, dir, tt.env, args...)
			if tt.wantErr != "" {
				if code == exitOK || !strings.Contains(stderr, tt.wantErr) {
					t.Errorf("exit %d, stderr %q; want failure saying %q", code, stderr, tt.wantErr)
				}
				if entries, _ := os.ReadDir(dir); len(entries) > 1 {
					t.Errorf("a bad config still ran: %v", entries)
				}
				return
			}
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, tt.wantOut, "cables.jsonl")); err != nil {
				t.Errorf("output not in %s: %v", tt.wantOut, err)
			}
		})
	}
}

func TestFailedCablesExitStatus(t *testing.T) {
	dir := t.TempDir()
	bad := `"1","2/8/2009 08:01","09X1","E","C","","h","fine"` + "\n" + `"2","2/8/2009 08:01","09X2","E","C","","h"` + "\n"
	os.WriteFile(filepath.Join(dir, "in.csv"), []byte(bad), 0o644)
	code, _, stderr := cli(t, dir, nil, "run", "--progress", "never", "in.csv")
	if code != exitFailed || !strings.Contains(stderr, "in.csv:2 (row 2): 09X2: row has 7 columns") {
		t.Errorf("exit %d, stderr %q; want %d and the failed row's position", code, stderr, exitFailed)
	}
	code, _, _ = cli(t, "", nil, "run", "--progress", "never", "--keep-going", "in.csv")
	if code != exitOK {
		t.Errorf("--keep-going: exit %d, want 0", code)
	}
}

func TestInspect(t *testing.T) {
	abs, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "sample", "text", "09BAGHDAD323.txt"))
	code, stdout, stderr := cli(t, "", nil, "inspect", abs, "--cable", "09BAGHDAD323")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"# 09BAGHDAD323", "signer:         CROCKER", "[- 12. (C)] UN Secretary General Ban Ki Moon paid"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("inspect output lacks %q", want)
		}
	}
	code, _, stderr = cli(t, "", nil, "inspect", abs, "--cable", "09NOWHERE1")
	if code == exitOK || !strings.Contains(stderr, "cable 09NOWHERE1 not found") {
		t.Errorf("missing cable: exit %d, %q", code, stderr)
	}
}

func TestRulesFlag(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("P 080801Z FEB 09\nFM AMEMBASSY BAGHDAD\nTO SECSTATE WASHDC\n\nC O N F I D E N T I A L BAGHDAD 000123\n\nSUBJECT: TEST\n\n1. (C) Chief Whip Brown met Smithers of Leeds in Baghdad.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte("titles:\n  - {name: Chief Whip}\npeople:\n  - {name: Alan Smithers, aliases: [Smithers of Leeds]}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("titles:\n  - {name: Chief Whip}\n  - {nmae: Oops}\n"), 0o644)

	code, _, stderr := cli(t, dir, nil, "run", "--progress", "never", "-o", "with", "--rules", "mine.yaml", "c.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "with", "cables.jsonl"))
	if !strings.Contains(string(b), `"name":"Alan Smithers"`) || !strings.Contains(string(b), `"offices":["Chief Whip"]`) {
		t.Errorf("the rule file's person and title are not in the output:\n%s", b)
	}
	code, _, stderr = cli(t, "", nil, "run", "--progress", "never", "-o", "bad", "--rules", "bad.yaml", "c.txt")
	if code != exitError || !strings.Contains(stderr, `bad.yaml:3: unknown key "nmae"`) {
		t.Errorf("broken rule file: exit %d, %q; want exit 1 naming bad.yaml:3", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad")); err == nil {
		t.Error("a broken rule file still ran")
	}
	code, stdout, _ := cli(t, "", nil, "rules", "check", "mine.yaml")
	if code != exitOK || !strings.Contains(stdout, "mine.yaml: ok") {
		t.Errorf("rules check: exit %d %q", code, stdout)
	}
}

func TestEval(t *testing.T) {
	golddir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "gold"))
	dir := t.TempDir()
	if code, _, stderr := cli(t, dir, nil, "run", "--progress", "never", "-o", "out"); code != exitOK {
		t.Fatalf("run: exit %d %s", code, stderr)
	}
	code, stdout, stderr := cli(t, "", nil, "eval", "--gold", golddir, "--per-cable", "out/cables.jsonl")
	if code != exitOK || !strings.Contains(stdout, "people") || !strings.Contains(stdout, "# 09BAGHDAD323") {
		t.Errorf("eval: exit %d\n%s\n%s", code, stdout, stderr)
	}
}

// TestBadRuleFiles runs with each broken rule file of testdata/bad: the
// run must not start, and the error must name the file and line.
func TestBadRuleFiles(t *testing.T) {
	tests := []struct{ file, want string }{
		{"badregex.yaml", `badregex.yaml:4: bad regular expression "(?i)^operation (desert": missing closing )`},
		{"unknownkey.yaml", `unknownkey.yaml:5: unknown key "aliasses"`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "bad", tt.file))
			dir := t.TempDir()
			code, _, stderr := cli(t, dir, nil, "run", "--progress", "never", "-o", "out", "--rules", path)
			if code != exitError || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, exitError, tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
				t.Error("the run started despite the broken rule file")
			}
			code, _, stderr = cli(t, "", nil, "rules", "check", path)
			if code == exitOK || !strings.Contains(stderr, tt.want) {
				t.Errorf("rules check: exit %d, stderr %q", code, stderr)
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  bool
	}{
		{"1.7GB", 1_700_000_000, false},
		{"500mb", 500_000_000, false},
		{"20000000", 20_000_000, false},
		{"3 KB", 3000, false},
		{"0", 0, true},
		{"-1GB", 0, true},
		{"lots", 0, true},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v", tt.in, got, err)
		}
	}
}

func TestSynth(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := cli(t, dir, nil, "synth", "-o", "big.csv.gz", "--size", "1MB")
	if code != exitOK || !strings.Contains(stderr, "into big.csv.gz") {
		t.Fatalf("synth: exit %d, %s", code, stderr)
	}
	code, _, stderr = cli(t, "", nil, "run", "--progress", "never", "-o", "out", "--format", "csv", "big.csv.gz")
	if code != exitOK || !strings.Contains(stderr, "0 failed, 0 duplicates") {
		t.Errorf("running the synthetic dump: exit %d, %s", code, stderr)
	}
}
