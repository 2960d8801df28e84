// Package sqlite writes cablegraph.db: the cables of a run (metadata, and
// their text when cables.jsonl holds it), the people, places and
// organizations with every mention, the meetings with their participants,
// the graph's edges and the cables' references, as one SQLite database
// with foreign keys, indexes for the joins, full-text indexes (FTS5) over
// the cables' subjects and text and the meetings' evidence, and views for
// the common questions (schema.sql, finish.sql).
//
// It sits at the end of the pipeline beside the graph exports: it reads
// the cables.jsonl records a graph was built from and the graph itself
// (record, graph), never the extractor, and writes through the pure-Go
// driver modernc.org/sqlite, so the binary needs no cgo.
package sqlite
