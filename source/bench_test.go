package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"testing"
)

// BenchmarkCSV measures the cables.csv reader on the shared corpus (or the
// sample), uncompressed in memory first so gzip is not measured.
func BenchmarkCSV(b *testing.B) {
	var data []byte
	if f, err := os.Open("../../shared/corpus/cables.csv.gz"); err == nil {
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		data, err = io.ReadAll(zr)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	} else if data, err = os.ReadFile("../testdata/sample/cables.csv"); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := newCSVReader("bench", bufio.NewReaderSize(bytes.NewReader(data), 1<<20), io.NopCloser(nil))
		n := 0
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n == 0 {
			b.Fatal("no cables read")
		}
	}
}
