package pipeline

import (
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/cablegraph/cablegraph/source"
)

// BenchmarkReadNormalize runs the pipeline (read, parse, normalize, write
// cables.jsonl) on the shared corpus: from the uncompressed cables.csv (as
// the release ships it) with one and two workers, and from the gzipped
// file. Throughput is MB/s of cable records. Run with -cpu 1 for one core.
func BenchmarkReadNormalize(b *testing.B) {
	if _, err := os.Stat(corpus); err != nil {
		b.Skipf("skipping: %s not found", corpus)
	}
	plain := filepath.Join(b.TempDir(), "cables.csv")
	gunzipTo(b, corpus, plain)
	cases := []struct {
		name string
		path string
		jobs int
	}{
		{"csv/j1", plain, 1},
		{"csv/j2", plain, 2},
		{"csv.gz/j1", corpus, 1},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var n int64
			for i := 0; i < b.N; i++ {
				rep, err := Run(context.Background(), Config{Inputs: []source.Input{{Path: c.path}}, OutDir: b.TempDir(), Jobs: c.jobs})
				if err != nil {
					b.Fatal(err)
				}
				n = rep.Bytes
			}
			b.SetBytes(n)
		})
	}
}

func gunzipTo(b *testing.B, from, to string) {
	b.Helper()
	f, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, zr); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
