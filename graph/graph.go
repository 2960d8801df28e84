package graph

import (
	"errors"
	"slices"
	"sort"
	"strings"

	dgraph "github.com/dominikbraun/graph"

	"github.com/cablegraph/cablegraph/extract"
	"github.com/cablegraph/cablegraph/relate"
)

// Node is a person.
type Node struct {
	ID      string
	Name    string
	Aliases map[string]bool
	Offices map[string]bool
	Cables  int
	First   string // first and last cable date the person appears in
	Last    string
}

// Edge is every meeting of a pair of people.
type Edge struct {
	Source, Target string // Source < Target
	Weight         int    // meetings
	Kinds          map[string]bool
	Dates          []string // meeting dates, sorted, without repeats
	First, Last    string
	Cables         []string // sorted, without repeats
	// Evidence quotes the earliest meetings (by date, cable, quote), up
	// to MaxEvidence: the same whatever order the cables come in.
	Evidence []string
	quotes   []citation
}

// citation is a meeting's evidence with what orders it.
type citation struct{ date, cable, text string }

func (q citation) less(r citation) bool {
	if q.date != r.date {
		return q.date < r.date
	}
	if q.cable != r.cable {
		return q.cable < r.cable
	}
	return q.text < r.text
}

// MaxEvidence caps the quotes kept per edge.
const MaxEvidence = 5

// Cable is what the graph takes from one cable: its id and date, its
// people and its meetings.
type Cable struct {
	Cable    string           `json:"cable"`
	Date     string           `json:"date"`
	Origin   string           `json:"origin"`
	Tags     []string         `json:"tags"`
	People   []extract.Entity `json:"people"`
	Meetings []relate.Meeting `json:"meetings"`
}

// Options choose what goes into the graph.
type Options struct {
	MinWeight int    // drop edges with fewer meetings
	Since     string // YYYY-MM-DD: only cables from then on
	Until     string // YYYY-MM-DD: only cables up to then
	// CableFilter keeps only cables whose origin or one of whose TAGS
	// contains it (case-insensitive); "" keeps all.
	CableFilter string
	// Relation is "meeting" (who met whom, the default) or "comention"
	// (named in the same cable, for comparison).
	Relation string
	// IDs replaces person ids by others of the same person (when merging
	// shards: people merged across all their cables).
	IDs map[string]string
}

// Graph is the network being built.
type Graph struct {
	opts  Options
	g     dgraph.Graph[string, *Node]
	edges map[[2]string]*Edge
}

// CableMeeting is a meeting with the cable it was found in: a line of
// meetings.jsonl.
type CableMeeting struct {
	Cable string `json:"cable"`
	relate.Meeting
}

// New returns an empty graph.
func New(opts Options) *Graph {
	if opts.Relation == "" {
		opts.Relation = "meeting"
	}
	return &Graph{
		opts:  opts,
		g:     dgraph.New(func(n *Node) string { return n.ID }),
		edges: map[[2]string]*Edge{},
	}
}

// keep reports whether a cable passes the options' filters.
func (g *Graph) keep(c *Cable) bool {
	if g.opts.Since != "" && (c.Date == "" || c.Date < g.opts.Since) {
		return false
	}
	if g.opts.Until != "" && (c.Date == "" || c.Date > g.opts.Until) {
		return false
	}
	if f := strings.ToLower(g.opts.CableFilter); f != "" {
		ok := strings.Contains(strings.ToLower(c.Origin), f)
		for _, t := range c.Tags {
			ok = ok || strings.Contains(strings.ToLower(t), f)
		}
		if !ok {
			return false
		}
	}
	return true
}

// Add adds a cable's people and meetings.
func (g *Graph) Add(c *Cable) {
	if !g.keep(c) {
		return
	}
	if len(g.opts.IDs) > 0 {
		for i := range c.People {
			if id, ok := g.opts.IDs[c.People[i].ID]; ok {
				c.People[i].ID = id
			}
		}
		for i, m := range c.Meetings {
			c.Meetings[i].Participants = relate.Remap(m.Participants, g.opts.IDs)
		}
	}
	for i, p := range c.People {
		n, err := g.g.Vertex(p.ID)
		if errors.Is(err, dgraph.ErrVertexNotFound) {
			n = &Node{ID: p.ID, Name: p.Name, Aliases: map[string]bool{}, Offices: map[string]bool{}}
			_ = g.g.AddVertex(n)
		}
		if !slices.ContainsFunc(c.People[:i], func(q extract.Entity) bool { return q.ID == p.ID }) {
			n.Cables++ // once per cable, when merged ids meet in one
		}
		for _, a := range p.Aliases {
			n.Aliases[a] = true
		}
		if p.Name != n.Name {
			n.Aliases[p.Name] = true
			if len(p.Name) > len(n.Name) || len(p.Name) == len(n.Name) && p.Name < n.Name {
				n.Aliases[n.Name] = true
				delete(n.Aliases, p.Name)
				n.Name = p.Name
			}
		}
		for _, o := range p.Offices {
			n.Offices[o] = true
		}
		n.First, n.Last = span(n.First, n.Last, c.Date)
	}
	switch g.opts.Relation {
	case "comention":
		for i, a := range c.People {
			for _, b := range c.People[i+1:] {
				g.link(a.ID, b.ID, "comention", c.Date, c.Cable, "")
			}
		}
	default:
		for _, m := range c.Meetings {
			date := c.Date
			if m.Date != nil {
				date = *m.Date
			}
			for i, a := range m.Participants {
				for _, b := range m.Participants[i+1:] {
					g.link(a, b, m.Kind, date, c.Cable, m.Evidence.Text)
				}
			}
		}
	}
}

func span(first, last, d string) (string, string) {
	if d == "" {
		return first, last
	}
	if first == "" || d < first {
		first = d
	}
	if last == "" || d > last {
		last = d
	}
	return first, last
}

// link adds one meeting to the edge between a and b.
func (g *Graph) link(a, b, kind, date, cable, evidence string) {
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	for _, id := range []string{a, b} {
		if _, err := g.g.Vertex(id); err != nil {
			// a participant the cable's people do not list: a node by id
			_ = g.g.AddVertex(&Node{ID: id, Name: id, Aliases: map[string]bool{}, Offices: map[string]bool{}})
		}
	}
	key := [2]string{a, b}
	e := g.edges[key]
	if e == nil {
		e = &Edge{Source: a, Target: b, Kinds: map[string]bool{}}
		g.edges[key] = e
		_ = g.g.AddEdge(a, b, dgraph.EdgeData(e))
	}
	e.Weight++
	e.Kinds[kind] = true
	if date != "" {
		e.Dates = insert(e.Dates, date)
		e.First, e.Last = span(e.First, e.Last, date)
	}
	e.Cables = insert(e.Cables, cable)
	if evidence != "" {
		e.addQuote(citation{date, cable, strings.Join(strings.Fields(evidence), " ")})
	}
}

// addQuote keeps q if it is among the MaxEvidence earliest quotes.
func (e *Edge) addQuote(q citation) {
	if len(e.quotes) == MaxEvidence && !q.less(e.quotes[MaxEvidence-1]) {
		return
	}
	i := sort.Search(len(e.quotes), func(i int) bool { return q.less(e.quotes[i]) })
	if i > 0 && e.quotes[i-1] == q {
		return // the same sentence again
	}
	e.quotes = append(e.quotes, citation{})
	copy(e.quotes[i+1:], e.quotes[i:])
	e.quotes[i] = q
	if len(e.quotes) > MaxEvidence {
		e.quotes = e.quotes[:MaxEvidence]
	}
	e.Evidence = e.Evidence[:0]
	for _, q := range e.quotes {
		e.Evidence = append(e.Evidence, q.text)
	}
}

// insert adds s to a sorted list without repeats.
func insert(list []string, s string) []string {
	i := sort.SearchStrings(list, s)
	if i < len(list) && list[i] == s {
		return list
	}
	list = append(list, "")
	copy(list[i+1:], list[i:])
	list[i] = s
	return list
}

// Nodes returns the nodes that have an edge (of at least MinWeight), by id.
func (g *Graph) Nodes() []*Node {
	keep := map[string]bool{}
	for _, e := range g.Edges() {
		keep[e.Source], keep[e.Target] = true, true
	}
	var out []*Node
	adj, _ := g.g.AdjacencyMap()
	for id := range adj {
		if keep[id] {
			n, _ := g.g.Vertex(id)
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Edges returns the edges of at least MinWeight meetings, by source then
// target.
func (g *Graph) Edges() []*Edge {
	var out []*Edge
	for _, e := range g.edges {
		if e.Weight >= g.opts.MinWeight {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Source != out[j].Source {
			return out[i].Source < out[j].Source
		}
		return out[i].Target < out[j].Target
	})
	return out
}

// sorted returns a set's members, sorted.
func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
