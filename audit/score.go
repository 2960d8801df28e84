package audit

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Score counts the verdicts of a worksheet.
type Score struct {
	Entries int // meetings in the worksheet
	// Marked are the meetings with a verdict on every field; the others
	// are listed in Unmarked (Partly: those with some fields marked).
	Marked   int
	Unmarked []Entry
	Partly   []Entry
	// Per field, over the marked meetings: right, wrong, cannot be judged.
	Right, Wrong, NotApplicable [NumFields]int
	AllRight                    int // marked meetings right on all four fields
	// WrongBy lists the marked meetings wrong on each field.
	WrongBy [NumFields][]Entry
}

// Tally counts the verdicts of a worksheet's entries.
func Tally(entries []Entry) Score {
	s := Score{Entries: len(entries)}
	for _, e := range entries {
		if !e.Marked() {
			s.Unmarked = append(s.Unmarked, e)
			if e.Started() {
				s.Partly = append(s.Partly, e)
			}
			continue
		}
		s.count(e)
	}
	return s
}

// count adds a marked entry.
func (s *Score) count(e Entry) {
	s.Marked++
	if e.AllRight() {
		s.AllRight++
	}
	for f, m := range e.Marks {
		switch m {
		case Right:
			s.Right[f]++
		case Wrong:
			s.Wrong[f]++
			s.WrongBy[f] = append(s.WrongBy[f], e)
		case NotApplicable:
			s.NotApplicable[f]++
		}
	}
}

// Share is the share of a field's judged verdicts that are right; ok is
// false when none is judged.
func (s Score) Share(f Field) (share float64, ok bool) {
	n := s.Right[f] + s.Wrong[f]
	if n == 0 {
		return 0, false
	}
	return float64(s.Right[f]) / float64(n), true
}

// Print writes the score for people; name is the worksheet's.
func (s Score) Print(w io.Writer, name string) {
	fmt.Fprintf(w, "%s: %d meetings, %d marked", name, s.Entries, s.Marked)
	if len(s.Unmarked) > 0 {
		fmt.Fprintf(w, ", %d not yet marked (%s)", len(s.Unmarked), ranges(s.Unmarked))
	}
	if len(s.Partly) > 0 {
		fmt.Fprintf(w, "; partly marked: %s", ranges(s.Partly))
	}
	fmt.Fprintln(w)
	if s.Marked == 0 {
		return
	}
	fmt.Fprintf(w, "\n%-8s %6s %6s %6s  %s\n", "field", "right", "wrong", "n/a", "share right")
	for f := range NumFields {
		fmt.Fprintf(w, "%-8s %6d %6d %6d  %s\n", f, s.Right[f], s.Wrong[f], s.NotApplicable[f], share(s.Right[f], s.Right[f]+s.Wrong[f]))
	}
	fmt.Fprintf(w, "all four right: %s\n", share(s.AllRight, s.Marked))
	for f := range NumFields {
		s.printWrong(w, f)
	}
}

// printWrong lists the meetings wrong on a field, with their notes.
func (s Score) printWrong(w io.Writer, f Field) {
	if len(s.WrongBy[f]) == 0 {
		return
	}
	fmt.Fprintf(w, "\nwrong %s (%d):\n", f, len(s.WrongBy[f]))
	for _, e := range s.WrongBy[f] {
		if e.Note == "" {
			fmt.Fprintf(w, "  %s\n", e)
			continue
		}
		fmt.Fprintf(w, "  %s: %s\n", e, oneLine(e.Note))
	}
}

// share is "0.667 (2 of 3)", or "-" when there is nothing to share.
func share(a, n int) string {
	if n == 0 {
		return "- (0 judged)"
	}
	return fmt.Sprintf("%.3f (%d of %d)", float64(a)/float64(n), a, n)
}

// ranges writes entries' numbers compactly: "4-10, 12".
func ranges(es []Entry) string {
	var parts []string
	for i := 0; i < len(es); {
		j := i
		for j+1 < len(es) && es[j+1].Number == es[j].Number+1 {
			j++
		}
		part := strconv.Itoa(es[i].Number)
		if j > i {
			part += "-" + strconv.Itoa(es[j].Number)
		}
		parts = append(parts, part)
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
