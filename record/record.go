// Package record is the cables.jsonl format: one Cable per line, with the
// cable's metadata, the entities a cable names (with their mentions) and
// the meetings found among its people. The run writes it (Marshal); the
// graph, the merge of shards, the scoring against gold, the audit and the
// Beam pipeline read it (Each, Decode) and rewrite person ids (Remap,
// RemapLine), all through this package, without the extractor (and its
// NLP model) or the meeting finder.
package record

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/cablegraph/cablegraph/cable"
)

// File is the name of the records file in an output folder.
const File = "cables.jsonl"

// Cable is one line of cables.jsonl.
type Cable struct {
	cable.Meta
	// Entities are what extraction found; nil when the run did not
	// extract (the line then has no people, places or organizations,
	// while a cable in which none were found has empty lists).
	*Entities
	Meetings []Meeting `json:"meetings,omitempty"`
	// Text and Normalized are the cable as read and its normalized body,
	// in a run made with --with-text.
	Text       string `json:"text,omitempty"`
	Normalized string `json:"normalized,omitempty"`
}

// Entities are the people, places and organizations of a cable.
type Entities struct {
	People        []Entity `json:"people"`
	Places        []Entity `json:"places"`
	Organizations []Entity `json:"organizations"`
}

// Found returns the cable's entities, empty when it has none (a line of a
// run without extraction).
func (c *Cable) Found() Entities {
	if c.Entities == nil {
		return Entities{}
	}
	return *c.Entities
}

// Span is a stretch of a cable as read: byte offsets into the text and
// the text between them.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Tagger says what found the mention: "rules" or "nlp" (prose).
	Tagger string `json:"tagger,omitempty"`
}

// Entity is a person, place or organization of a cable.
type Entity struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Offices  []string `json:"offices,omitempty"`
	Mentions []Span   `json:"mentions"`
	// Norm are the mentions' byte ranges in the normalized text, for the
	// stages after extraction (relations); not written.
	Norm [][2]int `json:"-"`
}

// Meeting is an occasion on which a cable says people met or spoke.
type Meeting struct {
	Participants []string `json:"participants"` // person ids, sorted
	Kind         string   `json:"kind"`         // meeting or call
	Date         *string  `json:"date"`         // YYYY-MM-DD, or null
	Place        *string  `json:"place"`        // a place's name, or null
	Evidence     Span     `json:"evidence"`     // the sentence, in the cable as read
}

// Marshal returns the cable's line of cables.jsonl, newline included.
func (c *Cable) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("%s: %w", c.RefID, err)
	}
	return buf.Bytes(), nil
}

// Decode reads one line of cables.jsonl.
func Decode(line []byte) (*Cable, error) {
	c := new(Cable)
	if err := json.Unmarshal(line, c); err != nil {
		return nil, err
	}
	return c, nil
}

// MaxLine is the longest line read (a cable with its text can be large).
const MaxLine = 512 << 20

// Each decodes every line of a cables.jsonl and calls fn with it. name is
// the file's name for errors ("cables.jsonl:12: ...").
func Each(r io.Reader, name string, fn func(*Cable) error) error {
	return each(r, name, nil, fn)
}

// meetingsKey is how a line with meetings says so (Marshal leaves the
// key out when there are none).
var meetingsKey = []byte(`"meetings":[{`)

// EachWithMeetings is Each for the lines with meetings only: the others
// are skipped without being decoded.
func EachWithMeetings(r io.Reader, name string, fn func(*Cable) error) error {
	return each(r, name, meetingsKey, fn)
}

func each(r io.Reader, name string, must []byte, fn func(*Cable) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), MaxLine)
	line := 0
	for sc.Scan() {
		line++
		if must != nil && !bytes.Contains(sc.Bytes(), must) {
			continue
		}
		c, err := Decode(sc.Bytes())
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if err := fn(c); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return nil
}

// Remap gives the cable's people and meeting participants the ids in to
// (the ids that stand for them across cables).
func (c *Cable) Remap(to map[string]string) {
	if c.Entities != nil {
		for i, p := range c.People {
			if id, ok := to[p.ID]; ok {
				c.People[i].ID = id
			}
		}
	}
	for i, m := range c.Meetings {
		c.Meetings[i].Participants = RemapIDs(m.Participants, to)
	}
}

// RemapLine returns a cables.jsonl line with the person ids of to
// replaced; a line without any of them is returned as it is (not
// re-encoded).
func RemapLine(line []byte, to map[string]string) ([]byte, error) {
	hit := false
	for rest := line; ; {
		i := bytes.Index(rest, []byte(`"id":"`))
		if i < 0 {
			break
		}
		rest = rest[i+6:]
		j := bytes.IndexByte(rest, '"')
		if j < 0 {
			break
		}
		if _, ok := to[string(rest[:j])]; ok {
			hit = true
			break
		}
		rest = rest[j:]
	}
	if !hit {
		return line, nil
	}
	c, err := Decode(line)
	if err != nil {
		return nil, fmt.Errorf("rewriting ids: %w", err)
	}
	c.Remap(to)
	return c.Marshal()
}

// RemapIDs replaces person ids by the ids that stand for them across
// cables, keeping the list sorted and without repeats.
func RemapIDs(ids []string, to map[string]string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if n, ok := to[id]; ok {
			id = n
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}
