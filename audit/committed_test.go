package audit

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCommittedAudits re-counts the committed audit worksheets and checks
// the figures testdata/audit/README.md gives for them.
func TestCommittedAudits(t *testing.T) {
	dir := filepath.Join("..", "testdata", "audit")
	f, err := os.Open(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	files := regexp.MustCompile("`([^`]+\\.md)`")
	rows := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cols := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cols) != 8 {
			t.Fatalf("README row %q: want 8 columns", line)
		}
		var all []Entry
		for _, m := range files.FindAllStringSubmatch(cols[0], -1) {
			w, err := os.Open(filepath.Join(dir, m[1]))
			if err != nil {
				t.Fatal(err)
			}
			es, err := Parse(w, m[1])
			w.Close()
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, es...)
		}
		s := Tally(all)
		judged := func(f Field) string {
			return fmt.Sprintf("%d/%d", s.Right[f], s.Right[f]+s.Wrong[f])
		}
		got := []string{fmt.Sprintf("%d", s.Entries), judged(FieldMeeting), judged(FieldPeople), judged(FieldIDs), judged(FieldDate), fmt.Sprintf("%d/%d", s.AllRight, s.Marked)}
		for i, g := range got {
			want := strings.Fields(cols[2+i])[0]
			if g != want {
				t.Errorf("%s: column %d is %s, the worksheets give %s", cols[0], 3+i, want, g)
			}
		}
		rows++
	}
	if rows == 0 {
		t.Fatal("no audit rows in README.md")
	}
}
