package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/cablegraph/cablegraph/cable"
)

// Stdin is the input name that stands for standard input.
const Stdin = "-"

// MaxRecord is the largest record a reader accepts (a whole HTML page or
// text file, or one row of cables.csv). Larger ones are reported and
// skipped, so memory stays bounded whatever the input.
const MaxRecord = 64 << 20

// Input is one file to read.
type Input struct {
	Path string // file path, or "-" for standard input
	Size int64  // bytes on disk; -1 when unknown (standard input)
	// FS, when set, is the file system Path is read from (the bundled
	// sample); otherwise Path names a file on disk.
	FS fs.FS
}

// Reader yields the cables of one input. Next returns io.EOF after the last
// one. A *RecordError means one record was bad and was skipped: call Next
// again for the rest. Any other error ends the input.
type Reader interface {
	Next() (cable.Raw, error)
	Close() error
}

// RecordError is a bad record: where it is, its reference id when it could
// be read, and what is wrong.
type RecordError struct {
	Pos   cable.Position
	RefID string
	Err   error
}

func (e *RecordError) Error() string {
	if e.RefID != "" {
		return fmt.Sprintf("%s: %s: %v", e.Pos, e.RefID, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Pos, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// ExpandFS lists the cable files under root in fsys, in lexical order.
func ExpandFS(fsys fs.FS, root string) ([]Input, error) {
	var ins []Input
	err := fs.WalkDir(fsys, root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !cableFile(d.Name()) {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		ins = append(ins, Input{Path: path, Size: fi.Size(), FS: fsys})
		return nil
	})
	return ins, err
}

// Expand turns the paths given by a user into inputs: files as they are,
// folders walked recursively (in lexical order, cable files only, hidden
// names skipped), symbolic links followed except those that lead back into
// a folder being walked (a loop: reported, not followed), "-" as standard
// input. Paths that cannot be read are returned as errors naming them; the
// others are still expanded.
func Expand(paths []string) ([]Input, []error) {
	var ins []Input
	var errs []error
	for _, p := range paths {
		if p == Stdin {
			ins = append(ins, Input{Path: Stdin, Size: -1})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !fi.IsDir() {
			ins = append(ins, Input{Path: p, Size: fi.Size()})
			continue
		}
		w := walker{}
		w.walk(p, nil)
		ins = append(ins, w.found...)
		errs = append(errs, w.errs...)
	}
	return ins, errs
}

// LoopError is a symbolic link that leads back into a folder it is in.
type LoopError struct {
	Link, Target string
}

func (e *LoopError) Error() string {
	return fmt.Sprintf("%s: symbolic link loop: it leads to %s, a folder it is in; not followed", e.Link, e.Target)
}

// walker lists the cable files under a folder.
type walker struct {
	found []Input
	errs  []error
}

// walk lists dir; open holds the real paths of the folders being walked
// (dir's ancestors), to catch link loops.
func (w *walker) walk(dir string, open []string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		w.errs = append(w.errs, err)
		return
	}
	if real, err = filepath.Abs(real); err != nil {
		w.errs = append(w.errs, err)
		return
	}
	if slices.Contains(open, real) {
		w.errs = append(w.errs, &LoopError{Link: dir, Target: real})
		return
	}
	open = append(open, real)
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		w.errs = append(w.errs, err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if e.IsDir() {
			w.walk(path, open)
			continue
		}
		link := e.Type()&fs.ModeSymlink != 0
		if !link && !cableFile(e.Name()) {
			continue // pictures and the like: not even a stat
		}
		fi, err := os.Stat(path) // follows a link
		if err != nil {
			w.errs = append(w.errs, err) // dangling, or a link to itself
			continue
		}
		switch {
		case fi.IsDir():
			w.walk(path, open)
		case fi.Mode().IsRegular() && cableFile(e.Name()):
			w.found = append(w.found, Input{Path: path, Size: fi.Size()})
		}
	}
}

// cableFile reports whether a file found in a folder is worth reading.
func cableFile(name string) bool {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(name) {
	case ".csv", ".html", ".htm", ".txt", ".text", "":
		return true
	}
	return false
}

// Open opens an input, undoes gzip compression when the data starts with
// gzip's magic bytes, and picks the reader by what the data looks like.
// read, when not nil, counts the input bytes consumed (compressed bytes for
// gzip), for progress reports.
func Open(in Input, read *atomic.Int64) (Reader, error) {
	name := in.Path
	var f io.ReadCloser
	switch {
	case in.FS != nil:
		file, err := in.FS.Open(in.Path)
		if err != nil {
			return nil, err
		}
		f = file
	case in.Path == Stdin:
		name = "<stdin>"
		f = io.NopCloser(os.Stdin)
	default:
		file, err := os.Open(in.Path)
		if err != nil {
			return nil, err
		}
		f = file
	}
	return OpenReader(name, in.Path, f, read)
}

// OpenReader is Open for data from elsewhere (a distributed file system):
// name is used in positions and errors, path (its extension) helps tell
// the format. The Reader closes f.
func OpenReader(name, path string, f io.ReadCloser, read *atomic.Int64) (Reader, error) {
	var r io.Reader = f
	if read != nil {
		r = &counter{r: f, n: read}
	}
	br := bufio.NewReaderSize(r, 1<<20)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		br = bufio.NewReaderSize(zr, 1<<20)
	}
	br, note := decode(br)
	head, err := br.Peek(512)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		f.Close()
		return nil, fmt.Errorf("%s: %w", name, readErr(err))
	}
	var rd Reader
	switch sniff(head, path) {
	case cable.FormatCSV:
		rd = newCSVReader(name, br, f)
	case cable.FormatHTML:
		rd = &fileReader{name: name, r: br, c: f, format: cable.FormatHTML}
	case cable.FormatText:
		rd = &fileReader{name: name, r: br, c: f, format: cable.FormatText}
	}
	if rd != nil {
		if note != "" {
			rd = &noted{Reader: rd, note: name + ": " + note}
		}
		return rd, nil
	}
	f.Close()
	if len(bytes.TrimSpace(head)) == 0 {
		return nil, fmt.Errorf("%s: empty file", name)
	}
	return nil, fmt.Errorf("%s: not a cable dump: binary data", name)
}

// decode undoes the encodings users' files come in, so that the readers
// see UTF-8: a UTF-8 byte-order mark is skipped (a cables.csv saved by a
// spreadsheet), UTF-16 with its byte-order mark and Windows-1252 text
// (bytes that are no UTF-8, and no UTF-8 beside them) are decoded. note
// says what was done, "" if nothing.
func decode(br *bufio.Reader) (*bufio.Reader, string) {
	b, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		br.Discard(3)
		return br, "UTF-8 byte-order mark skipped"
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		d := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, d), 1<<20), "UTF-16 (little-endian) decoded"
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		d := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, d), 1<<20), "UTF-16 (big-endian) decoded"
	}
	head, _ := br.Peek(64 << 10)
	if windows1252(head) {
		return bufio.NewReaderSize(transform.NewReader(br, charmap.Windows1252.NewDecoder()), 1<<20), "Windows-1252 decoded"
	}
	return br, ""
}

// windows1252 reports text in a single-byte encoding: bytes that are not
// UTF-8 and no character of more than one byte written in UTF-8, no NUL
// (binary data). A UTF-8 file with a few bad bytes stays UTF-8.
func windows1252(head []byte) bool {
	bad, multi := 0, 0
	for i := 0; i < len(head); {
		c := head[i]
		if c == 0 {
			return false
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(head[i:])
		switch {
		case r == utf8.RuneError && n == 1 && len(head)-i >= utf8.UTFMax:
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	return bad > 0 && multi == 0
}

// noted is a Reader whose first record carries a note on the whole file
// (how it was decoded), as a warning.
type noted struct {
	Reader
	note string
	done bool
}

func (n *noted) Next() (cable.Raw, error) {
	r, err := n.Reader.Next()
	if err == nil && !n.done {
		n.done = true
		r.Warnings = append(r.Warnings, n.note)
	}
	return r, err
}

// sniff says what format data starting with head is in, or "" for binary.
// A file named .csv is the release's cables.csv whatever its first line
// (a header row is reported as lines outside any row).
func sniff(head []byte, name string) cable.Format {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(h) == 0 {
		return ""
	}
	if rowStart(h) {
		return cable.FormatCSV
	}
	// binary: NUL bytes or much invalid UTF-8 in the first bytes
	bad := 0
	for i := 0; i < len(h); {
		r, n := utf8.DecodeRune(h[i:])
		if r == 0 || (r == utf8.RuneError && n == 1 && i+4 < len(h)) {
			bad++
		}
		i += n
	}
	if bad*10 > len(h) || bytes.IndexByte(h, 0) >= 0 && bad*50 > len(h) {
		return ""
	}
	if strings.HasSuffix(strings.TrimSuffix(strings.ToLower(name), ".gz"), ".csv") {
		return cable.FormatCSV
	}
	if h[0] == '<' {
		return cable.FormatHTML
	}
	return cable.FormatText
}

// Stop, returned by the function given to Each, ends the reading early.
var Stop = errors.New("stop reading")

// Each calls fn on every good record of the inputs, in order; bad records
// (*RecordError) are skipped. It ends at the first other error, or when
// fn returns Stop (Each then returns nil).
func Each(ins []Input, fn func(cable.Raw) error) error {
	for _, in := range ins {
		r, err := Open(in, nil)
		if err != nil {
			return err
		}
		for {
			raw, err := r.Next()
			if err == io.EOF {
				break
			}
			var re *RecordError
			if errors.As(err, &re) {
				continue
			}
			if err == nil {
				err = fn(raw)
			}
			if err != nil {
				r.Close()
				if err == Stop {
					return nil
				}
				return err
			}
		}
		r.Close()
	}
	return nil
}

// ReadError ends an input: the data could not be read past Pos.
type ReadError struct {
	Pos cable.Position
	Err error
}

func (e *ReadError) Error() string { return fmt.Sprintf("%s: %v", e.Pos, e.Err) }

func (e *ReadError) Unwrap() error { return e.Err }

// readErr makes gzip's and io's errors say what they mean for a dump.
func readErr(err error) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("unexpected end of data (truncated file?): %w", err)
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		return fmt.Errorf("corrupt gzip data: %w", err)
	}
	return err
}

type counter struct {
	r io.Reader
	n *atomic.Int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// clean makes record text safe to carry on: invalid UTF-8 becomes U+FFFD and
// NUL bytes are dropped, each noted as a warning.
func clean(s string, warn *[]string, what string) string {
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
		*warn = append(*warn, what+": NUL bytes removed")
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		*warn = append(*warn, what+": invalid UTF-8 replaced with U+FFFD")
	}
	return s
}

// fileReader reads a file holding one cable: an HTML page or a plain text.
type fileReader struct {
	name   string
	r      *bufio.Reader
	c      io.Closer
	format cable.Format
	done   bool
}

func (f *fileReader) Next() (cable.Raw, error) {
	if f.done {
		return cable.Raw{}, io.EOF
	}
	f.done = true
	pos := cable.Position{File: f.name, Line: 1}
	data, err := io.ReadAll(io.LimitReader(f.r, MaxRecord+1))
	if err != nil {
		return cable.Raw{}, &ReadError{Pos: cable.Position{File: f.name}, Err: readErr(err)}
	}
	if len(data) > MaxRecord {
		return cable.Raw{}, &RecordError{Pos: pos, Err: fmt.Errorf("file larger than %d MB", MaxRecord>>20)}
	}
	raw := cable.Raw{Pos: pos, Format: f.format, Size: int64(len(data))}
	if f.format == cable.FormatHTML {
		page, err := parseHTML(data)
		if err != nil {
			return cable.Raw{}, &RecordError{Pos: pos, Err: err}
		}
		raw.RefID, raw.Created, raw.Classification, raw.Origin = page.refID, page.created, page.classification, page.origin
		raw.Header = clean(page.header, &raw.Warnings, "header")
		raw.Text = clean(page.content, &raw.Warnings, "text")
		return raw, nil
	}
	raw.Text = clean(string(data), &raw.Warnings, "text")
	return raw, nil
}

func (f *fileReader) Close() error { return f.c.Close() }
