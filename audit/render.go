package audit

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/cablegraph/cablegraph/record"
)

// Sheet is a drawn sample with what the worksheet says about the draw.
type Sheet struct {
	Command  string // the command line that drew it, to draw it again
	Cables   string // the cables.jsonl it was drawn from
	Read     int    // cables read
	Meetings int    // meetings among them
	Items    []*Item
}

// blankVerdict is the verdict line of a drawn meeting, to be filled in.
const blankVerdict = "verdict: meeting=? people=? ids=? date=?"

// Render writes the worksheet: a preamble saying how to fill it in, then
// a section per item. Parse reads it back.
func Render(w io.Writer, s Sheet) error {
	bw := bufio.NewWriter(w)
	preamble(bw, s)
	for _, it := range s.Items {
		section(bw, it)
	}
	return bw.Flush()
}

func preamble(w io.Writer, s Sheet) {
	fmt.Fprintf(w, "# Precision audit: %d meetings of %s\n\n", len(s.Items), oneLine(s.Cables))
	fmt.Fprintf(w, "Drawn by `%s` uniformly at random from the %d meetings of %d cables.\n", oneLine(s.Command), s.Meetings, s.Read)
	fmt.Fprint(w, `The order is random too: the first k sections are a random sample of k,
so a reader may stop anywhere.

On each section's verdict line, replace every ? with y (right), n (wrong)
or - (cannot be judged, e.g. people, ids and date of something that is not
a meeting):

- meeting: the cable reports that these people met or spoke (not a plan,
  a letter, a press conference, a remark about someone)
- people: every participant took part, and nobody the cable names as taking
  part is missing
- ids: each participant's name and id are one right person (not cut short,
  not someone else, not an office or an organization)
- date: the date is the meeting's, or it is none and the cable gives none

Write anything worth saying after "note:" (more lines may follow it). Then
run `+"`cablegraph audit score FILE`"+`. Keep the headings and the verdict lines as
they are apart from the ? marks.

`)
}

func section(w io.Writer, it *Item) {
	m := it.Meeting
	fmt.Fprintf(w, "## %d. %s, meeting %d\n\n", it.Number, oneLine(it.Cable), it.Index)
	fmt.Fprintf(w, "- cable: %s of %s: %s\n", oneLine(it.Cable), orNone(it.Date), oneLine(it.Subject))
	if it.Source != "" {
		fmt.Fprintf(w, "- read from: %s\n", oneLine(it.Source))
	}
	fmt.Fprintf(w, "- kind: %s; date: %s; place: %s\n", oneLine(m.Kind), orNone(deref(m.Date)), orNone(deref(m.Place)))
	fmt.Fprintf(w, "- participants:\n")
	for _, p := range it.Participants {
		fmt.Fprintf(w, "  - %s\n", describe(p))
	}
	if it.Problem != "" {
		fmt.Fprintf(w, "- problem: %s\n", oneLine(it.Problem))
	}
	fmt.Fprintf(w, "- evidence (bytes %d-%d of the cable as read):\n\n", m.Evidence.Start, m.Evidence.End)
	quote(w, oneLine(m.Evidence.Text))
	for _, p := range it.Context {
		fmt.Fprintf(w, "- paragraph [%s]:\n\n", oneLine(p.Label))
		quote(w, marked(p))
	}
	fmt.Fprintf(w, "%s\nnote:\n\n", blankVerdict)
}

// describe is a participant as the worksheet lists them.
func describe(p record.Entity) string {
	if p.Name == "" {
		return fmt.Sprintf("`%s` (not among the cable's people)", oneLine(p.ID))
	}
	s := fmt.Sprintf("%s (`%s`", oneLine(p.Name), oneLine(p.ID))
	if len(p.Offices) > 0 {
		s += "; " + oneLine(strings.Join(p.Offices, ", "))
	}
	return s + ")"
}

// marked is a paragraph's text with its evidence in bold.
func marked(p Paragraph) string {
	s, e := p.MarkStart, p.MarkEnd
	if s < 0 || e > len(p.Text) || s >= e {
		return p.Text
	}
	for s < e && isBlank(p.Text[s]) {
		s++
	}
	for e > s && isBlank(p.Text[e-1]) {
		e--
	}
	if s == e {
		return p.Text
	}
	return p.Text[:s] + "**" + p.Text[s:e] + "**" + p.Text[e:]
}

func isBlank(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// quote writes text as a Markdown block quote: every line starts with
// ">", so nothing quoted is read back as a heading or a verdict.
func quote(w io.Writer, text string) {
	text = strings.NewReplacer("\r\n", "\n", "\r", " ", "\v", " ", "\f", " ").Replace(text)
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		line = strings.TrimRight(line, " \t")
		if line == "" {
			fmt.Fprintln(w, ">")
			continue
		}
		fmt.Fprintf(w, "> %s\n", line)
	}
	fmt.Fprintln(w)
}

// oneLine folds white space (line breaks included) into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return oneLine(s)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
