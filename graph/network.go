package graph

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cablegraph/cablegraph/fold"
)

// Find returns the people of the graph (those with an edge) that name
// names: their id, fullest name or any alias, case, accents and hyphens
// aside. A name that is some person's id or fullest name finds that
// person only; else every person with the name among their aliases.
func (g *Graph) Find(name string) []*Node {
	key := fold.Name(name)
	if key == "" {
		return nil
	}
	var exact, alias []*Node
	for _, n := range g.Nodes() {
		switch {
		case fold.Name(n.ID) == key || fold.Name(n.Name) == key:
			exact = append(exact, n)
		default:
			for s := range n.Names {
				if fold.Name(s) == key {
					alias = append(alias, n)
					break
				}
			}
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return alias
}

// Person returns the one person name names (see Find), or an error that
// says none does or lists the people it could be.
func (g *Graph) Person(name string) (*Node, error) {
	found := g.Find(name)
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("%q names no one in the graph (search by an id, a name or an alias)", name)
	case 1:
		return found[0], nil
	}
	slices.SortFunc(found, func(a, b *Node) int {
		if a.Cables != b.Cables {
			return b.Cables - a.Cables
		}
		return strings.Compare(a.ID, b.ID)
	})
	var list []string
	for i, n := range found {
		if i == 10 {
			list = append(list, fmt.Sprintf("and %d more", len(found)-10))
			break
		}
		list = append(list, fmt.Sprintf("%s (id %s, %d cables)", n.Name, n.ID, n.Cables))
	}
	return nil, fmt.Errorf("%q names %d people: %s; name one by its id", name, len(found), strings.Join(list, "; "))
}

// adjacency lists each person's neighbours over the edges Edges returns
// (at least MinWeight, inside the Around network), sorted, from the
// library's adjacency map.
func (g *Graph) adjacency() map[string][]string {
	am, err := g.g.AdjacencyMap()
	if err != nil {
		panic(fmt.Sprintf("graph: adjacency: %v", err)) // the in-memory store never fails
	}
	adj := map[string][]string{}
	for a, ns := range am {
		for b, e := range ns {
			if g.shown(e.Properties.Data.(*Edge)) {
				adj[a] = append(adj[a], b)
			}
		}
	}
	for _, ns := range adj {
		slices.Sort(ns)
	}
	return adj
}

// shown reports whether an edge is exported: of at least MinWeight
// meetings, and between two people of the Around network when there is
// one.
func (g *Graph) shown(e *Edge) bool {
	if e.Weight < g.opts.MinWeight {
		return false
	}
	return g.around == nil || g.around[e.Source] && g.around[e.Target]
}

// distances are the hop counts from id over the shown edges, up to
// depth (all when depth < 0).
func distances(adj map[string][]string, id string, depth int) map[string]int {
	dist := map[string]int{id: 0}
	queue := []string{id}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if depth >= 0 && dist[v] == depth {
			continue
		}
		for _, w := range adj[v] {
			if _, ok := dist[w]; !ok {
				dist[w] = dist[v] + 1
				queue = append(queue, w)
			}
		}
	}
	return dist
}

// Around keeps, in every export, only the people within depth meetings of
// the person name names (the ego network) and the edges among them.
func (g *Graph) Around(name string, depth int) error {
	if depth < 1 {
		return fmt.Errorf("depth %d: want 1 or more", depth)
	}
	n, err := g.Person(name)
	if err != nil {
		return err
	}
	keep := map[string]bool{}
	for id := range distances(g.adjacency(), n.ID, depth) {
		keep[id] = true
	}
	g.around = keep
	return nil
}

// InNetwork reports whether a meeting adds an edge to the exported
// network: two of its participants are in the Around network (all
// meetings count when there is none).
func (g *Graph) InNetwork(m []string) bool {
	if g.around == nil {
		return true
	}
	in := 0
	for _, id := range m {
		if g.around[id] {
			in++
		}
	}
	return in >= 2
}

// Hop is one link of a chain of meetings: the person reached and the
// edge (every meeting of the pair) that reaches them.
type Hop struct {
	From, To *Node
	Edge     *Edge
}

// ErrNoPath is returned by Path when no chain of meetings joins the two.
var ErrNoPath = errors.New("no chain of meetings joins them")

// Path returns the shortest chain of meetings from one person to another
// (named as Find takes names): fewest hops; among chains as short, the one
// whose pairs met most often in all (the strongest ties), then the first
// by ids.
func (g *Graph) Path(from, to string) ([]Hop, error) {
	a, err := g.Person(from)
	if err != nil {
		return nil, err
	}
	b, err := g.Person(to)
	if err != nil {
		return nil, err
	}
	if a.ID == b.ID {
		return nil, fmt.Errorf("%q and %q are one person (%s)", from, to, a.ID)
	}
	adj := g.adjacency()
	dist := distances(adj, a.ID, -1)
	if _, ok := dist[b.ID]; !ok {
		return nil, fmt.Errorf("%s and %s: %w", a.Name, b.Name, ErrNoPath)
	}
	// the strongest of the shortest chains, by levels from a
	byLevel := map[int][]string{}
	for id, d := range dist {
		byLevel[d] = append(byLevel[d], id)
	}
	best := map[string]int{a.ID: 0}
	prev := map[string]string{}
	for d := 1; d <= dist[b.ID]; d++ {
		level := byLevel[d]
		sort.Strings(level)
		for _, v := range level {
			for _, u := range adj[v] { // sorted: the first best predecessor by id wins
				if dist[u] != d-1 {
					continue
				}
				w := best[u] + g.edge(u, v).Weight
				if p, ok := prev[v]; !ok || w > best[v] || w == best[v] && u < p {
					best[v], prev[v] = w, u
				}
			}
		}
	}
	var chain []string
	for v := b.ID; v != a.ID; v = prev[v] {
		chain = append(chain, v)
	}
	chain = append(chain, a.ID)
	slices.Reverse(chain)
	hops := make([]Hop, 0, len(chain)-1)
	for i := 1; i < len(chain); i++ {
		hops = append(hops, Hop{From: g.node(chain[i-1]), To: g.node(chain[i]), Edge: g.edge(chain[i-1], chain[i])})
	}
	return hops, nil
}

// Components returns the sizes of the connected components of the
// exported network (people joined by chains of meetings), largest first.
func (g *Graph) Components() []int {
	var sizes []int
	for _, c := range g.ComponentIDs() {
		sizes = append(sizes, len(c))
	}
	return sizes
}

// ComponentIDs returns the connected components of the exported network,
// each as its people's ids sorted; largest first, components as large by
// their first id.
func (g *Graph) ComponentIDs() [][]string {
	adj := g.adjacency()
	ids := make([]string, 0, len(adj))
	for id := range adj {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	seen := map[string]bool{}
	var comps [][]string
	for _, id := range ids {
		if seen[id] {
			continue
		}
		d := distances(adj, id, -1)
		comp := make([]string, 0, len(d))
		for v := range d {
			seen[v] = true
			comp = append(comp, v)
		}
		sort.Strings(comp)
		comps = append(comps, comp)
	}
	// ids are visited in order, so each component's first id orders the ties
	sort.SliceStable(comps, func(i, j int) bool { return len(comps[i]) > len(comps[j]) })
	return comps
}

func (g *Graph) node(id string) *Node {
	n, err := g.g.Vertex(id)
	if err != nil {
		panic(fmt.Sprintf("graph: no person %s: %v", id, err)) // ids come from the graph's own edges
	}
	return n
}

func (g *Graph) edge(a, b string) *Edge {
	e, err := g.g.Edge(a, b)
	if err != nil {
		panic(fmt.Sprintf("graph: no edge %s-%s: %v", a, b, err)) // pairs come from the graph's own adjacency
	}
	return e.Properties.Data.(*Edge)
}
