package graph

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/cablegraph/cablegraph/record"
)

// Build reads cables.jsonl streams (one run's, or several shards') into a
// graph, writing each meeting to meetings as a line of meetings.jsonl when
// meetings is not nil. name(i) names input i in errors.
func Build(opts Options, meetings io.Writer, name func(int) string, inputs ...io.Reader) (*Graph, error) {
	g := New(opts)
	for i, in := range inputs {
		err := record.Each(in, name(i), func(c *record.Cable) error {
			if !g.keep(c) {
				return nil
			}
			if err := g.Add(c); err != nil {
				return err
			}
			if meetings == nil {
				return nil
			}
			lines, err := MeetingLines(c, g.opts)
			for _, l := range lines {
				if _, err := meetings.Write(l); err != nil {
					return err
				}
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return g, nil
}

// MeetingLines returns a cable's lines of meetings.jsonl, none for the
// comention relation. Call it after Add or Parts, which give the meetings
// the ids of opts.IDs.
func MeetingLines(c *record.Cable, opts Options) ([][]byte, error) {
	if opts.Relation == "comention" {
		return nil, nil
	}
	var lines [][]byte
	for _, m := range c.Meetings {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(CableMeeting{Cable: c.RefID, Meeting: m}); err != nil {
			return nil, err
		}
		lines = append(lines, b.Bytes())
	}
	return lines, nil
}
