package main

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/picture"
	"github.com/cablegraph/cablegraph/pipeline"
)

// Config holds the settings of a run, from cablegraph.yaml (or --config),
// CABLEGRAPH_* environment variables and flags, later ones winning. The
// settings table says which setting fills which field.
type Config struct {
	Output    string
	Jobs      int
	Progress  string
	WithText  bool
	KeepGoing bool
	// Report is where report.json goes ("" for the output folder).
	Report string
	// Shard is "i/n": take the i-th of n shares of the cables ("" for all).
	Shard string
	// Rules are the user's rule files, applied over the default rule set in
	// order.
	Rules []string
	// NLP adds prose's statistical tagger where the rules leave
	// capitalized words unexplained.
	NLP bool
	// Format lists the graph exports written (pipeline.FormatNames).
	Format []string
	// The graph's settings: min_weight, since, until, cable_filter,
	// relation.
	graph.Options
	// Ego names the person whose ego network picture draws ("" for none).
	Ego string
	// The pictures' sizes (picture.Options): how many people are named
	// (Top) and drawn (Nodes), and how wide (Width, pixels).
	Top, Nodes, Width int
}

// commands is a set of the commands that take a setting.
type commands uint8

const (
	forRun commands = 1 << iota
	forGraph
	forPath
	forView
	forPicture
	forBoth = forRun | forGraph
)

// setting is one setting, declared once: its config key, its
// CABLEGRAPH_<KEY> environment variable, its flag, its check and the
// commands that take it.
type setting struct {
	// key is the key in cablegraph.yaml, upper-cased after CABLEGRAPH_ in
	// the environment.
	key string
	// field points to the Config field the setting fills (of def's type).
	field func(*Config) any
	flag  string // the flag's name when not the key with - for _
	short string // one-letter flag, if any
	// def is the default; its type is the flag's and the field's: string,
	// int, bool, []string (a comma-separated list) or repeated.
	def   any
	usage string
	// check rejects a bad value (of def's type); its error follows
	// `key "KEY": `. nil takes any value.
	check func(any) error
	cmds  commands
}

// repeated is the default of a list setting whose flag is given once per
// value (--rules a.yaml --rules b.yaml) and does not split at commas.
type repeated []string

// settings is the one table of the settings of run and graph, in key
// order.
func settings() []setting {
	return []setting{
		{key: "around", field: func(c *Config) any { return &c.Around }, def: "", usage: "export only the ego network of this person (an id, a name or an alias): the people within --depth meetings of them", cmds: forBoth | forView},
		{key: "cable_filter", field: func(c *Config) any { return &c.CableFilter }, def: "", usage: "only cables whose origin or a TAG contains this (e.g. Baghdad, PGOV)", cmds: forBoth | forPath | forView | forPicture},
		{key: "depth", field: func(c *Config) any { return &c.Depth }, def: 1, usage: "with --around: how many meetings away from the person the network reaches", check: between(1, 100), cmds: forBoth | forView},
		{key: "ego", field: func(c *Config) any { return &c.Ego }, def: "", usage: "also draw the ego network of this person (an id, a name or an alias) into ego-ID.svg", cmds: forPicture},
		{key: "format", field: func(c *Config) any { return &c.Format }, def: slices.Clone(pipeline.FormatNames), usage: "graph exports to write: " + strings.Join(pipeline.FormatNames, ", ") + " (refs: which cable cites which)", check: oneOf(pipeline.FormatNames...), cmds: forBoth},
		{key: "jobs", field: func(c *Config) any { return &c.Jobs }, short: "j", def: runtime.NumCPU(), usage: "workers for the CPU stages", check: between(1, 1024), cmds: forRun},
		{key: "keep_going", field: func(c *Config) any { return &c.KeepGoing }, def: false, usage: "exit 0 even when some cables failed (they are still reported)", cmds: forRun},
		{key: "min_weight", field: func(c *Config) any { return &c.MinWeight }, def: 1, usage: "leave out edges with fewer meetings", check: notNegative, cmds: forBoth | forPath | forView | forPicture},
		{key: "nlp", field: func(c *Config) any { return &c.NLP }, def: false, usage: "also run prose's NER where the rules leave capitalized names unexplained (slower)", cmds: forRun},
		{key: "nodes", field: func(c *Config) any { return &c.Nodes }, def: picture.DefaultNodes, usage: "people drawn in network.svg (those in the most cables with a meeting; --top of them named)", check: between(1, 100000), cmds: forPicture},
		{key: "output", field: func(c *Config) any { return &c.Output }, short: "o", def: "out", usage: "folder to write the outputs into", check: notEmpty, cmds: forBoth | forView | forPicture},
		{key: "progress", field: func(c *Config) any { return &c.Progress }, def: "auto", usage: "progress line on stderr: auto (when a terminal), always, never", check: oneOf("auto", "always", "never"), cmds: forRun},
		{key: "relation", field: func(c *Config) any { return &c.Relation }, def: "meeting", usage: "edges: meeting (who met whom) or comention (named in the same cable)", check: oneOf("meeting", "comention"), cmds: forBoth},
		{key: "report", field: func(c *Config) any { return &c.Report }, def: "", usage: "write report.json here instead of into the output folder (an interrupted run writes it only here)", cmds: forRun},
		{key: "rules", field: func(c *Config) any { return &c.Rules }, def: repeated(nil), usage: "a rule file (YAML or JSON) extending the default rules; repeatable", cmds: forBoth | forPath | forView | forPicture},
		{key: "shard", field: func(c *Config) any { return &c.Shard }, def: "", usage: `i/n: process only the i-th of n shares of the cables (by refid hash); merge the shards' cables.jsonl with "cablegraph graph"`, check: isShard, cmds: forRun},
		{key: "since", field: func(c *Config) any { return &c.Since }, def: "", usage: "only cables dated on or after YYYY-MM-DD", check: isDate, cmds: forBoth | forPath | forView | forPicture},
		{key: "top", field: func(c *Config) any { return &c.Top }, def: picture.DefaultTop, usage: "people named in network.svg, and drawn around the person of --ego at most (the most met)", check: between(1, 1000), cmds: forPicture},
		{key: "until", field: func(c *Config) any { return &c.Until }, def: "", usage: "only cables dated on or before YYYY-MM-DD", check: isDate, cmds: forBoth | forPath | forView | forPicture},
		{key: "width", field: func(c *Config) any { return &c.Width }, def: picture.DefaultWidth, usage: "pictures' width in pixels (500 or more: a date and a cable must fit on the ego network's spokes)", check: between(500, 10000), cmds: forPicture},
		{key: "with_text", field: func(c *Config) any { return &c.WithText }, def: false, usage: "write each cable's original and normalized text into cables.jsonl", cmds: forRun},
	}
}

// settingsOf lists the settings taken by any of the commands in which.
func settingsOf(which commands) []setting {
	var ss []setting
	for _, s := range settings() {
		if s.cmds&which != 0 {
			ss = append(ss, s)
		}
	}
	return ss
}

func (s setting) flagName() string {
	if s.flag != "" {
		return s.flag
	}
	return strings.ReplaceAll(s.key, "_", "-")
}

// DefaultConfigFile is read from the working folder when present.
const DefaultConfigFile = "cablegraph.yaml"

// addFlags adds the flags of the settings a command takes.
func addFlags(fs *pflag.FlagSet, which commands) {
	for _, s := range settingsOf(which) {
		switch d := s.def.(type) {
		case string:
			fs.StringP(s.flagName(), s.short, d, s.usage)
		case int:
			fs.IntP(s.flagName(), s.short, d, s.usage)
		case bool:
			fs.BoolP(s.flagName(), s.short, d, s.usage)
		case []string:
			fs.StringSliceP(s.flagName(), s.short, d, s.usage)
		case repeated:
			fs.StringArrayP(s.flagName(), s.short, d, s.usage)
		default:
			panic(fmt.Sprintf("setting %q: no flag for a default of type %T", s.key, s.def))
		}
	}
}

// loadConfig merges the config file, the environment and the flags into a
// Config, reading and checking the settings the commands in which take.
// configPath is --config ("" to look for cablegraph.yaml in the working
// folder).
func loadConfig(fs *pflag.FlagSet, configPath string, which commands) (Config, error) {
	v := viper.New()
	v.SetEnvPrefix("CABLEGRAPH")
	ss := settingsOf(which)
	for _, s := range ss {
		if err := v.BindPFlag(s.key, fs.Lookup(s.flagName())); err != nil {
			return Config{}, err
		}
		if err := v.BindEnv(s.key); err != nil {
			return Config{}, err
		}
	}
	file := configPath
	if file == "" {
		if _, err := os.Stat(DefaultConfigFile); err == nil {
			file = DefaultConfigFile
		}
	}
	if file != "" {
		if err := checkFile(file); err != nil {
			return Config{}, err
		}
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			return Config{}, fmt.Errorf("%s: %w", file, err)
		}
	}
	var c Config
	for _, s := range ss {
		val, err := s.read(v)
		if err != nil {
			return Config{}, fmt.Errorf("settings (%s, CABLEGRAPH_* environment, flags): %w", orNone(file), err)
		}
		if err := s.validate(val); err != nil {
			return Config{}, err
		}
		s.set(&c, val)
	}
	return c, nil
}

// checkFile reads a config file alone and rejects unknown keys and values
// of the wrong type or failing their check, naming the file and the key.
// The file may hold the settings of any command (one cablegraph.yaml
// serves run and graph); each command reads only its own.
func checkFile(file string) error {
	f := viper.New()
	f.SetConfigFile(file)
	if err := f.ReadInConfig(); err != nil {
		var nf viper.ConfigFileNotFoundError
		if errors.As(err, &nf) || os.IsNotExist(err) {
			return fmt.Errorf("config file %s: not found", file)
		}
		return fmt.Errorf("config file %s: %w", file, err)
	}
	known := map[string]setting{}
	for _, s := range settings() {
		known[s.key] = s
	}
	keys := f.AllKeys()
	slices.Sort(keys)
	for _, k := range keys {
		if _, ok := known[k]; !ok {
			return fmt.Errorf("config file %s: unknown key %q (known: %s)", file, k, strings.Join(knownKeys(), ", "))
		}
	}
	for _, k := range keys {
		val, err := known[k].read(f)
		if err == nil {
			err = known[k].validate(val)
		}
		if err != nil {
			return fmt.Errorf("config file %s: %w", file, err)
		}
	}
	return nil
}

func knownKeys() []string {
	var ks []string
	for _, s := range settings() {
		ks = append(ks, s.key)
	}
	slices.Sort(ks)
	return ks
}

func orNone(file string) string {
	if file == "" {
		return "no config file"
	}
	return file
}

// read is the setting's value in v, of the type of its default.
func (s setting) read(v *viper.Viper) (any, error) {
	p := reflect.New(reflect.TypeOf(s.def))
	if err := v.UnmarshalKey(s.key, p.Interface()); err != nil {
		want := "a list"
		switch s.def.(type) {
		case string:
			want = "a string"
		case int:
			want = "a whole number"
		case bool:
			want = "true or false"
		}
		return nil, fmt.Errorf("key %q: %q is not %s", s.key, fmt.Sprint(v.Get(s.key)), want)
	}
	return p.Elem().Interface(), nil
}

// validate checks a value of the setting.
func (s setting) validate(val any) error {
	if s.check == nil {
		return nil
	}
	if err := s.check(val); err != nil {
		return fmt.Errorf("key %q: %w", s.key, err)
	}
	return nil
}

// set stores a value of the setting (of def's type) in its Config field.
func (s setting) set(c *Config, val any) {
	switch p := s.field(c).(type) {
	case *string:
		*p = val.(string)
	case *int:
		*p = val.(int)
	case *bool:
		*p = val.(bool)
	case *[]string:
		if r, ok := val.(repeated); ok {
			val = []string(r)
		}
		*p = val.([]string)
	default:
		panic(fmt.Sprintf("setting %q: no field of type %T", s.key, p))
	}
}

// The checks of the settings' values.

func notEmpty(v any) error {
	if strings.TrimSpace(v.(string)) == "" {
		return errors.New("must not be empty")
	}
	return nil
}

func notNegative(v any) error {
	if n := v.(int); n < 0 {
		return fmt.Errorf("%d is negative", n)
	}
	return nil
}

func between(lo, hi int) func(any) error {
	return func(v any) error {
		if n := v.(int); n < lo || n > hi {
			return fmt.Errorf("%d is out of range %d..%d", n, lo, hi)
		}
		return nil
	}
}

// oneOf takes one of the words, or a list of them.
func oneOf(words ...string) func(any) error {
	want := "one of " + strings.Join(words, ", ")
	if len(words) == 2 {
		want = words[0] + " or " + words[1]
	}
	return func(v any) error {
		list, ok := v.([]string)
		if !ok {
			list = []string{v.(string)}
		}
		for _, w := range list {
			if !slices.Contains(words, w) {
				return fmt.Errorf("%q is not %s", w, want)
			}
		}
		return nil
	}
}

func isDate(v any) error {
	if d := v.(string); d != "" {
		if _, err := time.Parse("2006-01-02", d); err != nil {
			return fmt.Errorf("%q is not a date YYYY-MM-DD", d)
		}
	}
	return nil
}

func isShard(v any) error {
	if s := v.(string); s != "" {
		_, err := pipeline.ParseShard(s)
		return err
	}
	return nil
}
