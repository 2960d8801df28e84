package sqlite_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph"
	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/pipeline"
	"github.com/cablegraph/cablegraph/record"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
	"github.com/cablegraph/cablegraph/sqlite"
)

const corpus = "../../shared/corpus/cables.csv.gz"

// run runs the pipeline over ins into a new folder with every export and
// returns the folder; shard, when Count > 1, runs that shard only.
func run(t *testing.T, ins []source.Input, withText bool, shard pipeline.Shard) string {
	t.Helper()
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cfg := pipeline.Config{Inputs: ins, OutDir: dir, Jobs: 2, WithText: withText, Extractor: extract.New(set), Relations: relate.New(set), Shard: shard}
	if shard.Count <= 1 {
		cfg.Formats = pipeline.FormatNames
	}
	if _, err := pipeline.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	return dir
}

func sampleInputs(t *testing.T) []source.Input {
	t.Helper()
	ins, err := source.ExpandFS(cablegraph.Sample, cablegraph.SampleRoot)
	if err != nil {
		t.Fatal(err)
	}
	return ins
}

func open(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// rows runs a query and returns its rows as sqlite3's list mode prints
// them: values joined by |, NULL as nothing.
func rows(t *testing.T, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	rs, err := db.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		s := make([]string, len(vals))
		for i, v := range vals {
			switch v := v.(type) {
			case nil:
			case []byte:
				s[i] = string(v)
			default:
				s[i] = fmt.Sprint(v)
			}
		}
		out = append(out, strings.Join(s, "|"))
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func count(t *testing.T, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs[1:] // the header
}

// TestSample checks the sample's database against cables.jsonl and the
// graph exports of the same run: the same cables, people, mentions,
// meetings, edges and citations, by count and by id; the database is
// whole and its foreign keys hold.
func TestSample(t *testing.T) {
	dir := run(t, sampleInputs(t), true, pipeline.Shard{})
	db := open(t, filepath.Join(dir, sqlite.File))
	if got := rows(t, db, "PRAGMA integrity_check"); !slices.Equal(got, []string{"ok"}) {
		t.Errorf("integrity_check: %q", got)
	}
	if got := rows(t, db, "PRAGMA foreign_key_check"); len(got) > 0 {
		t.Errorf("foreign keys that point nowhere: %q", got)
	}
	// what cables.jsonl holds
	var cables, mentions, meetings, participants []string
	people := map[string]bool{}
	f, err := os.Open(filepath.Join(dir, record.File))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = record.Each(f, record.File, func(c *record.Cable) error {
		cables = append(cables, c.RefID)
		found := c.Found()
		for kind, list := range map[string][]record.Entity{"person": found.People, "place": found.Places, "organization": found.Organizations} {
			for _, e := range list {
				if kind == "person" {
					people[e.ID] = true
				}
				for _, m := range e.Mentions {
					mentions = append(mentions, fmt.Sprintf("%s|%s|%s|%d|%d|%s", c.RefID, kind, e.ID, m.Start, m.End, m.Text))
				}
			}
		}
		for i, m := range c.Meetings {
			meetings = append(meetings, fmt.Sprintf("%s|%d|%s", c.RefID, i, m.Evidence.Text))
			for _, p := range m.Participants {
				people[p] = true
				participants = append(participants, fmt.Sprintf("%s|%d|%s", c.RefID, i, p))
			}
		}
		if c.Text == "" || c.Normalized == "" {
			t.Errorf("%s: a run with text has no text", c.RefID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(mentions)
	slices.Sort(participants)
	var ids []string
	for id := range people {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	// what the graph exports hold
	var edges, nodes, cites []string
	for _, r := range readCSV(t, filepath.Join(dir, "edges.csv")) {
		edges = append(edges, r[0]+"|"+r[1]+"|"+r[3])
	}
	for _, r := range readCSV(t, filepath.Join(dir, "nodes.csv")) {
		nodes = append(nodes, r[0]+"|"+r[1])
	}
	for _, r := range readCSV(t, filepath.Join(dir, "refs-edges.csv")) {
		cites = append(cites, r[0]+"|"+r[1])
	}
	meetingLines, err := os.ReadFile(filepath.Join(dir, pipeline.MeetingsFile))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		query string
		want  []string
	}{
		{"cables", "SELECT id FROM cables ORDER BY seq", cables},
		{"people", "SELECT id FROM people ORDER BY id", ids},
		{"people with an edge (nodes.csv)", "SELECT id, name FROM people WHERE id IN (SELECT source FROM edges UNION SELECT target FROM edges) ORDER BY id", nodes},
		{"mentions", "SELECT cable, type, entity, start, end, text FROM mentions ORDER BY 1, 2, 3, 4, 5, 6", mentions},
		{"meetings", "SELECT cable, pos, evidence FROM meetings ORDER BY id", meetings},
		{"participants", "SELECT m.cable, m.pos, p.person FROM participants AS p JOIN meetings AS m ON m.id = p.meeting ORDER BY 1, 2, 3", participants},
		{"edges (edges.csv)", "SELECT source, target, weight FROM edges ORDER BY source, target", edges},
		{"citations (refs-edges.csv)", "SELECT DISTINCT cable, cites FROM citations ORDER BY cable, cites", cites},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rows(t, db, tt.query)
			if len(tt.want) == 0 {
				t.Fatalf("the sample has no %s to compare", tt.name)
			}
			slices.Sort(got) // as the wanted rows: as strings
			slices.Sort(tt.want)
			if i := firstDiff(got, tt.want); i >= 0 {
				t.Errorf("%d rows, want %d; first difference at row %d:\n got: %.200q\nwant: %.200q", len(got), len(tt.want), i, at(got, i), at(tt.want, i))
			}
		})
	}
	if n, want := count(t, db, "SELECT count(*) FROM meetings"), bytes.Count(meetingLines, []byte("\n")); n != want {
		t.Errorf("%d meetings, meetings.jsonl has %d lines", n, want)
	}
}

// firstDiff returns the index of the first row where a and b differ, -1
// when they are the same.
func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

// at is row i, or "(none)" past the end.
func at(rows []string, i int) string {
	if i < len(rows) {
		return rows[i]
	}
	return "(none)"
}

// TestDeterministic writes the sample's database twice from the same
// cables.jsonl (and once in a run with one worker): the same bytes.
func TestDeterministic(t *testing.T) {
	dir := run(t, sampleInputs(t), false, pipeline.Shard{})
	want, err := os.ReadFile(filepath.Join(dir, sqlite.File))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		again := t.TempDir()
		if _, err := pipeline.Graph(context.Background(), again, []string{"sqlite"}, graph.Options{}, nil, []string{filepath.Join(dir, record.File)}); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(again, sqlite.File))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("write %d: %d bytes differ from the run's %d", i+1, len(got), len(want))
		}
	}
}

// dump is the database's content, without the row numbers that follow
// the order of the cables (seq, mention and meeting ids), in key order.
func dump(t *testing.T, db *sql.DB) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		"SELECT id, date, datetime, date_source, dtg, origin, classification, subject, classified_by, classified_by_office, classified_by_reasons, classified_by_text, signer, signers, addressees, warnings, source_file, source_line, source_row, format, all_caps, text, normalized FROM cables ORDER BY id",
		"SELECT * FROM tags ORDER BY cable, pos",
		"SELECT * FROM refs ORDER BY cable, pos",
		"SELECT * FROM people ORDER BY id",
		"SELECT * FROM aliases ORDER BY person, alias",
		"SELECT * FROM offices ORDER BY person, office",
		"SELECT * FROM places ORDER BY id",
		"SELECT * FROM organizations ORDER BY id",
		"SELECT cable, type, entity, start, end, text, tagger FROM mentions ORDER BY cable, type, entity, start, end",
		"SELECT cable, pos, kind, date, place, evidence_start, evidence_end, evidence FROM meetings ORDER BY cable, pos",
		"SELECT m.cable, m.pos, p.person FROM participants AS p JOIN meetings AS m ON m.id = p.meeting ORDER BY 1, 2, 3",
		"SELECT * FROM edges ORDER BY source, target",
	} {
		out = append(out, q)
		out = append(out, rows(t, db, q)...)
	}
	return out
}

// TestShards writes the database from two shards' cables.jsonl (the graph
// command): it holds what one run's holds, whatever the order of the
// files.
func TestShards(t *testing.T) {
	ins := sampleInputs(t)
	want := dump(t, open(t, filepath.Join(run(t, ins, true, pipeline.Shard{}), sqlite.File)))
	var files []string
	for i := range 2 {
		files = append(files, filepath.Join(run(t, ins, true, pipeline.Shard{Index: i, Count: 2}), record.File))
	}
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range [][]string{files, {files[1], files[0]}} {
		dir := t.TempDir()
		if _, err := pipeline.Graph(context.Background(), dir, []string{"sqlite"}, graph.Options{}, extract.New(set).NewPeople(), order); err != nil {
			t.Fatal(err)
		}
		got := dump(t, open(t, filepath.Join(dir, sqlite.File)))
		if i := firstDiff(got, want); i >= 0 {
			t.Fatalf("merged shards (%d rows) differ from one run (%d) at row %d:\n got: %.300q\nwant: %.300q", len(got), len(want), i, at(got, i), at(want, i))
		}
	}
}

// readmeQueries returns the SQL examples of the README's section on
// cablegraph.db, each with the rows the README says it gives on the
// sample: a ```sql block, then the next fenced block.
func readmeQueries(t *testing.T) (queries []string, want [][]string) {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n## SQL: cablegraph.db")
	if !ok {
		t.Fatal("README.md has no section \"## SQL: cablegraph.db\"")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	sc := bufio.NewScanner(strings.NewReader(section))
	var block []string
	in, isSQL := false, false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case !in && strings.HasPrefix(line, "```"):
			in, isSQL, block = true, line == "```sql", nil
		case in && line == "```":
			in = false
			if isSQL {
				queries = append(queries, strings.Join(block, "\n"))
			} else if len(want) < len(queries) {
				want = append(want, block)
			}
		case in:
			block = append(block, line)
		}
	}
	if len(want) != len(queries) {
		t.Fatalf("README: %d queries, %d blocks of rows", len(queries), len(want))
	}
	return queries, want
}

// TestREADMEQueries runs the README's example queries on the sample's
// database and checks that they give the rows the README shows.
func TestREADMEQueries(t *testing.T) {
	queries, want := readmeQueries(t)
	if len(queries) < 3 {
		t.Fatalf("README shows %d queries, want at least 3", len(queries))
	}
	db := open(t, filepath.Join(run(t, sampleInputs(t), true, pipeline.Shard{}), sqlite.File))
	for i, q := range queries {
		t.Run(fmt.Sprint(i+1), func(t *testing.T) {
			got := rows(t, db, q)
			if len(got) == 0 {
				t.Fatalf("%s\ngives no rows", q)
			}
			if !slices.Equal(got, want[i]) {
				t.Errorf("%s\ngives\n%s\nthe README says\n%s", q, strings.Join(got, "\n"), strings.Join(want[i], "\n"))
			}
		})
	}
}

// TestFullText finds cables by phrases of their subject and of their
// text, and meetings by words of their evidence.
func TestFullText(t *testing.T) {
	db := open(t, filepath.Join(run(t, sampleInputs(t), true, pipeline.Shard{}), sqlite.File))
	tests := []struct {
		query, match string
		want         []string
	}{
		{"SELECT c.id FROM cables_fts JOIN cables AS c ON c.seq = cables_fts.rowid WHERE cables_fts MATCH ? ORDER BY c.id", `subject:"ban ki moon"`, []string{"09BAGHDAD323"}},
		{"SELECT c.id FROM cables_fts JOIN cables AS c ON c.seq = cables_fts.rowid WHERE cables_fts MATCH ? ORDER BY c.id", `normalized:"paid a one-day visit to Baghdad"`, []string{"09BAGHDAD323"}},
		{"SELECT c.id FROM cables_fts JOIN cables AS c ON c.seq = cables_fts.rowid WHERE cables_fts MATCH ? ORDER BY c.id", `"no such phrase anywhere"`, nil},
		{"SELECT DISTINCT m.cable FROM meetings_fts JOIN meetings AS m ON m.id = meetings_fts.rowid WHERE meetings_fts MATCH ? ORDER BY m.cable", `"one-day visit"`, []string{"09BAGHDAD323"}},
	}
	for _, tt := range tests {
		t.Run(tt.match, func(t *testing.T) {
			if got := rows(t, db, tt.query, tt.match); !slices.Equal(got, tt.want) {
				t.Errorf("MATCH %s: %q, want %q", tt.match, got, tt.want)
			}
		})
	}
}

// TestCorpus writes the corpus's database (with the cables' text): whole
// by sqlite3's integrity check (the CLI when installed), and a phrase of
// one cable's text finds it.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the corpus run is skipped")
	}
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("skipping: %s not found (the shared corpus sits beside the project in CI)", corpus)
	}
	dir := run(t, []source.Input{{Path: corpus, Size: -1}}, true, pipeline.Shard{})
	path := filepath.Join(dir, sqlite.File)
	db := open(t, path)
	if cli, err := exec.LookPath("sqlite3"); err == nil {
		out, err := exec.Command(cli, path, "PRAGMA integrity_check").CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != "ok" {
			t.Errorf("sqlite3 %s 'PRAGMA integrity_check': %s %v", path, out, err)
		}
	} else if got := rows(t, db, "PRAGMA integrity_check"); !slices.Equal(got, []string{"ok"}) {
		t.Errorf("integrity_check: %q", got)
	}
	// the sentence README's "path" example quotes
	got := rows(t, db, "SELECT c.id FROM cables_fts JOIN cables AS c ON c.seq = cables_fts.rowid WHERE cables_fts MATCH ? ORDER BY c.id", `"Hoshyar Zebari March 31 to present his credentials"`)
	if !slices.Equal(got, []string{"07BAGHDAD1157"}) {
		t.Errorf("the phrase finds %q, want 07BAGHDAD1157", got)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %.1f MB, %d cables, %d people, %d mentions, %d meetings, %d edges", sqlite.File, float64(info.Size())/1e6,
		count(t, db, "SELECT count(*) FROM cables"), count(t, db, "SELECT count(*) FROM people"),
		count(t, db, "SELECT count(*) FROM mentions"), count(t, db, "SELECT count(*) FROM meetings"), count(t, db, "SELECT count(*) FROM edges"))
}

// TestCreateErrors: a database that cannot be made is an error naming
// its file.
func TestCreateErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "not.db")
	if err := os.WriteFile(notDB, []byte("this is not a database, and longer than a header would be: "+strings.Repeat("x", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, path string }{
		{"missing folder", filepath.Join(dir, "no", "such", "folder", sqlite.File)},
		{"not a database", notDB},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := sqlite.Create(context.Background(), tt.path)
			if err == nil {
				w.Abort()
				t.Fatalf("Create(%s): no error", tt.path)
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("Create(%s): %v does not name the file", tt.path, err)
			}
		})
	}
}

// TestDuplicateCable: the same cables.jsonl given twice is an error that
// names the cable, not a constraint failure under another cable's name.
func TestDuplicateCable(t *testing.T) {
	dir := run(t, sampleInputs(t), false, pipeline.Shard{})
	records := filepath.Join(dir, record.File)
	_, err := pipeline.Graph(context.Background(), t.TempDir(), []string{"sqlite"}, graph.Options{}, nil, []string{records, records})
	if err == nil || !strings.Contains(err.Error(), "cable 66BUENOSAIRES2481 is in the inputs twice") {
		t.Errorf("the same cables twice: %v", err)
	}
}
