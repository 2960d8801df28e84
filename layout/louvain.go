package layout

import "sort"

// Communities groups the nodes by Louvain modularity optimisation and
// returns each node's community, numbered 0, 1, ... in the order of the
// communities' first nodes. Nodes are visited in index order and ties go
// to the lowest community, so the result is the same on every run. A node
// without edges is a community of its own.
func Communities(n int, edges []Edge) []int {
	g := newWeighted(n, edges)
	member := make([]int, n) // original node -> node of the current level
	for i := range member {
		member[i] = i
	}
	for {
		comm, moved := g.onePass()
		if !moved {
			break
		}
		for i := range member {
			member[i] = comm[member[i]]
		}
		g = g.aggregate(comm)
	}
	renumber(member)
	return member
}

// renumber numbers the communities 0, 1, ... in the order of their first
// members, in place, and returns how many there are.
func renumber(comm []int) int {
	ids := map[int]int{}
	for i, c := range comm {
		id, ok := ids[c]
		if !ok {
			id = len(ids)
			ids[c] = id
		}
		comm[i] = id
	}
	return len(ids)
}

// weighted is an undirected weighted graph with self-loops (the weight
// inside an aggregated community).
type weighted struct {
	adj  [][]arc
	self []float64
	m2   float64 // twice the total weight
}

type arc struct {
	to int
	w  float64
}

func newWeighted(n int, edges []Edge) *weighted {
	g := &weighted{adj: make([][]arc, n), self: make([]float64, n)}
	sum := map[[2]int]float64{}
	for _, e := range edges {
		w := e.Weight
		if w <= 0 {
			w = 1
		}
		a, b := e.A, e.B
		if a == b {
			g.self[a] += w
			g.m2 += 2 * w
			continue
		}
		if b < a {
			a, b = b, a
		}
		sum[[2]int{a, b}] += w
		g.m2 += 2 * w
	}
	keys := make([][2]int, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		g.adj[k[0]] = append(g.adj[k[0]], arc{k[1], sum[k]})
		g.adj[k[1]] = append(g.adj[k[1]], arc{k[0], sum[k]})
	}
	return g
}

// degree is a node's weighted degree, self-loops counted twice.
func (g *weighted) degree(i int) float64 {
	d := 2 * g.self[i]
	for _, a := range g.adj[i] {
		d += a.w
	}
	return d
}

// onePass moves nodes between communities while modularity grows and
// returns each node's community and whether any node moved.
func (g *weighted) onePass() ([]int, bool) {
	n := len(g.adj)
	comm := make([]int, n)
	tot := make([]float64, n)
	deg := make([]float64, n)
	for i := range comm {
		comm[i] = i
		deg[i] = g.degree(i)
		tot[i] = deg[i]
	}
	if g.m2 == 0 {
		return comm, false
	}
	moved := false
	links := map[int]float64{}
	var order []int
	for changed := true; changed; {
		changed = false
		for i := range n {
			clear(links)
			order = order[:0]
			for _, a := range g.adj[i] {
				c := comm[a.to]
				if _, ok := links[c]; !ok {
					order = append(order, c)
				}
				links[c] += a.w
			}
			own := comm[i]
			tot[own] -= deg[i]
			best, bestGain := own, links[own]-tot[own]*deg[i]/g.m2
			sort.Ints(order)
			for _, c := range order {
				if gain := links[c] - tot[c]*deg[i]/g.m2; gain > bestGain+1e-12 {
					best, bestGain = c, gain
				}
			}
			tot[best] += deg[i]
			if best != own {
				comm[i] = best
				changed, moved = true, true
			}
		}
	}
	return comm, moved && renumber(comm) < n
}

// aggregate makes a graph of the communities: one node each, the weights
// between them summed, the weight inside each a self-loop.
func (g *weighted) aggregate(comm []int) *weighted {
	k := 0
	for _, c := range comm {
		k = max(k, c+1)
	}
	var edges []Edge
	for i, arcs := range g.adj {
		if g.self[i] > 0 {
			edges = append(edges, Edge{comm[i], comm[i], g.self[i]})
		}
		for _, a := range arcs {
			if i < a.to {
				edges = append(edges, Edge{comm[i], comm[a.to], a.w})
			}
		}
	}
	return newWeighted(k, edges)
}
