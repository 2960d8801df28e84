package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/cablegraph/cablegraph/cable"
)

// Columns is the number of columns of a row of the release's cables.csv:
// id, date-time, refid, origin, classification, references, header, content.
const Columns = 8

// csvReader streams the release's cables.csv: no header row, every field in
// double quotes, quotes and backslashes inside fields escaped with a
// backslash, fields spanning lines. encoding/csv cannot read it (it wants
// quotes doubled), so this reader cuts the stream into rows at lines that
// start a row ("1234","2/8/2009 08:01",...) and parses each row alone: a
// malformed row is reported with its line and the next row reads normally.
type csvReader struct {
	name    string
	r       *bufio.Reader
	c       io.Closer
	line    int    // lines read so far
	pending []byte // the first line of the next row, already read
	pendAt  int    // its line number
	row     int
	buf     []byte
	eof     bool
	err     error
	// after is a problem found past the end of the row just returned (lines
	// outside any row), returned by the next call
	after error
}

func newCSVReader(name string, r *bufio.Reader, c io.Closer) *csvReader {
	return &csvReader{name: name, r: r, c: c}
}

func (c *csvReader) Close() error { return c.c.Close() }

// readLine returns the next line with its newline; the slice is valid until
// the next call.
func (c *csvReader) readLine() ([]byte, error) {
	line, err := c.r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		long := append([]byte(nil), line...)
		for err == bufio.ErrBufferFull {
			line, err = c.r.ReadSlice('\n')
			if len(long) <= MaxRecord {
				long = append(long, line...)
			}
		}
		line = long
	}
	if len(line) > 0 {
		c.line++
		if err == io.EOF {
			err = nil
		}
	}
	return line, err
}

// rowStart reports whether b starts a row: `"<digits>","<date>","`.
func rowStart(b []byte) bool {
	if len(b) < 8 || b[0] != '"' {
		return false
	}
	i := 1
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i == 1 || !bytes.HasPrefix(b[i:], []byte(`","`)) {
		return false
	}
	i += 3
	j := i
	for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == '/' || b[j] == ':' || b[j] == ' ' || b[j] == '-') {
		j++
	}
	return j > i && bytes.HasPrefix(b[j:], []byte(`","`))
}

func (c *csvReader) Next() (cable.Raw, error) {
	if err := c.after; err != nil {
		c.after = nil
		return cable.Raw{}, err
	}
	if c.err != nil {
		return cable.Raw{}, c.err
	}
	// find the start of a row
	junkAt, junk := 0, 0
	for c.pending == nil {
		if c.eof {
			if junk > 0 {
				return cable.Raw{}, c.junkError(junkAt, junk)
			}
			return cable.Raw{}, io.EOF
		}
		line, err := c.readLine()
		if err != nil {
			c.eof = true
			if err != io.EOF {
				c.err = &ReadError{Pos: cable.Position{File: c.name, Line: c.line}, Err: readErr(err)}
				if junk > 0 {
					return cable.Raw{}, c.junkError(junkAt, junk)
				}
				return cable.Raw{}, c.err
			}
		}
		if rowStart(line) {
			c.pending = append(c.pending[:0], line...)
			c.pendAt = c.line
			if junk > 0 {
				return cable.Raw{}, c.junkError(junkAt, junk)
			}
			break
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if junk == 0 {
				junkAt = c.line
			}
			junk++
		}
	}
	// gather the row's lines up to the next row start
	start := c.pendAt
	c.buf = append(c.buf[:0], c.pending...)
	c.pending = nil
	tooBig := false
	for !c.eof {
		line, err := c.readLine()
		if err != nil {
			c.eof = true
			if err != io.EOF {
				c.err = &ReadError{Pos: cable.Position{File: c.name, Line: c.line}, Err: readErr(err)}
			}
		}
		if len(line) == 0 {
			break
		}
		if rowStart(line) {
			c.pending = append([]byte(nil), line...)
			c.pendAt = c.line
			break
		}
		if len(c.buf)+len(line) > MaxRecord {
			tooBig = true
			continue
		}
		c.buf = append(c.buf, line...)
	}
	c.row++
	pos := cable.Position{File: c.name, Line: start, Row: c.row}
	if tooBig {
		return cable.Raw{}, &RecordError{Pos: pos, RefID: peekRefID(c.buf), Err: fmt.Errorf("row larger than %d MB", MaxRecord>>20)}
	}
	fields, rest, err := parseRow(c.buf)
	if rest > 0 {
		// a whole row, then lines that belong to no row: keep the row,
		// report the lines
		if n := nonBlankLines(c.buf[rest:]); n > 0 {
			c.after = c.junkError(start+bytes.Count(c.buf[:rest], []byte{'\n'}), n)
		}
	}
	if err != nil && c.err != nil && c.pending == nil {
		// the input broke inside this row: report the row with the cause
		return cable.Raw{}, &RecordError{Pos: pos, RefID: peekRefID(c.buf), Err: fmt.Errorf("row cut short: %w", errors.Unwrap(c.err))}
	}
	if err != nil {
		var pe *rowError
		if errors.As(err, &pe) {
			pos.Line = start + pe.line
		}
		return cable.Raw{}, &RecordError{Pos: pos, RefID: peekRefID(c.buf), Err: err}
	}
	raw := cable.Raw{
		Pos: pos, Format: cable.FormatCSV, Size: int64(len(c.buf)),
		ID: fields[0], Created: fields[1], RefID: fields[2], Origin: fields[3],
		Classification: fields[4], References: fields[5],
	}
	raw.Header = clean(fields[6], &raw.Warnings, "header")
	raw.Text = clean(fields[7], &raw.Warnings, "text")
	return raw, nil
}

func (c *csvReader) junkError(at, n int) error {
	return &RecordError{Pos: cable.Position{File: c.name, Line: at}, Err: fmt.Errorf("%d lines outside any row (not starting with \"<id>\",\"<date>\",)", n)}
}

// rowError is a parse error inside a row, line counted from the row's start.
type rowError struct {
	line int
	msg  string
}

func (e *rowError) Error() string { return e.msg }

func nonBlankLines(b []byte) int {
	n := 0
	for _, l := range bytes.Split(b, []byte{'\n'}) {
		if len(bytes.TrimSpace(l)) > 0 {
			n++
		}
	}
	return n
}

// parseRow splits one row into its columns, undoing the backslash escapes.
// When the row is whole and ends at a line end with more lines after it,
// rest is where those lines start.
func parseRow(b []byte) (fields []string, rest int, err error) {
	out := make([]byte, 0, len(b))
	var ends []int
	i := 0
	lineAt := func(i int) int { return bytes.Count(b[:i], []byte{'\n'}) }
	for {
		if i >= len(b) || b[i] != '"' {
			return nil, 0, &rowError{lineAt(i), fmt.Sprintf("column %d does not start with a quote", len(ends)+1)}
		}
		i++
		for {
			j := bytes.IndexAny(b[i:], "\\\"")
			if j < 0 {
				return nil, 0, &rowError{lineAt(i), fmt.Sprintf("unterminated quoted field in column %d", len(ends)+1)}
			}
			out = append(out, b[i:i+j]...)
			i += j
			if b[i] == '"' {
				i++
				break
			}
			if i+1 >= len(b) {
				return nil, 0, &rowError{lineAt(i), fmt.Sprintf("unterminated quoted field in column %d", len(ends)+1)}
			}
			out = append(out, b[i+1])
			i += 2
		}
		ends = append(ends, len(out))
		if i < len(b) && b[i] == ',' {
			i++
			continue
		}
		tail := bytes.TrimSpace(b[i:])
		if len(tail) == 0 {
			break
		}
		if len(ends) == Columns {
			if nl := bytes.IndexByte(b[i:], '\n'); nl >= 0 && len(bytes.TrimSpace(b[i:i+nl])) == 0 {
				rest = i + nl + 1
				break
			}
		}
		return nil, 0, &rowError{lineAt(i), fmt.Sprintf("unexpected %q after the closing quote of column %d (unescaped quote?)", firstRune(tail), len(ends))}
	}
	if len(ends) != Columns {
		return nil, 0, &rowError{0, fmt.Sprintf("row has %d columns, want %d", len(ends), Columns)}
	}
	s := string(out)
	fields = make([]string, Columns)
	prev := 0
	for k, e := range ends {
		fields[k] = s[prev:e]
		prev = e
	}
	return fields, rest, nil
}

func firstRune(b []byte) string {
	for i := range string(b) {
		if i > 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

// peekRefID returns the third column of a row if it can be read, for errors.
func peekRefID(b []byte) string {
	f := bytes.SplitN(b, []byte(`","`), 4)
	if len(f) < 4 || len(f[2]) > 40 || bytes.ContainsAny(f[2], "\n\"\\") {
		return ""
	}
	return string(f[2])
}
