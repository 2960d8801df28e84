package normalize

import (
	"bufio"
	"compress/gzip"
	"os"
	"regexp"
	"strings"
	"testing"
)

// benchTexts returns cable texts to measure on: the contents of the shared
// corpus when it is there, else the sample's cables.csv.
func benchTexts(b *testing.B) []string {
	b.Helper()
	path := "../../shared/corpus/cables.csv.gz"
	f, err := os.Open(path)
	if err != nil {
		f, err = os.Open("../testdata/sample/cables.csv")
		if err != nil {
			b.Fatal(err)
		}
	}
	defer f.Close()
	var r *bufio.Reader
	if strings.HasSuffix(f.Name(), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		r = bufio.NewReader(zr)
	} else {
		r = bufio.NewReader(f)
	}
	// split rows at row starts and take the last column, roughly: enough
	// for a benchmark input, independent of package source
	data, err := readAll(r)
	if err != nil {
		b.Fatal(err)
	}
	starts := regexp.MustCompile(`(?m)^"\d+","[0-9/: ]+","`).FindAllStringIndex(data, -1)
	var texts []string
	for i, s := range starts {
		e := len(data)
		if i+1 < len(starts) {
			e = starts[i+1][0]
		}
		row := data[s[0]:e]
		if k := strings.LastIndex(row, `","`); k >= 0 {
			texts = append(texts, strings.ReplaceAll(row[k+3:], `\"`, `"`))
		}
	}
	return texts
}

func readAll(r *bufio.Reader) (string, error) {
	var sb strings.Builder
	_, err := r.WriteTo(&sb)
	return sb.String(), err
}

// BenchmarkBody measures normalization on one core, in MB/s of cable text.
func BenchmarkBody(b *testing.B) {
	texts := benchTexts(b)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Body(t, 0)
		}
	}
}
