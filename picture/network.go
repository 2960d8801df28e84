package picture

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/layout"
)

// Options size a picture; the zero value takes the defaults.
type Options struct {
	// Width is the picture's width in pixels (the height follows).
	Width int
	// Top is how many people Network names, and how many Ego draws
	// around its person at most (the most met first).
	Top int
	// Nodes is how many people Network draws, the Top named among them.
	Nodes int
}

// The defaults of Options: a README is about 860 pixels wide.
const (
	DefaultWidth = 860
	DefaultTop   = 50
	DefaultNodes = 300
)

func (o Options) withDefaults() Options {
	if o.Width <= 0 {
		o.Width = DefaultWidth
	}
	if o.Top <= 0 {
		o.Top = DefaultTop
	}
	if o.Nodes <= 0 {
		o.Nodes = DefaultNodes
	}
	o.Nodes = max(o.Nodes, o.Top)
	return o
}

// Stats says what a picture shows.
type Stats struct {
	People int // people with a meeting in the whole graph
	// Shown is the size of the network pictured: the component's people
	// (Network) or the person's (Ego: the person and everyone they met).
	Shown int
	Edges int // pairs who met, among them
	Drawn int // people drawn
	Named int // people named
	// Communities is how many Louvain communities the network has.
	Communities int
}

// person is one of the network's people, with what ranks them.
type person struct {
	node     *graph.Node
	cables   int // cables with a meeting of theirs
	meetings int
}

// people gathers the people of the edges, ranked by cables with a
// meeting, then meetings, then id.
func people(g *graph.Graph, edges []*graph.Edge) (map[string]*person, []string) {
	nodes := map[string]*graph.Node{}
	for _, n := range g.Nodes() {
		nodes[n.ID] = n
	}
	cables := map[string]map[string]bool{}
	ps := map[string]*person{}
	for _, e := range edges {
		for _, id := range []string{e.Source, e.Target} {
			p := ps[id]
			if p == nil {
				p = &person{node: nodes[id]}
				ps[id] = p
				cables[id] = map[string]bool{}
			}
			p.meetings += e.Weight
			for _, c := range e.Cables {
				cables[id][c] = true
			}
		}
	}
	ids := make([]string, 0, len(ps))
	for id, p := range ps {
		p.cables = len(cables[id])
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := ps[ids[i]], ps[ids[j]]
		if a.cables != b.cables {
			return a.cables > b.cables
		}
		if a.meetings != b.meetings {
			return a.meetings > b.meetings
		}
		return ids[i] < ids[j]
	})
	return ps, ids
}

// Network draws the largest connected component of g: its people laid
// out by ForceAtlas2 over the whole component and coloured by Louvain
// community, the opts.Nodes people in the most cables with a meeting
// drawn (a dot sized by those cables; those that fall beyond the frame of
// the named are left out) and the first opts.Top of them named; lines join
// the drawn people who met. A named person whose label finds no free place
// beside their dot is moved to the nearest place that has one; a plot too
// crowded for that grows taller.
func Network(g *graph.Graph, opts Options) (*Picture, error) {
	o := opts.withDefaults()
	comps := g.ComponentIDs()
	if len(comps) == 0 {
		return nil, errors.New("picture: the graph has no meetings: nothing to draw")
	}
	comp := comps[0]
	n := &network{index: make(map[string]int, len(comp))}
	for i, id := range comp {
		n.index[id] = i
	}
	var lay []layout.Edge
	for _, e := range g.Edges() {
		if _, ok := n.index[e.Source]; ok {
			n.edges = append(n.edges, e)
			lay = append(lay, layout.Edge{A: n.index[e.Source], B: n.index[e.Target], Weight: 1 + math.Log(float64(e.Weight))})
		}
	}
	n.people, n.ranked = people(g, n.edges)
	n.comm = layout.Communities(len(comp), lay)
	n.xy = layout.ForceAtlas2(len(comp), lay, layout.Options{})
	n.size = map[int]int{}
	for _, c := range n.comm {
		n.size[c]++
	}
	n.stats = Stats{People: len(g.Nodes()), Shown: len(comp), Edges: len(n.edges), Communities: len(n.size)}
	// a plot too crowded to name everyone grows taller
	var err error
	for _, aspect := range [][2]float64{{0.62, 0.9}, {1, 1.25}, {1.4, 1.6}, {2, 2.2}, {2.8, 3}} {
		var pic *Picture
		if pic, err = n.draw(o, aspect[0], aspect[1]); err == nil {
			return pic, nil
		}
		if !errors.Is(err, errNoRoom) {
			break
		}
	}
	return nil, err
}

// network is the largest component, ranked, laid out and in communities.
type network struct {
	index  map[string]int // person id -> index in the component
	edges  []*graph.Edge
	people map[string]*person
	ranked []string // ids, the most important first
	comm   []int    // community of each index
	size   map[int]int
	xy     []layout.Point
	stats  Stats
}

// draw draws the network in a plot between minAspect and maxAspect times
// as high as wide.
func (n *network) draw(o Options, minAspect, maxAspect float64) (*Picture, error) {
	drawn := n.ranked[:min(o.Nodes, len(n.ranked))]
	named := min(o.Top, len(drawn))
	commOf := func(id string) int { return n.comm[n.index[id]] }
	colorOf, legend := communityColors(drawn, commOf)

	c := newCanvas(float64(o.Width))
	c.title("Who met whom: the largest connected group of people in the cables")

	// the named fill the plot (a margin left for their labels); the
	// others beyond it are left out
	pts := make([]layout.Point, len(drawn))
	for i, id := range drawn {
		pts[i] = n.xy[n.index[id]]
	}
	plot := c.plot(pts, named, minAspect, maxAspect)
	var dots []Dot
	var kept []string
	for i, id := range drawn {
		p := n.people[id]
		r := 1.6 + 0.45*math.Sqrt(float64(p.cables))
		if i < named {
			r = 2.5 + 1.0*math.Sqrt(float64(p.cables))
		}
		d := Dot{X: plot[i].X, Y: plot[i].Y, R: r, Fill: colorOf(commOf(id)),
			Title: fmt.Sprintf("%s: %d %s with a meeting, %d %s", p.node.Name, p.cables, plural(p.cables, "cable", "cables"), p.meetings, plural(p.meetings, "meeting", "meetings"))}
		if i >= named && !c.inPlot(circleBox(d)) {
			continue
		}
		dots = append(dots, d)
		kept = append(kept, id)
	}
	drawn = kept
	stats := n.stats
	stats.Drawn, stats.Named = len(drawn), named

	// the caption, once the people drawn are known, goes above the plot
	who := fmt.Sprintf("Named: the %d in the most cables that report a meeting of theirs (dot size)", named)
	switch {
	case named == stats.Shown:
		who = fmt.Sprintf("All %d named (dot size: the cables that report a meeting of theirs)", named)
	case len(drawn) > named:
		who += fmt.Sprintf("; drawn too: %d of the next %d, those inside the frame", len(drawn)-named, min(o.Nodes, len(n.ranked))-named)
	}
	dy := c.insertCaption(fmt.Sprintf("%s of the %s people with a meeting are joined by chains of meetings; %s pairs of them met. "+
		"%s; a line joins two drawn people who met; colours are communities (Louvain) of the whole group, each named below by its first two people (and its size).",
		count(stats.Shown), count(stats.People), count(stats.Edges), who))
	for i := range dots {
		dots[i].Y += dy
	}
	var labels []Label
	if err := c.placeLabels(dots[:named], func(i int) Label {
		l := Label{Text: shorten(n.people[drawn[i]].node.Name, 30), Size: 11}
		if i < 10 {
			l.Size, l.Bold = 12, true
		}
		return l
	}, &labels); err != nil {
		return nil, err
	}

	// the legend: each coloured community by its best ranked people
	var items []Label
	for i, cm := range legend {
		var names []string
		for _, id := range drawn {
			if commOf(id) == cm && len(names) < 2 {
				names = append(names, n.people[id].node.Name)
			}
		}
		items = append(items, Label{Text: fmt.Sprintf("%s (%s)", strings.Join(names, ", "), count(n.size[cm])), Size: 10.5, Swatch: communityColor(i)})
	}
	if len(n.size) > len(legend) {
		items = append(items, Label{Text: fmt.Sprintf("%d smaller communities", len(n.size)-len(legend)), Size: 10.5, Swatch: other})
	}
	c.legend(items)

	// lines between drawn people, the faint ones first
	at := map[string]int{}
	for i, id := range drawn {
		at[id] = i
	}
	var strong, faint []Line
	for _, e := range n.edges {
		a, okA := at[e.Source]
		b, okB := at[e.Target]
		if !okA || !okB {
			continue
		}
		l := Line{X1: dots[a].X, Y1: dots[a].Y, X2: dots[b].X, Y2: dots[b].Y, Width: 0.5 + 0.35*math.Log(float64(e.Weight)), Color: "#8a8a8a", Opacity: 0.22}
		if a < named && b < named {
			l.Color, l.Opacity = "#666666", 0.5
			strong = append(strong, l)
			continue
		}
		faint = append(faint, l)
	}
	pic := c.picture()
	pic.Lines = append(faint, strong...)
	// the named on top, the first named last
	for i := len(dots) - 1; i >= named; i-- {
		pic.Dots = append(pic.Dots, dots[i])
	}
	for i := named - 1; i >= 0; i-- {
		pic.Dots = append(pic.Dots, dots[i])
	}
	pic.Labels = append(pic.Labels, labels...)
	pic.Description = fmt.Sprintf("The largest connected component of the who-met-whom network: %d people, %d pairs who met; the %d people in the most cables with meetings drawn and %d named, coloured by community.", stats.Shown, stats.Edges, stats.Drawn, stats.Named)
	pic.Stats = stats
	return pic, nil
}

// communityColors gives the communities of the drawn people (best ranked
// first) their colours: the colored communities with the most drawn
// people (ties: the one with the better ranked person) get one each, the
// others share other. It returns the colour of a community and the
// coloured ones in colour order.
func communityColors(drawn []string, commOf func(string) int) (func(int) string, []int) {
	n := map[int]int{}
	first := map[int]int{}
	var order []int
	for i, id := range drawn {
		c := commOf(id)
		if _, ok := first[c]; !ok {
			first[c] = i
			order = append(order, c)
		}
		n[c]++
	}
	sort.SliceStable(order, func(i, j int) bool { return n[order[i]] > n[order[j]] })
	order = order[:min(colored, len(order))]
	color := map[int]string{}
	for i, c := range order {
		color[c] = communityColor(i)
	}
	return func(c int) string {
		if s, ok := color[c]; ok {
			return s
		}
		return other
	}, order
}

// count writes n with thousands separated by commas.
func count(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
