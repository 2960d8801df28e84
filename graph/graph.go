package graph

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	dgraph "github.com/dominikbraun/graph"

	"github.com/cablegraph/cablegraph/record"
)

// Node is a person.
type Node struct {
	ID   string
	Name string // the fullest name seen (then the first in byte order)
	// Names holds every name and alias seen for the id, Name included:
	// Aliases() lists the others.
	Names   map[string]bool
	Offices map[string]bool
	Cables  int
	First   string // first and last cable date the person appears in
	Last    string
	// Bare: known only as a meeting's participant, without a name of its
	// own (its Name is its id until a named node merges into it).
	Bare bool
}

// Aliases returns the other names of the person, sorted.
func (n *Node) Aliases() []string {
	out := make([]string, 0, len(n.Names))
	for s := range n.Names {
		if s != n.Name {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// OfficeList returns the person's offices, sorted.
func (n *Node) OfficeList() []string { return sorted(n.Offices) }

// Fuller reports whether name a labels a person (or a place, an
// organization) rather than b: the longer, then the first in byte order.
func Fuller(a, b string) bool {
	return len(a) > len(b) || len(a) == len(b) && a < b
}

// Clone returns a copy of n that shares nothing with it.
func (n *Node) Clone() *Node {
	c := &Node{ID: n.ID, Name: n.Name, Bare: n.Bare, Names: map[string]bool{}, Offices: map[string]bool{}}
	c.Merge(n)
	return c
}

// Merge adds what o knows of the same person to n. The result does not
// depend on the order nodes are merged in.
func (n *Node) Merge(o *Node) {
	switch {
	case o.Bare:
	case n.Bare:
		n.Name, n.Bare = o.Name, false
	case Fuller(o.Name, n.Name):
		n.Name = o.Name
	}
	for s := range o.Names {
		n.Names[s] = true
	}
	for s := range o.Offices {
		n.Offices[s] = true
	}
	n.Cables += o.Cables
	n.First, n.Last = span(n.First, n.Last, o.First)
	n.First, n.Last = span(n.First, n.Last, o.Last)
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
	Quotes   []Quote
}

// Quote is a meeting's evidence with what orders it.
type Quote struct{ Date, Cable, Text string }

func (q Quote) less(r Quote) bool {
	if q.Date != r.Date {
		return q.Date < r.Date
	}
	if q.Cable != r.Cable {
		return q.Cable < r.Cable
	}
	return q.Text < r.Text
}

// Clone returns a copy of e that shares nothing with it.
func (e *Edge) Clone() *Edge {
	c := &Edge{Source: e.Source, Target: e.Target, Kinds: map[string]bool{}}
	c.Merge(e)
	return c
}

// Merge adds the meetings of o, an edge between the same two people, to e.
// The result does not depend on the order edges are merged in.
func (e *Edge) Merge(o *Edge) {
	e.Weight += o.Weight
	for k := range o.Kinds {
		e.Kinds[k] = true
	}
	for _, d := range o.Dates {
		e.Dates = insert(e.Dates, d)
	}
	e.First, e.Last = span(e.First, e.Last, o.First)
	e.First, e.Last = span(e.First, e.Last, o.Last)
	for _, c := range o.Cables {
		e.Cables = insert(e.Cables, c)
	}
	for _, q := range o.Quotes {
		e.addQuote(q)
	}
}

// MaxEvidence caps the quotes kept per edge.
const MaxEvidence = 5

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
	// Around, when not "", keeps only the ego network of the person it
	// names (an id, a name or an alias): the people within Depth meetings
	// of them and the edges among them.
	Around string
	Depth  int
}

// Graph is the network being built. People and their meetings are the
// vertices and edges of a dominikbraun/graph undirected graph (the data
// of each edge is its *Edge), which gives adjacency and the algorithms.
type Graph struct {
	opts  Options
	g     dgraph.Graph[string, *Node]
	cites *Citations // which cable cites which, of the cables added
	// around are the people of the ego network the exports keep (see
	// Around); nil keeps everyone.
	around map[string]bool
}

// CableMeeting is a meeting with the cable it was found in: a line of
// meetings.jsonl.
type CableMeeting struct {
	Cable string `json:"cable"`
	record.Meeting
}

// New returns an empty graph.
func New(opts Options) *Graph {
	if opts.Relation == "" {
		opts.Relation = "meeting"
	}
	return &Graph{
		opts:  opts,
		g:     dgraph.New(func(n *Node) string { return n.ID }),
		cites: NewCitations(),
	}
}

// Citations returns the cable-reference graph of the cables added (not
// of parts merged by a distributed run).
func (g *Graph) Citations() *Citations { return g.cites }

// keep reports whether a cable passes the options' filters.
func (g *Graph) keep(c *record.Cable) bool {
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
func (g *Graph) Add(c *record.Cable) error {
	if !g.keep(c) {
		return nil
	}
	g.cites.Add(c)
	nodes, edges := Parts(c, g.opts)
	for _, n := range nodes {
		if err := g.AddNode(n); err != nil {
			return err
		}
	}
	for _, e := range edges {
		if err := g.AddEdge(e); err != nil {
			return err
		}
	}
	return nil
}

// Keep reports whether the options let a cable into the graph.
func (o Options) Keep(c *record.Cable) bool { return (&Graph{opts: o}).keep(c) }

// Parts returns what a cable adds to the graph: a node for each person
// in it and an edge for each pair that met (for the comention relation:
// each pair named together), with the ids of opts.IDs. Graphs built by
// adding the parts of cables in any order, or by merging parts first
// (Node.Merge, Edge.Merge, as a distributed run does), are the same.
func Parts(c *record.Cable, opts Options) ([]*Node, []*Edge) {
	if len(opts.IDs) > 0 {
		c.Remap(opts.IDs)
	}
	people := c.Found().People
	byID := map[string]*Node{}
	var nodes []*Node
	for _, p := range people {
		n := byID[p.ID]
		if n == nil {
			n = &Node{ID: p.ID, Name: p.Name, Names: map[string]bool{}, Offices: map[string]bool{}, Cables: 1}
			n.First, n.Last = span("", "", c.Date)
			byID[p.ID] = n
			nodes = append(nodes, n)
		} else if Fuller(p.Name, n.Name) {
			n.Name = p.Name // merged ids meeting in one cable
		}
		n.Names[p.Name] = true
		for _, a := range p.Aliases {
			n.Names[a] = true
		}
		for _, o := range p.Offices {
			n.Offices[o] = true
		}
	}
	var edges []*Edge
	link := func(a, b, kind, date, evidence string) {
		if a == b {
			return
		}
		if b < a {
			a, b = b, a
		}
		e := &Edge{Source: a, Target: b, Weight: 1, Kinds: map[string]bool{kind: true}, Cables: []string{c.RefID}}
		if date != "" {
			e.Dates = []string{date}
			e.First, e.Last = date, date
		}
		if evidence != "" {
			e.addQuote(Quote{date, c.RefID, strings.Join(strings.Fields(evidence), " ")})
		}
		edges = append(edges, e)
	}
	switch opts.Relation {
	case "comention":
		for i, a := range people {
			for _, b := range people[i+1:] {
				link(a.ID, b.ID, "comention", c.Date, "")
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
					link(a, b, m.Kind, date, m.Evidence.Text)
				}
			}
		}
	}
	return nodes, edges
}

// AddNode merges a node into the graph.
func (g *Graph) AddNode(n *Node) error {
	have, err := g.g.Vertex(n.ID)
	if err == nil {
		have.Merge(n)
		return nil
	}
	if !errors.Is(err, dgraph.ErrVertexNotFound) {
		return fmt.Errorf("person %s: %w", n.ID, err)
	}
	if err := g.g.AddVertex(n.Clone()); err != nil {
		return fmt.Errorf("person %s: %w", n.ID, err)
	}
	return nil
}

// AddEdge merges an edge into the graph; people it names that the graph
// does not have yet are added as bare nodes.
func (g *Graph) AddEdge(e *Edge) error {
	for _, id := range []string{e.Source, e.Target} {
		_, err := g.g.Vertex(id)
		if errors.Is(err, dgraph.ErrVertexNotFound) {
			err = g.g.AddVertex(&Node{ID: id, Name: id, Bare: true, Names: map[string]bool{}, Offices: map[string]bool{}})
		}
		if err != nil {
			return fmt.Errorf("person %s: %w", id, err)
		}
	}
	have, err := g.g.Edge(e.Source, e.Target)
	if err == nil {
		have.Properties.Data.(*Edge).Merge(e)
		return nil
	}
	if !errors.Is(err, dgraph.ErrEdgeNotFound) {
		return fmt.Errorf("meeting %s-%s: %w", e.Source, e.Target, err)
	}
	if err := g.g.AddEdge(e.Source, e.Target, dgraph.EdgeData(e.Clone())); err != nil {
		return fmt.Errorf("meeting %s-%s: %w", e.Source, e.Target, err)
	}
	return nil
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

// addQuote keeps q if it is among the MaxEvidence earliest quotes.
func (e *Edge) addQuote(q Quote) {
	if len(e.Quotes) == MaxEvidence && !q.less(e.Quotes[MaxEvidence-1]) {
		return
	}
	i := sort.Search(len(e.Quotes), func(i int) bool { return q.less(e.Quotes[i]) })
	if i > 0 && e.Quotes[i-1] == q {
		return // the same sentence again
	}
	e.Quotes = append(e.Quotes, Quote{})
	copy(e.Quotes[i+1:], e.Quotes[i:])
	e.Quotes[i] = q
	if len(e.Quotes) > MaxEvidence {
		e.Quotes = e.Quotes[:MaxEvidence]
	}
	e.Evidence = e.Evidence[:0]
	for _, q := range e.Quotes {
		e.Evidence = append(e.Evidence, q.Text)
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
	out := make([]*Node, 0, len(keep))
	for id := range keep {
		n, err := g.g.Vertex(id)
		if err != nil {
			panic(fmt.Sprintf("graph: the edges name %s, the vertices do not: %v", id, err)) // AddEdge adds both
		}
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// People returns every person of the cables added, with or without a
// meeting, by id (Nodes keeps those with an edge shown).
func (g *Graph) People() []*Node {
	am, err := g.g.AdjacencyMap()
	if err != nil {
		panic(fmt.Sprintf("graph: listing the people: %v", err)) // the in-memory store never fails
	}
	out := make([]*Node, 0, len(am))
	for id := range am {
		out = append(out, g.node(id))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Edges returns the edges of at least MinWeight meetings, by source then
// target.
func (g *Graph) Edges() []*Edge {
	all, err := g.g.Edges()
	if err != nil {
		panic(fmt.Sprintf("graph: listing the edges: %v", err)) // the in-memory store never fails
	}
	var out []*Edge
	for _, de := range all {
		if e := de.Properties.Data.(*Edge); g.shown(e) {
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
