package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph/cable"
)

// row builds one cables.csv row from its columns, escaping as the release does.
func row(id, refid, header, content string) string {
	esc := func(s string) string {
		s = strings.ReplaceAll(s, `\`, `\\`)
		return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
	}
	cols := []string{id, "2/8/2009 08:01", refid, "Embassy Baghdad", "CONFIDENTIAL", "", header, content}
	for i := range cols {
		cols[i] = esc(cols[i])
	}
	return strings.Join(cols, ",") + "\n"
}

// readAll reads every record of data, returning the refids read and the
// errors (as "line:refid:message").
func readAll(t *testing.T, data []byte) ([]cable.Raw, []string, error) {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "cables.csv")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(Input{Path: p, Size: int64(len(data))}, nil)
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	var raws []cable.Raw
	var errs []string
	for {
		raw, err := r.Next()
		if err == io.EOF {
			return raws, errs, nil
		}
		var re *RecordError
		if errors.As(err, &re) {
			errs = append(errs, re.Error())
			continue
		}
		if err != nil {
			return raws, errs, err
		}
		raws = append(raws, raw)
	}
}

func refids(raws []cable.Raw) string {
	var ids []string
	for _, r := range raws {
		ids = append(ids, r.RefID)
	}
	return strings.Join(ids, " ")
}

func TestCSV(t *testing.T) {
	good1 := row("1", "09BAGHDAD1", "P 080801Z FEB 09\nFM AMEMBASSY BAGHDAD", "C O N F I D E N T I A L BAGHDAD 000001\n\nHe said \"hello\" and C:\\path.\n")
	good2 := row("2", "09BAGHDAD2", "", "UNCLAS BAGHDAD 000002\ntext")
	good3 := row("3", "09BAGHDAD3", "", "text three")
	tests := []struct {
		name  string
		data  string
		ids   string
		errs  []string // substrings of the errors, in order
		fatal bool
	}{
		{name: "good rows", data: good1 + good2 + good3, ids: "09BAGHDAD1 09BAGHDAD2 09BAGHDAD3"},
		{name: "no final newline", data: good1 + strings.TrimSuffix(good2, "\n"), ids: "09BAGHDAD1 09BAGHDAD2"},
		{name: "CRLF line ends", data: strings.ReplaceAll(good2+good3, "\n", "\r\n"), ids: "09BAGHDAD2 09BAGHDAD3"},
		{
			name: "unterminated quote mid-file",
			data: good1 + `"9","2/8/2009 08:01","09BAGHDAD9","E","C","","h","content with no end` + "\nmore\n" + good3,
			ids:  "09BAGHDAD1 09BAGHDAD3",
			errs: []string{":6 (row 2): 09BAGHDAD9: unterminated quoted field in column 8"},
		},
		{
			name: "unescaped quote",
			data: good2 + `"9","2/8/2009 08:01","09BAGHDAD9","E","C","","h","he said "hi" there"` + "\n" + good3,
			ids:  "09BAGHDAD2 09BAGHDAD3",
			errs: []string{"09BAGHDAD9: unexpected \"h\" after the closing quote of column 8"},
		},
		{
			name: "seven columns",
			data: good2 + `"9","2/8/2009 08:01","09BAGHDAD9","E","C","","h"` + "\n" + good3,
			ids:  "09BAGHDAD2 09BAGHDAD3",
			errs: []string{"row has 7 columns, want 8"},
		},
		{
			name: "nine columns",
			data: good2 + `"9","2/8/2009 08:01","09BAGHDAD9","E","C","","h","c","extra"` + "\n" + good3,
			ids:  "09BAGHDAD2 09BAGHDAD3",
			errs: []string{"row has 9 columns, want 8"},
		},
		{
			name: "junk before the first row",
			data: "id,date,refid\n" + good2,
			ids:  "09BAGHDAD2",
			errs: []string{"cables.csv:1: 1 lines outside any row"},
		},
		{
			name: "junk between rows",
			data: good2 + "a stray line\n\nand another\n" + good3,
			ids:  "09BAGHDAD2 09BAGHDAD3",
			errs: []string{"cables.csv:3: 2 lines outside any row"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raws, errs, err := readAll(t, []byte(tt.data))
			if (err != nil) != tt.fatal {
				t.Fatalf("fatal error %v, want fatal %v", err, tt.fatal)
			}
			if got := refids(raws); got != tt.ids {
				t.Errorf("read %q, want %q", got, tt.ids)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors %q, want %d like %q", errs, len(tt.errs), tt.errs)
			}
			for i := range errs {
				if !strings.Contains(errs[i], tt.errs[i]) {
					t.Errorf("error %q does not contain %q", errs[i], tt.errs[i])
				}
			}
		})
	}
}

func TestCSVFields(t *testing.T) {
	raws, errs, err := readAll(t, []byte(row("1", "09BAGHDAD1", "P 080801Z FEB 09", "He said \"hi\" \\ there\nline two")))
	if err != nil || len(errs) > 0 || len(raws) != 1 {
		t.Fatalf("read %d cables, errors %v %v", len(raws), errs, err)
	}
	r := raws[0]
	if r.Text != "He said \"hi\" \\ there\nline two" || r.Header != "P 080801Z FEB 09" || r.Created != "2/8/2009 08:01" || r.Origin != "Embassy Baghdad" {
		t.Errorf("fields wrong: %+v", r)
	}
	if r.Pos.Line != 1 || r.Pos.Row != 1 || r.Format != cable.FormatCSV {
		t.Errorf("position %+v format %s", r.Pos, r.Format)
	}
}

func TestCSVRepairs(t *testing.T) {
	raws, _, err := readAll(t, []byte(row("1", "X1", "", "bad \xff byte and NUL \x00 here")))
	if err != nil || len(raws) != 1 {
		t.Fatal(err)
	}
	if raws[0].Text != "bad \uFFFD byte and NUL  here" || len(raws[0].Warnings) != 2 {
		t.Errorf("text %q warnings %q", raws[0].Text, raws[0].Warnings)
	}
}

func gz(t *testing.T, data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func TestGzip(t *testing.T) {
	var data string
	for i := 0; i < 200; i++ {
		data += row("1", "09X"+strings.Repeat("1", i%5+1), "", strings.Repeat("text of the cable ", 50))
	}
	raws, errs, err := readAll(t, gz(t, []byte(data)))
	if err != nil || len(errs) > 0 || len(raws) != 200 {
		t.Fatalf("gzip: %d cables, %v, %v", len(raws), errs, err)
	}
	z := gz(t, []byte(data))
	raws, errs, err = readAll(t, z[:len(z)/2])
	if err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("truncated gzip: error %v, want one saying truncated", err)
	}
	if len(raws) == 0 || len(raws) >= 200 {
		t.Errorf("truncated gzip: %d cables before the cut, want some", len(raws))
	}
	if len(errs) > 1 {
		t.Errorf("truncated gzip: at most the cut row may fail, got %q", errs)
	}
}

func TestOpenRejects(t *testing.T) {
	dir := t.TempDir()
	tests := map[string][]byte{
		"empty.txt":  {},
		"blank.txt":  []byte("\n \n"),
		"binary.bin": {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0},
	}
	for name, data := range tests {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		_, err := Open(Input{Path: p}, nil)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("Open(%s) = %v, want an error naming the file", name, err)
		}
	}
}

func TestHTML(t *testing.T) {
	page := `<html><body><table class='cable'><tr><th>Reference ID</th></tr><tr>
<td><a href='x'>06BUENOSAIRES1632</a></td><td><a>2006-07-21 21:09</a></td><td>2011-03-29 00:12</td>
<td><a title='unclassified'>CONFIDENTIAL</a></td><td><a>Embassy Buenos Aires</a></td></tr></table>
<code><pre>P 212127Z JUL 06&#x000A;FM AMEMBASSY BUENOS AIRES</pre></code>
<code><pre>C O N F I D E N T I A L &#x000A;&#x000A;TAGS: <a href='/tag/PGOV_0.html'>PGOV</a> &amp; more&#x000A;<a id='par1' href='#par1'>¶</a>1. (C) Text.</pre></code></body></html>`
	p, err := parseHTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if p.refID != "06BUENOSAIRES1632" || p.created != "2006-07-21 21:09" || p.classification != "CONFIDENTIAL" || p.origin != "Embassy Buenos Aires" {
		t.Errorf("metadata %+v", p)
	}
	if p.header != "P 212127Z JUL 06\nFM AMEMBASSY BUENOS AIRES" {
		t.Errorf("header %q", p.header)
	}
	if p.content != "C O N F I D E N T I A L \n\nTAGS: PGOV & more\n¶1. (C) Text." {
		t.Errorf("content %q", p.content)
	}
	if _, err := parseHTML([]byte("<html><body><p>Not a cable</p></body></html>")); err == nil {
		t.Error("page without the cable table gave no error")
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.MkdirAll(filepath.Join(dir, "other"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "b", "1.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "a", "2.html"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "a", "picture.png"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "other", "3.csv"), []byte("x"), 0o644)
	links := [][2]string{
		{filepath.Join(dir, "a"), filepath.Join(dir, "a", "b", "loop")}, // a/b/loop -> a: a loop
		{"self.txt", filepath.Join(dir, "a", "self.txt")},               // a link to itself
		{filepath.Join(dir, "other"), filepath.Join(dir, "a", "link")},  // a link to another folder: followed
		{filepath.Join(dir, "a", "2.html"), filepath.Join(dir, "a", "to2.htm")},
	}
	for _, l := range links {
		if err := os.Symlink(l[0], l[1]); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	ins, errs := Expand([]string{dir, filepath.Join(dir, "missing.csv")})
	var got []string
	for _, in := range ins {
		rel, _ := filepath.Rel(dir, in.Path)
		got = append(got, rel)
	}
	if strings.Join(got, " ") != "a/2.html a/b/1.txt a/link/3.csv a/to2.htm other/3.csv" {
		t.Errorf("Expand = %q", got)
	}
	var msgs []string
	for _, err := range errs {
		msgs = append(msgs, err.Error())
	}
	want := []string{"a/b/loop: symbolic link loop", "a/self.txt: too many levels of symbolic links", "missing.csv: no such file"}
	if len(msgs) != len(want) {
		t.Fatalf("errors %q, want %d", msgs, len(want))
	}
	for i, w := range want {
		if !strings.Contains(msgs[i], w) {
			t.Errorf("error %q, want one saying %q", msgs[i], w)
		}
	}
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte(row("1", "09BAGHDAD1", "P 080801Z FEB 09", "text \"q\" \\ x\nline")))
	f.Add([]byte(row("1", "A", "", "x") + `"2","1/1/2009 1:00","B","","","","","unterminated` + "\n" + row("3", "C", "", "y")))
	f.Add([]byte(`"1","1/1/2009 1:00","B","",""` + "\n"))
	// real rows: the first three of the bundled sample's cables.csv
	if data, err := os.ReadFile(filepath.Join("..", "testdata", "sample", "cables.csv")); err == nil {
		starts := 0
		for i := 0; i < len(data); i++ {
			if (i == 0 || data[i-1] == '\n') && rowStart(data[i:]) {
				if starts++; starts == 4 {
					f.Add(data[:i])
					break
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := newCSVReader("f", bufioReader(data), io.NopCloser(nil))
		eachRecord(t, r, 10000, func(raw cable.Raw) {
			if raw.Pos.Line < 1 {
				t.Fatalf("record without a line: %+v", raw.Pos)
			}
		})
	})
}

// eachRecord calls check on the good records of r, skipping bad ones,
// until the reader ends (or fails to read); a reader that gives more than
// most records fails the test.
func eachRecord(t *testing.T, r Reader, most int, check func(cable.Raw)) {
	t.Helper()
	for i := 0; i < most; i++ {
		raw, err := r.Next()
		if err == io.EOF {
			return
		}
		var re *RecordError
		if err != nil && !errors.As(err, &re) {
			return
		}
		if err == nil {
			check(raw)
		}
	}
	t.Fatal("reader did not end")
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<table class='cable'><tr><td>A</td><td>2006-07-21 21:09</td><td>x</td><td>C</td><td>O</td></tr></table><pre>h</pre><pre>c&#x000A;d</pre>`))
	f.Add([]byte(`<pre>only`))
	pages, _ := filepath.Glob(filepath.Join("..", "testdata", "sample", "html", "*.html"))
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parseHTML(data)
		if err == nil && p.content == "" && !bytes.Contains(bytes.ToLower(data), []byte("<pre")) {
			t.Fatalf("content without a pre block")
		}
	})
}

func bufioReader(data []byte) *bufio.Reader { return bufio.NewReader(bytes.NewReader(data)) }

func TestEach(t *testing.T) {
	dir := t.TempDir()
	bad := `"2","2/8/2009 08:01","09X2","E","C","","h"` + "\n" // 7 columns
	a := filepath.Join(dir, "a.csv")
	b := filepath.Join(dir, "b.csv")
	os.WriteFile(a, []byte(row("1", "09X1", "", "one")+bad+row("3", "09X3", "", "three")), 0o644)
	os.WriteFile(b, []byte(row("4", "09X4", "", "four")+row("5", "09X5", "", "five")), 0o644)
	ins := []Input{{Path: a}, {Path: b}}
	tests := []struct {
		stopAt string
		want   string
	}{
		{"", "09X1 09X3 09X4 09X5"}, // the bad row skipped
		{"09X4", "09X1 09X3 09X4"},
	}
	for _, tt := range tests {
		var got []string
		err := Each(ins, func(raw cable.Raw) error {
			got = append(got, raw.RefID)
			if raw.RefID == tt.stopAt {
				return Stop
			}
			return nil
		})
		if err != nil || strings.Join(got, " ") != tt.want {
			t.Errorf("stop at %q: read %q, %v; want %q", tt.stopAt, got, err, tt.want)
		}
	}
	if err := Each([]Input{{Path: filepath.Join(dir, "missing.csv")}}, func(cable.Raw) error { return nil }); err == nil {
		t.Error("a missing input gave no error")
	}
}
