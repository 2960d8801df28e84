// Package graph builds the who-met-whom network of a run (or of several
// runs' cables.jsonl, merged) with github.com/dominikbraun/graph: people
// are nodes, an edge joins two people who met or spoke and aggregates all
// their meetings (weight, kinds, first and last date, cables, evidence).
// Each export format (GraphML, GEXF, DOT, Gephi CSV, meetings JSON Lines)
// is written by its own file here, in a deterministic order, so an export
// is byte-identical across runs and worker counts.
package graph
