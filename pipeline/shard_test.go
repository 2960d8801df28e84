package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

func TestParseShard(t *testing.T) {
	tests := []struct {
		in   string
		want Shard
		err  bool
	}{
		{"0/4", Shard{0, 4}, false},
		{"3/4", Shard{3, 4}, false},
		{" 1 / 2 ", Shard{1, 2}, false},
		{"4/4", Shard{}, true},
		{"-1/4", Shard{}, true},
		{"1/0", Shard{}, true},
		{"1", Shard{}, true},
		{"a/b", Shard{}, true},
	}
	for _, tt := range tests {
		got, err := ParseShard(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseShard(%q) = %v, %v", tt.in, got, err)
		}
	}
}

// TestShards runs the sample (and the corpus, when it is there) once, and
// as four shards merged by Graph: the graph exports must be the same byte
// for byte, and meetings.jsonl the same lines (in shard order);
// cablegraph.db the same rows (sqlite.TestShards).
func TestShards(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(set)
	rel := relate.New(set)
	inputs := map[string][]source.Input{"sample": sampleInputs(t)}
	if _, err := os.Stat(corpus); err == nil && !testing.Short() {
		inputs["corpus"] = []source.Input{{Path: corpus, Size: -1}}
	} else {
		t.Logf("%s not found or -short: the shards of the sample only", corpus)
	}
	for name, ins := range inputs {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			full := filepath.Join(dir, "full")
			one, err := Run(context.Background(), Config{Inputs: ins, OutDir: full, Jobs: 2, Extractor: x, Relations: rel, Formats: FormatNames})
			if err != nil {
				t.Fatal(err)
			}
			var files []string
			read := 0
			for i := 0; i < 4; i++ {
				out := filepath.Join(dir, "shard", string(rune('0'+i)))
				rep, err := Run(context.Background(), Config{Inputs: ins, OutDir: out, Jobs: 2, Extractor: x, Relations: rel, Shard: Shard{i, 4}})
				if err != nil {
					t.Fatal(err)
				}
				if rep.CablesRead+rep.CablesOtherShards != one.CablesRead {
					t.Errorf("shard %d: %d read + %d others != %d", i, rep.CablesRead, rep.CablesOtherShards, one.CablesRead)
				}
				if rep.CablesRead == 0 || rep.Shard != (Shard{i, 4}).String() {
					t.Errorf("shard %d read %d cables (report says shard %q)", i, rep.CablesRead, rep.Shard)
				}
				read += rep.CablesRead
				files = append(files, filepath.Join(out, CablesFile))
			}
			if read != one.CablesRead {
				t.Errorf("the shards read %d cables, one run %d", read, one.CablesRead)
			}
			merged := filepath.Join(dir, "merged")
			if _, err := Graph(context.Background(), merged, FormatNames, graph.Options{}, x.NewPeople(), files); err != nil {
				t.Fatal(err)
			}
			for _, format := range FormatNames {
				if format == "sqlite" {
					continue // rows in the order of the files: sqlite.TestShards compares its content
				}
				for _, f := range Formats[format] {
					a, err1 := os.ReadFile(filepath.Join(full, f))
					b, err2 := os.ReadFile(filepath.Join(merged, f))
					if err1 != nil || err2 != nil {
						t.Fatal(err1, err2)
					}
					if f == "meetings.jsonl" {
						a, b = sortedLines(a), sortedLines(b)
					}
					if !bytes.Equal(a, b) {
						t.Errorf("%s: one run and the merge of 4 shards differ (%d and %d bytes)", f, len(a), len(b))
					}
				}
			}
			t.Logf("%d cables, graph of %d people and %d edges: the same from 4 shards", one.CablesRead, one.Graph.Nodes, one.Graph.Edges)
		})
	}
}

func sortedLines(b []byte) []byte {
	lines := bytes.SplitAfter(b, []byte("\n"))
	slices.SortFunc(lines, bytes.Compare)
	return bytes.Join(lines, nil)
}
