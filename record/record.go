// Package record holds the parts of a cables.jsonl record that the stages
// after extraction read: the entities a cable names, with their mentions,
// and the meetings found among its people. The graph, the exporters and
// the scorers read them from here, without the extractor (and its NLP
// model) or the meeting finder.
package record

import "slices"

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

// Remap replaces person ids by the ids that stand for them across cables,
// keeping the list sorted and without repeats.
func Remap(ids []string, to map[string]string) []string {
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
