package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/cablegraph/cablegraph/record"
)

// Build reads cables.jsonl streams (one run's, or several shards') into a
// graph, writing each meeting to meetings as a line of meetings.jsonl when
// meetings is not nil. name(i) names input i in errors. With opts.Around
// the graph keeps the ego network only, and meetings must be nil (the
// network is known at the end: see WriteMeetings).
func Build(opts Options, meetings io.Writer, name func(int) string, inputs ...io.Reader) (*Graph, error) {
	return BuildEach(opts, meetings, nil, name, inputs...)
}

// BuildEach is Build that also hands each cable the graph takes to each
// (when not nil), after adding it (its people with the ids of
// opts.IDs), so that an export of the cables themselves reads them in
// the same pass. each must not change the cable.
func BuildEach(opts Options, meetings io.Writer, each func(*record.Cable) error, name func(int) string, inputs ...io.Reader) (*Graph, error) {
	if opts.Around != "" && meetings != nil {
		return nil, errors.New("graph: the meetings of an ego network are written after it is built (WriteMeetings)")
	}
	g := New(opts)
	for i, in := range inputs {
		err := record.Each(in, name(i), func(c *record.Cable) error {
			if !g.keep(c) {
				return nil
			}
			if err := g.Add(c); err != nil {
				return err
			}
			if meetings != nil {
				lines, err := MeetingLines(c, g.opts)
				if err != nil {
					return err
				}
				for _, l := range lines {
					if _, err := meetings.Write(l); err != nil {
						return err
					}
				}
			}
			if each != nil {
				return each(c)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if opts.Around != "" {
		if err := g.Around(opts.Around, opts.Depth); err != nil {
			return nil, fmt.Errorf("--around: %w", err)
		}
	}
	return g, nil
}

// WriteMeetings reads the cables.jsonl streams a graph was built from
// again and writes the meetings that add an edge to its network (see
// InNetwork) as lines of meetings.jsonl: the meetings of an ego network.
func (g *Graph) WriteMeetings(w io.Writer, name func(int) string, inputs ...io.Reader) error {
	for i, in := range inputs {
		err := record.Each(in, name(i), func(c *record.Cable) error {
			if !g.keep(c) {
				return nil
			}
			if len(g.opts.IDs) > 0 {
				c.Remap(g.opts.IDs)
			}
			kept := c.Meetings[:0]
			for _, m := range c.Meetings {
				if g.InNetwork(m.Participants) {
					kept = append(kept, m)
				}
			}
			c.Meetings = kept
			lines, err := MeetingLines(c, g.opts)
			for _, l := range lines {
				if _, err := w.Write(l); err != nil {
					return err
				}
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
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
