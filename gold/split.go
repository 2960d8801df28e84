package gold

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Split puts gold cables into two halves, A and B, to tune on one and
// check on the other.
type Split struct {
	// Half maps each cable listed to its half.
	Half map[string]string
	// Line maps each cable listed to its line in the file.
	Line map[string]int
}

// Halves are the halves of a split, in the order they are printed.
func Halves() []string { return []string{"A", "B"} }

// ReadSplit reads a split file (named name in errors): lines "A REFID" or
// "B REFID", blank lines and # comments. Every bad line, and a cable
// listed twice, is an error naming name:line.
func ReadSplit(r io.Reader, name string) (Split, error) {
	s := Split{Half: map[string]string{}, Line: map[string]int{}}
	err := eachLine(r, name, func(n int, line string) error {
		f := strings.Fields(line)
		switch {
		case len(f) != 2 || (f[0] != "A" && f[0] != "B"):
			return fmt.Errorf("want \"A REFID\" or \"B REFID\", got %q", line)
		case s.Line[f[1]] != 0:
			return fmt.Errorf("%s is already in half %s (line %d)", f[1], s.Half[f[1]], s.Line[f[1]])
		}
		s.Half[f[1]] = f[0]
		s.Line[f[1]] = n
		return nil
	})
	return s, err
}

// Check reports, naming file:line, every cable of the split that is not a
// gold cable.
func (s Split) Check(file string, gold []Annotated) error {
	have := map[string]bool{}
	for _, c := range gold {
		have[c.Cable] = true
	}
	var errs []error
	for _, c := range sortedKeys(keysOf(s.Half)) {
		if !have[c] {
			errs = append(errs, fmt.Errorf("%s:%d: no gold cable %s", file, s.Line[c], c))
		}
	}
	return errors.Join(errs...)
}

func keysOf(m map[string]string) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// LoadSplit reads and checks a split file.
func LoadSplit(path string, gold []Annotated) (Split, error) {
	f, err := os.Open(path)
	if err != nil {
		return Split{}, err
	}
	defer f.Close()
	s, err := ReadSplit(f, path)
	if err := errors.Join(err, s.Check(path, gold)); err != nil {
		return Split{}, err
	}
	return s, nil
}

// Select returns the gold cables of the half, in gold order.
func (s Split) Select(gold []Annotated, half string) []Annotated {
	var out []Annotated
	for _, c := range gold {
		if s.Half[c.Cable] == half {
			out = append(out, c)
		}
	}
	return out
}

// Unassigned lists the gold cables in no half.
func (s Split) Unassigned(gold []Annotated) []string {
	var out []string
	for _, c := range gold {
		if s.Half[c.Cable] == "" {
			out = append(out, c.Cable)
		}
	}
	return out
}
