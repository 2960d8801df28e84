package graph

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// chain builds a graph from "a b:weight" pairs, each person named by
// its id in capitals ("a" is "A"), with aliases where given.
func chain(t *testing.T, opts Options, aliases map[string][]string, pairs ...string) *Graph {
	t.Helper()
	g := New(opts)
	for _, p := range pairs {
		ab, w, _ := strings.Cut(p, ":")
		a, b, _ := strings.Cut(ab, " ")
		weight := 1
		if w != "" {
			weight = int(w[0] - '0')
		}
		for _, id := range []string{a, b} {
			n := &Node{ID: id, Name: strings.ToUpper(id), Names: map[string]bool{strings.ToUpper(id): true}, Offices: map[string]bool{}, Cables: 1}
			for _, al := range aliases[id] {
				n.Names[al] = true
			}
			if err := g.AddNode(n); err != nil {
				t.Fatal(err)
			}
		}
		if b < a {
			a, b = b, a
		}
		e := &Edge{Source: a, Target: b, Weight: weight, Kinds: map[string]bool{"meeting": true}, Cables: []string{"09X" + a + b}}
		if err := g.AddEdge(e); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func hopIDs(hops []Hop) string {
	if len(hops) == 0 {
		return ""
	}
	ids := []string{hops[0].From.ID}
	for _, h := range hops {
		ids = append(ids, h.To.ID)
	}
	return strings.Join(ids, ">")
}

func TestPath(t *testing.T) {
	// a-b-d and a-c-d are both two hops; a-c-d's pairs met more often.
	pairs := []string{"a b:1", "b d:1", "a c:2", "c d:3", "d e:1", "x y:1"}
	tests := []struct {
		name     string
		opts     Options
		from, to string
		want     string
		err      string
	}{
		{"strongest of the shortest", Options{}, "a", "e", "a>c>d>e", ""},
		{"reverse", Options{}, "e", "a", "e>d>c>a", ""},
		{"neighbours", Options{}, "A", "b", "a>b", ""},
		{"min weight cuts the strong way", Options{MinWeight: 2}, "a", "d", "a>c>d", ""},
		{"min weight cuts all ways", Options{MinWeight: 2}, "a", "b", "", `"b" names no one`},
		{"apart", Options{}, "a", "x", "", "no chain of meetings"},
		{"one person", Options{}, "a", "A", "", "are one person"},
		{"unknown", Options{}, "a", "zed", "", `"zed" names no one`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := chain(t, tt.opts, nil, pairs...)
			hops, err := g.Path(tt.from, tt.to)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := hopIDs(hops); got != tt.want {
				t.Errorf("path %s, want %s", got, tt.want)
			}
		})
	}
	// ties are broken by ids, the same on every run
	g := chain(t, Options{}, nil, "a c:1", "c d:1", "a b:1", "b d:1")
	for range 20 {
		if hops, err := g.Path("a", "d"); err != nil || hopIDs(hops) != "a>b>d" {
			t.Fatalf("tie: %s %v, want a>b>d", hopIDs(hops), err)
		}
	}
	if _, err := chain(t, Options{}, nil, "a b").Path("a", "q"); err == nil || errors.Is(err, ErrNoPath) {
		t.Errorf("an unknown person is not ErrNoPath: %v", err)
	}
}

func TestFind(t *testing.T) {
	g := chain(t, Options{}, map[string][]string{
		"ryan-crocker": {"Ambassador Crocker", "Crocker"},
		"john-crocker": {"Crocker"},
		"nouri-maliki": {"Nuri al-Maliki"},
	}, "ryan-crocker nouri-maliki", "john-crocker nouri-maliki")
	tests := []struct {
		name string
		want string // ids found, or an error's words
	}{
		{"ryan-crocker", "ryan-crocker"},
		{"RYAN-CROCKER", "ryan-crocker"},
		{"ryan crocker", "ryan-crocker"},
		{"ambassador crocker", "ryan-crocker"},
		{"Nuri Al Maliki", "nouri-maliki"},
		{"Crocker", `names 2 people`},
		{"Rice", `names no one`},
		{"  ", `names no one`},
	}
	for _, tt := range tests {
		n, err := g.Person(tt.name)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = n.ID
		}
		if !strings.Contains(got, tt.want) {
			t.Errorf("Person(%q) = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestAroundAndComponents(t *testing.T) {
	pairs := []string{"a b", "b c", "c d", "d e", "b f", "x y", "y z", "p q"}
	tests := []struct {
		depth int
		nodes string
		edges int
	}{
		{1, "a b", 1},
		{2, "a b c f", 3},
		{3, "a b c d f", 4},
		{9, "a b c d e f", 5},
	}
	for _, tt := range tests {
		g := chain(t, Options{}, nil, pairs...)
		if err := g.Around("A", tt.depth); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, n := range g.Nodes() {
			ids = append(ids, n.ID)
		}
		if got := strings.Join(ids, " "); got != tt.nodes || len(g.Edges()) != tt.edges {
			t.Errorf("depth %d: nodes %q, %d edges; want %q, %d", tt.depth, got, len(g.Edges()), tt.nodes, tt.edges)
		}
		if !slices.Equal(g.Components(), []int{len(ids)}) {
			t.Errorf("depth %d: components %v, want one of %d", tt.depth, g.Components(), len(ids))
		}
		if !g.InNetwork([]string{"a", "b", "x"}) || g.InNetwork([]string{"a", "x"}) {
			t.Errorf("depth %d: a meeting of a and b is in the network, one of a and x is not", tt.depth)
		}
	}
	g := chain(t, Options{}, nil, pairs...)
	if got := g.Components(); !slices.Equal(got, []int{6, 3, 2}) {
		t.Errorf("components %v, want [6 3 2]", got)
	}
	if got := g.ComponentIDs(); len(got) != 3 || strings.Join(got[0], " ") != "a b c d e f" {
		t.Errorf("component ids %v, want a b c d e f first", got)
	}
	if err := g.Around("a", 0); err == nil {
		t.Error("depth 0 must fail")
	}
	if err := g.Around("nobody", 1); err == nil {
		t.Error("an unknown person must fail")
	}
}
