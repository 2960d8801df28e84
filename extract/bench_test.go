package extract

import (
	"errors"
	"io"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

// benchCables parses the shared corpus (or the bundled sample without it).
func benchCables(b *testing.B) []*cable.Cable {
	b.Helper()
	path := "../../shared/corpus/cables.csv.gz"
	if _, err := os.Stat(path); err != nil {
		path = "../testdata/sample/cables.csv"
	}
	r, err := source.Open(source.Input{Path: path}, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	var out []*cable.Cable
	p := defaultParser(b)
	for {
		raw, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			b.Fatal(err)
		}
		c, err := p.Parse(raw)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, c)
	}
}

// BenchmarkExtract measures the extractor on every cable of the corpus, in
// MB/s of cable text, on all cores (-cpu sets how many).
func BenchmarkExtract(b *testing.B) { benchExtract(b, false) }

// BenchmarkExtractNLP is BenchmarkExtract with prose's tagger on the
// sentences the rules leave unexplained (--nlp).
func BenchmarkExtractNLP(b *testing.B) { benchExtract(b, true) }

func benchExtract(b *testing.B, nlp bool) {
	cables := benchCables(b)
	set, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	x := New(set)
	if nlp {
		n, err := NewNLP()
		if err != nil {
			b.Fatal(err)
		}
		x = x.WithNLP(n)
	}
	var size int64
	for _, c := range cables {
		size += int64(len(c.Text))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		onAllCores(cables, func(c *cable.Cable) { x.Cable(c) })
	}
}

// onAllCores calls fn on every item from GOMAXPROCS goroutines.
func onAllCores[T any](items []T, fn func(T)) {
	next := make(chan T)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				fn(it)
			}
		}()
	}
	for _, it := range items {
		next <- it
	}
	close(next)
	wg.Wait()
}

// BenchmarkProseNER measures plain prose NER (v2, its model loaded once and
// shared) on the same cables' normalized text, as the baseline the
// extractor is compared with. prose is slow, so it reads the first 1 MB.
func BenchmarkProseNER(b *testing.B) {
	cables := benchCables(b)
	doc, err := prose.NewDocument("Warm up.")
	if err != nil {
		b.Fatal(err)
	}
	model := doc.Model
	var texts []string
	var n int64
	for _, c := range cables {
		if n >= 1<<20 {
			break
		}
		texts = append(texts, c.Doc.Text.S)
		n += int64(len(c.Text))
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		onAllCores(texts, func(t string) {
			if _, err := prose.NewDocument(t, prose.UsingModel(model)); err != nil {
				b.Error(err)
			}
		})
	}
}
