package sqlite

import (
	"context"
	"database/sql"
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go driver ("sqlite"): no cgo

	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/record"
)

// File is the database's name in an output folder.
const File = "cablegraph.db"

// Version is the schema's version, in PRAGMA user_version.
const Version = 1

var (
	//go:embed schema.sql
	schemaSQL string
	//go:embed finish.sql
	finishSQL string
)

// Writer writes a database: Create, then Add every cable of the graph
// (as graph.BuildEach hands them over), then Finish with the graph.
type Writer struct {
	path string
	db   *sql.DB
	tx   *sql.Tx
	w    *writer
}

// Create starts the database in path, a new or empty file: the tables,
// and a transaction for the rows. The file is written without a
// journal: it is expected to be a temporary file, renamed into place
// when whole. Abort or Finish closes it.
func Create(ctx context.Context, path string) (*Writer, error) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one connection: the pragmas hold for every statement
	w := &Writer{path: path, db: db}
	if err := w.start(ctx); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

func (w *Writer) start(ctx context.Context) error {
	for _, p := range []string{
		"PRAGMA journal_mode = OFF",
		"PRAGMA synchronous = OFF",
		"PRAGMA locking_mode = EXCLUSIVE",
		"PRAGMA temp_store = MEMORY",
		"PRAGMA cache_size = -16384", // 16 MiB: a larger cache (64 MiB) cost 150 MB of RSS on the corpus for no time saved
		fmt.Sprintf("PRAGMA user_version = %d", Version),
	} {
		if _, err := w.db.ExecContext(ctx, p); err != nil {
			return fmt.Errorf("%s: %s: %w", w.path, p, err)
		}
	}
	if _, err := w.db.ExecContext(ctx, schemaSQL); err != nil {
		return fmt.Errorf("%s: creating the tables: %w", w.path, err)
	}
	var err error
	if w.tx, err = w.db.BeginTx(ctx, nil); err != nil {
		return fmt.Errorf("%s: starting the rows' transaction: %w", w.path, err)
	}
	w.w, err = newWriter(ctx, w.tx)
	if err != nil {
		return fmt.Errorf("%s: %w", w.path, err)
	}
	return nil
}

// Add inserts a cable's rows: the cable, its tags and references, its
// mentions, its meetings and their participants. Its person ids must be
// the graph's (graph.BuildEach hands cables over so).
func (w *Writer) Add(c *record.Cable) error {
	if err := w.w.cable(c); err != nil {
		return fmt.Errorf("%s: %w", w.path, err)
	}
	return nil
}

// Finish inserts the people (every person of the cables, merged as the
// graph merges them), places, organizations and the edges g exports,
// commits the rows, builds the indexes, the full-text indexes and the
// views, and closes the database.
func (w *Writer) Finish(ctx context.Context, g *graph.Graph) error {
	err := w.finish(ctx, g)
	if cerr := w.close(); err == nil && cerr != nil {
		err = fmt.Errorf("closing %s: %w", w.path, cerr)
	}
	return err
}

func (w *Writer) finish(ctx context.Context, g *graph.Graph) error {
	if err := w.w.graph(g); err != nil {
		return fmt.Errorf("%s: %w", w.path, err)
	}
	if err := w.w.flush(); err != nil {
		return fmt.Errorf("%s: %w", w.path, err)
	}
	w.w.close()
	w.w = nil
	if err := w.tx.Commit(); err != nil {
		return fmt.Errorf("%s: committing the rows: %w", w.path, err)
	}
	w.tx = nil
	if _, err := w.db.ExecContext(ctx, finishSQL); err != nil {
		return fmt.Errorf("%s: indexes and views: %w", w.path, err)
	}
	return nil
}

// Abort closes the database unfinished (its file is to be removed).
func (w *Writer) Abort() { w.close() }

func (w *Writer) close() error {
	if w.w != nil {
		w.w.close()
		w.w = nil
	}
	if w.tx != nil {
		w.tx.Rollback()
		w.tx = nil
	}
	if w.db == nil {
		return nil
	}
	err := w.db.Close()
	w.db = nil
	return err
}

// writer inserts rows, batchRows at a time per table: one prepared
// statement per table inserts a full batch (fewer calls through
// database/sql and the driver than a row at a time).
type writer struct {
	ctx     context.Context
	tx      *sql.Tx
	batches map[string]*batch
	seq     int64 // cables
	mid     int64 // mentions
	meet    int64 // meetings
	// places and organizations, merged across cables
	places, orgs map[string]*entity
	cables       map[string]bool // refids added
}

// entity is a place or an organization over all cables.
type entity struct {
	name   string
	cables int
}

// batchRows is how many rows one statement inserts.
const batchRows = 64

// tables are the tables rows are inserted into and their columns, in
// the order their last rows are inserted.
var tables = []struct {
	name string
	cols int
}{
	{"cables", 24}, {"tags", 3}, {"refs", 4}, {"mentions", 8}, {"meetings", 9},
	// a meeting's participants are sorted and without repeats (record)
	{"participants", 2},
	{"people", 5}, {"aliases", 2}, {"offices", 2}, {"places", 3}, {"organizations", 3}, {"edges", 7},
}

// batch gathers the rows of a table until there are batchRows of them.
type batch struct {
	cols int
	full *sql.Stmt // inserts batchRows rows
	args []any
}

// insertSQL inserts rows rows of cols columns into table.
func insertSQL(table string, cols, rows int) string {
	row := "(" + strings.Repeat("?,", cols-1) + "?)"
	return "INSERT INTO " + table + " VALUES " + strings.Repeat(row+",", rows-1) + row
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{ctx: ctx, tx: tx, batches: map[string]*batch{}, places: map[string]*entity{}, orgs: map[string]*entity{}, cables: map[string]bool{}}
	for _, t := range tables {
		s, err := tx.PrepareContext(ctx, insertSQL(t.name, t.cols, batchRows))
		if err != nil {
			w.close()
			return nil, fmt.Errorf("preparing the rows of %s: %w", t.name, err)
		}
		w.batches[t.name] = &batch{cols: t.cols, full: s, args: make([]any, 0, t.cols*batchRows)}
	}
	return w, nil
}

func (w *writer) close() {
	for _, b := range w.batches {
		b.full.Close()
	}
}

// insert adds a row to its table's batch, inserting the batch when full.
func (w *writer) insert(table string, args ...any) error {
	b := w.batches[table]
	if len(args) != b.cols {
		return fmt.Errorf("a row of %s: %d values for %d columns", table, len(args), b.cols)
	}
	b.args = append(b.args, args...)
	if len(b.args) < b.cols*batchRows {
		return nil
	}
	if _, err := b.full.ExecContext(w.ctx, b.args...); err != nil {
		return fmt.Errorf("rows of %s: %w", table, err)
	}
	b.args = b.args[:0]
	return nil
}

// flush inserts the rows left in every batch.
func (w *writer) flush() error {
	for _, t := range tables {
		b := w.batches[t.name]
		if len(b.args) == 0 {
			continue
		}
		if _, err := w.tx.ExecContext(w.ctx, insertSQL(t.name, t.cols, len(b.args)/t.cols), b.args...); err != nil {
			return fmt.Errorf("rows of %s: %w", t.name, err)
		}
		b.args = b.args[:0]
	}
	return nil
}

// null is NULL for "", else s.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// ptr is NULL for nil, else *s.
func ptr(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// list is a JSON array, NULL when empty.
func list(l []string) (any, error) {
	if len(l) == 0 {
		return nil, nil
	}
	b, err := json.Marshal(l)
	return string(b), err
}

// cable inserts a record: the cable, its tags and references, its
// mentions and meetings.
func (w *writer) cable(c *record.Cable) error {
	// a cable given twice would fail the unique id only when its batch
	// goes in, under a later cable's name: name it here
	if w.cables[c.RefID] {
		return fmt.Errorf("cable %s is in the inputs twice: the database holds each cable once (the same run's cables.jsonl given twice?)", c.RefID)
	}
	w.cables[c.RefID] = true
	w.seq++
	var byName, byOffice, byReasons, byText string
	if by := c.ClassifiedBy; by != nil {
		byName, byOffice, byReasons, byText = by.Name, by.Office, by.Reasons, by.Text
	}
	signers, err1 := list(c.Signers)
	addressees, err2 := list(c.Addressees)
	warnings, err3 := list(c.Warnings)
	for _, err := range []error{err1, err2, err3} {
		if err != nil {
			return fmt.Errorf("%s: %w", c.RefID, err)
		}
	}
	var row any
	if c.Source.Row > 0 {
		row = c.Source.Row
	}
	allCaps := 0
	if c.AllCaps {
		allCaps = 1
	}
	err := w.insert("cables", w.seq, c.RefID, null(c.Date), null(c.DateTime), null(c.DateSource), null(c.DTG),
		null(c.Origin), null(c.Classification), null(c.Subject),
		null(byName), null(byOffice), null(byReasons), null(byText),
		null(c.Signer), signers, addressees, warnings,
		null(c.Source.File), c.Source.Line, row, null(string(c.Format)), allCaps,
		null(c.Text), null(c.Normalized))
	if err != nil {
		return fmt.Errorf("%s: %w", c.RefID, err)
	}
	for i, t := range c.Tags {
		if err := w.insert("tags", c.RefID, i, t); err != nil {
			return fmt.Errorf("%s: %w", c.RefID, err)
		}
	}
	for i, r := range c.Refs {
		if err := w.insert("refs", c.RefID, i, r.Text, null(r.RefID)); err != nil {
			return fmt.Errorf("%s: %w", c.RefID, err)
		}
	}
	found := c.Found()
	for _, kind := range []struct {
		name   string
		list   []record.Entity
		merged map[string]*entity
	}{{"person", found.People, nil}, {"place", found.Places, w.places}, {"organization", found.Organizations, w.orgs}} {
		seen := map[string]bool{}
		for _, e := range kind.list {
			for _, m := range e.Mentions {
				w.mid++
				if err := w.insert("mentions", w.mid, c.RefID, kind.name, e.ID, m.Start, m.End, m.Text, null(m.Tagger)); err != nil {
					return fmt.Errorf("%s: %w", c.RefID, err)
				}
			}
			if kind.merged == nil || seen[e.ID] {
				continue // people come from the graph, which merges them
			}
			seen[e.ID] = true
			if have := kind.merged[e.ID]; have == nil {
				kind.merged[e.ID] = &entity{name: e.Name, cables: 1}
			} else {
				have.cables++
				if graph.Fuller(e.Name, have.name) {
					have.name = e.Name
				}
			}
		}
	}
	for i, m := range c.Meetings {
		w.meet++
		err := w.insert("meetings", w.meet, c.RefID, i, m.Kind, ptr(m.Date), ptr(m.Place), m.Evidence.Start, m.Evidence.End, m.Evidence.Text)
		if err != nil {
			return fmt.Errorf("%s: %w", c.RefID, err)
		}
		for _, p := range m.Participants {
			if err := w.insert("participants", w.meet, p); err != nil {
				return fmt.Errorf("%s: meeting %d, %s: %w", c.RefID, i, p, err)
			}
		}
	}
	return nil
}

// graph inserts the people (every person of the cables, merged as the
// graph merges them), places, organizations and the edges the graph
// exports.
func (w *writer) graph(g *graph.Graph) error {
	for _, n := range g.People() {
		if err := w.insert("people", n.ID, n.Name, n.Cables, null(n.First), null(n.Last)); err != nil {
			return fmt.Errorf("person %s: %w", n.ID, err)
		}
		for _, a := range n.Aliases() {
			if err := w.insert("aliases", n.ID, a); err != nil {
				return fmt.Errorf("person %s: %w", n.ID, err)
			}
		}
		for _, o := range n.OfficeList() {
			if err := w.insert("offices", n.ID, o); err != nil {
				return fmt.Errorf("person %s: %w", n.ID, err)
			}
		}
	}
	for _, t := range []struct {
		table string
		m     map[string]*entity
	}{{"places", w.places}, {"organizations", w.orgs}} {
		table, m := t.table, t.m
		ids := make([]string, 0, len(m))
		for id := range m {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if err := w.insert(table, id, m[id].name, m[id].cables); err != nil {
				return fmt.Errorf("%s %s: %w", table, id, err)
			}
		}
	}
	for _, e := range g.Edges() {
		kinds := make([]string, 0, len(e.Kinds))
		for k := range e.Kinds {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		err := w.insert("edges", e.Source, e.Target, e.Weight, strings.Join(kinds, ","), null(e.First), null(e.Last), len(e.Cables))
		if err != nil {
			return fmt.Errorf("edge %s-%s: %w", e.Source, e.Target, err)
		}
	}
	return nil
}
