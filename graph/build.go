package graph

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
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
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 1<<20), 512<<20)
		line := 0
		for sc.Scan() {
			line++
			var c Cable
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name(i), line, err)
			}
			if !g.keep(&c) {
				continue
			}
			g.Add(&c)
			if enc != nil && g.opts.Relation != "comention" {
				for _, m := range c.Meetings {
					if err := enc.Encode(CableMeeting{Cable: c.Cable, Meeting: m}); err != nil {
						return nil, err
					}
				}
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name(i), line, err)
		}
	}
	return g, nil
}
