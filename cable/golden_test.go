package cable_test

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/source"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// shared is the read-only material beside the project (corpus, seeds, gold).
const shared = "../../shared"

// parseAll reads every cable of the inputs under dir.
func parseAll(t *testing.T, dir string) []*cable.Cable {
	t.Helper()
	ins, errs := source.Expand([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var out []*cable.Cable
	p := cable.DefaultParser(t)
	for _, in := range ins {
		r, err := source.Open(in, nil)
		if err != nil {
			t.Fatal(err)
		}
		for {
			raw, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			c, err := p.Parse(raw)
			if err != nil {
				t.Fatalf("%s: %v", raw.Pos, err)
			}
			// golden files must not depend on where the checkout is
			c.Source.File = filepath.ToSlash(strings.TrimPrefix(c.Source.File, dir+string(filepath.Separator)))
			out = append(out, c)
		}
		r.Close()
	}
	return out
}

// checkGolden compares each cable's rendering with testdata/golden/<set>/<refid>.golden.
func checkGolden(t *testing.T, set string, cables []*cable.Cable) {
	dir := filepath.Join("testdata", "golden", set)
	if *update {
		os.MkdirAll(dir, 0o755)
	}
	for _, c := range cables {
		var b bytes.Buffer
		cable.Render(&b, c)
		path := filepath.Join(dir, c.RefID+".golden")
		if *update {
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run go test ./cable -update to create it)", c.RefID, err)
			continue
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s: rendering differs from %s; run go test ./cable -update and review the diff\n%s", c.RefID, path, firstDiff(b.String(), string(want)))
		}
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "line " + itoa(i+1) + ":\n got  " + g[i] + "\n want " + w[i]
		}
	}
	return "lengths differ"
}

func itoa(i int) string {
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// TestGoldenSample checks the bundled sample: an excerpt of cables.csv,
// two release HTML pages and the two seed cables as plain text.
func TestGoldenSample(t *testing.T) {
	cables := parseAll(t, filepath.Join("..", "testdata", "sample"))
	if len(cables) != 34 {
		t.Errorf("sample has %d cables, want 34", len(cables))
	}
	checkGolden(t, "sample", cables)
}

// TestGoldenHTML checks the 48 release HTML pages of the shared corpus.
func TestGoldenHTML(t *testing.T) {
	dir := filepath.Join(shared, "corpus", "html")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: %s not found (the shared corpus sits beside the project in CI)", dir)
	}
	cables := parseAll(t, dir)
	if len(cables) != 48 {
		t.Errorf("read %d HTML pages, want 48", len(cables))
	}
	checkGolden(t, "html", cables)
}
