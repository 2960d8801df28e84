package layout

import (
	"math"
	"slices"
	"testing"
)

// cliques returns k cliques of size s, clique c joined to c+1 by one edge.
func cliques(k, s int) (int, []Edge) {
	var edges []Edge
	for c := range k {
		for i := range s {
			for j := i + 1; j < s; j++ {
				edges = append(edges, Edge{c*s + i, c*s + j, 1})
			}
		}
		if c+1 < k {
			edges = append(edges, Edge{c * s, (c+1)*s + 1, 1})
		}
	}
	return k * s, edges
}

func TestCommunities(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		edges []Edge
		want  []int
	}{
		{"two triangles and a bridge", 6, []Edge{{0, 1, 1}, {1, 2, 1}, {0, 2, 1}, {3, 4, 1}, {4, 5, 1}, {3, 5, 1}, {2, 3, 1}}, []int{0, 0, 0, 1, 1, 1}},
		{"a lone node is its own", 4, []Edge{{0, 1, 1}, {1, 2, 1}, {0, 2, 1}}, []int{0, 0, 0, 1}},
		{"no edges", 3, nil, []int{0, 1, 2}},
		{"heavy pairs win", 4, []Edge{{0, 1, 9}, {2, 3, 9}, {1, 2, 1}, {0, 3, 1}}, []int{0, 0, 1, 1}},
	}
	for _, tt := range tests {
		if got := Communities(tt.n, tt.edges); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	n, edges := cliques(5, 6)
	got := Communities(n, edges)
	for c := range 5 {
		for i := range 6 {
			if got[c*6+i] != c {
				t.Fatalf("five cliques: %v, want one community each", got)
			}
		}
	}
	if again := Communities(n, edges); !slices.Equal(got, again) {
		t.Error("two runs differ")
	}
}

func TestForceAtlas2(t *testing.T) {
	n, edges := cliques(4, 8)
	pos := ForceAtlas2(n, edges, Options{})
	if again := ForceAtlas2(n, edges, Options{}); !slices.Equal(pos, again) {
		t.Fatal("two runs differ")
	}
	var in, out float64
	var nin, nout int
	for i := range n {
		p := pos[i]
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
			t.Fatalf("node %d at %v", i, p)
		}
		for j := i + 1; j < n; j++ {
			d := math.Hypot(p.X-pos[j].X, p.Y-pos[j].Y)
			if d < 1e-6 {
				t.Errorf("nodes %d and %d on one point", i, j)
			}
			if i/8 == j/8 {
				in += d
				nin++
			} else {
				out += d
				nout++
			}
		}
	}
	in, out = in/float64(nin), out/float64(nout)
	if in*2 > out {
		t.Errorf("a clique's members are %.1f apart on average, members of different cliques %.1f: want them at least twice as far", in, out)
	}
	if p := ForceAtlas2(1, nil, Options{}); len(p) != 1 {
		t.Errorf("one node: %v", p)
	}
}

func BenchmarkForceAtlas2(b *testing.B) {
	n, edges := cliques(400, 10) // 4,000 nodes, 18,399 edges: the corpus graph's size
	for b.Loop() {
		ForceAtlas2(n, edges, Options{})
	}
}
