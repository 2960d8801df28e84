package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/relate"
	"github.com/cablegraph/cablegraph/rules"
	"github.com/cablegraph/cablegraph/source"
)

const badDir = "../testdata/bad"

// The good cables read before and after each bad input.
var goodInputs = []string{"../testdata/sample/text/07USUNNEWYORK1034.txt", "../testdata/sample/html/06VATICAN199.html"}

// TestBadInputs runs each bad input of testdata/bad (and those made here:
// a 20 MB line, a link loop, an unreadable file) between two good cables.
// Each must give a clear error or warning naming where it is, and lose
// nothing else: read = written + failed + duplicates, the good cables and
// the good rows beside the bad ones all written.
func TestBadInputs(t *testing.T) {
	set, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(set)
	rel := relate.New(set)
	tests := []struct {
		name string
		// make returns the bad input's path (a fixture, or one made in dir)
		make        func(t *testing.T, dir string) string
		failures    []string // each in a failure's "file:line: reason"
		warning     string   // in a warning sample, when not ""
		written     []string // refids of the bad input's good cables
		inputFailed int      // inputs that could not be read to their end
	}{
		{name: "truncated gzip", make: fixture("truncated.csv.gz"),
			failures:    []string{"truncated.csv.gz:351 (row 3): 00HARARE6677: row cut short", "truncated.csv.gz:399: unexpected end of data (truncated file?)"},
			written:     []string{"66BUENOSAIRES2481", "90CAPETOWN97"},
			inputFailed: 1},
		{name: "invalid UTF-8", make: fixture("invalid-utf8.csv"), warning: "invalid UTF-8 replaced with U+FFFD",
			written: []string{"66BUENOSAIRES2481", "90CAPETOWN97", "00HARARE6677"}},
		{name: "NUL bytes", make: fixture("nul.txt"), warning: "NUL bytes removed", written: []string{"09BAGHDAD323"}},
		{name: "UTF-8 byte-order mark", make: fixture("bom.csv"), warning: "bom.csv: UTF-8 byte-order mark skipped",
			written: []string{"66BUENOSAIRES2481", "90CAPETOWN97"}},
		{name: "UTF-16", make: fixture("utf16.csv"), warning: "utf16.csv: UTF-16 (little-endian) decoded",
			written: []string{"66BUENOSAIRES2481", "90CAPETOWN97"}},
		{name: "Windows-1252", make: fixture("cp1252.txt"), warning: "cp1252.txt: Windows-1252 decoded", written: []string{"09BAGHDAD323"}},
		{name: "unterminated quote mid-file", make: fixture("unterminated.csv"),
			failures: []string{"unterminated.csv:330 (row 2): 90CAPETOWN97: unterminated quoted field"},
			written:  []string{"66BUENOSAIRES2481", "00HARARE6677"}},
		{name: "rows of 7 and 9 columns", make: fixture("columns.csv"),
			failures: []string{"columns.csv:115 (row 2): 09TESTSEVEN1: row has 7 columns, want 8", "columns.csv:352 (row 4): 09TESTNINE1: row has 9 columns, want 8"},
			written:  []string{"66BUENOSAIRES2481", "90CAPETOWN97", "00HARARE6677"}},
		{name: "20 MB single line", make: longLine,
			failures: []string{"long.csv:", "lines outside any row"},
			written:  []string{"66BUENOSAIRES2481", "90CAPETOWN97"}},
		{name: "empty file", make: fixture("empty.txt"), failures: []string{"empty.txt: empty file"}, inputFailed: 1},
		{name: "binary file", make: fixture("binary.txt"), failures: []string{"binary.txt: not a cable dump: binary data"}, inputFailed: 1},
		{name: "symlink loop", make: linkLoop,
			failures:    []string{"loop: symbolic link loop", "self.txt: too many levels of symbolic links"},
			written:     []string{"09BAGHDAD323"},
			inputFailed: 2},
		{name: "unreadable file", make: unreadable, failures: []string{"unreadable.txt"}, inputFailed: 1},
		{name: "HTML page without the cable table", make: fixture("nocable.html"),
			failures: []string{"nocable.html:1: HTML page without the cable table"}},
		{name: "text that is not a cable", make: fixture("notacable.txt"),
			failures: []string{"notacable.txt:1: no reference id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			paths := []string{goodInputs[0], tt.make(t, dir), goodInputs[1]}
			ins, errs := source.Expand(paths)
			out := filepath.Join(dir, "out")
			rep, err := Run(context.Background(), Config{Inputs: ins, InputErrors: errs, OutDir: out, Jobs: 2, Extractor: x, Relations: rel})
			if err != nil {
				t.Fatal(err)
			}
			if rep.CablesRead != rep.CablesWritten+rep.CablesFailed+rep.CablesDuplicate {
				t.Errorf("read %d != written %d + failed %d + duplicates %d", rep.CablesRead, rep.CablesWritten, rep.CablesFailed, rep.CablesDuplicate)
			}
			if rep.InputsFailed != tt.inputFailed {
				t.Errorf("%d inputs failed, want %d: %v", rep.InputsFailed, tt.inputFailed, rep.Failures)
			}
			var failures []string
			for _, f := range rep.Failures {
				failures = append(failures, f.String())
			}
			if len(failures) == 0 && len(tt.failures) > 0 {
				t.Errorf("no failure reported, want %q", tt.failures)
			}
			for _, want := range tt.failures {
				if !containsAny(failures, want) {
					t.Errorf("failures %q lack %q", failures, want)
				}
			}
			if testing.Verbose() {
				t.Logf("%q", failures)
			}
			if len(tt.failures) == 0 && len(failures) > 0 {
				t.Errorf("unexpected failures %q", failures)
			}
			if tt.warning != "" {
				var warnings []string
				for _, w := range rep.WarningSamples {
					warnings = append(warnings, w.String())
				}
				if !containsAny(warnings, tt.warning) {
					t.Errorf("warnings %q lack %q", warnings, tt.warning)
				}
			}
			got := map[string]bool{}
			for _, line := range readLines(t, filepath.Join(out, CablesFile)) {
				var rec struct{ Cable string }
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatal(err)
				}
				got[rec.Cable] = true
			}
			for _, id := range append([]string{"07USUNNEWYORK1034", "06VATICAN199"}, tt.written...) {
				if !got[id] {
					t.Errorf("%s is not in the output", id)
				}
			}
			if len(got) != rep.CablesWritten {
				t.Errorf("%d cables in cables.jsonl, report says %d written", len(got), rep.CablesWritten)
			}
		})
	}
}

func containsAny(list []string, want string) bool {
	for _, s := range list {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

// fixture returns the path of a file of testdata/bad.
func fixture(name string) func(*testing.T, string) string {
	return func(t *testing.T, _ string) string {
		p := filepath.Join(badDir, name)
		if _, err := os.Stat(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

// longLine makes a cables.csv with a 20 MB line between two good rows (too
// big to keep in the repository).
func longLine(t *testing.T, dir string) string {
	data, err := os.ReadFile(filepath.Join(badDir, "columns.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	var first, second strings.Builder
	row := 0
	for _, l := range lines {
		if strings.HasPrefix(l, `"`) && strings.Contains(l[:min(len(l), 30)], `","`) {
			row++
		}
		switch row {
		case 1:
			first.WriteString(l)
		case 3:
			second.WriteString(l)
		}
	}
	long := strings.Repeat("0123456789 junk without a newline ", 20<<20/34)
	p := filepath.Join(dir, "long.csv")
	if err := os.WriteFile(p, []byte(first.String()+long+"\n"+second.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// linkLoop makes a folder holding a cable, a link back to itself and a
// link to itself.
func linkLoop(t *testing.T, dir string) string {
	d := filepath.Join(dir, "folder")
	os.MkdirAll(filepath.Join(d, "sub"), 0o755)
	data, err := os.ReadFile("../testdata/sample/text/09BAGHDAD323.txt")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(d, "sub", "09BAGHDAD323.txt"), data, 0o644)
	if err := os.Symlink(d, filepath.Join(d, "sub", "loop")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink("self.txt", filepath.Join(d, "self.txt")); err != nil {
		t.Fatal(err)
	}
	return d
}

// unreadable makes a file that cannot be read. Root reads any file
// whatever its mode, so there the file is /proc/self/mem, which fails
// on read.
func unreadable(t *testing.T, dir string) string {
	if os.Geteuid() == 0 {
		p := filepath.Join(dir, "unreadable.txt")
		if err := os.Symlink("/proc/self/mem", p); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		if _, err := os.Stat(p); err != nil {
			t.Skip("running as root without /proc/self/mem: no file root cannot read")
		}
		return p
	}
	p := filepath.Join(dir, "unreadable.txt")
	if err := os.WriteFile(p, []byte("x"), 0o000); err != nil {
		t.Fatal(err)
	}
	return p
}
