package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Titles) < 100 || len(s.Places) < 5000 || len(s.Organizations) < 100 {
		t.Errorf("default set too small: %d titles, %d places, %d organizations", len(s.Titles), len(s.Places), len(s.Organizations))
	}
	// the hand-written United States (with its aliases) wins over the generated one
	for _, p := range s.Places {
		if p.Name == "United States" && !strings.Contains(strings.Join(p.Aliases, " "), "U.S.") {
			t.Errorf("United States lost its aliases: %v", p.Aliases)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"unknown top key", "titles: []\nwords: [a]\n", "bad.yaml:2: field words not found"},
		{"unknown entry key", "places:\n  - name: Paris\n    country: FR\n", `bad.yaml:3: unknown key "country"`},
		{"no name", "people:\n  - aliases: [X]\n", "bad.yaml:2: person without a name"},
		{"bad kind", "titles:\n  - {name: Emperor, kind: royal}\n", `bad.yaml:2: title "Emperor": unknown kind "royal"`},
		{"twice", "places:\n  - name: Paris\n  - name: paris\n", `bad.yaml:3: place "paris" listed twice (first at line 2)`},
		{"syntax", "titles: [\n  - {name: X\n", "bad.yaml:"},
		{"wrong type", "particles: {a: b}\n", "bad.yaml:1: cannot unmarshal"},
		{"bad regex", "notpeople:\n  - '^Task Force \\d+$'\n  - '(?i)operation ('\n", `bad.yaml:3: bad regular expression "(?i)operation (": missing closing )`},
		{"pattern not a string", "notpeople:\n  - {a: b}\n", "bad.yaml:2: a pattern must be a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bad.yaml", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	base, err := Parse("a", []byte("people:\n  - {name: Ban Ki Moon, aliases: [Ban]}\ntitles:\n  - {name: Ambassador}\nnonnames: [Comment]\n"))
	if err != nil {
		t.Fatal(err)
	}
	over, err := Parse("b", []byte("people:\n  - {name: ban ki moon, aliases: [SYG Ban]}\n  - {name: Andrew Gilmour}\ntitles:\n  - {name: Envoy}\nnonnames: [Note]\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := Merge(base, over)
	if len(m.People) != 2 || m.People[0].Aliases[0] != "SYG Ban" || m.People[1].Name != "Andrew Gilmour" {
		t.Errorf("people = %+v", m.People)
	}
	if len(m.Titles) != 2 || strings.Join(m.NonNames, ",") != "Comment,Note" {
		t.Errorf("titles %+v nonnames %v", m.Titles, m.NonNames)
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "mine.yaml")
	os.WriteFile(good, []byte("people:\n  - {name: Zalmay Khalilzad, offices: [Ambassador]}\ntitles:\n  - {name: Grand Vizier, aliases: [GV]}\n"), 0o644)
	s, err := Load(good)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ti := range s.Titles {
		found = found || ti.Name == "Grand Vizier"
	}
	if !found {
		t.Error("user title not merged")
	}
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("x = 1"), 0o644)
	if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "bad.toml: unsupported") {
		t.Errorf("toml: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("missing file gave no error")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("titles:\n  - {name: Ambassador, aliases: [Amb]}\nplaces:\n  - {name: Iraq}\n"))
	f.Add([]byte("people:\n  - name: X\n    offices: [Y]\nnonnames: [Z]\n"))
	f.Add([]byte("titles: [\n"))
	if data, err := os.ReadFile("default.yaml"); err == nil {
		f.Add(data) // the real rule set
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("f.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, ti := range s.Titles {
			if strings.TrimSpace(ti.Name) == "" {
				t.Fatal("a title without a name passed")
			}
		}
	})
}

func TestEntryKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ban Ki Moon", "ban ki moon"},
		{"  ban   ki\tmoon ", "ban ki moon"},
		{"Al-Maliki", "al-maliki"}, // a spelling of its own: not "al maliki"
		{"Chargé d'Affaires", "chargé d'affaires"},
	}
	for _, tt := range tests {
		if got := entryKey(tt.in); got != tt.want {
			t.Errorf("entryKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
