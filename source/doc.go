// Package source reads cable dumps as they come: the release's cables.csv,
// its per-cable HTML pages, plain-text cables, folders of them and gzip of
// any, or standard input. It is the first stage of the pipeline: it turns
// bytes into cable.Raw records, each with the file and line it came from,
// and reports a bad record with its position without losing the others.
package source
