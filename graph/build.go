package graph

import (
	"encoding/json"
	"io"

	"github.com/cablegraph/cablegraph/jsonl"
)

// Build reads cables.jsonl streams (one run's, or several shards') into a
// graph, writing each meeting to meetings as a line of meetings.jsonl when
// meetings is not nil. name(i) names input i in errors.
func Build(opts Options, meetings io.Writer, name func(int) string, inputs ...io.Reader) (*Graph, error) {
	g := New(opts)
	var enc *json.Encoder
	if meetings != nil {
		enc = json.NewEncoder(meetings)
		enc.SetEscapeHTML(false)
	}
	for i, in := range inputs {
		err := jsonl.Each(in, name(i), func(c *Cable) error {
			if !g.keep(c) {
				return nil
			}
			g.Add(c)
			if enc == nil || g.opts.Relation == "comention" {
				return nil
			}
			for _, m := range c.Meetings {
				if err := enc.Encode(CableMeeting{Cable: c.Cable, Meeting: m}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return g, nil
}
