package source

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cablegraph/cablegraph/cable"
)

// TestEncodings reads the inputs of testdata/bad in the encodings users'
// files come in and checks every cable is read whole: the same refids and
// texts as the UTF-8 original, the characters decoded, one warning saying
// what was done.
func TestEncodings(t *testing.T) {
	read := func(name string) []cable.Raw {
		t.Helper()
		var out []cable.Raw
		if err := Each([]Input{{Path: filepath.Join("..", "testdata", "bad", name)}}, func(r cable.Raw) error {
			out = append(out, r)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	sample := map[string]string{}
	for _, r := range read("../sample/cables.csv") {
		sample[r.RefID] = r.Text
	}
	tests := []struct {
		file, warning string
		refids        []string
	}{
		{"bom.csv", "UTF-8 byte-order mark skipped", []string{"66BUENOSAIRES2481", "90CAPETOWN97"}},
		{"utf16.csv", "UTF-16 (little-endian) decoded", []string{"66BUENOSAIRES2481", "90CAPETOWN97"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rs := read(tt.file)
			if len(rs) != len(tt.refids) {
				t.Fatalf("%d cables, want %d", len(rs), len(tt.refids))
			}
			for i, r := range rs {
				if r.RefID != tt.refids[i] || r.Text != sample[r.RefID] {
					t.Errorf("cable %d: %s, text equal to the sample's: %v", i, r.RefID, r.Text == sample[r.RefID])
				}
				if got := strings.Join(r.Warnings, "; "); (i == 0) != strings.Contains(got, tt.warning) {
					t.Errorf("cable %d warnings %q", i, got)
				}
			}
		})
	}
	t.Run("cp1252.txt", func(t *testing.T) {
		rs := read("cp1252.txt")
		if len(rs) != 1 {
			t.Fatalf("%d cables", len(rs))
		}
		text := rs[0].Text
		if !strings.Contains(text, "\u201c") || !strings.Contains(text, "Mistura\u2019s") || strings.ContainsRune(text, '\uFFFD') {
			t.Errorf("curly quotes not decoded: %q", text[:200])
		}
		if !strings.Contains(strings.Join(rs[0].Warnings, "; "), "Windows-1252 decoded") {
			t.Errorf("warnings %q", rs[0].Warnings)
		}
	})
}

func TestWindows1252(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"plain ASCII", false},
		{"caf\xe9 \x93quoted\x94", true},
		{"UTF-8 caf\xc3\xa9 and a bad \xe9 byte", false},
		{"binary \x00 \xe9", false},
	}
	for _, tt := range tests {
		if got := windows1252([]byte(tt.in + strings.Repeat(" ", 8))); got != tt.want {
			t.Errorf("windows1252(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzOpen reads arbitrary bytes as a user's file, in whatever encoding
// they look like: no panic, every record's text valid UTF-8.
func FuzzOpen(f *testing.F) {
	for _, name := range []string{"bom.csv", "utf16.csv", "cp1252.txt"} {
		if data, err := os.ReadFile(filepath.Join("..", "testdata", "bad", name)); err == nil {
			f.Add(data[:min(len(data), 4096)], name)
		}
	}
	f.Add([]byte("\xff\xfe\x00"), "x.csv")
	f.Add([]byte("caf\xe9 \x93q\x94\n"), "x.txt")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		r, err := OpenReader(name, name, io.NopCloser(bytes.NewReader(data)), nil)
		if err != nil {
			return
		}
		defer r.Close()
		eachRecord(t, r, 100000, func(raw cable.Raw) {
			if !utf8.ValidString(raw.Text) {
				t.Fatalf("%s: text not UTF-8", raw.Pos)
			}
		})
	})
}
