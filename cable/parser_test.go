package cable

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cablegraph/cablegraph/rules"
)

// defaultParser is a parser with the words of the default rule set.
func defaultParser(tb testing.TB) *Parser {
	tb.Helper()
	set, err := rules.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return NewParser(set.ClassifiedByOffices, set.Particles)
}

func TestWordKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ambassador", "ambassador"},
		{"Amb.", "amb"},
		{"DCM,", "dcm"},
		{"a.i.,", "a.i"},
		{"M/C;", "m/c"},
		{"d'Affaires:", "d'affaires"},
		{"al-", "al-"},
	}
	for _, tt := range tests {
		if got := wordKey(tt.in); got != tt.want {
			t.Errorf("wordKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestClassifiedByWords: the split follows the parser's words, so a rule
// file's office word or particle changes it.
func TestClassifiedByWords(t *testing.T) {
	tests := []struct {
		name                     string
		offices, particles       []string
		in, wantName, wantOffice string
	}{
		{"no words: every capitalized word is the name", nil, nil,
			"Acting DCM John Smith for reasons 1.4 (b)", "Acting DCM John Smith", ""},
		{"an office word ends the name", []string{"dcm"}, nil,
			"Acting DCM John Smith for reasons 1.4 (b)", "John Smith", "Acting DCM"},
		{"office words in any case", []string{"Acting", "DCM"}, nil,
			"ACTING DCM JOHN SMITH, REASONS 1.4 (B)", "JOHN SMITH", "ACTING DCM"},
		{"not a particle: the name stops at it", []string{"ambassador"}, nil,
			"Ambassador Maria van Dijk, reasons 1.4 (d)", "Dijk", "Ambassador Maria van"},
		{"a particle inside the name", []string{"ambassador"}, []string{"van"},
			"Ambassador Maria van Dijk, reasons 1.4 (d)", "Maria van Dijk", "Ambassador"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewParser(tt.offices, tt.particles).ClassifiedBy(tt.in)
			if got.Name != tt.wantName || got.Office != tt.wantOffice {
				t.Errorf("ClassifiedBy(%q) = name %q office %q, want %q, %q", tt.in, got.Name, got.Office, tt.wantName, tt.wantOffice)
			}
		})
	}
}

// TestUserParticle: a particle of a user's rule file reaches the split of
// a Classified By line; the default rules do not know "zu".
func TestUserParticle(t *testing.T) {
	file := filepath.Join(t.TempDir(), "mine.yaml")
	if err := os.WriteFile(file, []byte("particles: [zu]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const line = "Ambassador Karl zu Guttenberg for reasons 1.4 (b) and (d)."
	tests := []struct {
		name                 string
		files                []string
		wantName, wantOffice string
	}{
		{"default rules", nil, "Guttenberg", "Ambassador Karl zu"},
		{"with mine.yaml", []string{file}, "Karl zu Guttenberg", "Ambassador"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := rules.Load(tt.files...)
			if err != nil {
				t.Fatal(err)
			}
			got := NewParser(set.ClassifiedByOffices, set.Particles).ClassifiedBy(line)
			if got.Name != tt.wantName || got.Office != tt.wantOffice {
				t.Errorf("name %q office %q, want %q, %q", got.Name, got.Office, tt.wantName, tt.wantOffice)
			}
		})
	}
}
