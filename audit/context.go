package audit

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cablegraph/cablegraph/cable"
	"github.com/cablegraph/cablegraph/normalize"
	"github.com/cablegraph/cablegraph/record"
)

// Paragraph is a paragraph of a cable's normalized text around a meeting's
// evidence: its label (marker as written, or kind) and text, with the
// evidence at Text[MarkStart:MarkEnd] (both 0 when it cannot be placed).
type Paragraph struct {
	Label              string
	Text               string
	MarkStart, MarkEnd int
}

// maxAround is how much of a long paragraph is kept on each side of the
// evidence.
const maxAround = 1200

// Attach finds each item's cable, checks the evidence against the text as
// read and fills in the paragraphs around it. cables holds the cables read
// from the inputs; an item whose cables.jsonl line had the text is parsed
// from that text instead. Missing cables and evidence that does not match
// the text are noted in the item's Problem, not returned: the rest of the
// worksheet is still worth reading.
func Attach(items []*Item, cables map[string]*cable.Cable) {
	parsed := map[string]*cable.Cable{}
	for _, it := range items {
		c, err := cableOf(it, cables, parsed)
		switch {
		case err != nil:
			it.Problem = err.Error()
		case c == nil:
			it.Problem = "cable " + it.Cable + " not found in the inputs: no paragraph"
		default:
			it.Problem = checkEvidence(c.Text, it.Meeting.Evidence)
			it.Context = Around(c, it.Meeting.Evidence.Start, it.Meeting.Evidence.End)
		}
	}
}

// cableOf is the item's cable: from the inputs, else parsed from the text
// cables.jsonl held (once per cable).
func cableOf(it *Item, cables, parsed map[string]*cable.Cable) (*cable.Cable, error) {
	if c := cables[it.Cable]; c != nil {
		return c, nil
	}
	if it.Text == "" {
		return nil, nil
	}
	if c := parsed[it.Cable]; c != nil {
		return c, nil
	}
	c, err := parseText(it.Cable, it.Text)
	if err == nil {
		parsed[it.Cable] = c
	}
	return c, err
}

// checkEvidence says what is wrong with a span of the text as read, or "".
func checkEvidence(text string, ev record.Span) string {
	if ev.Start < 0 || ev.End < ev.Start || ev.End > len(text) {
		return fmt.Sprintf("evidence offsets %d-%d are outside the cable (%d bytes): cables.jsonl and the inputs do not match", ev.Start, ev.End, len(text))
	}
	if text[ev.Start:ev.End] != ev.Text {
		return fmt.Sprintf("the cable's text at %d-%d is not the evidence quote: cables.jsonl and the inputs do not match", ev.Start, ev.End)
	}
	return ""
}

// Around returns the paragraphs of c's normalized text that overlap the
// byte range [start, end) of the text as read, with that range marked. A
// range in no paragraph (a header line) gives the lines of the text as
// read around it.
func Around(c *cable.Cable, start, end int) []Paragraph {
	var out []Paragraph
	for _, p := range c.Doc.Paragraphs {
		from, to := c.Doc.Text.Span(p.Start, p.End)
		if (from < end && start < to) || (start == end && from <= start && start < to) {
			out = append(out, mark(c.Doc.Text, p, start, end))
		}
	}
	if len(out) == 0 {
		out = append(out, asRead(c.Text, start, end))
	}
	return out
}

// mark makes a Paragraph of p with the normalized bytes that map into
// [start, end) of the original marked, trimmed to maxAround around them.
func mark(t normalize.Text, p normalize.Paragraph, start, end int) Paragraph {
	label := string(p.Kind)
	if p.Marker != "" {
		label = p.Marker
	}
	// The map is monotonic: search for the first normalized byte at or
	// after start, and the first boundary whose original end reaches end.
	ms := p.Start + sort.Search(p.End-p.Start, func(i int) bool {
		s, _ := t.Span(p.Start+i, p.Start+i+1)
		return s >= start
	})
	me := ms + sort.Search(p.End-ms, func(i int) bool {
		_, e := t.Span(ms, ms+i+1)
		return e >= end
	}) + 1
	me = min(me, p.End)
	return trim(Paragraph{Label: label, Text: t.S[p.Start:p.End], MarkStart: ms - p.Start, MarkEnd: me - p.Start})
}

// asRead is the text as read from the blank line before start to the
// blank line after end.
func asRead(text string, start, end int) Paragraph {
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	end = max(start, end)
	a := strings.LastIndex(text[:start], "\n\n") + 1
	b := strings.Index(text[end:], "\n\n")
	if b < 0 {
		b = len(text)
	} else {
		b += end
	}
	return trim(Paragraph{Label: "as read", Text: text[a:b], MarkStart: start - a, MarkEnd: end - a})
}

// trim cuts a long paragraph to maxAround bytes on each side of its mark,
// at spaces, with "…" where it was cut.
func trim(p Paragraph) Paragraph {
	if p.MarkStart > maxAround {
		cut := cutPoint(p.Text, p.MarkStart-maxAround)
		p.Text = "…" + p.Text[cut:]
		shift := cut - len("…")
		p.MarkStart -= shift
		p.MarkEnd -= shift
	}
	if len(p.Text)-p.MarkEnd > maxAround {
		cut := cutPoint(p.Text, p.MarkEnd+maxAround)
		p.Text = p.Text[:cut] + "…"
	}
	return p
}

// cutPoint moves i forward to the next space (or rune start) in s.
func cutPoint(s string, i int) int {
	if j := strings.IndexByte(s[i:], ' '); j >= 0 && j < 80 {
		return i + j
	}
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}
