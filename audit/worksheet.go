package audit

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Field is one question a verdict answers about a meeting.
type Field int

// The fields of a verdict, in the order the verdict line gives them.
const (
	FieldMeeting Field = iota // the cable reports this meeting
	FieldPeople               // all participants right, none missing
	FieldIDs                  // each participant's id and name are one right person
	FieldDate                 // the date is right
	NumFields
)

// String is the field's key on the verdict line.
func (f Field) String() string {
	switch f {
	case FieldMeeting:
		return "meeting"
	case FieldPeople:
		return "people"
	case FieldIDs:
		return "ids"
	case FieldDate:
		return "date"
	}
	return "field" + strconv.Itoa(int(f))
}

// Mark is the verdict on one field.
type Mark byte

// Marks as written on a verdict line.
const (
	Unmarked      Mark = '?' // not judged yet
	Right         Mark = 'y'
	Wrong         Mark = 'n'
	NotApplicable Mark = '-' // cannot be judged (people of something that is not a meeting)
)

// Entry is one section of a worksheet as read back.
type Entry struct {
	Number      int    // the draw's number
	Cable       string // reference id
	Index       int    // which of the cable's meetings, 1-based
	Line        int    // the heading's line
	VerdictLine int    // the verdict's line; 0 if none
	Marks       [NumFields]Mark
	Note        string // lines joined by "\n"; "" when none
}

// Marked reports whether every field has a verdict.
func (e Entry) Marked() bool {
	for _, m := range e.Marks {
		if m == Unmarked {
			return false
		}
	}
	return true
}

// Started reports whether some field has a verdict.
func (e Entry) Started() bool {
	for _, m := range e.Marks {
		if m != Unmarked {
			return true
		}
	}
	return false
}

// AllRight reports whether all four fields are right.
func (e Entry) AllRight() bool {
	for _, m := range e.Marks {
		if m != Right {
			return false
		}
	}
	return true
}

// String names the entry as the score lists it.
func (e Entry) String() string {
	return fmt.Sprintf("%d. %s, meeting %d", e.Number, e.Cable, e.Index)
}

// headingRE is a section heading: "## 3. 09BAGHDAD323, meeting 2".
var headingRE = regexp.MustCompile(`^##\s+(\d+)\.\s+(\S+),\s+meeting\s+(\d+)$`)

// maxWorksheetLine is the longest line Parse accepts.
const maxWorksheetLine = 16 << 20

// Parse reads a worksheet written by Render and filled in by hand (name
// is used in errors). Only section headings, verdict lines and notes are
// read; the rest is for the reader, and so is everything after a
// closing "## Notes" heading. Every malformed line is reported as
// name:line: what is wrong, all of them at once.
func Parse(r io.Reader, name string) ([]Entry, error) {
	p := &parser{name: name, seen: map[int]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxWorksheetLine)
	for sc.Scan() {
		p.line++
		text := sc.Text()
		if p.line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		p.read(strings.TrimSpace(text))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, p.line+1, err)
	}
	p.finish()
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return p.entries, nil
}

// parser is Parse's state while it reads a worksheet.
type parser struct {
	name    string
	line    int
	entries []Entry
	seen    map[int]int // draw number -> heading line
	inNote  bool        // lines continue the current section's note
	done    bool        // past the closing "## Notes": the rest is the reader's
	noteAt  int         // the current section's note line; 0 if none
	errs    []error
}

// cur is the section being read, nil before the first heading.
func (p *parser) cur() *Entry {
	if len(p.entries) == 0 {
		return nil
	}
	return &p.entries[len(p.entries)-1]
}

// read takes one line, trimmed.
func (p *parser) read(t string) {
	lower := strings.ToLower(t)
	switch {
	case p.done:
	case lower == "## notes":
		// the marker's notes on the whole sheet close the sections
		p.endSection()
		p.done = true
	case strings.HasPrefix(t, "##") && !strings.HasPrefix(t, "###"):
		p.heading(t)
	case strings.HasPrefix(lower, "verdict:"):
		p.verdict(t[len("verdict:"):])
	case strings.HasPrefix(lower, "note:"):
		p.note(strings.TrimSpace(t[len("note:"):]))
	case p.inNote:
		e := p.cur()
		e.Note += "\n" + t
	}
}

func (p *parser) heading(t string) {
	p.endSection()
	m := headingRE.FindStringSubmatch(t)
	if m == nil {
		p.errorf("malformed heading %q: want \"## N. REFID, meeting K\"", clip(t))
		// keep reading: lines up to the next heading are nobody's
		p.entries = append(p.entries, Entry{Line: p.line, VerdictLine: -1})
		return
	}
	n, err1 := strconv.Atoi(m[1])
	k, err2 := strconv.Atoi(m[3])
	if err1 != nil || err2 != nil || n < 1 || k < 1 {
		p.errorf("heading %q: numbers out of range", clip(t))
		p.entries = append(p.entries, Entry{Line: p.line, VerdictLine: -1})
		return
	}
	if first, ok := p.seen[n]; ok {
		p.errorf("meeting %d again (first on line %d)", n, first)
	}
	p.seen[n] = p.line
	e := Entry{Number: n, Cable: m[2], Index: k, Line: p.line}
	for f := range e.Marks {
		e.Marks[f] = Unmarked
	}
	p.entries = append(p.entries, e)
}

func (p *parser) verdict(rest string) {
	p.inNote = false
	e := p.cur()
	switch {
	case e == nil:
		p.errorf("verdict line before the first meeting's heading")
		return
	case e.VerdictLine < 0:
		return // under a malformed heading, already reported
	case e.VerdictLine > 0:
		p.errorf("%s: a second verdict line (the first is on line %d)", e.who(), e.VerdictLine)
		return
	}
	e.VerdictLine = p.line
	marks, err := parseVerdict(rest)
	if err != nil {
		p.errorf("%s: verdict: %v", e.who(), err)
		return
	}
	e.Marks = marks
}

func (p *parser) note(first string) {
	e := p.cur()
	switch {
	case e == nil:
		p.errorf("note line before the first meeting's heading")
		return
	case e.VerdictLine < 0:
		return
	case p.noteAt > 0:
		p.errorf("%s: a second note line (the first is on line %d)", e.who(), p.noteAt)
		return
	}
	p.noteAt, p.inNote = p.line, true
	e.Note = first
}

// endSection tidies the section before a new heading or the end.
func (p *parser) endSection() {
	if e := p.cur(); e != nil {
		e.Note = strings.TrimSpace(e.Note)
	}
	p.inNote, p.noteAt = false, 0
}

// finish checks every section has its verdict line and drops the
// placeholders of malformed headings.
func (p *parser) finish() {
	p.endSection()
	good := p.entries[:0]
	for _, e := range p.entries {
		switch {
		case e.VerdictLine < 0:
			continue
		case e.VerdictLine == 0:
			p.errs = append(p.errs, fmt.Errorf("%s:%d: %s: no verdict line", p.name, e.Line, e.who()))
		}
		good = append(good, e)
	}
	p.entries = good
	if len(p.entries) == 0 && len(p.errs) == 0 {
		p.errs = append(p.errs, fmt.Errorf("%s: no meetings: not a worksheet of cablegraph audit draw", p.name))
	}
}

// parseVerdict reads "meeting=y people=n ids=? date=-" (any order, spaces
// or commas between); every field exactly once.
func parseVerdict(s string) ([NumFields]Mark, error) {
	var marks [NumFields]Mark
	tokens := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' || r == ';' })
	for _, tok := range tokens {
		key, value, ok := strings.Cut(tok, "=")
		if !ok {
			return marks, fmt.Errorf("%q: want field=value, like people=y", clip(tok))
		}
		f, ok := fieldNamed(strings.ToLower(key))
		if !ok {
			return marks, fmt.Errorf("unknown field %q (the fields: meeting, people, ids, date)", clip(key))
		}
		if marks[f] != 0 {
			return marks, fmt.Errorf("%s given twice", f)
		}
		m, err := parseMark(f, value)
		if err != nil {
			return marks, err
		}
		marks[f] = m
	}
	var missing []string
	for f := range NumFields {
		if marks[f] == 0 {
			missing = append(missing, f.String())
		}
	}
	if len(missing) > 0 {
		return marks, fmt.Errorf("missing %s", strings.Join(missing, ", "))
	}
	return marks, nil
}

func fieldNamed(key string) (Field, bool) {
	for f := range NumFields {
		if f.String() == key {
			return f, true
		}
	}
	return 0, false
}

func parseMark(f Field, value string) (Mark, error) {
	switch strings.ToLower(value) {
	case "y", "yes":
		return Right, nil
	case "n", "no":
		return Wrong, nil
	case "?":
		return Unmarked, nil
	case "-":
		if f != FieldMeeting {
			return NotApplicable, nil
		}
	}
	if f == FieldMeeting {
		return 0, fmt.Errorf("meeting=%s: want y, n or ? (not yet)", clip(value))
	}
	return 0, fmt.Errorf("%s=%s: want y, n, ? (not yet) or - (cannot be judged)", f, clip(value))
}

func (p *parser) errorf(format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf("%s:%d: %s", p.name, p.line, fmt.Sprintf(format, args...)))
}

// who names an entry in errors: "meeting 3 (09BAGHDAD323)".
func (e Entry) who() string { return fmt.Sprintf("meeting %d (%s)", e.Number, e.Cable) }

// clip shortens what a user wrote for an error message.
func clip(s string) string {
	const limit = 60
	if len(s) <= limit {
		return s
	}
	i := limit
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
