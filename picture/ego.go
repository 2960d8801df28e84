package picture

import (
	"fmt"
	"math"
	"sort"

	"github.com/cablegraph/cablegraph/graph"
	"github.com/cablegraph/cablegraph/layout"
)

// Ego draws the ego network of the person name names (an id, a name or
// an alias, as graph.Person finds them): the person in the middle, the
// people they met on a circle around them (at most opts.Top, the most met
// first, as many as can be named without a label covering another), each
// spoke labelled with the date and cable of the pair's first meeting and
// the number of their other meetings, and faint curves between the people
// around who met each other too. The people around are grouped and
// coloured by their Louvain communities.
func Ego(g *graph.Graph, name string, opts Options) (*Picture, error) {
	o := opts.withDefaults()
	ego, err := g.Person(name)
	if err != nil {
		return nil, fmt.Errorf("picture: --ego: %w", err)
	}
	var spokes []*graph.Edge
	for _, e := range g.Edges() {
		if e.Source == ego.ID || e.Target == ego.ID {
			spokes = append(spokes, e)
		}
	}
	if len(spokes) == 0 {
		return nil, fmt.Errorf("picture: %s met no one in the graph", ego.Name)
	}
	sort.SliceStable(spokes, func(i, j int) bool {
		a, b := spokes[i], spokes[j]
		if a.Weight != b.Weight {
			return a.Weight > b.Weight
		}
		if fa, fb := firstMeeting(a), firstMeeting(b); fa != fb {
			return fa.Date < fb.Date || fa.Date == fb.Date && fa.Cable < fb.Cable
		}
		return otherEnd(a, ego.ID) < otherEnd(b, ego.ID)
	})
	e := &egoNet{ego: ego, spokes: spokes, nodes: map[string]*graph.Node{}, all: map[string]bool{ego.ID: true}}
	for _, nd := range g.Nodes() {
		e.nodes[nd.ID] = nd
	}
	for _, s := range spokes {
		e.all[otherEnd(s, ego.ID)] = true
	}
	for _, t := range g.Edges() {
		if t.Source != ego.ID && t.Target != ego.ID && e.all[t.Source] && e.all[t.Target] {
			e.ties = append(e.ties, t)
		}
	}
	for n := min(o.Top, len(spokes)); n > 0; n-- {
		if pic := e.draw(n, o); len(pic.Overlaps()) == 0 && pic.inside() {
			return pic, nil
		}
	}
	return nil, fmt.Errorf("picture: no room to name the people %s met in %d pixels: draw wider (--width)", ego.Name, o.Width)
}

// firstMeeting is the date and cable of a pair's first meeting.
func firstMeeting(e *graph.Edge) graph.Quote {
	if len(e.Quotes) > 0 {
		return e.Quotes[0]
	}
	q := graph.Quote{Date: e.First}
	if len(e.Cables) > 0 {
		q.Cable = e.Cables[0]
	}
	return q
}

// otherEnd is the person an edge joins to id.
func otherEnd(e *graph.Edge, id string) string {
	if e.Source == id {
		return e.Target
	}
	return e.Source
}

// inside reports whether every label lies inside the picture.
func (p *Picture) inside() bool {
	for _, l := range p.Labels {
		x0, y0, x1, y1 := l.Bounds()
		if x0 < 0 || y0 < 0 || x1 > p.Width || y1 > p.Height {
			return false
		}
	}
	return true
}

// shift moves everything drawn down by dy (up when negative), but the
// first labels (the title and caption above).
func (p *Picture) shift(labels int, dy float64) {
	for i := range p.Lines {
		l := &p.Lines[i]
		l.Y1, l.Y2, l.CY = l.Y1+dy, l.Y2+dy, l.CY+dy
	}
	for i := range p.Dots {
		p.Dots[i].Y += dy
	}
	for i := range p.Labels[labels:] {
		p.Labels[labels+i].Y += dy
	}
}

// egoNet is a person, their meetings (spokes, the most met first), the
// meetings among the people they met (ties) and everyone's node.
type egoNet struct {
	ego    *graph.Node
	spokes []*graph.Edge
	ties   []*graph.Edge
	all    map[string]bool // the ego and the people met
	nodes  map[string]*graph.Node
}

// draw draws the ego network with the first n spokes.
func (e *egoNet) draw(n int, o Options) *Picture {
	ego, spokes, nodes := e.ego, e.spokes, e.nodes
	shown := spokes[:n]
	index := map[string]int{}
	for i, s := range shown {
		index[otherEnd(s, ego.ID)] = i
	}
	// ties among the people around: drawn among the shown, counted among all
	var ties []*graph.Edge
	var lay []layout.Edge
	for _, t := range e.ties {
		a, okA := index[t.Source]
		b, okB := index[t.Target]
		if okA && okB {
			ties = append(ties, t)
			lay = append(lay, layout.Edge{A: a, B: b, Weight: float64(t.Weight)})
		}
	}
	comm := layout.Communities(n, lay)
	// around the circle: communities together, in the order of their most
	// met person, each from its most met
	firstOf := map[int]int{}
	for i, c := range comm {
		if _, ok := firstOf[c]; !ok {
			firstOf[c] = i
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return firstOf[comm[order[i]]] < firstOf[comm[order[j]]] })
	ids := make([]string, n)
	for i, s := range shown {
		ids[i] = otherEnd(s, ego.ID)
	}
	colorOf, _ := communityColors(ids, func(id string) int { return comm[index[id]] })

	cables := map[string]bool{}
	meetings := 0
	for _, s := range spokes {
		meetings += s.Weight
		for _, c := range s.Cables {
			cables[c] = true
		}
	}
	c := newCanvas(float64(o.Width))
	c.title("Whom " + ego.Name + " met, in the cables")
	shownNote := fmt.Sprintf("all %d drawn", len(spokes))
	if n < len(spokes) {
		shownNote = fmt.Sprintf("the %d met most drawn", n)
	}
	c.caption(fmt.Sprintf("%s (id %s) met %d %s in %d %s (%d %s in all; %s). "+
		"Each line gives the date and cable of the pair's first meeting, and +n for their n other meetings; "+
		"grey curves join people who met each other too; colours are communities (Louvain) among them.",
		ego.Name, ego.ID, len(spokes), plural(len(spokes), "person", "people"), len(cables), plural(len(cables), "cable", "cables"),
		meetings, plural(meetings, "meeting", "meetings"), shownNote))

	const nameSize, edgeSize = 11.0, 9.5
	// names as long as leaves the circle a radius of 0.27 of the side
	side := c.w
	room := side/2 - margin - 16 - 0.27*side
	names := make([]string, n)
	maxName := 0.0
	for i, id := range ids {
		names[i] = fit(shorten(nodes[id].Name, 28), nameSize, room)
		maxName = math.Max(maxName, textWidth(names[i], nameSize))
	}
	cx, cy := c.w/2, c.y+side/2
	radius := side/2 - margin - maxName - 16
	c.y += side
	pic := c.picture()
	header := len(pic.Labels)

	egoDot := Dot{X: cx, Y: cy, R: 8, Fill: "#222222", Title: fmt.Sprintf("%s: met %d %s", ego.Name, len(spokes), plural(len(spokes), "person", "people"))}
	pic.Labels = append(pic.Labels, Label{Text: fit(shorten(ego.Name, 40), 13*1.08, radius), X: cx, Y: cy + egoDot.R + 15, Size: 13, Bold: true, Anchor: Middle, Color: "#111111"})
	dots := make([]Dot, n)
	for k, i := range order {
		s := shown[i]
		th := -math.Pi/2 + 2*math.Pi*float64(k)/float64(n)
		ux, uy := math.Cos(th), math.Sin(th)
		r := 2.5 + 1.2*math.Sqrt(float64(s.Weight))
		dots[i] = Dot{X: cx + radius*ux, Y: cy + radius*uy, R: r, Fill: colorOf(comm[i]),
			Title: fmt.Sprintf("%s met %s: %d %s", ego.Name, nodes[ids[i]].Name, s.Weight, plural(s.Weight, "meeting", "meetings"))}
		deg := th * 180 / math.Pi
		// text along the spoke, turned to read left to right on either half
		nameAnchor, edgeAnchor := Start, End
		lx, ly := -uy, ux // the text's downward direction
		if ux < -1e-9 {
			deg += 180
			nameAnchor, edgeAnchor = End, Start
			lx, ly = uy, -ux
		}
		out := radius + r + 4
		pic.Labels = append(pic.Labels, Label{Text: names[i], X: cx + out*ux + 0.3*nameSize*lx, Y: cy + out*uy + 0.3*nameSize*ly,
			Size: nameSize, Angle: deg, Anchor: nameAnchor, Color: "#111111"})
		q := firstMeeting(s)
		date := q.Date
		if date == "" {
			date = "undated"
		}
		text := date + ", " + q.Cable
		if s.Weight > 1 {
			text += fmt.Sprintf(" +%d", s.Weight-1)
		}
		in := radius - r - 4
		pic.Labels = append(pic.Labels, Label{Text: text, X: cx + in*ux - 3*lx, Y: cy + in*uy - 3*ly,
			Size: edgeSize, Angle: deg, Anchor: edgeAnchor, Color: "#555555"})
		pic.Lines = append(pic.Lines, Line{X1: cx, Y1: cy, X2: dots[i].X, Y2: dots[i].Y, Width: 0.8 + 0.6*math.Log(float64(s.Weight)), Color: "#555555", Opacity: 0.7})
	}
	var curves []Line
	for _, t := range ties {
		a, b := dots[index[t.Source]], dots[index[t.Target]]
		mx, my := (a.X+b.X)/2, (a.Y+b.Y)/2
		curves = append(curves, Line{X1: a.X, Y1: a.Y, X2: b.X, Y2: b.Y, Curved: true, CX: cx + 0.4*(mx-cx), CY: cy + 0.4*(my-cy),
			Width: 0.6 + 0.3*math.Log(float64(t.Weight)), Color: "#9a9a9a", Opacity: 0.45})
	}
	pic.Lines = append(curves, pic.Lines...)
	pic.Dots = append(dots, egoDot)
	// the height the circle and its names take, not the whole square
	top, bottom := cy-radius, cy+radius
	for _, l := range pic.Labels[header:] {
		_, y0, _, y1 := l.Bounds()
		top, bottom = math.Min(top, y0), math.Max(bottom, y1)
	}
	pic.shift(header, cy-side/2+8-top)
	pic.Height = math.Ceil(bottom + (cy - side/2 + 8 - top) + margin)
	pic.Description = fmt.Sprintf("The ego network of %s: %d people met, %d drawn, each line labelled with the date and cable of the first meeting.", ego.Name, len(spokes), n)
	stats := map[int]bool{}
	for _, cm := range comm {
		stats[cm] = true
	}
	pic.Stats = Stats{People: len(nodes), Shown: len(e.all), Edges: len(spokes) + len(e.ties), Drawn: n + 1, Named: n + 1, Communities: len(stats)}
	return pic
}
