package synth

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph"
	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/source"
)

// TestWrite makes a dump three times the bundled sample's size and reads it
// back: every row reads, no refid repeats, and each copy holds its
// original's fields exactly.
func TestWrite(t *testing.T) {
	ins, err := source.ExpandFS(cablegraph.Sample, cablegraph.SampleRoot)
	if err != nil {
		t.Fatal(err)
	}
	originals := map[string]string{}
	var size int64
	for _, in := range ins {
		r, err := source.Open(in, nil)
		if err != nil {
			t.Fatal(err)
		}
		for {
			raw, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			size += int64(len(raw.Text))
			id := raw.RefID
			if id == "" {
				c, err := cable.NewParser(nil, nil).Parse(raw)
				if err != nil {
					t.Fatal(err)
				}
				id = c.RefID
			}
			originals[id] = raw.Text
		}
		r.Close()
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := Write(context.Background(), ins, f, 3*size, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if fi, _ := os.Stat(path); fi.Size() != st.Bytes || st.Bytes < 3*size || st.Passes < 3 {
		t.Fatalf("stats %+v, file of %d bytes, want at least %d", st, fi.Size(), 3*size)
	}
	r, err := source.Open(source.Input{Path: path}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	seen := map[string]bool{}
	n := 0
	for {
		raw, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading the dump back: %v", err)
		}
		n++
		if seen[raw.RefID] {
			t.Errorf("refid %s repeats", raw.RefID)
		}
		seen[raw.RefID] = true
		base := raw.RefID
		if i := strings.LastIndexByte(base, '-'); i > 0 {
			base = base[:i]
		}
		want, ok := originals[base]
		if !ok {
			t.Errorf("%s: no original %s", raw.RefID, base)
			continue
		}
		// text files carry their header in the text; rows keep it apart
		if raw.Text != want && raw.Header+raw.Text != want {
			t.Errorf("%s: text differs from the original's", raw.RefID)
		}
	}
	if n != st.Cables {
		t.Errorf("read back %d cables, wrote %d", n, st.Cables)
	}
}
