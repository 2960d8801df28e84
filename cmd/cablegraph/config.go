package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/pipeline"
)

// Config holds the settings of a run, from cablegraph.yaml (or --config),
// CABLEGRAPH_* environment variables and flags, later ones winning.
type Config struct {
	Output    string `mapstructure:"output"`
	Jobs      int    `mapstructure:"jobs"`
	Progress  string `mapstructure:"progress"`
	WithText  bool   `mapstructure:"with_text"`
	KeepGoing bool   `mapstructure:"keep_going"`
	// Report is where report.json goes ("" for the output folder).
	Report string `mapstructure:"report"`
	// Shard is "i/n": take the i-th of n shares of the cables ("" for all).
	Shard string `mapstructure:"shard"`
	// Rules are the user's rule files, applied over the default rule set in
	// order.
	Rules []string `mapstructure:"rules"`
	// NLP adds prose's statistical tagger where the rules leave
	// capitalized words unexplained.
	NLP bool `mapstructure:"nlp"`
	// Formats are the graph exports written: graphml, gexf, dot, csv,
	// meetings (all by default).
	Formats []string `mapstructure:"format"`
	// Graph options.
	MinWeight   int    `mapstructure:"min_weight"`
	Since       string `mapstructure:"since"`
	Until       string `mapstructure:"until"`
	CableFilter string `mapstructure:"cable_filter"`
	Relation    string `mapstructure:"relation"`
}

// settings maps each config key to its flag name.
var settings = map[string]string{
	"output":       "output",
	"jobs":         "jobs",
	"progress":     "progress",
	"with_text":    "with-text",
	"keep_going":   "keep-going",
	"report":       "report",
	"shard":        "shard",
	"rules":        "rules",
	"nlp":          "nlp",
	"format":       "format",
	"min_weight":   "min-weight",
	"since":        "since",
	"until":        "until",
	"cable_filter": "cable-filter",
	"relation":     "relation",
}

// DefaultConfigFile is read from the working folder when present.
const DefaultConfigFile = "cablegraph.yaml"

func addRunFlags(fs *pflag.FlagSet) {
	fs.StringP("output", "o", "out", "folder to write the outputs into")
	fs.IntP("jobs", "j", runtime.NumCPU(), "workers for the CPU stages")
	fs.String("progress", "auto", "progress line on stderr: auto (when a terminal), always, never")
	fs.Bool("with-text", false, "write each cable's original and normalized text into cables.jsonl")
	fs.Bool("keep-going", false, "exit 0 even when some cables failed (they are still reported)")
	fs.String("shard", "", "i/n: process only the i-th of n shares of the cables (by refid hash); merge the shards' cables.jsonl with `cablegraph graph`")
	fs.String("report", "", "write report.json here instead of into the output folder (an interrupted run writes it only here)")
	fs.StringArray("rules", nil, "a rule file (YAML or JSON) extending the default rules; repeatable")
	fs.Bool("nlp", false, "also run prose's NER where the rules leave capitalized names unexplained (slower)")
	addGraphFlags(fs)
}

// addGraphFlags adds the graph's flags (run and graph commands).
func addGraphFlags(fs *pflag.FlagSet) {
	fs.StringSlice("format", append([]string(nil), pipeline.FormatNames...), "graph exports to write: "+strings.Join(pipeline.FormatNames, ", ")+" (refs: which cable cites which)")
	fs.Int("min-weight", 1, "leave out edges with fewer meetings")
	fs.String("since", "", "only cables dated on or after YYYY-MM-DD")
	fs.String("until", "", "only cables dated on or before YYYY-MM-DD")
	fs.String("cable-filter", "", "only cables whose origin or a TAG contains this (e.g. Baghdad, PGOV)")
	fs.String("relation", "meeting", "edges: meeting (who met whom) or comention (named in the same cable)")
}

// loadConfig merges the config file, the environment and the flags into a
// Config and validates it. configPath is --config ("" to look for
// cablegraph.yaml in the working folder).
func loadConfig(fs *pflag.FlagSet, configPath string) (Config, error) {
	v := viper.New()
	v.SetEnvPrefix("CABLEGRAPH")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := v.BindPFlag(k, fs.Lookup(settings[k])); err != nil {
			return Config{}, err
		}
		if err := v.BindEnv(k); err != nil {
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
	if err := v.Unmarshal(&c); err != nil {
		return Config{}, fmt.Errorf("settings (%s, CABLEGRAPH_* environment, flags): %w", orNone(file), err)
	}
	if err := c.validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// checkFile reads a config file alone and rejects unknown keys and values
// of the wrong type, naming the file and the key.
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
	var unknown []string
	for _, k := range f.AllKeys() {
		top := strings.SplitN(k, ".", 2)[0]
		if _, ok := settings[top]; !ok || top != k {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("config file %s: unknown key %q (known: %s)", file, unknown[0], strings.Join(knownKeys(), ", "))
	}
	var c Config
	if err := f.Unmarshal(&c); err != nil {
		return fmt.Errorf("config file %s: %w", file, err)
	}
	for _, k := range f.AllKeys() {
		if err := validateKey(k, c); err != nil {
			return fmt.Errorf("config file %s: %w", file, err)
		}
	}
	return nil
}

func knownKeys() []string {
	var ks []string
	for k := range settings {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func orNone(file string) string {
	if file == "" {
		return "no config file"
	}
	return file
}

func (c Config) validate() error {
	for _, k := range knownKeys() {
		if err := validateKey(k, c); err != nil {
			return err
		}
	}
	return nil
}

func validateKey(k string, c Config) error {
	switch k {
	case "output":
		if strings.TrimSpace(c.Output) == "" {
			return fmt.Errorf("key %q: must not be empty", k)
		}
	case "jobs":
		if c.Jobs < 1 || c.Jobs > 1024 {
			return fmt.Errorf("key %q: %d is out of range 1..1024", k, c.Jobs)
		}
	case "progress":
		switch c.Progress {
		case "auto", "always", "never":
		default:
			return fmt.Errorf("key %q: %q is not one of auto, always, never", k, c.Progress)
		}
	case "format":
		for _, f := range c.Formats {
			if _, ok := pipeline.Formats[f]; !ok {
				return fmt.Errorf("key %q: %q is not one of %s", k, f, strings.Join(pipeline.FormatNames, ", "))
			}
		}
	case "min_weight":
		if c.MinWeight < 0 {
			return fmt.Errorf("key %q: %d is negative", k, c.MinWeight)
		}
	case "since", "until":
		d := c.Since
		if k == "until" {
			d = c.Until
		}
		if d != "" {
			if _, err := time.Parse("2006-01-02", d); err != nil {
				return fmt.Errorf("key %q: %q is not a date YYYY-MM-DD", k, d)
			}
		}
	case "shard":
		if c.Shard != "" {
			if _, err := pipeline.ParseShard(c.Shard); err != nil {
				return fmt.Errorf("key %q: %w", k, err)
			}
		}
	case "relation":
		if c.Relation != "meeting" && c.Relation != "comention" {
			return fmt.Errorf("key %q: %q is not meeting or comention", k, c.Relation)
		}
	}
	return nil
}

// graphOptions are the config's graph options.
func (c Config) graphOptions() graph.Options {
	return graph.Options{MinWeight: c.MinWeight, Since: c.Since, Until: c.Until, CableFilter: c.CableFilter, Relation: c.Relation}
}
