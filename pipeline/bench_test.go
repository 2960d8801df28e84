package pipeline

import (
	"context"
	"os"
	"testing"

	"github.com/cablegraph/cablegraph/source"
)

// BenchmarkReadNormalize runs the whole pipeline (read, gunzip, parse,
// normalize, write cables.jsonl) on the shared corpus with one worker and
// with two, reporting MB/s of cable text.
func BenchmarkReadNormalize(b *testing.B) {
	ins := []source.Input{{Path: corpus}}
	if _, err := os.Stat(corpus); err != nil {
		b.Skipf("skipping: %s not found", corpus)
	}
	for _, jobs := range []int{1, 2} {
		b.Run(map[int]string{1: "j1", 2: "j2"}[jobs], func(b *testing.B) {
			var bytes int64
			for i := 0; i < b.N; i++ {
				rep, err := Run(context.Background(), Config{Inputs: ins, OutDir: b.TempDir(), Jobs: jobs})
				if err != nil {
					b.Fatal(err)
				}
				bytes = rep.Bytes
			}
			b.SetBytes(bytes)
		})
	}
}
