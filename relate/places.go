package relate

import (
	"sort"
	"strings"

	"github.com/cablegraph/cablegraph/extract"
)

type placeSpan struct {
	name string
	s, e int
}

func placeSpans(res *extract.Result) []placeSpan {
	var out []placeSpan
	for _, p := range res.Places {
		for _, n := range p.Norm {
			out = append(out, placeSpan{p.Name, n[0], n[1]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].s < out[j].s })
	return out
}

// placeIn returns the first place named in [a, b) after "in", "at", "to"
// or "visited" ("in Baghdad", "a visit to Baghdad"), or "": a place used as a
// modifier ("UK national") says nothing of where people met.
func placeIn(text string, places []placeSpan, a, b int) string {
	for _, p := range places {
		if p.s < a || p.e > b {
			continue
		}
		before := strings.TrimSpace(text[a:p.s])
		if i := strings.LastIndexByte(before, ' '); i >= 0 {
			before = before[i+1:]
		}
		switch strings.ToLower(before) {
		case "in", "at", "to", "visited", "visiting":
			return p.name
		}
	}
	return ""
}
