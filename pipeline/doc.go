// Package pipeline runs cablegraph's staged pipeline: read (package source)
// → parse and normalize (package cable) → write. Stages are goroutines
// joined by bounded channels; the CPU stages run on a pool of workers;
// results leave in input order, so the output is byte-identical whatever
// the number of workers. Later stages (extraction, relations, the graph)
// plug into the worker step and the ordered writer.
package pipeline
