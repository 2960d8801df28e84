package main

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestSettingsTable checks the table of settings against itself and
// Config: keys in snake case and in order, flags unique, each key filling
// a Config field of its type, each Config field filled, each default
// passing its check.
func TestSettingsTable(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	flags := map[string]bool{}
	var c Config
	filled := map[uintptr]bool{} // the addresses of the fields in c filled
	var keys []string
	for _, s := range settings() {
		keys = append(keys, s.key)
		if !snake.MatchString(s.key) {
			t.Errorf("key %q is not snake case", s.key)
		}
		if flags[s.flagName()] {
			t.Errorf("flag --%s declared twice", s.flagName())
		}
		flags[s.flagName()] = true
		if s.cmds == 0 || s.usage == "" {
			t.Errorf("setting %q: no command or no usage", s.key)
		}
		f := reflect.ValueOf(s.field(&c))
		if f.Kind() != reflect.Pointer || !reflect.TypeOf(s.def).ConvertibleTo(f.Type().Elem()) {
			t.Errorf("setting %q: default of type %T, field %s", s.key, s.def, f.Type())
			continue
		}
		if filled[f.Pointer()] {
			t.Errorf("setting %q fills a field another setting fills", s.key)
		}
		filled[f.Pointer()] = true
		s.set(&c, s.def) // panics on a field of another type
		if err := s.validate(s.def); err != nil {
			t.Errorf("setting %q: the default fails its check: %v", s.key, err)
		}
	}
	if !slices.IsSorted(keys) {
		t.Errorf("keys not in order: %v", keys)
	}
	cv := reflect.ValueOf(&c).Elem()
	for i := range cv.NumField() {
		if f := cv.Type().Field(i); !f.Anonymous && !filled[cv.Field(i).Addr().Pointer()] {
			t.Errorf("Config.%s is filled by no setting", f.Name)
		}
	}
}

// TestHelpFlags checks that each command's help lists exactly the flags
// it uses.
func TestHelpFlags(t *testing.T) {
	graphFlags := []string{"around", "cable-filter", "depth", "format", "help", "min-weight", "output", "relation", "rules", "since", "until"}
	tests := []struct {
		cmd  string
		want []string
	}{
		{"graph", graphFlags},
		{"run", append(slices.Clone(graphFlags), "cpuprofile", "jobs", "keep-going", "memprofile", "nlp", "progress", "report", "shard", "with-text")},
		{"picture", []string{"cable-filter", "ego", "help", "min-weight", "nodes", "output", "rules", "since", "top", "until", "width"}},
	}
	flag := regexp.MustCompile(`^\s+(?:-\w, )?--([a-z-]+)`)
	for _, tt := range tests {
		t.Run(tt.cmd, func(t *testing.T) {
			code, stdout, stderr := cli(t, "", nil, tt.cmd, "--help")
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			local, global, ok := strings.Cut(stdout, "\nGlobal Flags:\n")
			if !ok || !strings.Contains(global, "--config") {
				t.Fatalf("no global --config in the help:\n%s", stdout)
			}
			_, local, _ = strings.Cut(local, "\nFlags:\n")
			var got []string
			for _, line := range strings.Split(local, "\n") {
				if m := flag.FindStringSubmatch(line); m != nil {
					got = append(got, m[1])
				}
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("%s --help lists %v, want %v", tt.cmd, got, want)
			}
		})
	}
}

// TestNoBackquotedArgNames checks every flag of every command: pflag takes
// a `word` in a usage string for the argument's name, so a backquote in a
// usage string makes a bogus one (--shard cablegraph graph).
func TestNoBackquotedArgNames(t *testing.T) {
	var visit func(*cobra.Command)
	visit = func(cmd *cobra.Command) {
		check := func(f *pflag.Flag) {
			name, _ := pflag.UnquoteUsage(f)
			plain := *f
			plain.Usage = strings.ReplaceAll(f.Usage, "`", "")
			if want, _ := pflag.UnquoteUsage(&plain); name != want {
				t.Errorf("%s --%s: argument named %q by a backquote in the usage, want %q", cmd.CommandPath(), f.Name, name, want)
			}
		}
		cmd.LocalFlags().VisitAll(check)
		for _, sub := range cmd.Commands() {
			visit(sub)
		}
	}
	visit(newRoot(io.Discard, io.Discard))
	_, stdout, _ := cli(t, "", nil, "run", "--help")
	if !strings.Contains(stdout, "--shard string ") {
		t.Errorf("run --help does not show --shard string:\n%s", stdout)
	}
}

// TestSettingSources gives settings by config file, environment and flag
// and checks the value loaded: flag beats environment beats file.
func TestSettingSources(t *testing.T) {
	tests := []struct {
		name  string
		which commands
		file  string
		env   map[string]string
		args  []string
		get   func(Config) any
		want  any
	}{
		{name: "min_weight default", which: forGraph, get: func(c Config) any { return c.MinWeight }, want: 1},
		{name: "min_weight from file", which: forGraph, file: "min_weight: 2\n", get: func(c Config) any { return c.MinWeight }, want: 2},
		{name: "min_weight env beats file", which: forGraph, file: "min_weight: 2\n", env: map[string]string{"CABLEGRAPH_MIN_WEIGHT": "3"}, get: func(c Config) any { return c.MinWeight }, want: 3},
		{name: "min_weight flag beats env", which: forGraph, file: "min_weight: 2\n", env: map[string]string{"CABLEGRAPH_MIN_WEIGHT": "3"}, args: []string{"--min-weight", "4"}, get: func(c Config) any { return c.MinWeight }, want: 4},
		{name: "min_weight in run", which: forRun, env: map[string]string{"CABLEGRAPH_MIN_WEIGHT": "5"}, get: func(c Config) any { return c.Options.MinWeight }, want: 5},
		{name: "cable_filter from env", which: forGraph, env: map[string]string{"CABLEGRAPH_CABLE_FILTER": "PGOV"}, get: func(c Config) any { return c.CableFilter }, want: "PGOV"},
		{name: "format from env", which: forGraph, env: map[string]string{"CABLEGRAPH_FORMAT": "csv,dot"}, get: func(c Config) any { return c.Format }, want: []string{"csv", "dot"}},
		{name: "format flag beats file", which: forRun, file: "format: [gexf]\n", args: []string{"--format", "csv"}, get: func(c Config) any { return c.Format }, want: []string{"csv"}},
		{name: "rules from file", which: forGraph, file: "rules: [a.yaml, b.yaml]\n", get: func(c Config) any { return c.Rules }, want: []string{"a.yaml", "b.yaml"}},
		{name: "rules flag", which: forRun, args: []string{"--rules", "a,b.yaml"}, get: func(c Config) any { return c.Rules }, want: []string{"a,b.yaml"}},
		{name: "keep_going from file", which: forRun, file: "keep_going: true\n", get: func(c Config) any { return c.KeepGoing }, want: true},
		{name: "with_text env", which: forRun, env: map[string]string{"CABLEGRAPH_WITH_TEXT": "true"}, get: func(c Config) any { return c.WithText }, want: true},
		{name: "jobs from file", which: forRun, file: "jobs: 3\n", get: func(c Config) any { return c.Jobs }, want: 3},
		{name: "jobs flag beats file", which: forRun, file: "jobs: 3\n", args: []string{"-j", "7"}, get: func(c Config) any { return c.Jobs }, want: 7},
		// one file serves both commands: graph reads none of run's settings
		{name: "graph ignores run's jobs", which: forGraph, file: "jobs: 3\n", env: map[string]string{"CABLEGRAPH_SHARD": "9/2"}, get: func(c Config) any { return c.Jobs }, want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if tt.file != "" {
				os.WriteFile(DefaultConfigFile, []byte(tt.file), 0o644)
			}
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
			addFlags(fs, tt.which)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			c, err := loadConfig(fs, "", tt.which)
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.get(c); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

// TestMinWeightReachesGraph runs graph over the sample's cables.jsonl
// with min_weight from the file, the environment and a flag: edges.csv
// keeps exactly the edges of the winning weight.
func TestMinWeightReachesGraph(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := cli(t, dir, nil, "run", "--progress", "never", "-o", "all", "--format", "csv"); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	all := edgeWeights(t, filepath.Join(dir, "all", "edges.csv"))
	tests := []struct {
		name string
		file string
		env  string
		args []string
		want int
	}{
		{name: "default", want: 1},
		{name: "file", file: "min_weight: 2\n", want: 2},
		{name: "env beats file", file: "min_weight: 3\n", env: "2", want: 2},
		{name: "flag beats env", file: "min_weight: 3\n", env: "3", args: []string{"--min-weight", "2"}, want: 2},
		{name: "flag beats file", file: "min_weight: 2\n", args: []string{"--min-weight", "3"}, want: 3},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(filepath.Join(dir, DefaultConfigFile))
			if tt.file != "" {
				os.WriteFile(filepath.Join(dir, DefaultConfigFile), []byte(tt.file), 0o644)
			}
			var env map[string]string
			if tt.env != "" {
				env = map[string]string{"CABLEGRAPH_MIN_WEIGHT": tt.env}
			}
			out := "g" + strconv.Itoa(i)
			args := append([]string{"graph", "-o", out, "--format", "csv", "all/cables.jsonl"}, tt.args...)
			if code, _, stderr := cli(t, dir, env, args...); code != exitOK {
				t.Fatalf("graph: exit %d: %s", code, stderr)
			}
			var want []int
			for _, w := range all {
				if w >= tt.want {
					want = append(want, w)
				}
			}
			if got := edgeWeights(t, filepath.Join(dir, out, "edges.csv")); !slices.Equal(got, want) {
				t.Errorf("edge weights %v, want the %d of weight >= %d", got, len(want), tt.want)
			}
		})
	}
}

// edgeWeights reads the Weight column of an edges.csv.
func edgeWeights(t *testing.T, path string) []int {
	t.Helper()
	rows := readCSV(t, path)
	col := slices.Index(rows[0], "Weight")
	var ws []int
	for _, r := range rows[1:] {
		w, err := strconv.Atoi(r[col])
		if err != nil {
			t.Fatalf("%s: weight %q", path, r[col])
		}
		ws = append(ws, w)
	}
	return ws
}

// TestBadSettings gives bad values by file, environment and flag to both
// commands: the command stops before it starts, naming the key.
func TestBadSettings(t *testing.T) {
	tests := []struct {
		name string
		cmd  string
		file string
		env  map[string]string
		args []string
		want string
	}{
		{name: "min_weight file", cmd: "graph", file: "min_weight: -1\n", want: `config file cablegraph.yaml: key "min_weight": -1 is negative`},
		{name: "min_weight env", cmd: "graph", env: map[string]string{"CABLEGRAPH_MIN_WEIGHT": "-2"}, want: `key "min_weight": -2 is negative`},
		{name: "min_weight flag", cmd: "run", args: []string{"--min-weight", "-3"}, want: `key "min_weight": -3 is negative`},
		{name: "min_weight type", cmd: "graph", file: "min_weight: many\n", want: `config file cablegraph.yaml: key "min_weight": "many" is not a whole number`},
		{name: "min_weight env type", cmd: "graph", env: map[string]string{"CABLEGRAPH_MIN_WEIGHT": "x"}, want: `key "min_weight": "x" is not a whole number`},
		{name: "nlp type", cmd: "run", env: map[string]string{"CABLEGRAPH_NLP": "maybe"}, want: `key "nlp": "maybe" is not true or false`},
		{name: "since", cmd: "graph", args: []string{"--since", "2009-13-01"}, want: `key "since": "2009-13-01" is not a date YYYY-MM-DD`},
		{name: "until env", cmd: "run", env: map[string]string{"CABLEGRAPH_UNTIL": "soon"}, want: `key "until": "soon" is not a date YYYY-MM-DD`},
		{name: "relation", cmd: "graph", args: []string{"--relation", "friends"}, want: `key "relation": "friends" is not meeting or comention`},
		{name: "format", cmd: "graph", args: []string{"--format", "csv,pdf"}, want: `key "format": "pdf" is not one of graphml, gexf, dot, csv, meetings, refs`},
		{name: "output", cmd: "graph", file: "output: ' '\n", want: `key "output": must not be empty`},
		{name: "shard", cmd: "run", args: []string{"--shard", "4/4"}, want: `key "shard": shard "4/4": want i/n`},
		{name: "progress env", cmd: "run", env: map[string]string{"CABLEGRAPH_PROGRESS": "sometimes"}, want: `key "progress": "sometimes" is not one of auto, always, never`},
		// the file is checked whole, whichever command reads it
		{name: "run's key in graph's file", cmd: "graph", file: "jobs: 0\n", want: `config file cablegraph.yaml: key "jobs": 0 is out of range 1..1024`},
		{name: "unknown key", cmd: "graph", file: "min_weight: 2\nworkers: 3\n", want: `config file cablegraph.yaml: unknown key "workers" (known: around, cable_filter, depth, ego, format, jobs, keep_going, min_weight, nlp, nodes, output, progress, relation, report, rules, shard, since, top, until, width, with_text)`},
		{name: "nested key", cmd: "run", file: "output:\n  dir: x\n", want: `unknown key "output.dir"`},
		{name: "run's flag in graph", cmd: "graph", args: []string{"--jobs", "2"}, want: "unknown flag: --jobs"},
		{name: "top", cmd: "picture", args: []string{"--top", "0"}, want: `key "top": 0 is out of range 1..1000`},
		{name: "width env", cmd: "picture", env: map[string]string{"CABLEGRAPH_WIDTH": "300"}, want: `key "width": 300 is out of range 500..10000`},
		{name: "nodes file", cmd: "picture", file: "nodes: lots\n", want: `config file cablegraph.yaml: key "nodes": "lots" is not a whole number`},
		{name: "graph's flag in picture", cmd: "picture", args: []string{"--format", "csv"}, want: "unknown flag: --format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != "" {
				os.WriteFile(filepath.Join(dir, DefaultConfigFile), []byte(tt.file), 0o644)
			}
			args := append([]string{tt.cmd, "-o", "out"}, tt.args...)
			if tt.cmd == "graph" || tt.cmd == "picture" {
				args = append(args, "cables.jsonl")
			}
			code, _, stderr := cli(t, dir, tt.env, args...)
			if code != exitError || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d saying %q", code, stderr, exitError, tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
				t.Error("the command ran despite the bad setting")
			}
		})
	}
}
