package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/cablegraph/cablegraph/sqlite"
)

// TestGraphSQLiteFromShards runs the sample as two shards and writes
// cablegraph.db from their cables.jsonl with the graph command alone
// (--format sqlite): it holds every cable of both, and the edges of the
// graph one run makes.
func TestGraphSQLiteFromShards(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := cli(t, dir, nil, "run", "--progress", "never", "-o", "all", "--format", "csv"); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	for _, s := range []string{"0", "1"} {
		if code, _, stderr := cli(t, dir, nil, "run", "--progress", "never", "--shard", s+"/2", "-o", "s"+s); code != exitOK {
			t.Fatalf("run --shard %s/2: exit %d: %s", s, code, stderr)
		}
	}
	if code, _, stderr := cli(t, dir, nil, "graph", "--format", "sqlite", "-o", "merged", "s1/cables.jsonl", "s0/cables.jsonl"); code != exitOK {
		t.Fatalf("graph --format sqlite: exit %d: %s", code, stderr)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "merged", sqlite.File)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var cables, edges int
	if err := db.QueryRow("SELECT (SELECT count(*) FROM cables), (SELECT count(*) FROM edges)").Scan(&cables, &edges); err != nil {
		t.Fatal(err)
	}
	records, err := os.ReadFile(filepath.Join(dir, "all", "cables.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	wantCables := bytes.Count(records, []byte("\n"))
	wantEdges := len(edgeWeights(t, filepath.Join(dir, "all", "edges.csv")))
	if cables != wantCables || edges != wantEdges || edges == 0 {
		t.Errorf("the database of two shards holds %d cables and %d edges; one run has %d and %d", cables, edges, wantCables, wantEdges)
	}
}
