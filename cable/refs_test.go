package cable

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRefSample re-parses the references drawn at random from the
// corpus's REF fields and read by hand (testdata/refs, its README) and
// checks the reference ids against the hand-read ones: issue 13 asks for
// 95 of 100 right or more.
func TestRefSample(t *testing.T) {
	for _, name := range []string{"sample.tsv", "sample2.tsv", "sample3.tsv"} {
		t.Run(name, func(t *testing.T) { refSample(t, name) })
	}
}

func refSample(t *testing.T, name string) {
	f, err := os.Open(filepath.Join("..", "testdata", "refs", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, right := 0, 0
	sc := bufio.NewScanner(f)
	for line := 0; sc.Scan(); {
		line++
		l := sc.Text()
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "cable\t") || l == "" {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 7 {
			t.Fatalf("%s:%d: %d columns, want 7", name, line, len(c))
		}
		d, err := time.Parse("2006-01-02", c[1])
		if err != nil {
			t.Fatalf("%s:%d: %v", name, line, err)
		}
		var ids []string
		for _, r := range ParseRefs(c[2], c[0], d.Year(), d.YearDay()) {
			ids = append(ids, r.RefID)
		}
		n++
		if got := strings.TrimSpace(strings.Join(ids, " ")); got == c[6] {
			right++
		} else {
			t.Logf("%s:%d: %s %q: %q, read by hand %q", name, line, c[0], c[2], got, c[6])
		}
	}
	if n != 100 {
		t.Fatalf("%d references, want 100", n)
	}
	t.Logf("%d of %d references right", right, n)
	if right < 95 {
		t.Errorf("%d of %d references right, want 95 or more", right, n)
	}
}
