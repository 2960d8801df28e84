// Package cablegraph is the root of the cablegraph module. It holds the
// bundled sample of cables that `cablegraph run` reads when given no input.
package cablegraph

import "embed"

// Sample holds the bundled sample cables under testdata/sample: an excerpt
// of the release's cables.csv, release HTML pages and plain-text cables.
//
//go:embed testdata/sample
var Sample embed.FS

// SampleRoot is the folder of the sample inside Sample.
const SampleRoot = "testdata/sample"
