package audit

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/cablegraph/cablegraph"
	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/record"
	"github.com/cablegraph/cablegraph/source"
)

// testText is a plain-text cable: header fields, two marked paragraphs
// (the second with a page break inside a sentence).
const testText = `TAGS: PREL PGOV
SUBJECT: AMBASSADOR MEETS FOREIGN MINISTER

Classified By: Ambassador Jane Roe for reasons 1.4 (b) and (d).

1. (C) Ambassador Roe met with Foreign Minister John Doe on March 3.
They discussed the border.

2. (C) Later the Ambassador called Deputy Minister Ann Poe, who
ROME 00000123 002 OF 002
said little. Nothing else happened.
`

// testRecord is testText's cables.jsonl line with two meetings.
func testRecord(t *testing.T, refid string, withText bool) *record.Cable {
	t.Helper()
	rec := &record.Cable{
		Meta: cable.Meta{
			RefID: refid, Date: "2009-03-04", Subject: "AMBASSADOR MEETS FOREIGN MINISTER",
			Source: cable.Position{File: "x.txt", Line: 1},
		},
		Entities: &record.Entities{People: []record.Entity{
			{ID: "jane-roe", Name: "Jane Roe", Offices: []string{"Ambassador"}},
			{ID: "john-doe", Name: "John Doe", Offices: []string{"Foreign Minister"}},
			{ID: "ann-poe", Name: "Ann Poe"},
		}},
	}
	date := "2009-03-03"
	rec.Meetings = []record.Meeting{
		{Participants: []string{"jane-roe", "john-doe"}, Kind: "meeting", Date: &date, Evidence: span(t, "Ambassador Roe met with Foreign Minister John Doe on March 3.")},
		{Participants: []string{"ann-poe", "jane-roe", "ghost"}, Kind: "call", Evidence: span(t, "Later the Ambassador called Deputy Minister Ann Poe, who\nROME 00000123 002 OF 002\nsaid little.")},
	}
	if withText {
		rec.Text = testText
	}
	return rec
}

func span(t *testing.T, quote string) record.Span {
	t.Helper()
	i := strings.Index(testText, quote)
	if i < 0 {
		t.Fatalf("%q not in the test cable", quote)
	}
	return record.Span{Start: i, End: i + len(quote), Text: quote}
}

// records makes n cables of k meetings each.
func records(n, k int) []*record.Cable {
	var out []*record.Cable
	for i := range n {
		rec := &record.Cable{Meta: cable.Meta{RefID: fmt.Sprintf("09TEST%d", i)}}
		for range k {
			rec.Meetings = append(rec.Meetings, record.Meeting{Participants: []string{"a", "b"}, Kind: "meeting"})
		}
		out = append(out, rec)
	}
	return out
}

func draw(recs []*record.Cable, n int, seed int64) []string {
	d := NewDraw(n, seed)
	for _, r := range recs {
		d.Add(r)
	}
	var keys []string
	for _, it := range d.Items() {
		keys = append(keys, fmt.Sprintf("%s#%d", it.Cable, it.Index))
	}
	return keys
}

func TestDrawDeterministic(t *testing.T) {
	recs := records(50, 3)
	want := draw(recs, 10, 1)
	if len(want) != 10 {
		t.Fatalf("drew %d, want 10", len(want))
	}
	for i := range 5 {
		shuffled := slices.Clone(recs)
		rand.New(rand.NewPCG(uint64(i), 7)).Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		if got := draw(shuffled, 10, 1); !slices.Equal(got, want) {
			t.Errorf("shuffle %d: drew %v, want %v", i, got, want)
		}
	}
	if got := draw(recs, 10, 2); slices.Equal(got, want) {
		t.Errorf("seed 2 drew the same sample as seed 1: %v", got)
	}
	if got := draw(recs, 4, 1); !slices.Equal(got, want[:4]) {
		t.Errorf("a smaller draw %v is not the first of the larger %v", got, want[:4])
	}
	if got := draw(recs, 1000, 1); len(got) != 150 {
		t.Errorf("n above the meetings drew %d, want all 150", len(got))
	}
}

func TestDrawUniform(t *testing.T) {
	recs := records(4, 5) // 20 meetings, 5 drawn: each in a quarter of draws
	counts := map[string]int{}
	const draws = 4000
	for seed := range int64(draws) {
		for _, k := range draw(recs, 5, seed) {
			counts[k]++
		}
	}
	for k, c := range counts {
		if c < 850 || c > 1150 { // 1000 expected, sd about 27
			t.Errorf("%s drawn %d times in %d, want about 1000", k, c, draws)
		}
	}
	if len(counts) != 20 {
		t.Errorf("%d meetings ever drawn, want 20", len(counts))
	}
}

func TestDrawRepeatedCable(t *testing.T) {
	d := NewDraw(10, 1)
	recs := records(2, 2)
	d.Add(recs[0])
	d.Add(recs[1])
	d.Add(recs[0])
	if d.Cables != 2 || d.Meetings != 4 || len(d.Items()) != 4 || !slices.Equal(d.Repeated, []string{"09TEST0"}) {
		t.Errorf("cables %d meetings %d items %d repeated %v; want 2, 4, 4, [09TEST0]", d.Cables, d.Meetings, len(d.Items()), d.Repeated)
	}
}

func TestReadCables(t *testing.T) {
	d := NewDraw(5, 1)
	in := `{"cable":"A","meetings":[{"participants":["x","y"],"kind":"meeting","date":null,"place":"Rome","evidence":{"start":0,"end":1,"text":"a"}}]}` + "\n" +
		`{"cable":"B"}` + "\n"
	if err := ReadCables(strings.NewReader(in), "c.jsonl", d); err != nil {
		t.Fatal(err)
	}
	items := d.Items()
	if d.Cables != 2 || len(items) != 1 || *items[0].Meeting.Place != "Rome" || items[0].Meeting.Date != nil {
		t.Errorf("read %d cables, items %+v", d.Cables, items)
	}
	err := ReadCables(strings.NewReader(in+"{bad\n"), "c.jsonl", d)
	if err == nil || !strings.HasPrefix(err.Error(), "c.jsonl:3:") {
		t.Errorf("bad line: %v, want an error at c.jsonl:3", err)
	}
}

// drawTest draws both meetings of the test cable and attaches its text.
func drawTest(t *testing.T) []*Item {
	t.Helper()
	d := NewDraw(10, 1)
	d.Add(testRecord(t, "09ROME123", true))
	items := d.Items()
	Attach(items, nil)
	return items
}

func TestAttach(t *testing.T) {
	items := drawTest(t)
	for _, it := range items {
		if it.Problem != "" {
			t.Errorf("%s#%d: problem %q", it.Cable, it.Index, it.Problem)
		}
		if len(it.Context) != 1 {
			t.Fatalf("%s#%d: %d paragraphs, want 1", it.Cable, it.Index, len(it.Context))
		}
		p := it.Context[0]
		got := p.Text[p.MarkStart:p.MarkEnd]
		want := map[int]string{
			1: "Ambassador Roe met with Foreign Minister John Doe on March 3.",
			2: "Later the Ambassador called Deputy Minister Ann Poe, who said little.",
		}[it.Index]
		if got != want {
			t.Errorf("meeting %d: marked %q, want %q (paragraph %q)", it.Index, got, want, p.Text)
		}
		if wantLabel := fmt.Sprintf("%d. (C)", it.Index); p.Label != wantLabel {
			t.Errorf("meeting %d: label %q, want %q", it.Index, p.Label, wantLabel)
		}
	}
}

func TestAttachProblems(t *testing.T) {
	d := NewDraw(10, 1)
	rec := testRecord(t, "09ROME123", true)
	rec.Meetings[0].Evidence.Text = "something else"
	rec.Meetings[1].Evidence.End = len(testText) + 5
	d.Add(rec)
	d.Add(testRecord(t, "09ROME999", false))
	items := d.Items()
	Attach(items, nil)
	want := map[string]string{
		"09ROME123#1": "is not the evidence quote",
		"09ROME123#2": "outside the cable",
		"09ROME999#1": "not found in the inputs",
		"09ROME999#2": "not found in the inputs",
	}
	for _, it := range items {
		key := fmt.Sprintf("%s#%d", it.Cable, it.Index)
		if !strings.Contains(it.Problem, want[key]) {
			t.Errorf("%s: problem %q, want one saying %q", key, it.Problem, want[key])
		}
	}
}

func TestAround(t *testing.T) {
	c, err := cable.NewParser(nil, nil).Parse(cable.Raw{RefID: "09ROME123", Text: testText})
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(testText, "AMBASSADOR MEETS")
	ps := Around(c, i, i+len("AMBASSADOR MEETS"))
	if len(ps) != 1 || ps[0].Label != "subject" || ps[0].Text[ps[0].MarkStart:ps[0].MarkEnd] != "AMBASSADOR MEETS" {
		t.Errorf("subject: %+v", ps)
	}
	// across both paragraphs: both, each marked from or to its edge
	a, b := strings.Index(testText, "John Doe"), strings.Index(testText, "Deputy")
	ps = Around(c, a, b)
	if len(ps) != 2 || !strings.HasPrefix(ps[0].Text[ps[0].MarkStart:], "John Doe") || ps[1].MarkStart != 0 {
		t.Errorf("two paragraphs: %+v", ps)
	}
	// in no paragraph (the TAGS line): the text as read
	k := strings.Index(testText, "PGOV")
	ps = Around(c, k, k+4)
	if len(ps) != 1 || ps[0].Label != "as read" || ps[0].Text[ps[0].MarkStart:ps[0].MarkEnd] != "PGOV" {
		t.Errorf("TAGS line: %+v", ps)
	}
}

func TestTrimLongParagraph(t *testing.T) {
	text := strings.Repeat("word ", 1000) + "EVIDENCE" + strings.Repeat(" word", 1000)
	at := strings.Index(text, "EVIDENCE")
	p := trim(Paragraph{Text: text, MarkStart: at, MarkEnd: at + len("EVIDENCE")})
	if p.Text[p.MarkStart:p.MarkEnd] != "EVIDENCE" || len(p.Text) > 2*maxAround+200 ||
		!strings.HasPrefix(p.Text, "…") || !strings.HasSuffix(p.Text, "…") {
		t.Errorf("trimmed to %d bytes, mark %q", len(p.Text), p.Text[p.MarkStart:p.MarkEnd])
	}
}

func TestFindCables(t *testing.T) {
	ins, err := source.ExpandFS(cablegraph.Sample, cablegraph.SampleRoot)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"09BAGHDAD323": true, "06VATICAN199": true, "99NOWHERE1": true}
	found, err := FindCables(context.Background(), ins, want)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 2 || found["09BAGHDAD323"] == nil || found["06VATICAN199"] == nil {
		t.Errorf("found %d cables, want 09BAGHDAD323 and 06VATICAN199", len(found))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := FindCables(ctx, ins, want); err == nil {
		t.Errorf("a cancelled search did not stop")
	}
}

func TestRenderParseRoundTrip(t *testing.T) {
	items := drawTest(t)
	var buf bytes.Buffer
	if err := Render(&buf, Sheet{Command: "cablegraph audit draw -n 10", Cables: "out/cables.jsonl", Read: 1, Meetings: 2, Items: items}); err != nil {
		t.Fatal(err)
	}
	sheet := buf.String()
	for _, want := range []string{
		"## 1. 09ROME", "- participants:\n", "Jane Roe (`jane-roe`; Ambassador)", "`ghost` (not among the cable's people)",
		"**Ambassador Roe met with Foreign Minister John Doe on March 3.**", "- paragraph [1. (C)]:", blankVerdict + "\nnote:\n",
	} {
		if !strings.Contains(sheet, want) {
			t.Errorf("worksheet lacks %q:\n%s", want, sheet)
		}
	}
	entries, err := Parse(strings.NewReader(sheet), "s.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(items) {
		t.Fatalf("read %d entries, wrote %d", len(entries), len(items))
	}
	for i, e := range entries {
		it := items[i]
		if e.Number != it.Number || e.Cable != it.Cable || e.Index != it.Index || e.Started() || e.Note != "" {
			t.Errorf("entry %+v, item %d %s#%d", e, it.Number, it.Cable, it.Index)
		}
	}
	filled := strings.Replace(sheet, blankVerdict+"\nnote:", "verdict: meeting=y people=n ids=y date=-\nnote: Doe is\n  someone else\n\nentirely", 1)
	entries, err = Parse(strings.NewReader(filled), "s.md")
	if err != nil {
		t.Fatal(err)
	}
	want := [NumFields]Mark{Right, Wrong, Right, NotApplicable}
	if entries[0].Marks != want || entries[0].Note != "Doe is\nsomeone else\n\nentirely" || entries[1].Started() {
		t.Errorf("filled in: %+v", entries)
	}
}

func TestParse(t *testing.T) {
	const head = "# title\n\n## 1. 09A1, meeting 2\n\n> quoted\n"
	tests := []struct {
		name, in string
		marks    [NumFields]Mark
		note     string
	}{
		{"blank", head + "verdict: meeting=? people=? ids=? date=?\nnote:\n", [4]Mark{'?', '?', '?', '?'}, ""},
		{"any order, commas, case", head + "Verdict: date=N, ids=Yes,meeting=y people=-\n", [4]Mark{'y', '-', 'y', 'n'}, ""},
		{"closing notes are the reader's", head + "verdict: meeting=y people=n ids=y date=y\nnote: a\n\n## Notes\n\nverdict: meeting=n\n## 7. nothing\nnote: b\n", [4]Mark{'y', 'n', 'y', 'y'}, "a"},
		{"note first, CRLF, indented", "\ufeff" + strings.ReplaceAll(head, "\n", "\r\n") + "note: x\r\n  y\r\n  verdict: meeting=n people=- ids=- date=-\r\n", [4]Mark{'n', '-', '-', '-'}, "x\ny"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := Parse(strings.NewReader(tt.in), "s.md")
			if err != nil {
				t.Fatal(err)
			}
			if len(es) != 1 || es[0].Number != 1 || es[0].Cable != "09A1" || es[0].Index != 2 || es[0].Line != 3 {
				t.Fatalf("entries %+v", es)
			}
			if es[0].Marks != tt.marks || es[0].Note != tt.note {
				t.Errorf("marks %q note %q; want %q %q", es[0].Marks, es[0].Note, tt.marks, tt.note)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	const head = "# title\n\n## 1. 09A1, meeting 2\n"
	const ok = "verdict: meeting=y people=y ids=y date=y\n"
	tests := []struct{ name, in, want string }{
		{"bad value", head + "verdict: meeting=y people=x ids=y date=y\n", "s.md:4: meeting 1 (09A1): verdict: people=x: want y, n, ? (not yet) or - (cannot be judged)"},
		{"meeting cannot be -", head + "verdict: meeting=- people=y ids=y date=y\n", "s.md:4: meeting 1 (09A1): verdict: meeting=-: want y, n or ?"},
		{"missing field", head + "verdict: meeting=y people=y\n", "s.md:4: meeting 1 (09A1): verdict: missing ids, date"},
		{"unknown field", head + "verdict: meeting=y people=y ids=y date=y place=y\n", `s.md:4: meeting 1 (09A1): verdict: unknown field "place"`},
		{"twice", head + "verdict: meeting=y meeting=n people=y ids=y date=y\n", "s.md:4: meeting 1 (09A1): verdict: meeting given twice"},
		{"no equals", head + "verdict: meeting y\n", `s.md:4: meeting 1 (09A1): verdict: "meeting": want field=value`},
		{"second verdict", head + ok + ok, "s.md:5: meeting 1 (09A1): a second verdict line (the first is on line 4)"},
		{"second note", head + ok + "note: a\nnote: b\n", "s.md:6: meeting 1 (09A1): a second note line (the first is on line 5)"},
		{"no verdict", head + "note: a\n## 2. 09A2, meeting 1\n" + ok, "s.md:3: meeting 1 (09A1): no verdict line"},
		{"verdict before any heading", ok + head + ok, "s.md:1: verdict line before the first meeting's heading"},
		{"malformed heading", head + ok + "## 2 09A2 meeting 1\n" + ok, `s.md:5: malformed heading "## 2 09A2 meeting 1"`},
		{"repeated number", head + ok + "## 1. 09A2, meeting 1\n" + ok, "s.md:5: meeting 1 again (first on line 3)"},
		{"empty", "# nothing\n", "s.md: no meetings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in), "s.md")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

func TestTally(t *testing.T) {
	e := func(n int, marks string, note string) Entry {
		en := Entry{Number: n, Cable: fmt.Sprintf("09A%d", n), Index: 1, Note: note}
		for i := range marks {
			en.Marks[i] = Mark(marks[i])
		}
		return en
	}
	s := Tally([]Entry{
		e(1, "yyyy", ""), e(2, "n-n-", "not a meeting"), e(3, "yyny", "cut id"),
		e(4, "????", ""), e(5, "y???", ""), e(6, "????", ""), e(7, "ynyy", "Munoz missing"),
	})
	if s.Entries != 7 || s.Marked != 4 || s.AllRight != 1 || len(s.Unmarked) != 3 || len(s.Partly) != 1 {
		t.Errorf("entries %d marked %d all right %d unmarked %d partly %d", s.Entries, s.Marked, s.AllRight, len(s.Unmarked), len(s.Partly))
	}
	wantRight, wantWrong, wantNA := [4]int{3, 2, 2, 3}, [4]int{1, 1, 2, 0}, [4]int{0, 1, 0, 1}
	if s.Right != wantRight || s.Wrong != wantWrong || s.NotApplicable != wantNA {
		t.Errorf("right %v wrong %v n/a %v; want %v %v %v", s.Right, s.Wrong, s.NotApplicable, wantRight, wantWrong, wantNA)
	}
	if sh, ok := s.Share(FieldPeople); !ok || sh != 2.0/3 {
		t.Errorf("people share %v %v, want 2/3", sh, ok)
	}
	var buf bytes.Buffer
	s.Print(&buf, "s.md")
	out := buf.String()
	for _, want := range []string{
		"s.md: 7 meetings, 4 marked, 3 not yet marked (4-6); partly marked: 5",
		"meeting       3      1      0  0.750 (3 of 4)",
		"date          3      0      1  1.000 (3 of 3)",
		"all four right: 0.250 (1 of 4)",
		"wrong ids (2):\n  2. 09A2, meeting 1: not a meeting\n  3. 09A3, meeting 1: cut id\n",
		"wrong people (1):\n  7. 09A7, meeting 1: Munoz missing\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("score lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "wrong date") {
		t.Errorf("lists wrong dates though none is:\n%s", out)
	}
}

// writeEntries writes entries as a minimal worksheet, for the fuzz test's
// round trip.
func writeEntries(es []Entry) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "## %d. %s, meeting %d\nverdict:", e.Number, e.Cable, e.Index)
		for f, m := range e.Marks {
			fmt.Fprintf(&b, " %s=%c", Field(f), m)
		}
		fmt.Fprintf(&b, "\nnote: %s\n", e.Note)
	}
	return b.String()
}

func FuzzWorksheet(f *testing.F) {
	d := NewDraw(10, 1)
	d.Add(&record.Cable{Meta: cable.Meta{RefID: "09ROME123"}, Meetings: []record.Meeting{{Participants: []string{"a", "b"}, Kind: "meeting", Evidence: record.Span{Text: "A met B."}}}})
	var buf bytes.Buffer
	Render(&buf, Sheet{Items: d.Items()})
	f.Add(buf.String())
	f.Add(strings.Replace(buf.String(), blankVerdict, "verdict: meeting=n people=- ids=y date=N\nnote: a\n\nb", 1))
	f.Add("## 1. A, meeting 1\nverdict: meeting=y people=y ids=y date=y\n## 1. B, meeting 2\n")
	f.Add("verdict: x\n## 2 A\nnote: y\nnote: z\n")
	f.Fuzz(func(t *testing.T, in string) {
		es, err := Parse(strings.NewReader(in), "f.md")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.md") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		for _, e := range es {
			if e.Number < 1 || e.Index < 1 || e.VerdictLine <= e.Line {
				t.Fatalf("entry out of range, or its verdict not after its heading: %+v", e)
			}
		}
		again, err := Parse(strings.NewReader(writeEntries(es)), "g.md")
		if err != nil {
			t.Fatalf("entries %+v written back do not parse: %v", es, err)
		}
		for i := range es {
			a, b := es[i], again[i]
			if a.Number != b.Number || a.Cable != b.Cable || a.Index != b.Index || a.Marks != b.Marks || a.Note != b.Note {
				t.Fatalf("round trip changed %+v into %+v", a, b)
			}
		}
		Tally(es).Print(io.Discard, "f.md")
	})
}
